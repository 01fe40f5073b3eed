import AsyncHTTPClient
import Foundation
import NIOCore
import YTQCore

extension ServiceClient {
    /// The service's events for this user (`GET /v1/events`), as they come. When the service
    /// goes away (a restart), it connects again, waiting 1 s and then up to 5 s between tries.
    /// Each connection starts with `.changed(taskID: 0)`, so a screen reloads what it shows;
    /// `QueueChanged` (another user's task) arrives the same way.
    public func events(by requester: Requester) -> AsyncStream<DownloadEvent> {
        let (stream, continuation) = AsyncStream.makeStream(of: DownloadEvent.self, bufferingPolicy: .bufferingNewest(1024))
        let reader = Task {
            var delay: Duration = .seconds(1)
            while !Task.isCancelled {
                do {
                    try await readEvents(by: requester) { event in
                        delay = .seconds(1)
                        continuation.yield(event)
                    }
                } catch {
                    // Unreachable or cut off: try again after a while.
                }
                try? await Task.sleep(for: delay)
                delay = min(delay * 2, .seconds(5))
            }
            continuation.finish()
        }
        continuation.onTermination = { _ in reader.cancel() }
        return stream
    }

    private func readEvents(by requester: Requester, _ deliver: (DownloadEvent) -> Void) async throws {
        var request = HTTPClientRequest(url: try url(ServiceAPI.prefix + "/events"))
        request.headers.add(name: ServiceAPI.clientAddressHeader, value: requester.ipAddress)
        let response = try await ServiceConnection.client.execute(request, deadline: .distantFuture)
        guard response.status == .ok else { return }
        deliver(.changed(taskID: 0))
        var parser = ServerSentEventParser()
        let decoder = ServiceAPI.decoder()
        for try await buffer in response.body {
            for data in parser.feed(buffer.readableBytesView) {
                guard let body = try? decoder.decode(ServiceAPI.EventBody.self, from: Data(data.utf8)) else { continue }
                deliver(DownloadEvent(serviceBody: body))
            }
        }
    }
}
