import CChildSpawn
import Foundation
import Synchronization
import YTQCore
#if canImport(Glibc)
import Glibc
#endif

/// One thread (`ytq-children`) that reads the output of every running child and notices each
/// one's exit, sleeping in `epoll_wait` between: a line of yt-dlp costs this thread one wake-up,
/// and no child costs a timer.
///
/// `watch` hands the thread a child; `onOutput` runs on the thread for each chunk of its stdout
/// or stderr, in order. Once the child has exited, what it left in its pipes is read, the pipes
/// are closed (a grandchild still holding them is not waited for) and the child is reaped.
final class ChildOutputLoop: Sendable {
    /// Which pipe a chunk came from.
    enum Stream: Sendable { case stdout, stderr }

    static let shared = ChildOutputLoop()

    private struct Watched {
        let child: SpawnedChild
        /// -1 where pidfd_open is not available: the child is then looked at every poll interval.
        let pidfd: Int32
        var openPipes: Set<Int32>
        let onOutput: @Sendable (Stream, UnsafeRawBufferPointer) -> Void
        let onExit: @Sendable (YtDlpExitStatus) -> Void
    }

    /// A registered descriptor. epoll reports its token, never its number: a number closed
    /// and reused by a newer child while a batch of events is handled cannot be mistaken for it.
    private struct Registration {
        let pid: Int32
        let descriptor: Int32
    }

    private struct State {
        var watched: [Int32: Watched] = [:]                // by pid
        var registrations: [UInt64: Registration] = [:]    // by token
        var tokens: [Int32: UInt64] = [:]                  // descriptor → token
        var nextToken: UInt64 = 1                          // 0 is the wake-up's
    }

    private static let pollInterval: Int32 = 100
    private let epoll: Int32
    private let wakeup: Int32
    private let state = Mutex(State())

    private init() {
        epoll = epoll_create1(Int32(EPOLL_CLOEXEC))
        wakeup = eventfd(0, Int32(EFD_CLOEXEC | EFD_NONBLOCK))
        Self.add(wakeup, token: 0, to: epoll)
        NamedThread.start("ytq-children") { self.run() }
    }

    /// Reads `child`'s output until it exits; returns its exit status (it is reaped).
    func watch(_ child: SpawnedChild, onOutput: @escaping @Sendable (Stream, UnsafeRawBufferPointer) -> Void) async -> YtDlpExitStatus {
        await withCheckedContinuation { continuation in
            let pidfd = ytq_pidfd_open(child.pid)
            if pidfd >= 0 { _ = fcntl(pidfd, F_SETFD, FD_CLOEXEC) }
            let watched = Watched(
                child: child, pidfd: pidfd, openPipes: [child.stdout, child.stderr], onOutput: onOutput,
                onExit: { continuation.resume(returning: $0) }
            )
            let registered = state.withLock { state -> [(Int32, UInt64)] in
                state.watched[child.pid] = watched
                return [child.stdout, child.stderr, pidfd].filter { $0 >= 0 }.map { descriptor in
                    let token = state.nextToken
                    state.nextToken += 1
                    state.registrations[token] = Registration(pid: child.pid, descriptor: descriptor)
                    state.tokens[descriptor] = token
                    return (descriptor, token)
                }
            }
            for (descriptor, token) in registered { Self.add(descriptor, token: token, to: epoll) }
            // The thread may be asleep without a timeout: wake it to look at a child without a pidfd.
            if pidfd < 0 { poke() }
        }
    }

    private func poke() {
        var one: UInt64 = 1
        _ = write(wakeup, &one, 8)
    }

    private func run() {
        var events = [epoll_event](repeating: epoll_event(), count: 32)
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let polling = state.withLock { $0.watched.values.contains { $0.pidfd < 0 } }
            let count = epoll_wait(epoll, &events, Int32(events.count), polling ? Self.pollInterval : Int32(-1))
            if count < 0 {
                if errno == EINTR { continue }
                return
            }
            for event in events.prefix(Int(count)) {
                let token = event.data.u64
                if token == 0 {
                    var value: UInt64 = 0
                    _ = read(wakeup, &value, 8)
                    continue
                }
                // Gone already (its child finished earlier in this batch): a stale event.
                let target = state.withLock { state -> (Registration, exited: Bool)? in
                    guard let registration = state.registrations[token] else { return nil }
                    return (registration, registration.descriptor == state.watched[registration.pid]?.pidfd)
                }
                guard let (registration, exited) = target else { continue }
                if exited {
                    finish(pid: registration.pid, buffer: &buffer)
                } else {
                    drain(registration.descriptor, of: registration.pid, buffer: &buffer)
                }
            }
            if polling {
                let candidates = state.withLock { $0.watched.values.filter { $0.pidfd < 0 }.map(\.child.pid) }
                for pid in candidates where Self.hasExited(pid) { finish(pid: pid, buffer: &buffer) }
            }
        }
    }

    /// Reads what `descriptor` holds now; at its end, stops watching and closes it.
    private func drain(_ descriptor: Int32, of pid: Int32, buffer: inout [UInt8]) {
        guard let watched = state.withLock({ $0.watched[pid] }) else { return }
        let stream: Stream = descriptor == watched.child.stdout ? .stdout : .stderr
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                buffer.withUnsafeBytes { watched.onOutput(stream, UnsafeRawBufferPointer(rebasing: $0.prefix(count))) }
                continue
            }
            if count < 0, errno == EINTR { continue }
            if count < 0, errno == EAGAIN || errno == EWOULDBLOCK { return }
            // The end (0), or an error: this pipe is done.
            closeDescriptor(descriptor, of: pid)
            return
        }
    }

    /// The child has exited: what it wrote is read, its pipes closed, and it is reaped.
    private func finish(pid: Int32, buffer: inout [UInt8]) {
        guard let watched = state.withLock({ $0.watched[pid] }) else { return }
        for descriptor in [watched.child.stdout, watched.child.stderr] where watched.openPipes.contains(descriptor) {
            drain(descriptor, of: pid, buffer: &buffer)
            closeDescriptor(descriptor, of: pid)
        }
        if watched.pidfd >= 0 { closeDescriptor(watched.pidfd, of: pid) }
        state.withLock { _ = $0.watched.removeValue(forKey: pid) }
        watched.onExit(Self.reap(pid))
    }

    private func closeDescriptor(_ descriptor: Int32, of pid: Int32) {
        let owned = state.withLock { state -> Bool in
            guard let token = state.tokens.removeValue(forKey: descriptor) else { return false }
            state.registrations[token] = nil
            state.watched[pid]?.openPipes.remove(descriptor)
            return true
        }
        guard owned else { return }
        _ = epoll_ctl(epoll, EPOLL_CTL_DEL, descriptor, nil)
        close(descriptor)
    }

    private static func add(_ descriptor: Int32, token: UInt64, to epoll: Int32) {
        var event = epoll_event()
        event.events = EPOLLIN.rawValue
        event.data.u64 = token
        _ = epoll_ctl(epoll, EPOLL_CTL_ADD, descriptor, &event)
    }

    /// Whether the (unreaped) child has exited, without reaping it.
    private static func hasExited(_ pid: Int32) -> Bool {
        var info = siginfo_t()
        return waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0 && info._sifields._sigchld.si_pid == pid
    }

    private static func reap(_ pid: Int32) -> YtDlpExitStatus {
        var status: Int32 = 0
        while true {
            let result = waitpid(pid, &status, 0)
            if result == pid { break }
            if result < 0, errno == EINTR { continue }
            // Reaped elsewhere (SIGCHLD ignored): its status is lost.
            return .exited(255)
        }
        let signal = status & 0x7f
        return signal == 0 ? .exited((status >> 8) & 0xff) : .signaled(signal)
    }
}
