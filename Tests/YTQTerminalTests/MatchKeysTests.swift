import Foundation
import Testing
import YTQCore
@testable import YTQTerminal

/// `n` / `N` go from match to match of the applied filter and say where each matched.
@Suite("Match keys")
struct MatchKeysTests {
    let size = TerminalSize(columns: 100, rows: 30)

    func filtered(_ text: String, page: TaskListPage) -> UIState {
        var state = UIState(size: size, clock: Fixtures.now)
        state.focus = .list
        state.handle(.char("/"))
        state.handle(text.map(Key.char))
        state.handle(.enter)
        state.replacePage(page)
        return state
    }

    @Test("without a filter, n says how to search")
    func noFilter() {
        var state = Fixtures.listState(size: size)
        #expect(state.handle(.char("n")).isEmpty)
        #expect(state.visibleStatus?.text == "No filter: / to search")
        #expect(state.selectedRow == 0)
    }

    @Test("n and N move among the matches, wrapping, and say where each matched and which it is")
    func wrap() {
        let tasks = [
            Fixtures.task(41, .failed, title: "Clip", created: 1, error: "HTTP Error 404: Not Found"),
            Fixtures.task(40, .completed, title: "Error compilation", created: 2),
            Fixtures.task(39, .completed, title: nil, url: "https://example.com/error-page", created: 3),
        ]
        var state = filtered("error", page: TaskListPage(tasks: tasks))
        state.handle(.char("n"))
        #expect(state.selectedTask?.id == 40)
        #expect(state.visibleStatus?.text == "2 of 3 — #40: in the title: Error compilation")
        state.handle(.char("n"))
        #expect(state.visibleStatus?.text == "3 of 3 — #39: in the URL: https://example.com/error-page")
        state.handle(.char("n"))
        #expect(state.selectedTask?.id == 41)
        #expect(state.visibleStatus?.text == "1 of 3, from the top — #41: in the error: HTTP Error 404: Not Found")
        state.handle(.char("N"))
        #expect(state.selectedTask?.id == 39)
        #expect(state.visibleStatus?.text.hasPrefix("3 of 3, from the bottom") == true)
    }

    @Test("a match in a long error shows the part around it")
    func excerpt() {
        let error = String(repeating: "a", count: 80) + " HTTP Error 404 " + String(repeating: "b", count: 80)
        let task = Fixtures.task(1, .failed, title: "t", created: 1, error: error)
        let match = FilterMatch(task: task, filter: "404")
        #expect(match?.field == .error)
        #expect(match?.excerpt.hasPrefix("…") == true && match?.excerpt.hasSuffix("…") == true)
        #expect(match?.excerpt.contains("TTP Error 404 bbb") == true)
        #expect(FilterMatch(task: task, filter: "#1")?.description == "by its number")
    }

    @Test("past the page's window, n reads the next window (as PgDn does) and reports when it arrives")
    func pastTheWindow() {
        var state = filtered("task", page: LongListTests.storePage(offset: 0, limit: 100))
        state.handle(.char("G"))
        LongListTests.settle(&state)
        #expect(state.selectedRow == 521)
        state.handle(.char("n"))
        #expect(state.selectedRow == 0)
        #expect(state.needsRows, "the first rows are read again")
        #expect(state.visibleStatus?.text == "1 of 522, from the top…")
        LongListTests.settle(&state)
        #expect(state.visibleStatus?.text == "1 of 522, from the top — #522: in the title: Task 522")
    }
}
