import Foundation
import Testing
@testable import YTQTerminal

@Suite("Human formats")
struct HumanFormatTests {
    @Test("sizes and speeds")
    func sizes() {
        #expect(HumanFormat.bytes(0) == "0 B")
        #expect(HumanFormat.bytes(1023) == "1023 B")
        #expect(HumanFormat.bytes(1536 * 1024) == "1.5 MiB")
        #expect(HumanFormat.bytes(1024 * 1024 - 1) == "1.0 MiB")
        #expect(HumanFormat.bytes(5 * 1024 * 1024 * 1024) == "5.0 GiB")
        #expect(HumanFormat.speed(2.3 * 1024 * 1024) == "2.3 MiB/s")
        #expect(HumanFormat.speed(.infinity) == "-")
        #expect(HumanFormat.progressSize(downloaded: 18 << 20, total: 40 << 20) == "18.0/40.0 MiB")
        #expect(HumanFormat.progressSize(downloaded: 512 << 10, total: 2 << 30) == "512.0 KiB/2.0 GiB")
        #expect(HumanFormat.progressSize(downloaded: 100, total: nil) == "100 B")
    }

    @Test("durations", arguments: [(0, "0:00"), (5, "0:05"), (65, "1:05"), (3723, "1:02:03"), (400_000, ">99h")])
    func durations(seconds: Int, text: String) {
        #expect(HumanFormat.duration(seconds: seconds) == text)
    }

    @Test("times relative to today")
    func times() {
        #expect(HumanFormat.time(Fixtures.minutesAgo(30), now: Fixtures.now, zone: .utc) == "14:00")
        #expect(HumanFormat.time(Fixtures.minutesAgo(60 * 24 * 3), now: Fixtures.now, zone: .utc) == "Apr 28 14:30")
        #expect(HumanFormat.time(Fixtures.minutesAgo(60 * 24 * 400), now: Fixtures.now, zone: .utc) == "2025-03-27")
        #expect(HumanFormat.timestamp(Fixtures.now, zone: .utc) == "2026-05-01 14:30:00")
    }
}
