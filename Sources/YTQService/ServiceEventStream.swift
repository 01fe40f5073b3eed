import Foundation
import Hummingbird
import NIOCore
import ServiceLifecycle
import YTQCore
import YTQScheduler

/// `GET /v1/events`: the download events as Server-Sent Events, one per event, named by the
/// event and carrying its JSON object (with `channel`: `download.{id}`, and the whole `task`).
///
/// A user receives the events of the tasks they may see; of everyone else's only a bare
/// `QueueChanged` (no id, no URL, no title), so a screen can refresh the shared counts. A
/// client that goes away ends its stream at the next event; a slow one skips progress, never
/// a lifecycle event (`EventSubscription`).
struct ServiceEventStream: Sendable {
    let events: EventBus

    func response(_ request: Request, _ context: ServiceRequestContext, admins: ServiceAdmins) async -> Response {
        let requester: Requester
        do {
            requester = try await ServiceRoutes.requester(request, context, admins: admins)
        } catch {
            return ServiceRoutes.failure(error)
        }
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream"
        headers[.cacheControl] = "no-cache"
        return Response(status: .ok, headers: headers, body: ResponseBody { [events] writer in
            let subscription = events.subscribe(buffer: 256)
            // Whichever way this body ends (a client gone before the first write too), the
            // iterator goes with it and takes the subscription off the bus.
            var iterator = subscription.makeAsyncIterator()
            // A first comment line: the client knows the stream is open before any event.
            try await writer.write(ByteBuffer(string: ": ytq events\n\n"))
            // The service stopping ends every stream, so it never waits on one to drain.
            try await withGracefulShutdownHandler {
                while let event = await iterator.next() {
                    try await writer.write(ByteBuffer(string: Self.frame(event, for: requester)))
                }
            } onGracefulShutdown: {
                subscription.finish()
            }
            try await writer.finish(nil)
        })
    }

    /// One Server-Sent Event: `event: NAME` and `data: JSON`.
    static func frame(_ event: DownloadEvent, for requester: Requester) -> String {
        let body: ServiceAPI.EventBody
        if let owner = event.task?.requester, requester.mayManage(tasksOf: owner) {
            body = event.serviceBody
        } else if event.task == nil, requester.seesEveryone {
            body = event.serviceBody
        } else {
            // Another user's task, or a bare `TaskChanged` whose owner the event does not say
            // (a stop, a requeue): only that the queue changed.
            body = ServiceAPI.EventBody(fields: ["event": .string("QueueChanged")], task: nil)
        }
        let data = (try? ServiceAPI.text(body)) ?? "{}"
        let name: String
        if case .string(let text) = body.fields["event"] { name = text } else { name = "QueueChanged" }
        return "event: \(name)\ndata: \(data)\n\n"
    }
}
