import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import YTQCore

/// `TaskActions` for a shared queue: each action is one request to `ytq serve` over its Unix
/// socket (`ServiceAPI` v1). The service decides who asks from the kernel; the requester
/// passed here only contributes the SSH client address, as information.
///
/// A service that cannot be reached is `ActionError.service(kind: "unreachable", ...)`,
/// saying which socket and how to check on the service.
public struct ServiceClient: TaskActions {
    /// The service's socket, e.g. `/run/ytq/ytq.sock`.
    public let socketPath: String
    /// How long one request may take (the event stream has none).
    public var timeout: Duration = .seconds(30)

    public init(socketPath: String) {
        self.socketPath = socketPath
    }

    public func add(_ request: DownloadRequest, by requester: Requester, whenBusy: BusyPolicy) async throws(ActionError) -> DownloadTask {
        try await call(.POST, "/tasks", body: ServiceAPI.AddBody(url: request.url, format: request.format.description, whenBusy: whenBusy), by: requester)
    }

    public func cancel(id: Int64, by requester: Requester) async throws(ActionError) -> DownloadTask {
        try await call(.POST, "/tasks/\(id)/cancel", by: requester)
    }

    public func pause(id: Int64, by requester: Requester) async throws(ActionError) -> DownloadTask {
        try await call(.POST, "/tasks/\(id)/pause", by: requester)
    }

    public func resume(id: Int64, by requester: Requester, whenBusy: BusyPolicy) async throws(ActionError) -> Resumption {
        try await call(.POST, "/tasks/\(id)/resume", body: ServiceAPI.WhenBusyBody(whenBusy: whenBusy), by: requester)
    }

    public func retry(id: Int64, by requester: Requester, whenBusy: BusyPolicy) async throws(ActionError) -> DownloadTask {
        try await call(.POST, "/tasks/\(id)/retry", body: ServiceAPI.WhenBusyBody(whenBusy: whenBusy), by: requester)
    }

    public func queue(id: Int64, by requester: Requester) async throws(ActionError) -> DownloadTask {
        try await call(.POST, "/tasks/\(id)/queue", by: requester)
    }

    public func move(id: Int64, _ move: BacklogMove, by requester: Requester) async throws(ActionError) -> DownloadTask {
        try await call(.POST, "/tasks/\(id)/move", body: ServiceAPI.MoveBody(move: move), by: requester)
    }

    public func remove(id: Int64, deleteFile: Bool, by requester: Requester) async throws(ActionError) -> Removal {
        try await call(.DELETE, "/tasks/\(id)" + (deleteFile ? "?delete_file=true" : ""), by: requester)
    }

    public func list(status: DownloadStatus?, limit: Int?, before: Int64?, by requester: Requester) async throws(ActionError) -> [DownloadTask] {
        var query: [String] = []
        if let status { query.append("status=\(status.rawValue)") }
        if let limit { query.append("limit=\(limit)") }
        if let before { query.append("before=\(before)") }
        let list: ServiceAPI.TaskList = try await call(.GET, "/tasks" + (query.isEmpty ? "" : "?" + query.joined(separator: "&")), by: requester)
        return list.tasks
    }

    public func urlHistory(limit: Int, by requester: Requester) async throws(ActionError) -> [String] {
        let list: ServiceAPI.URLList = try await call(.GET, "/history?limit=\(limit)", by: requester)
        return list.urls
    }

    public func queuePlaces(of tasks: [DownloadTask], by requester: Requester) async throws(ActionError) -> [Int64: Int] {
        let queued = tasks.filter { $0.status == .queued }.map(\.id)
        guard !queued.isEmpty else { return [:] }
        return try await call(.POST, "/queue-places", body: queued, by: requester)
    }

    public func show(id: Int64, by requester: Requester) async throws(ActionError) -> DownloadTask {
        try await call(.GET, "/tasks/\(id)", by: requester)
    }

    public func page(
        filter: TaskFilter, order: TaskOrder, offset: Int, limit: Int, fields: TaskFields, by requester: Requester
    ) async throws(ActionError) -> TaskPage {
        let encoded = filter.text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        // The defaults (newest first, whole tasks) are left out, so a service that predates
        // them answers as before.
        let ordered = order == .default ? "" : "&order=\(order.rawValue)"
        let listed = fields == .whole ? "" : "&fields=\(fields.rawValue)"
        return try await call(.GET, "/page?offset=\(max(0, offset))&limit=\(limit)&filter=\(encoded)" + ordered + listed, by: requester)
    }

    /// Fails, saying why and what to check, when nothing answers on the socket (the screen
    /// asks before it takes over the terminal; a request that cannot connect says the same).
    public func checkReachable() throws(ActionError) {
        if let problem = UnixSocketProbe.problem(connecting: socketPath) { throw unreachable(problem) }
    }

    // MARK: - One request

    private struct NoBody: Encodable {}

    private func call<Answer: Decodable>(_ method: HTTPMethod, _ path: String, by requester: Requester) async throws(ActionError) -> Answer {
        try await call(method, path, body: Optional<NoBody>.none, by: requester)
    }

    private func call<Body: Encodable, Answer: Decodable>(
        _ method: HTTPMethod, _ path: String, body: Body?, by requester: Requester
    ) async throws(ActionError) -> Answer {
        let response: HTTPClientResponse
        let bytes: ByteBuffer
        do {
            var request = HTTPClientRequest(url: try url(ServiceAPI.prefix + path))
            request.method = method
            request.headers.add(name: ServiceAPI.clientAddressHeader, value: requester.ipAddress)
            if let body {
                request.headers.add(name: "Content-Type", value: "application/json")
                request.body = .bytes(ByteBuffer(bytes: try ServiceAPI.encoder().encode(body)))
            }
            response = try await ServiceConnection.client.execute(request, timeout: .seconds(timeout.components.seconds))
            bytes = try await response.body.collect(upTo: 64 << 20)
        } catch let error as ActionError {
            throw error
        } catch {
            // Why it failed, in the words `connect` has (no such file, refused, …), when the
            // socket is the cause.
            throw unreachable(UnixSocketProbe.problem(connecting: socketPath) ?? "\(error)")
        }
        let data = Data(bytes.readableBytesView)
        guard (200..<300).contains(response.status.code) else { throw failure(data, status: response.status) }
        do {
            return try ServiceAPI.decoder().decode(Answer.self, from: data)
        } catch {
            throw .service(kind: "bad_answer", message: "the shared queue at \(socketPath) answered something this ytq cannot read (\(error)); is it the same version?")
        }
    }

    /// `http+unix://<socket>/v1/...`.
    func url(_ path: String) throws(ActionError) -> String {
        guard let url = URL(httpURLWithSocketPath: socketPath, uri: path) else {
            throw .service(kind: "bad_socket", message: "\(socketPath) cannot be used as the shared queue's socket path")
        }
        return url.absoluteString
    }

    private func failure(_ data: Data, status: HTTPResponseStatus) -> ActionError {
        guard let body = try? ServiceAPI.decoder().decode(ServiceAPI.ErrorBody.self, from: data) else {
            return .service(kind: "http_\(status.code)", message: "the shared queue at \(socketPath) answered \(status.code) \(status.reasonPhrase)")
        }
        return body.error.detail ?? .service(kind: body.error.kind, message: body.error.message)
    }

    private func unreachable(_ problem: String) -> ActionError {
        let reason: String
        if FileManager.default.fileExists(atPath: socketPath) {
            reason = "\(problem); is `ytq serve` running? (`systemctl status ytq`)"
        } else {
            reason = "it does not exist; is `ytq serve` running? (`systemctl status ytq`), or unset `server` / YTQ_SERVER to use your own queue"
        }
        return .service(kind: "unreachable", message: "cannot reach the shared queue at \(socketPath): \(reason)")
    }
}
