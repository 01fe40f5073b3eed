import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Wakes its reader when the database file changes, whichever process wrote it.
///
/// Watches the database's folder with inotify for writes to the file and its `-wal`, so a
/// task added by `ytq add` in another terminal reaches a running worker within milliseconds,
/// without polling. It also yields once per `fallbackInterval` (default 1 s) as a safety net
/// (and where inotify is unavailable).
public struct DatabaseChangeMonitor: Sendable {
    public let databasePath: String
    public let fallbackInterval: Duration

    public init(databasePath: String, fallbackInterval: Duration = .seconds(1)) {
        self.databasePath = databasePath
        self.fallbackInterval = fallbackInterval
    }

    /// A stream of wake-ups; stops watching when the consumer stops iterating.
    public func changes() -> AsyncStream<Void> {
        let (stream, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let stopped = StopFlag()
        continuation.onTermination = { _ in stopped.stop() }
        let path = databasePath
        let timeoutMS = Int32(clamping: fallbackInterval.components.seconds * 1000 + fallbackInterval.components.attoseconds / 1_000_000_000_000_000)
        let thread = Thread {
            Self.watch(path: path, timeoutMS: max(timeoutMS, 10), stopped: stopped) { continuation.yield() }
            continuation.finish()
        }
        thread.name = "ytq-db-monitor"
        thread.start()
        return stream
    }

    private static func watch(path: String, timeoutMS: Int32, stopped: StopFlag, wake: () -> Void) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let names: Set<String> = [url.lastPathComponent, url.lastPathComponent + "-wal"]
        #if os(Linux)
        let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        let mask = UInt32(IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE)
        let watching = fd >= 0 && inotify_add_watch(fd, folder, mask) >= 0
        defer { if fd >= 0 { close(fd) } }
        #else
        let fd: Int32 = -1
        let watching = false
        #endif
        var buffer = [UInt8](repeating: 0, count: 8192)
        while !stopped.isStopped {
            guard watching else {
                usleep(useconds_t(timeoutMS) * 1000)
                wake()
                continue
            }
            var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            // Short polls so a finished consumer is noticed promptly; a wake-up at least each timeout.
            let ready = poll(&pfd, 1, timeoutMS)
            if ready == 0 {
                wake()
                continue
            }
            if ready < 0 { continue }
            if Self.drain(fd: fd, buffer: &buffer, names: names) { wake() }
        }
    }

    /// Reads the pending inotify events; true when one names the database or its WAL.
    private static func drain(fd: Int32, buffer: inout [UInt8], names: Set<String>) -> Bool {
        var relevant = false
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            guard count > 0 else { return relevant }
            var offset = 0
            while offset + 16 <= count {
                // struct inotify_event { int wd; uint32_t mask, cookie, len; char name[]; }
                let length = buffer.withUnsafeBytes { Int($0.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self)) }
                if length > 0, offset + 16 + length <= count {
                    let nameBytes = buffer[(offset + 16)..<(offset + 16 + length)].prefix { $0 != 0 }
                    if names.contains(String(decoding: nameBytes, as: UTF8.self)) { relevant = true }
                }
                offset += 16 + length
            }
        }
    }
}

/// A flag set once from any thread.
final class StopFlag: Sendable {
    private let value = Atomic<Bool>(false)
    func stop() { value.store(true, ordering: .relaxed) }
    var isStopped: Bool { value.load(ordering: .relaxed) }
}
