import Synchronization
import YTQCore

/// Fans download events out to any number of subscribers, never waiting for one.
///
/// Each subscriber has its own queue (`EventSubscription`): a slow reader (a busy terminal, a
/// blocked pipe) never slows a download; it may miss intermediate progress updates, never a
/// lifecycle event.
public final class EventBus: Sendable {
    private let subscribers = Mutex<[Int: EventSubscription]>([:])
    private let handlers = Mutex<[@Sendable (DownloadEvent) -> Void]>([])
    private let nextID = Atomic<Int>(0)

    public init() {}

    /// A new subscription; it ends when the consumer stops iterating or the bus finishes.
    /// `buffer` bounds the queued progress updates.
    public func subscribe(buffer: Int = 1024) -> EventSubscription {
        let id = nextID.add(1, ordering: .relaxed).newValue
        let subscription = EventSubscription(limit: max(1, buffer)) { [weak self] in
            self?.subscribers.withLock { _ = $0.removeValue(forKey: id) }
        }
        subscribers.withLock { $0[id] = subscription }
        return subscription
    }

    /// Calls `handler` with every event from now until `finish()`, on the publisher's thread,
    /// in order: no task wakes up to pass it on. `handler` must return at once (the screen's
    /// inbox: a queue and a pipe).
    public func observe(_ handler: @escaping @Sendable (DownloadEvent) -> Void) {
        handlers.withLock { $0.append(handler) }
    }

    /// Delivers `event` to every current subscriber without blocking.
    public func publish(_ event: DownloadEvent) {
        let targets = subscribers.withLock { Array($0.values) }
        for subscription in targets { subscription.push(event) }
        for handler in handlers.withLock({ $0 }) { handler(event) }
    }

    /// Ends every subscription.
    public func finish() {
        let targets = subscribers.withLock { current -> [EventSubscription] in
            defer { current.removeAll() }
            return Array(current.values)
        }
        for subscription in targets { subscription.finish() }
        handlers.withLock { $0.removeAll() }
    }
}
