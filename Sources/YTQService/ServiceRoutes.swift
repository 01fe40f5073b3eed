import Foundation
import Hummingbird
import NIOCore
import YTQCore
import YTQScheduler

/// The routes of `ServiceAPI` v1. Each finds who asks from the kernel, decodes what it was
/// sent (bounded), runs the action through `EngineActions` as that user, and answers with
/// JSON or an `ErrorBody`. Nothing a request says decides who it is.
struct ServiceRoutes: Sendable {
    let actions: EngineActions
    let admins: ServiceAdmins
    let events: EventBus

    func register(on router: Router<ServiceRequestContext>) {
        // Added first, so it also wraps the router's "no such route".
        router.add(middleware: NotFoundAsJSON())
        let v1 = router.group("v1")
        v1.post("tasks") { request, context in
            await answer(request, context, status: .created, body: ServiceAPI.AddBody.self) { requester, body throws(ActionError) in
                try await actions.add(url: body.url, format: body.format, by: requester, whenBusy: body.whenBusy ?? .refuse)
            }
        }
        v1.get("tasks") { request, context in
            await answer(request, context) { requester throws(ServiceFailure) in
                let query = request.uri.queryParameters
                let status = try query["status"].map { text throws(ServiceFailure) in
                    guard let status = DownloadStatus(rawValue: String(text)) else {
                        throw .badRequest(kind: "bad_query", message: "status must be one of \(DownloadStatus.allCases.map(\.rawValue).joined(separator: ", "))")
                    }
                    return status
                }
                let limit = try Self.number(query["limit"], "limit").map { min(max(1, Int($0)), 1000) }
                let before = try Self.number(query["before"], "before")
                let tasks = try await Self.acting { () async throws(ActionError) in
                    try await actions.list(status: status, limit: limit ?? 100, before: before, by: requester)
                }
                return ServiceAPI.TaskList(tasks: tasks)
            }
        }
        v1.get("history") { request, context in
            await answer(request, context) { requester throws(ServiceFailure) in
                let limit = try Self.number(request.uri.queryParameters["limit"], "limit").map { min(max(1, Int($0)), 1000) } ?? 200
                let urls = try await Self.acting { () async throws(ActionError) in try await actions.urlHistory(limit: limit, by: requester) }
                return ServiceAPI.URLList(urls: urls)
            }
        }
        v1.get("tasks/:id") { request, context in
            await answer(request, context) { requester, id throws(ActionError) in try await actions.show(id: id, by: requester) }
        }
        v1.post("tasks/:id/cancel") { request, context in
            await answer(request, context) { requester, id throws(ActionError) in try await actions.cancel(id: id, by: requester) }
        }
        v1.post("tasks/:id/pause") { request, context in
            await answer(request, context) { requester, id throws(ActionError) in try await actions.pause(id: id, by: requester) }
        }
        v1.post("tasks/:id/queue") { request, context in
            await answer(request, context) { requester, id throws(ActionError) in try await actions.queue(id: id, by: requester) }
        }
        v1.post("tasks/:id/resume") { request, context in
            await answer(request, context, body: ServiceAPI.WhenBusyBody.self) { requester, id, body throws(ActionError) in
                try await actions.resume(id: id, by: requester, whenBusy: body.whenBusy ?? .refuse)
            }
        }
        v1.post("tasks/:id/retry") { request, context in
            await answer(request, context, body: ServiceAPI.WhenBusyBody.self) { requester, id, body throws(ActionError) in
                try await actions.retry(id: id, by: requester, whenBusy: body.whenBusy ?? .refuse)
            }
        }
        v1.post("tasks/:id/move") { request, context in
            await answer(request, context, body: ServiceAPI.MoveBody.self) { requester, id, body throws(ActionError) in
                try await actions.move(id: id, body.move, by: requester)
            }
        }
        v1.delete("tasks/:id") { request, context in
            await answer(request, context) { requester, id throws(ActionError) in
                let deleteFile = request.uri.queryParameters["delete_file"].map { $0 == "true" || $0 == "1" } ?? false
                return try await actions.remove(id: id, deleteFile: deleteFile, by: requester)
            }
        }
        v1.get("page") { request, context in
            await answer(request, context) { requester throws(ServiceFailure) in
                let query = request.uri.queryParameters
                let filter = try Self.parsed(query["filter"]) { text throws(ListQueryError) in try TaskFilter(parsing: text) } ?? .all
                let order = try Self.parsed(query["order"]) { text throws(ListQueryError) in try TaskOrder(parsing: text) } ?? .default
                let limit = try Self.number(query["limit"], "limit").map { min(max(1, Int($0)), 1000) } ?? 200
                let offset = try Self.number(query["offset"], "offset", from: 0).map { Int(min($0, Int64(Int32.max))) } ?? 0
                let fields = try Self.parsed(query["fields"]) { text throws(ListQueryError) in try TaskFields(parsing: text) } ?? .whole
                return try await Self.acting { () async throws(ActionError) in
                    try await actions.page(filter: filter, order: order, offset: offset, limit: limit, fields: fields, by: requester)
                }
            }
        }
        v1.post("queue-places") { request, context in
            await answer(request, context, status: .ok, body: [Int64].self) { requester, ids throws(ActionError) in
                var tasks: [DownloadTask] = []
                for id in ids.prefix(1000) {
                    if let task = try? await actions.show(id: id, by: requester) { tasks.append(task) }
                }
                return try await actions.queuePlaces(of: tasks, by: requester)
            }
        }
        v1.get("events") { request, context in
            await ServiceEventStream(events: events).response(request, context, admins: admins)
        }
    }

    // MARK: - Answering

    /// Who asks: the uid the kernel reports for this connection.
    static func requester(_ request: Request, _ context: ServiceRequestContext, admins: ServiceAdmins) async throws(ServiceFailure) -> Requester {
        guard let peer = await PeerCredentials.of(context.channel) else { throw .unidentified }
        let header = ServiceAPI.clientAddressHeader.lowercased()
        let reported = request.headers.first { $0.name.canonicalName == header }?.value
        return admins.requester(uid: peer.uid, reportedAddress: reported)
    }

    private func answer<Answer: Encodable>(
        _ request: Request, _ context: ServiceRequestContext, status: HTTPResponse.Status = .ok,
        _ act: (Requester) async throws(ServiceFailure) -> Answer
    ) async -> Response {
        do {
            let requester = try await Self.requester(request, context, admins: admins)
            return Self.json(try await act(requester), status: status)
        } catch {
            return Self.failure(error)
        }
    }

    private func answer<Answer: Encodable>(
        _ request: Request, _ context: ServiceRequestContext, _ act: (Requester, Int64) async throws(ActionError) -> Answer
    ) async -> Response {
        await answer(request, context) { requester throws(ServiceFailure) in
            let id = try Self.taskID(context)
            return try await Self.acting { () async throws(ActionError) in try await act(requester, id) }
        }
    }

    private func answer<Body: Decodable, Answer: Encodable>(
        _ request: Request, _ context: ServiceRequestContext, status: HTTPResponse.Status = .ok, body: Body.Type,
        _ act: (Requester, Body) async throws(ActionError) -> Answer
    ) async -> Response {
        await answer(request, context, status: status) { requester throws(ServiceFailure) in
            let decoded = try await Self.decode(Body.self, from: request)
            return try await Self.acting { () async throws(ActionError) in try await act(requester, decoded) }
        }
    }

    private func answer<Body: Decodable, Answer: Encodable>(
        _ request: Request, _ context: ServiceRequestContext, body: Body.Type,
        _ act: (Requester, Int64, Body) async throws(ActionError) -> Answer
    ) async -> Response {
        await answer(request, context) { requester throws(ServiceFailure) in
            let id = try Self.taskID(context)
            let decoded = try await Self.decode(Body.self, from: request)
            return try await Self.acting { () async throws(ActionError) in try await act(requester, id, decoded) }
        }
    }

    private static func acting<T>(_ body: () async throws(ActionError) -> T) async throws(ServiceFailure) -> T {
        do {
            return try await body()
        } catch {
            throw .action(error)
        }
    }

    private static func taskID(_ context: ServiceRequestContext) throws(ServiceFailure) -> Int64 {
        guard let id = context.parameters.get("id", as: Int64.self), id > 0 else {
            throw .badRequest(kind: "bad_path", message: "a task id is a whole number, e.g. /v1/tasks/12")
        }
        return id
    }

    private static func number(_ text: Substring?, _ name: String, from least: Int64 = 1) throws(ServiceFailure) -> Int64? {
        guard let text else { return nil }
        guard let value = Int64(text), value >= least else {
            throw .badRequest(kind: "bad_query", message: "\(name) must be a whole number from \(least)")
        }
        return value
    }

    /// A query parameter parsed into its type; what names nothing known is a `bad_query`.
    private static func parsed<T>(_ text: Substring?, _ parse: (String) throws(ListQueryError) -> T) throws(ServiceFailure) -> T? {
        guard let text else { return nil }
        do {
            return try parse(String(text))
        } catch {
            throw .badRequest(kind: "bad_query", message: error.description)
        }
    }

    /// The request body as `T`: at most `ServiceAPI.maxBodySize` bytes of JSON; an empty body
    /// is `{}` (the optional fields left out).
    private static func decode<T: Decodable>(_ type: T.Type, from request: Request) async throws(ServiceFailure) -> T {
        var request = request
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: ServiceAPI.maxBodySize)
        } catch {
            throw .badRequest(kind: "too_large", message: "the request body is larger than \(ServiceAPI.maxBodySize) bytes", status: .contentTooLarge)
        }
        let data = buffer.readableBytes == 0 ? Data("{}".utf8) : Data(buffer.readableBytesView)
        do {
            return try ServiceAPI.decoder().decode(T.self, from: data)
        } catch {
            throw .badRequest(kind: "bad_body", message: "the request body is not the JSON this route takes: \(Self.describe(error))")
        }
    }

    private static func describe(_ error: any Error) -> String {
        switch error as? DecodingError {
        case .keyNotFound(let key, _): return "\"\(key.stringValue)\" is missing"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return path.isEmpty ? context.debugDescription : "\"\(path)\": \(context.debugDescription)"
        case .none: return "\(error)"
        @unknown default: return "\(error)"
        }
    }

    static func json<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) -> Response {
        guard let data = try? ServiceAPI.encode(value) else {
            return failure(.badRequest(kind: "internal", message: "the answer could not be encoded", status: .internalServerError))
        }
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func failure(_ failure: ServiceFailure) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        let data = (try? ServiceAPI.encode(failure.body)) ?? Data("{\"error\":{\"kind\":\"internal\"}}".utf8)
        return Response(status: failure.status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
