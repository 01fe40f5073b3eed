import Synchronization
import YTQCore

/// One subscriber's queue of events. Publishing never waits: when the reader falls behind
/// by more than `limit` events, the oldest *progress* updates are dropped (a newer one says
/// more), but a lifecycle event (started, completed, failed, …) is never lost.
public final class EventSubscription: AsyncSequence, Sendable {
    public typealias Element = DownloadEvent

    struct State {
        var queue: [DownloadEvent] = []
        var head = 0
        var waiter: CheckedContinuation<DownloadEvent?, Never>?
        var finished = false

        var count: Int { queue.count - head }

        mutating func popFirst() -> DownloadEvent? {
            guard head < queue.count else { return nil }
            let event = queue[head]
            head += 1
            if head > 1024, head * 2 > queue.count {
                queue.removeFirst(head)
                head = 0
            }
            return event
        }
    }

    let limit: Int
    private let state = Mutex(State())
    private let onEnd: @Sendable () -> Void

    init(limit: Int, onEnd: @escaping @Sendable () -> Void) {
        self.limit = limit
        self.onEnd = onEnd
    }

    func push(_ event: DownloadEvent) {
        let waiter = state.withLock { state -> CheckedContinuation<DownloadEvent?, Never>? in
            guard !state.finished else { return nil }
            if let waiter = state.waiter {
                state.waiter = nil
                return waiter
            }
            state.queue.append(event)
            if state.count > limit, let index = state.queue[state.head...].firstIndex(where: \.isProgress) {
                state.queue.remove(at: index)
            }
            return nil
        }
        waiter?.resume(returning: event)
    }

    /// Ends the subscription: the reader gets what is queued, then the end.
    public func finish() {
        let waiter = state.withLock { state -> CheckedContinuation<DownloadEvent?, Never>? in
            state.finished = true
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume(returning: nil)
    }

    func next() async -> DownloadEvent? {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<DownloadEvent?, Never>) in
                let ready: DownloadEvent?? = state.withLock { state in
                    if let event = state.popFirst() { return .some(event) }
                    if state.finished || Task.isCancelled { return .some(nil) }
                    state.waiter = continuation
                    return .none
                }
                if let ready { continuation.resume(returning: ready) }
            }
        } onCancel: {
            self.finish()
            self.onEnd()
        }
    }

    /// Iterate a subscription once: when the loop ends, the subscription ends too.
    public struct AsyncIterator: AsyncIteratorProtocol {
        let token: IteratorToken

        public mutating func next() async -> DownloadEvent? {
            await token.subscription.next()
        }
    }

    /// Ends the subscription when the last copy of its iterator is gone (a `for await` loop
    /// that `break`s), so an abandoned subscriber stops collecting events.
    final class IteratorToken: Sendable {
        let subscription: EventSubscription
        init(_ subscription: EventSubscription) { self.subscription = subscription }
        deinit {
            subscription.finish()
            subscription.onEnd()
        }
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(token: IteratorToken(self))
    }
}

extension DownloadEvent {
    /// Progress updates may be dropped for a slow reader; nothing else may.
    var isProgress: Bool {
        if case .progressUpdated = self { return true }
        return false
    }
}
