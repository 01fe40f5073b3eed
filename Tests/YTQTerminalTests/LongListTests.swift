import Foundation
import Testing
import YTQCore
@testable import YTQTerminal

/// Issue 13, defect 3: on a list longer than one page, `G`/`g`, PgUp/PgDn and the position on
/// the border are exact, the pages being windows read from the store.
@Suite("Long lists")
struct LongListTests {
    static let size = TerminalSize(columns: 100, rows: 30)
    /// 522 tasks in the store, newest (#522) first.
    static let all = (1...522).reversed().map { Fixtures.task(Int64($0), .completed, title: "Task \($0)", created: 600 - Double($0) / 2) }

    /// What the store answers for a window (`AppDatabase.taskPage`): `limit` rows from
    /// `offset`, moved back to the last `limit` rows when it runs past the end.
    static func storePage(offset: Int, limit: Int) -> TaskListPage {
        let start = min(max(0, offset), max(0, all.count - limit))
        return TaskListPage(tasks: Array(all[start..<min(all.count, start + limit)]), offset: start, matchingCount: all.count,
                            statusCounts: [.completed: all.count])
    }

    /// Reads pages as the loop does until the list has the rows it shows.
    static func settle(_ state: inout UIState) {
        var reads = 0
        while state.needsRows, reads < 5 {
            state.replacePage(storePage(offset: state.pageWindow.offset, limit: state.pageWindow.limit))
            reads += 1
        }
        #expect(!state.needsRows, "the list still lacks rows after \(reads) reads")
    }

    static func start() -> UIState {
        var state = UIState(size: size)
        state.replacePage(storePage(offset: 0, limit: 100))
        state.focus = .list
        return state
    }

    func border(_ state: UIState) -> String {
        let screen = RootView.render(state, now: Fixtures.now, zone: .utc)
        return screen.lines.first { $0.hasPrefix("└") && $0.contains(" of ") } ?? screen.text
    }

    @Test("the first read asks for the rows on screen only, and they fill it; the window around them comes next")
    func firstScreen() {
        var state = UIState(size: Self.size)
        let first = state.screenWindow
        #expect(first.offset == 0 && first.limit == state.listRows)
        #expect(first.limit < state.pageWindow.limit)
        state.replacePage(Self.storePage(offset: first.offset, limit: first.limit))
        #expect(!state.needsRows, "the first screen is whole")
        #expect(border(state).contains("1–\(state.listRows) of 522"), "\(border(state))")
        // The loop then reads `pageWindow`, so a step down needs no read of its own.
        state.replacePage(Self.storePage(offset: state.pageWindow.offset, limit: state.pageWindow.limit))
        state.focus = .list
        for _ in 0..<state.listRows { _ = state.handle(.char("j")) }
        #expect(!state.needsRows)
    }

    @Test("the border counts every matching task, not the rows the page holds")
    func trueCount() {
        let state = Self.start()
        let rows = state.listRows
        #expect(border(state).contains("1–\(rows) of 522"), "\(border(state))")
    }

    @Test("G goes to the last task in one press and reads the last page; g comes back in one")
    func endAndStart() {
        var state = Self.start()
        let rows = state.listRows
        #expect(state.handle(.char("G")).isEmpty)
        #expect(state.selectedRow == 521)
        #expect(state.needsRows)
        Self.settle(&state)
        #expect(state.selectedTask?.id == 1)
        #expect(state.page.rows.contains(521))
        #expect(border(state).contains("\(522 - rows + 1)–522 of 522"), "\(border(state))")
        let screen = RootView.render(state, now: Fixtures.now, zone: .utc).text
        #expect(screen.contains("Task 1\n") || screen.contains("Task 1 "), "\(screen)")

        state.handle(.char("g"))
        #expect(state.selectedRow == 0)
        Self.settle(&state)
        #expect(state.selectedTask?.id == 522)
        #expect(border(state).contains("1–\(rows) of 522"), "\(border(state))")
    }

    @Test("PgDn and PgUp move by a screen, exactly, to either end")
    func pages() {
        var state = Self.start()
        let step = state.listRows - 1
        var expected = 0
        while expected < 521 {
            state.handle(.pageDown)
            expected = min(521, expected + step)
            #expect(state.selectedRow == expected)
            Self.settle(&state)
            #expect(state.selectedTask?.id == Int64(522 - expected))
            let last = state.scrollOffset + state.listRows
            #expect(border(state).contains("\(state.scrollOffset + 1)–\(min(522, last)) of 522"), "\(border(state))")
        }
        state.handle(.pageDown)
        #expect(state.selectedRow == 521)
        while expected > 0 {
            state.handle(.pageUp)
            expected = max(0, expected - step)
            #expect(state.selectedRow == expected)
            Self.settle(&state)
            #expect(state.selectedTask?.id == Int64(522 - expected))
        }
    }

    @Test("a page that arrives after G keeps the cursor on the last row; a new task keeps it on its task")
    func cursorAcrossPages() {
        var state = Self.start()
        state.handle(.char("G"))
        Self.settle(&state)
        state.handle(.up)
        #expect(state.selectedTask?.id == 2)
        // A task added meanwhile shifts every row by one: the cursor follows its task.
        let newer = Fixtures.task(523, .pending, title: "Task 523", created: 0)
        let shifted = [newer] + Self.all
        let start = shifted.count - 100
        state.replacePage(TaskListPage(tasks: Array(shifted[start...]), offset: start, matchingCount: shifted.count,
                                       statusCounts: [.completed: 522, .pending: 1]))
        #expect(state.selectedTask?.id == 2)
        #expect(state.selectedRow == 521)
    }
}
