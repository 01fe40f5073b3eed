import Synchronization
import YTQCore

/// Fans download events out to any number of subscribers, never waiting for one.
///
/// Each subscriber gets its own `AsyncStream` that keeps only the newest `buffer` events when
/// it falls behind, so a slow reader (a busy terminal, a blocked pipe) never slows a download.
public final class EventBus: Sendable {
    private let subscribers = Mutex<[Int: AsyncStream<DownloadEvent>.Continuation]>([:])
    private let nextID = Atomic<Int>(0)

    public init() {}

    /// A new subscription; it ends when the consumer stops iterating or the bus finishes.
    public func subscribe(buffer: Int = 1024) -> AsyncStream<DownloadEvent> {
        let (stream, continuation) = AsyncStream<DownloadEvent>.makeStream(bufferingPolicy: .bufferingNewest(buffer))
        let id = nextID.add(1, ordering: .relaxed).newValue
        continuation.onTermination = { [weak self] _ in
            self?.subscribers.withLock { _ = $0.removeValue(forKey: id) }
        }
        subscribers.withLock { $0[id] = continuation }
        return stream
    }

    /// Delivers `event` to every current subscriber without blocking.
    public func publish(_ event: DownloadEvent) {
        let targets = subscribers.withLock { Array($0.values) }
        for continuation in targets { continuation.yield(event) }
    }

    /// Ends every subscription.
    public func finish() {
        let targets = subscribers.withLock { current -> [AsyncStream<DownloadEvent>.Continuation] in
            defer { current.removeAll() }
            return Array(current.values)
        }
        for continuation in targets { continuation.finish() }
    }
}
