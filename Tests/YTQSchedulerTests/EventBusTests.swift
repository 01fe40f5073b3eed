import Testing
import YTQCore
@testable import YTQScheduler

@Suite("EventBus")
struct EventBusTests {
    static func event(_ id: Int64) -> DownloadEvent { .changed(taskID: id) }

    @Test("every subscriber gets every event, in order")
    func fanOut() async {
        let bus = EventBus()
        let first = bus.subscribe()
        let second = bus.subscribe()
        for id: Int64 in 1...3 { bus.publish(Self.event(id)) }
        bus.finish()
        var a: [Int64] = []
        for await event in first { a.append(event.taskID) }
        var b: [Int64] = []
        for await event in second { b.append(event.taskID) }
        #expect(a == [1, 2, 3])
        #expect(b == [1, 2, 3])
    }

    static func progress(_ id: Int64, bytes: Int64) -> DownloadEvent {
        let task = DownloadTask(id: id, userID: 1, ipAddress: "127.0.0.1", videoURL: "https://x.test/v", format: .preset(.best),
                                status: .downloading, createdAt: .distantPast, updatedAt: .distantPast)
        return .progressUpdated(task, DownloadProgress(downloadedBytes: bytes, totalBytes: 100_000))
    }

    @Test("a subscriber that never reads does not block publishing; it loses old progress, never a lifecycle event")
    func slowSubscriber() async {
        let bus = EventBus()
        let stalled = bus.subscribe(buffer: 8)
        let live = bus.subscribe(buffer: 100_000)
        for bytes in 1...50_000 {
            bus.publish(Self.progress(1, bytes: Int64(bytes)))
            if bytes % 10_000 == 0 { bus.publish(Self.event(Int64(bytes))) }
        }
        bus.finish()
        var lifecycle: [Int64] = []
        var lastBytes: Int64 = 0
        var kept = 0
        for await event in stalled {
            kept += 1
            if case .progressUpdated(_, let progress) = event {
                #expect(progress.downloadedBytes > lastBytes, "in order")
                lastBytes = progress.downloadedBytes
            } else {
                lifecycle.append(event.taskID)
            }
        }
        #expect(lifecycle == [10_000, 20_000, 30_000, 40_000, 50_000])
        #expect(lastBytes == 50_000, "the newest progress survives")
        #expect(kept <= 8 + 5)
        var count = 0
        for await _ in live { count += 1 }
        #expect(count == 50_005)
    }

    @Test("a subscriber that stops reading is dropped")
    func unsubscribe() async {
        let bus = EventBus()
        do {
            let stream = bus.subscribe()
            let reader = Task { for await _ in stream { break } }
            bus.publish(Self.event(1))
            await reader.value
        }
        bus.publish(Self.event(2))
        let late = bus.subscribe()
        bus.publish(Self.event(3))
        bus.finish()
        var seen: [Int64] = []
        for await event in late { seen.append(event.taskID) }
        #expect(seen == [3])
    }
}
