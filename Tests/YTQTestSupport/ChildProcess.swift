import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A child process for tests, started with posix_spawn and reaped with waitpid on its own
/// pid. Foundation's `Process` is not used: it can miss the exit of a child (seen with
/// `tmux new-session`, whose server outlives it), hanging the test. The child starts with an
/// empty signal mask and default handlers, as from a shell, and with no descriptors but 0–2.
public final class ChildProcess: @unchecked Sendable {
    /// Where a standard stream goes.
    public enum Stream {
        case null
        /// A pipe this object holds the other end of (`input` / `output`).
        case pipe
        /// A file (created or truncated).
        case file(String)
    }

    public struct SpawnError: Error, CustomStringConvertible {
        public var description: String
    }

    public let pid: pid_t
    /// The write end of stdin, when stdin is `.pipe`.
    public let input: FileHandle?
    /// The read end of stdout, when stdout is `.pipe`.
    public let output: FileHandle?
    private let lock = NSLock()
    private var exitStatus: Int32?

    /// Starts `argv` (looked up on PATH) with `environment` (default: this process's).
    public init(_ argv: [String], environment: [String: String]? = nil,
                stdin: Stream = .null, stdout: Stream = .null, stderr: Stream = .null) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var closeAfter: [Int32] = []
        var input: FileHandle?
        var output: FileHandle?
        for (fd, stream) in [(Int32(0), stdin), (1, stdout), (2, stderr)] {
            switch stream {
            case .null:
                posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY, 0)
            case .file(let path):
                posix_spawn_file_actions_addopen(&actions, fd, path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            case .pipe:
                var ends: [Int32] = [-1, -1]
                guard systemPipe2(&ends, O_CLOEXEC) == 0 else { throw SpawnError(description: "pipe: \(errno)") }
                let childEnd = fd == 0 ? ends[0] : ends[1]
                let parentEnd = fd == 0 ? ends[1] : ends[0]
                posix_spawn_file_actions_adddup2(&actions, childEnd, fd)
                closeAfter.append(childEnd)
                if fd == 0 {
                    input = FileHandle(fileDescriptor: parentEnd, closeOnDealloc: true)
                } else {
                    output = FileHandle(fileDescriptor: parentEnd, closeOnDealloc: true)
                }
            }
        }
        // Only 0, 1 and 2 reach the child. Without this a long-lived child (a worker, the media
        // server) keeps every descriptor that was open anywhere in the test process at spawn
        // time — such as a script another test is still writing, which then fails to exec
        // with ETXTBSY ("Text file busy") for as long as that child lives.
        _ = systemAddCloseFrom(&actions, 3)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        var defaults = sigset_t()
        sigfillset(&defaults)
        sigdelset(&defaults, SIGKILL)
        sigdelset(&defaults, SIGSTOP)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let env = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
        var pid: pid_t = 0
        let result = Self.withCStrings(argv) { cArgv in
            Self.withCStrings(env) { cEnv in posix_spawnp(&pid, argv[0], &actions, &attributes, cArgv, cEnv) }
        }
        for fd in closeAfter { close(fd) }
        guard result == 0 else { throw SpawnError(description: "cannot run \(argv[0]): \(String(cString: strerror(result)))") }
        self.pid = pid
        self.input = input
        self.output = output
    }

    deinit {
        if isRunning {
            kill(pid, SIGKILL)
            _ = waitBlocking()
        }
    }

    /// Whether the child has not been reaped yet (it may be exiting).
    public var isRunning: Bool {
        lock.withLock {
            guard exitStatus == nil else { return false }
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid {
                exitStatus = Self.decode(status)
                return false
            }
            return true
        }
    }

    public func signal(_ signal: Int32) {
        if isRunning { kill(pid, signal) }
    }

    /// Waits for the child to exit; its exit code, or 128 + signal.
    public func waitBlocking() -> Int32 {
        if let status = lock.withLock({ exitStatus }) { return status }
        var status: Int32 = 0
        var reaped: pid_t
        repeat { reaped = waitpid(pid, &status, 0) } while reaped < 0 && errno == EINTR
        return lock.withLock {
            if exitStatus == nil { exitStatus = reaped == pid ? Self.decode(status) : -1 }
            return exitStatus ?? -1
        }
    }

    /// Waits on a thread of its own, so the caller's task does not block a shared thread.
    public func wait() async -> Int32 {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: self.waitBlocking()) }.start()
        }
    }

    /// Waits up to `timeout` for the child to exit, then SIGKILLs it; its exit code, or 128 +
    /// the signal.
    public func wait(killingAfter timeout: Duration) async -> Int32 {
        _ = await poll(within: timeout) { self.isRunning ? nil : true }
        signal(SIGKILL)
        return await wait()
    }

    /// Runs `argv` to the end on a thread of its own; stdout and stderr are read back.
    public static func run(_ argv: [String], environment: [String: String]? = nil) async throws -> (status: Int32, stdout: String, stderr: String) {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("child-\(UUID().uuidString)").path
        defer {
            try? FileManager.default.removeItem(atPath: base + ".out")
            try? FileManager.default.removeItem(atPath: base + ".err")
        }
        let child = try ChildProcess(argv, environment: environment, stdout: .file(base + ".out"), stderr: .file(base + ".err"))
        let status = await child.wait()
        let read = { (path: String) in String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self) }
        return (status, read(base + ".out"), read(base + ".err"))
    }

    static func decode(_ status: Int32) -> Int32 {
        (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }

    private static func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
        let pointers = strings.map { strdup($0) } + [nil]
        defer { pointers.forEach { free($0) } }
        return body(pointers)
    }
}

/// pipe2(2), which Glibc's Swift overlay does not expose: both ends close-on-exec from the
/// start, so a child spawned meanwhile by another thread cannot inherit them.
@_silgen_name("pipe2")
private func systemPipe2(_ descriptors: UnsafeMutablePointer<Int32>, _ flags: Int32) -> Int32

/// posix_spawn_file_actions_addclosefrom_np(3) (glibc 2.34+), which Glibc's Swift overlay does
/// not expose: the child closes every descriptor from `lowest` up before it runs.
@_silgen_name("posix_spawn_file_actions_addclosefrom_np")
private func systemAddCloseFrom(_ actions: UnsafeMutablePointer<posix_spawn_file_actions_t>, _ lowest: Int32) -> Int32
