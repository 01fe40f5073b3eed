import Foundation
import Testing
import YTQCore
@testable import YTQTerminal

/// `s` cycles the list's order (htop, aria2p); the store orders, the border says which.
@Suite("Sort key")
struct SortKeyTests {
    @Test("s cycles the orders from the first row; the effect asks for a page in the new order and keeps it")
    func cycles() {
        var state = Fixtures.listState(size: TerminalSize(columns: 100, rows: 30), row: 3)
        #expect(state.order == .added)
        #expect(state.handle(.char("s")) == [.orderChanged(.title)])
        #expect(state.order == .title && state.selectedRow == 0)
        #expect(state.tasks.isEmpty && state.page.totalCount == Fixtures.page.totalCount, "old rows go, counts stay")
        #expect(state.needsRows)
        #expect(state.statusMessage?.text == "Sorted by title; s for the next order")
        for expected in [TaskOrder.status, .size, .progress, .added] {
            #expect(state.handle(.char("s")) == [.orderChanged(expected)])
        }
        // Only in the list: in the URL field s is a letter.
        state.focus = .form
        #expect(state.handle(.char("s")).isEmpty && state.url.text.hasSuffix("s"))
    }

    @Test("the list's top border names the order where it fits")
    func border() {
        var state = Fixtures.listState(size: TerminalSize(columns: 100, rows: 30))
        let text = { (state: UIState) in RootView.render(state, now: Fixtures.now, zone: .utc).text }
        #expect(text(state).contains("sort: newest first"))
        state.handle(.char("s"))
        state.replacePage(Fixtures.page)
        #expect(text(state).contains("sort: by title"))
        state.resize(to: TerminalSize(columns: 60, rows: 14))
        state.handle([.char("/")] + Array("a long filter text").map(Key.char))
        #expect(!text(state).contains("sort:"), "gives way to the title")
    }
}
