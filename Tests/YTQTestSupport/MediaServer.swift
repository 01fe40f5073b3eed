import Foundation

/// `Tests/Fixtures/media_server.py` running on a loopback port, for downloads in tests.
///
/// ```swift
/// let server = try MediaServer(rate: 2_000_000)
/// defer { server.stop() }
/// let url = server.mediaURL(name: "clip.mp4", size: 1_000_000)
/// … MediaPattern.bytes(name: "clip.mp4", size: 1_000_000) is what the file must hold;
/// server.requests lists what was asked for (Range headers, bytes sent).
/// ```
/// The server exits when `stop()` closes its stdin (and is sent SIGTERM), so it never
/// outlives the test, even if the test fails.
public final class MediaServer: @unchecked Sendable {
    /// One finished request, as the server logged it.
    public struct Request: Sendable, Decodable, Equatable {
        public var method: String
        public var path: String
        public var range: String?
        public var status: Int
        /// Bytes written to the socket (for a cut connection, what was written before the cut).
        public var sent: Int64
        public var complete: Bool
    }

    /// Why the server could not start.
    public struct StartError: Error, CustomStringConvertible {
        public var description: String
    }

    public let port: Int
    private let process: ChildProcess
    private let log: RequestLog

    /// - Parameters:
    ///   - rate: default bandwidth cap in bytes/s for every download (0 = none); a URL's
    ///     `rate=` query overrides it.
    ///   - root: a folder served under `/files/`.
    ///   - stallTimeout: how long a `/stall/` request keeps its connection open.
    public init(rate: Int = 0, root: String? = nil, stallTimeout: Double = 30) throws {
        var arguments = ["python3", TestFixtures.mediaServerScript, "--rate", String(rate), "--stall-timeout", String(stallTimeout)]
        if let root { arguments += ["--root", root] }
        let process: ChildProcess
        do {
            process = try ChildProcess(arguments, stdin: .pipe, stdout: .pipe)
        } catch {
            throw StartError(description: "could not start python3 \(TestFixtures.mediaServerScript): \(error)")
        }
        let log = RequestLog()
        if let reader = process.output {
            Thread.detachNewThread { log.readLines(from: reader) }
        }
        guard let port = log.waitForPort(timeout: 15) else {
            try? process.input?.close()
            process.signal(SIGKILL)
            _ = process.waitBlocking()
            throw StartError(description: "media_server.py printed no port within 15 s")
        }
        self.port = port
        self.process = process
        self.log = log
    }

    deinit { stop() }

    /// `http://127.0.0.1:PORT`.
    public var baseURL: String { "http://127.0.0.1:\(port)" }

    /// `baseURL` + `path` (which starts with `/`).
    public func url(_ path: String) -> String { baseURL + path }

    /// The URL of a generated file of `size` bytes (see `MediaPattern`), optionally capped at
    /// `rate` bytes/s.
    public func mediaURL(name: String, size: Int, rate: Int? = nil) -> String {
        var url = "\(baseURL)/media/\(name)?size=\(size)"
        if let rate { url += "&rate=\(rate)" }
        return url
    }

    /// The requests finished so far, oldest first.
    public var requests: [Request] { log.requests }

    /// Waits until `count` requests have finished, or `timeout` seconds pass.
    @discardableResult
    public func waitForRequests(count: Int, timeout: Double = 10) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while log.requests.count < count {
            if Date() >= deadline { return false }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return true
    }

    /// Stops the server and waits for it to exit; safe to call more than once.
    public func stop() {
        guard process.isRunning else { return }
        try? process.input?.close()
        process.signal(SIGTERM)
        _ = process.waitBlocking()
    }
}

/// The server's stdout, read on a background thread: the port, then request records.
private final class RequestLog: @unchecked Sendable {
    private let lock = NSCondition()
    private var port: Int?
    private var finished = false
    private var records: [MediaServer.Request] = []

    var requests: [MediaServer.Request] {
        lock.lock()
        defer { lock.unlock() }
        return records
    }

    func waitForPort(timeout: Double) -> Int? {
        let deadline = Date().addingTimeInterval(timeout)
        lock.lock()
        defer { lock.unlock() }
        while port == nil, !finished, lock.wait(until: deadline) {}
        return port
    }

    func readLines(from handle: FileHandle) {
        handle.forEachLine(accept)
        lock.lock()
        finished = true
        lock.broadcast()
        lock.unlock()
    }

    private func accept(_ line: Data) {
        lock.lock()
        defer { lock.unlock() }
        if port == nil {
            port = Int(String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespaces))
            lock.broadcast()
        } else if let record = try? JSONDecoder().decode(MediaServer.Request.self, from: line) {
            records.append(record)
        }
    }
}
