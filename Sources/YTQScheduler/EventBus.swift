import Synchronization
import YTQCore

/// Fans download events out to any number of subscribers, never waiting for one.
///
/// Each subscriber has its own queue (`EventSubscription`): a slow reader (a busy terminal, a
/// blocked pipe) never slows a download; it may miss intermediate progress updates, never a
/// lifecycle event.
public final class EventBus: Sendable {
    private let subscribers = Mutex<[Int: EventSubscription]>([:])
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

    /// Delivers `event` to every current subscriber without blocking.
    public func publish(_ event: DownloadEvent) {
        let targets = subscribers.withLock { Array($0.values) }
        for subscription in targets { subscription.push(event) }
    }

    /// Ends every subscription.
    public func finish() {
        let targets = subscribers.withLock { current -> [EventSubscription] in
            defer { current.removeAll() }
            return Array(current.values)
        }
        for subscription in targets { subscription.finish() }
    }
}
