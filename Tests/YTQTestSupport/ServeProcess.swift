import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `ytq serve` run as root on a socket of its own, for tests of the shared queue through real
/// users: its folder (`/tmp/ytqt-serve-*`, 0755 so users reach the socket), a copy of `ytq`
/// they can run, and the server process. `stop()` ends it gracefully (SIGTERM, wait, SIGKILL
/// only past the timeout); `remove()` is for `defer`: it kills what is left (the server and
/// any yt-dlp it started) and deletes the folders.
public final class ServeProcess: @unchecked Sendable {
    /// Why the server did not come up: the reason and what it printed.
    public struct StartError: Error, CustomStringConvertible {
        public var description: String
    }

    /// The fixture's folder; everything the server writes is under it.
    public let root: String
    /// The `ytq` copy test users run (in a 0755 folder of its own).
    public let binary: String
    /// Options after `ytq serve --socket … --state-dir …` (e.g. `--per-user-limit 1`).
    public let arguments: [String]
    private let lock = NSLock()
    private var current: ChildProcess?
    private var starts = 0

    public var socketPath: String { root + "/run/ytq.sock" }
    public var stateDirectory: String { root + "/state" }
    public var library: String { stateDirectory + "/library" }
    /// The server's stderr so far (every start's, in order).
    public var log: String {
        (0..<lock.withLock { starts }).map { index in
            String(decoding: FileManager.default.contents(atPath: logPath(index)) ?? Data(), as: UTF8.self)
        }.joined()
    }

    /// Makes the folders and the copy, and starts the server; it answers when this returns.
    public init(_ arguments: [String] = []) async throws {
        root = "/tmp/ytqt-serve-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: false)
        chmod(root, 0o755)
        binary = try TestUsers.reachableCopy(of: YTQBinary.path)
        self.arguments = arguments
        do {
            try await start()
        } catch {
            remove()
            throw error
        }
    }

    /// The folder the library gives `user` (`<state>/library/<name>`).
    public func folder(of user: TestUsers.User) -> String { library + "/" + user.name }

    /// Starts a server (again) on the same socket and state folder, and waits until it answers.
    public func start() async throws {
        let index = lock.withLock { () -> Int in
            starts += 1
            return starts - 1
        }
        var environment = YTQBinary.isolatedEnvironment(home: root + "/root-home", extra: ["YTQ_SYSTEM_CONFIG": "/dev/null"])
        environment["PATH"] = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        let child = try ChildProcess(
            [YTQBinary.path, "serve", "--socket", socketPath, "--state-dir", stateDirectory] + arguments,
            environment: environment, stderr: .file(logPath(index)))
        lock.withLock { current = child }
        // True once it answers, false when it exited first, nil when 60 s went by.
        let answered = await poll(within: .seconds(60)) { () -> Bool? in
            if self.answers() { return true }
            return child.isRunning ? nil : false
        }
        switch answered {
        case true?: return
        case false?: throw StartError(description: "ytq serve exited (\(await child.wait())) before answering: \(log)")
        case nil: throw StartError(description: "ytq serve did not answer on \(socketPath) within 60 s: \(log)")
        }
    }

    /// The running server, if any.
    public var process: ChildProcess? { lock.withLock { current } }

    /// Sends `signal` and waits for the server to exit (SIGKILL past `timeout`); its exit status.
    @discardableResult
    public func stop(signal: Int32 = SIGTERM, timeout: Duration = .seconds(30)) async -> Int32 {
        guard let child = process else { return -1 }
        child.signal(signal)
        return await child.wait(killingAfter: timeout)
    }

    /// For `defer`: kills the server and every process with this fixture's folder on its
    /// command line (yt-dlp), and deletes the folders.
    public func remove() {
        if let child = process {
            child.signal(SIGKILL)
            _ = child.waitBlocking()
        }
        ProcessTable.kill(containing: root)
        try? FileManager.default.removeItem(atPath: root)
        try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: binary).deletingLastPathComponent().path)
    }

    /// What a client needs: this server, and no system config.
    public var clientEnvironment: [String: String] { ["YTQ_SYSTEM_CONFIG": "/dev/null", "YTQ_SERVER": socketPath] }

    /// `ytq arguments…` as `user`, a client of this server.
    public func ytq(_ arguments: [String], as user: TestUsers.User) async throws -> TestUsers.Result {
        try await user.run([binary] + arguments, environment: clientEnvironment)
    }

    /// `ytq arguments…` as root (who sees every task), a client of this server.
    public func ytqAsRoot(_ arguments: [String]) async throws -> TestUsers.Result {
        var environment = YTQBinary.isolatedEnvironment(home: root + "/root-home", extra: clientEnvironment)
        environment["PATH"] = "/usr/local/bin:/usr/bin:/bin"
        let result = try await ChildProcess.run([binary] + arguments, environment: environment)
        return TestUsers.Result(status: result.status, stdout: result.stdout, stderr: result.stderr)
    }

    /// An HTTP answer: the status code and the body.
    public struct HTTPAnswer: Sendable {
        public var status: Int
        public var body: String

        /// The body parsed as a JSON object, if it is one.
        public var object: [String: Any]? {
            (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any]
        }
    }

    /// One request to this server with `curl --unix-socket`, as `user` (root when nil); the
    /// body is sent from `bodyFile` (which the user must be able to read), or as `body`.
    public func curl(_ method: String, _ path: String, body: String? = nil, bodyFile: String? = nil,
                     as user: TestUsers.User?) async throws -> HTTPAnswer {
        var argv = ["curl", "-sS", "-o", "-", "-w", "\n%{http_code}", "--unix-socket", socketPath, "-X", method]
        if let body { argv += ["-H", "Content-Type: application/json", "-H", "Expect:", "--data-binary", body] }
        if let bodyFile { argv += ["-H", "Content-Type: application/json", "-H", "Expect:", "--data-binary", "@" + bodyFile] }
        argv.append("http://ytq" + path)
        let output: String
        if let user {
            output = try await user.run(argv).stdout
        } else {
            output = try await ChildProcess.run(argv, environment: ["PATH": "/usr/bin:/bin"]).stdout
        }
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false)
        return HTTPAnswer(status: Int(lines.last ?? "") ?? -1, body: lines.dropLast().joined(separator: "\n"))
    }

    /// The yt-dlp (or any process) still running for this server's state folder.
    public var strayDownloaders: [String] {
        ProcessTable.commands(containing: stateDirectory).filter { !$0.contains(" serve ") }
    }

    /// Whether the socket is there, open to every user (0666) and accepting connections.
    public func answers() -> Bool {
        var info = stat()
        guard lstat(socketPath, &info) == 0, info.st_mode & S_IFMT == S_IFSOCK, info.st_mode & 0o777 == 0o666 else { return false }
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(socketPath.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else { return false }
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            for (index, byte) in bytes.enumerated() { buffer[index] = byte }
        }
        let connected = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        return connected == 0
    }

    private func logPath(_ index: Int) -> String { root + "/serve-\(index).err" }
}
