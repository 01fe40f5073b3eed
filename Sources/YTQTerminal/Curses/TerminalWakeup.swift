#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Wakes `CursesTerminal.readKeys` from another thread: the scheduler's event forwarder calls
/// `wake()` after queueing an event, so the curses thread can sleep without polling.
///
/// A self-pipe: `wake()` writes one byte (never blocks; a full pipe already means "awake"),
/// and the terminal drains the pipe when `poll` reports it readable.
public final class TerminalWakeup: Sendable {
    let readDescriptor: Int32
    let writeDescriptor: Int32

    public init() throws(TerminalError) {
        var descriptors: [Int32] = [-1, -1]
        guard pipe(&descriptors) == 0 else { throw TerminalError("could not create a wake-up pipe") }
        for descriptor in descriptors {
            _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
            _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        }
        readDescriptor = descriptors[0]
        writeDescriptor = descriptors[1]
    }

    /// Makes the next (or current) `readKeys` return. Safe from any thread.
    public func wake() {
        var byte: UInt8 = 1
        _ = write(writeDescriptor, &byte, 1)
    }

    /// Empties the pipe (the curses thread, after waking up).
    func drain() {
        var buffer = [UInt8](repeating: 0, count: 64)
        while read(readDescriptor, &buffer, buffer.count) > 0 {}
    }

    deinit {
        close(readDescriptor)
        close(writeDescriptor)
    }
}
