import CChildSpawn
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A child process started for ytq: its pid (also its process group, in a session of its own)
/// and the read ends of its stdout and stderr pipes (non-blocking, close-on-exec).
struct SpawnedChild: Sendable {
    let pid: Int32
    let stdout: Int32
    let stderr: Int32

    /// Why a child could not start: the errno posix_spawn or pipe reported.
    struct Failure: Error {
        let errno: Int32
        /// The program is missing or cannot run (not found, not executable, not a program).
        var cannotRun: Bool { errno == ENOENT || errno == EACCES || errno == ENOEXEC || errno == ENOTDIR }
        var description: String { String(cString: strerror(errno)) }
    }

    /// Starts `executable` (a path) with `arguments` (without argv[0]) and exactly `environment`,
    /// in `workingDirectory`, stdin from /dev/null, no other descriptor of this process inherited.
    static func spawn(
        executable: String, arguments: [String], environment: [String: String], workingDirectory: String
    ) throws(Failure) -> SpawnedChild {
        var out: [Int32] = [-1, -1]
        var err: [Int32] = [-1, -1]
        guard ytq_pipe_cloexec(&out) == 0 else { throw Failure(errno: errno) }
        guard ytq_pipe_cloexec(&err) == 0 else {
            let code = errno
            close(out[0]); close(out[1])
            throw Failure(errno: code)
        }
        var pid: pid_t = 0
        let argv = [executable] + arguments
        let envp = environment.map { "\($0.key)=\($0.value)" }
        let rc = withCStrings(argv) { argvPointers in
            withCStrings(envp) { envpPointers in
                ytq_spawn_child(executable, argvPointers, envpPointers, workingDirectory, out[1], err[1], &pid)
            }
        }
        close(out[1]); close(err[1])
        guard rc == 0 else {
            close(out[0]); close(err[0])
            throw Failure(errno: rc)
        }
        for descriptor in [out[0], err[0]] {
            _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
        }
        return SpawnedChild(pid: pid, stdout: out[0], stderr: err[0])
    }

    /// `body` with a NULL-terminated array of C strings that live as long as the call.
    private static func withCStrings<R>(_ strings: [String], _ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>?) -> R) -> R {
        let pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) } + [nil]
        defer { for pointer in pointers { free(pointer) } }
        return pointers.withUnsafeBufferPointer { body($0.baseAddress) }
    }
}
