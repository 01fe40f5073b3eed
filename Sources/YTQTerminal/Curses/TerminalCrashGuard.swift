#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Puts the terminal back if the process dies while curses owns it: on a crash signal
/// (SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT, so also a Swift runtime trap) and at
/// `exit`. Only async-signal-safe calls run then: `tcsetattr` with the modes saved before
/// curses started, `write` of escape sequences that end bracketed paste and the alternate
/// screen and show the cursor, and a replay of the stderr captured while curses drew (its
/// control characters made harmless by `ReplayFilter`).
enum TerminalCrashGuard {
    nonisolated(unsafe) private static var savedModes = termios()
    nonisolated(unsafe) private static var armed = false
    nonisolated(unsafe) private static var savedStderr: Int32 = -1
    nonisolated(unsafe) private static var captureDescriptor: Int32 = -1
    nonisolated(unsafe) private static var installed = false
    private static let signals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT]

    /// Saves the terminal modes and installs the handlers; call before curses starts.
    static func arm() {
        _ = tcgetattr(STDIN_FILENO, &savedModes)
        armed = true
        guard !installed else { return }
        installed = true
        for number in signals {
            _ = signal(number) { number in
                TerminalCrashGuard.emergencyRestore()
                _ = signal(number, SIG_DFL)
                _ = raise(number)
            }
        }
        _ = atexit { TerminalCrashGuard.emergencyRestore() }
    }

    /// Sends stderr to a temporary file while curses draws, so nothing writes over the screen.
    static func captureStderr() {
        var template = Array("/tmp/ytq-stderr-XXXXXX".utf8CString)
        let descriptor = mkstemp(&template)
        guard descriptor >= 0 else { return }
        unlink(&template)
        savedStderr = dup(STDERR_FILENO)
        guard savedStderr >= 0, dup2(descriptor, STDERR_FILENO) >= 0 else {
            close(descriptor)
            return
        }
        captureDescriptor = descriptor
    }

    /// Gives stderr back and writes to it what was captured. Async-signal-safe.
    static func releaseStderr() {
        guard captureDescriptor >= 0, savedStderr >= 0 else { return }
        _ = dup2(savedStderr, STDERR_FILENO)
        _ = lseek(captureDescriptor, 0, SEEK_SET)
        var buffer: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
        var replay = ReplayFilter()
        withUnsafeMutableBytes(of: &buffer) { raw in
            guard let base = raw.baseAddress else { return }
            while true {
                let count = read(captureDescriptor, base, raw.count)
                if count <= 0 { break }
                replay.filter(UnsafeMutableRawBufferPointer(start: base, count: count))
                _ = write(STDERR_FILENO, base, count)
            }
        }
        close(captureDescriptor)
        close(savedStderr)
        captureDescriptor = -1
        savedStderr = -1
    }

    /// The normal exit path already restored the terminal: do nothing more at exit.
    static func disarm() {
        armed = false
    }

    /// Restores the saved modes and leaves curses' screen modes. Async-signal-safe.
    static func emergencyRestore() {
        guard armed else { return }
        armed = false
        let reset: StaticString = "\u{1B}[?2004l\u{1B}[0m\u{1B}[?25h\u{1B}[?1049l\r\n"
        _ = write(STDOUT_FILENO, reset.utf8Start, reset.utf8CodeUnitCount)
        _ = tcsetattr(STDIN_FILENO, TCSANOW, &savedModes)
        releaseStderr()
    }
}
