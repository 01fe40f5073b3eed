import Foundation
import Testing
import YTQCore
@testable import YTQTerminal

@Suite("Header")
struct HeaderViewTests {
    @Test("at 80 columns every status count shows beside the speed, cancelled too (the total gives way first)")
    func everyCount() {
        let state = Fixtures.busyState(size: TerminalSize(columns: 80, rows: 24))
        let header = RootView.render(state, now: Fixtures.now, zone: .utc).line(0)
        for part in ["2 downloading", "2 waiting", "1 failed", "2 done", "1 cancelled", "MiB/s"] {
            #expect(header.contains(part), "\(header)")
        }
    }

    @Test("with room, the total comes first")
    func total() {
        let state = Fixtures.busyState(size: TerminalSize(columns: 120, rows: 40))
        let header = RootView.render(state, now: Fixtures.now, zone: .utc).line(0)
        #expect(header.contains("8 tasks · 2 downloading"), "\(header)")
        #expect(header.contains("1 cancelled"), "\(header)")
    }
}
