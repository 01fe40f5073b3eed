import Foundation
import YTQCore
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Wakes its reader when the database file changes, whichever process wrote it (behind
/// `AppDatabase.changes()`).
///
/// Watches the database's folder with inotify for writes to the file and its `-wal`, so a
/// task added by `ytq add` in another terminal reaches a running worker within milliseconds.
/// It sleeps in `poll` with no timeout, so an idle process is not woken at all; where inotify
/// is unavailable it polls every `fallbackInterval` instead. The stream yields once as soon as
/// the watch is in place, so nothing changed in between is missed.
struct DatabaseChangeMonitor: Sendable {
    let databasePath: String
    let fallbackInterval: Duration

    init(databasePath: String, fallbackInterval: Duration = .seconds(1)) {
        self.databasePath = databasePath
        self.fallbackInterval = fallbackInterval
    }

    /// A stream of wake-ups; the watching thread ends when the consumer stops iterating.
    func changes() -> AsyncStream<Void> {
        let (stream, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let stop = StopSignal()
        continuation.onTermination = { _ in stop.fire() }
        let path = databasePath
        let fallbackMS = fallbackInterval.pollMilliseconds
        NamedThread.start("ytq-db-monitor") {
            Self.watch(path: path, fallbackMS: max(fallbackMS, 10), stop: stop) { continuation.yield() }
            continuation.finish()
            stop.close()
        }
        return stream
    }

    private static func watch(path: String, fallbackMS: Int32, stop: StopSignal, wake: () -> Void) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let names: Set<String> = [url.lastPathComponent, url.lastPathComponent + "-wal"]
        #if os(Linux)
        let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        // Deletions and moves away too: a process must notice its database file going.
        let mask = UInt32(IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_DELETE | IN_MOVED_FROM)
        let watching = fd >= 0 && inotify_add_watch(fd, folder, mask) >= 0
        defer { if fd >= 0 { close(fd) } }
        #else
        let fd: Int32 = -1
        let watching = false
        #endif
        var buffer = [UInt8](repeating: 0, count: 8192)
        // A change made before the watch existed would go unseen: wake the reader once now,
        // so it looks again with the watch in place.
        wake()
        while !stop.isFired {
            var descriptors = [pollfd(fd: stop.readDescriptor, events: Int16(POLLIN), revents: 0)]
            if watching { descriptors.append(pollfd(fd: fd, events: Int16(POLLIN), revents: 0)) }
            let ready = poll(&descriptors, nfds_t(descriptors.count), watching ? -1 : fallbackMS)
            if stop.isFired { return }
            if ready == 0 {
                wake()
            } else if ready > 0, watching, descriptors[1].revents != 0, drain(fd: fd, buffer: &buffer, names: names) {
                wake()
            }
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

/// A one-shot stop request that also wakes a thread blocked in `poll` (through a pipe).
final class StopSignal: Sendable {
    private let fired = Atomic<Bool>(false)
    private let descriptors: (read: Int32, write: Int32)

    init() {
        var pair: [Int32] = [-1, -1]
        if pipe(&pair) == 0 {
            _ = fcntl(pair[0], F_SETFD, FD_CLOEXEC)
            _ = fcntl(pair[1], F_SETFD, FD_CLOEXEC)
        }
        descriptors = (pair[0], pair[1])
    }

    var readDescriptor: Int32 { descriptors.read }
    var isFired: Bool { fired.load(ordering: .acquiring) }

    func fire() {
        guard !fired.exchange(true, ordering: .acquiringAndReleasing) else { return }
        var byte: UInt8 = 1
        _ = write(descriptors.write, &byte, 1)
    }

    /// Closes the pipe; call once the watching thread is done with it.
    func close() {
        if descriptors.read >= 0 { _ = Glibc.close(descriptors.read) }
        if descriptors.write >= 0 { _ = Glibc.close(descriptors.write) }
    }
}
