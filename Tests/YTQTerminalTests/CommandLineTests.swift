import Foundation
import Testing
import YTQCore
@testable import YTQTerminal

/// The `:` command line (tig, lazygit, vim): opened from the list, completed with Tab, run
/// with Enter, left with Esc; what it runs goes out as effects.
@Suite("Command line")
struct CommandLineTests {
    func state() -> UIState {
        Fixtures.listState(size: TerminalSize(columns: 100, rows: 30))
    }

    func typed(_ text: String, into state: inout UIState) -> [UIEffect] {
        state.handle(Array(text).map(Key.char))
    }

    @Test(": opens it on the bottom line, Esc leaves, Backspace on an empty line leaves too")
    func openAndLeave() {
        var state = state()
        state.handle(.char(":"))
        #expect(state.keyContext == .commandLine)
        _ = typed("q", into: &state)
        #expect(state.commandLine.text == "q", "q is typed, not quit")
        let bottom = RootView.render(state, now: Fixtures.now, zone: .utc).text.split(separator: "\n").last.map(String.init) ?? ""
        #expect(bottom.hasPrefix(":q") && bottom.contains("Tab complete"), "\(bottom)")
        state.handle(.escape)
        #expect(state.keyContext == .list)
        state.handle(.char(":"))
        #expect(state.commandLine.isEmpty, "a fresh line each time")
        state.handle(.backspace)
        #expect(state.keyContext == .list)
    }

    @Test("Tab completes a name as far as the names agree and lists them, then the argument")
    func completion() {
        var state = state()
        state.handle(.char(":"))
        _ = typed("re", into: &state)
        state.handle(.tab)
        #expect(state.commandLine.text == "re")
        #expect(state.statusMessage?.text == "retry-failed  remove-failed")
        _ = typed("t", into: &state)
        state.handle(.tab)
        #expect(state.commandLine.text == "retry-failed")
        state.handle(.escape)
        state.handle(.char(":"))
        _ = typed("so", into: &state)
        state.handle(.tab)
        #expect(state.commandLine.text == "sort ", "a command with an argument gets its space")
        _ = typed("s", into: &state)
        state.handle(.tab)
        #expect(state.commandLine.text == "sort s")
        #expect(state.statusMessage?.text == "status  size")
        _ = typed("i", into: &state)
        state.handle(.tab)
        #expect(state.commandLine.text == "sort size")
        state.handle(.escape)
        state.handle(.char(":"))
        _ = typed("filter status=fa", into: &state)
        state.handle(.tab)
        #expect(state.commandLine.text == "filter status=failed")
        state.handle(.escape)
        state.handle(.char(":"))
        _ = typed("zz", into: &state)
        state.handle(.tab)
        #expect(state.statusMessage?.kind == .failure && state.commandLine.text == "zz")
    }

    @Test("an unknown command or argument is said on the status line; the line stays to fix it")
    func errors() {
        var state = state()
        state.handle(.char(":"))
        _ = typed("bogus", into: &state)
        #expect(state.handle(.enter).isEmpty)
        #expect(state.statusMessage?.text == "No command :bogus; Tab lists the commands")
        #expect(state.statusMessage?.kind == .failure && state.keyContext == .commandLine)
        state.handle(.ctrl("u"))
        _ = typed("filter status=done", into: &state)
        #expect(state.handle(.enter).isEmpty)
        #expect(state.statusMessage?.text.hasPrefix("No status \"done\": use one of pending") == true)
        #expect(state.filter.isEmpty)
        state.handle(.ctrl("u"))
        _ = typed("sort", into: &state)
        state.handle(.enter)
        #expect(state.statusMessage?.text == "Usage: :sort added|title|status|size|progress")
        state.handle(.ctrl("u"))
        _ = typed("retry-failed now", into: &state)
        state.handle(.enter)
        #expect(state.statusMessage?.text == "Usage: :retry-failed")
        state.handle(.ctrl("u"))
        #expect(state.handle(.enter).isEmpty && state.keyContext == .list, "an empty line just closes")
    }

    @Test("the commands: bulk actions, sort, filter (text or exact status), help and quit")
    func commands() {
        var state = state()
        for (text, action) in [("retry-failed", BulkAction.retryFailed), ("clear-completed", .clearCompleted), ("remove-failed", .removeFailed)] {
            state.handle(.char(":"))
            _ = typed(text, into: &state)
            #expect(state.handle(.enter) == [.bulk(action)])
            #expect(state.keyContext == .list && state.statusMessage?.text == action.progressText)
        }
        state.handle(.char(":"))
        _ = typed("sort Size", into: &state)
        #expect(state.handle(.enter) == [.orderChanged(.size)])
        #expect(state.order == .size)
        state.handle(.char(":"))
        _ = typed("filter status=failed", into: &state)
        #expect(state.handle(.enter) == [.filterChanged])
        #expect(state.taskFilter == .status(.failed) && state.filter.text == "status=failed")
        state.handle(.char(":"))
        _ = typed("filter", into: &state)
        #expect(state.handle(.enter) == [.filterChanged])
        #expect(state.taskFilter == .all)
        state.handle(.char(":"))
        _ = typed("help", into: &state)
        state.handle(.enter)
        #expect(state.overlay == .help)
        state.handle(.escape)
        state.handle(.char(":"))
        _ = typed("q", into: &state)
        // As q: it asks first while this process runs downloads (the fixtures' #12 and #11).
        #expect(state.handle(.enter).isEmpty && state.overlay == .confirmQuit)
    }

    @Test("a bulk action's summary counts, with the queued and the failures")
    func summaries() {
        #expect(BulkAction.retryFailed.summary(done: 4, queued: 3) == "Retried 4 failed tasks; 3 queued")
        #expect(BulkAction.retryFailed.summary(done: 0) == "No failed tasks to retry")
        #expect(BulkAction.clearCompleted.summary(done: 1) == "Cleared 1 completed task from the list; the files stay")
        #expect(BulkAction.removeFailed.summary(done: 2, failed: 1) == "Removed 2 failed tasks; 1 could not be (see the error pane)")
    }

    @Test("a pasted command goes into the line")
    func paste() {
        var state = state()
        state.handle(.char(":"))
        state.handle(.paste("sort title"))
        #expect(state.commandLine.text == "sort title")
        #expect(state.handle(.enter) == [.orderChanged(.title)])
    }
}
