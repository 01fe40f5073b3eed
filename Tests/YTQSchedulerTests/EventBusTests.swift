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

    @Test("a subscriber that never reads does not block publishing; it keeps the newest events")
    func slowSubscriber() async {
        let bus = EventBus()
        let stalled = bus.subscribe(buffer: 8)
        let live = bus.subscribe(buffer: 100_000)
        for id in 1...50_000 { bus.publish(Self.event(Int64(id))) }
        bus.finish()
        var kept: [Int64] = []
        for await event in stalled { kept.append(event.taskID) }
        #expect(kept == Array(49_993...50_000))
        var count = 0
        for await _ in live { count += 1 }
        #expect(count == 50_000)
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
