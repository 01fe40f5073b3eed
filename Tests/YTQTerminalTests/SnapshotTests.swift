import Foundation
import Testing
import YTQCore
@testable import YTQTerminal

/// The views as text at fixed sizes with a fixed clock, compared with `Snapshots/*.txt`.
@Suite("View snapshots")
struct SnapshotTests {
    static let sizes = [TerminalSize(columns: 80, rows: 24), TerminalSize(columns: 120, rows: 40),
                        TerminalSize(columns: 20, rows: 5)]

    func render(_ state: UIState) -> Screen {
        RootView.render(state, now: Fixtures.now, zone: .utc)
    }

    @Test("busy list with the form focused", arguments: sizes)
    func busyForm(size: TerminalSize) {
        assertSnapshot(render(Fixtures.busyState(size: size)).text, named: "busy-form-\(size)")
    }

    @Test("busy list with the cursor on the failed task", arguments: sizes)
    func busyList(size: TerminalSize) {
        assertSnapshot(render(Fixtures.listState(size: size, row: 3)).text, named: "busy-list-\(size)")
    }

    @Test("empty list", arguments: sizes)
    func empty(size: TerminalSize) {
        assertSnapshot(render(UIState(size: size)).text, named: "empty-\(size)")
    }

    @Test("help overlay", arguments: sizes)
    func help(size: TerminalSize) {
        var state = Fixtures.listState(size: size)
        state.handle(.char("?"))
        assertSnapshot(render(state).text, named: "help-\(size)")
    }

    @Test("details of the failed task", arguments: sizes)
    func detailsFailed(size: TerminalSize) {
        var state = Fixtures.listState(size: size, row: 3)
        state.handle(.enter)
        // The loop reads the whole record (the fixture's rows are whole already).
        if let row = state.detailsRow { state.receiveDetails(row) }
        assertSnapshot(render(state).text, named: "details-failed-\(size)")
    }

    @Test("details of the running CJK task with its command line")
    func detailsRunning() {
        var state = Fixtures.listState(size: TerminalSize(columns: 120, rows: 40))
        state.handle(.enter)
        if let row = state.detailsRow { state.receiveDetails(row) }
        assertSnapshot(render(state).text, named: "details-running-120x40")
    }

    @Test("confirm quit and remove")
    func confirmations() {
        var quit = Fixtures.listState(size: TerminalSize(columns: 80, rows: 24))
        quit.handle(.char("q"))
        assertSnapshot(render(quit).text, named: "confirm-quit-80x24")
        var remove = Fixtures.listState(size: TerminalSize(columns: 80, rows: 24), row: 4)
        remove.handle(.char("d"))
        assertSnapshot(render(remove).text, named: "confirm-remove-80x24")
        var small = Fixtures.listState(size: TerminalSize(columns: 40, rows: 12), row: 4)
        small.handle(.char("d"))
        assertSnapshot(render(small).text, named: "confirm-remove-40x12")
    }

    @Test("the question before downloading a URL again", arguments: sizes)
    func confirmDuplicate(size: TerminalSize) throws {
        var state = Fixtures.busyState(size: size)
        let done = try #require(Fixtures.tasks.first { $0.id == 8 })
        state.url = TextField(done.videoURL)
        let effects = state.handle(.enter)
        guard case .checkDuplicate(let request) = effects.first else {
            Issue.record("no check: \(effects)")
            return
        }
        _ = state.duplicateChecked(request, existing: done)
        assertSnapshot(render(state).text, named: "confirm-duplicate-\(size)")
    }

    @Test("filtered list and the custom format field")
    func filterAndCustomFormat() {
        var state = Fixtures.listState(size: TerminalSize(columns: 80, rows: 24))
        state.handle([.char("/"), .char("c"), .char("a")])
        state.replacePage(Fixtures.pageMatchingCa)
        assertSnapshot(render(state).text, named: "filter-80x24")
        var custom = Fixtures.busyState(size: TerminalSize(columns: 80, rows: 24))
        custom.handle(.tab)
        custom.formatIndex = UIState.formatChoiceCount - 2
        custom.handle(.right)
        custom.handle(Array("bv*+ba/b").map(Key.char))
        assertSnapshot(render(custom).text, named: "custom-format-80x24")
    }

    @Test("between compact and full, too small, and a long URL scrolled to its cursor")
    func inBetweenSizes() {
        assertSnapshot(render(Fixtures.busyState(size: TerminalSize(columns: 60, rows: 14))).text, named: "busy-form-60x14")
        assertSnapshot(render(Fixtures.listState(size: TerminalSize(columns: 40, rows: 10))).text, named: "busy-list-40x10")
        assertSnapshot(render(Fixtures.busyState(size: TerminalSize(columns: 11, rows: 3))).text, named: "too-small-11x3")
        var long = UIState(size: TerminalSize(columns: 60, rows: 14))
        long.url = TextField("https://www.example.com/" + String(repeating: "日本語/abc/", count: 8) + "end")
        assertSnapshot(render(long).text, named: "long-url-60x14")
    }

    @Test("the command line with Tab's choices, over a list sorted by title")
    func commandLine() {
        var state = Fixtures.listState(size: TerminalSize(columns: 80, rows: 24))
        state.handle(.char("s"))
        state.replacePage(TaskListPage(tasks: Fixtures.tasks.sorted { ($0.title ?? "\u{10FFFF}") < ($1.title ?? "\u{10FFFF}") }))
        state.handle([.char(":"), .char("r"), .char("e"), .tab])
        assertSnapshot(render(state).text, named: "command-line-80x24")
    }

    @Test("styles of the busy list")
    func styles() {
        let screen = render(Fixtures.listState(size: TerminalSize(columns: 120, rows: 40), row: 3))
        assertSnapshot(screen.styleMap, named: "busy-list-120x40.styles")
    }
}
