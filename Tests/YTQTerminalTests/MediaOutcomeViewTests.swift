import Foundation
import Testing
import YTQCore
@testable import YTQTerminal

/// What a download got and what it is doing after its bytes: notes and phases on the screen.
@Suite("Notes and phases on the screen")
struct MediaOutcomeViewTests {
    private let size = TerminalSize(columns: 120, rows: 40)

    private func render(_ state: UIState) -> String {
        RootView.render(state, now: Fixtures.now, zone: .utc).text
    }

    /// The list with task #8 (completed, row 4) carrying `notes`.
    private func state(notes: [String]) -> UIState {
        var state = Fixtures.listState(size: size, row: 4)
        var tasks = Fixtures.tasks
        if let index = tasks.firstIndex(where: { $0.id == 8 }) {
            tasks[index].metaData[DownloadTask.notesKey] = .array(notes.map(JSONValue.string))
        }
        state.replacePage(TaskListPage(tasks: tasks))
        return state
    }

    @Test("a completed task with a note is marked on its row, and details give the note")
    func noteOnRowAndDetails() {
        var marked = state(notes: ["480p asked, 720p is the smallest available"])
        #expect(render(marked).contains("completed !"))
        #expect(!render(state(notes: [])).contains("completed !"))
        #expect(marked.selectedTask?.id == 8)
        marked.handle(.enter)
        let details = render(marked)
        #expect(details.contains("Note       480p asked, 720p is the smallest available"))
    }

    @Test("a download that is merging says so in place of its speed, and in details")
    func phase() {
        var state = Fixtures.listState(size: size)
        state.progress[12]?.phase = .merging
        state.progress[12]?.speed = nil
        #expect(render(state).contains("merging…"))
        state.handle(.enter)
        #expect(render(state).contains("merging…"))
        var converting = Fixtures.listState(size: size)
        converting.progress[12]?.phase = .converting(to: "mp3")
        #expect(render(converting).contains("converting"))
    }
}

/// A playlist task on the screen: its count on the row, its entries in details.
@Suite("A playlist on the screen")
struct PlaylistViewTests {
    @Test("the row says how many entries are done; details list each with its file or error")
    func entries() {
        var state = Fixtures.listState(size: TerminalSize(columns: 120, rows: 40), row: 3)
        var tasks = Fixtures.tasks
        let index = tasks.firstIndex { $0.id == 9 } ?? 0
        tasks[index].entries = [
            TaskEntry(index: 1, title: "Part one", status: .completed, filePath: "/d/one.webm", size: 2048),
            TaskEntry(index: 2, title: "Part two", status: .failed, error: "HTTP Error 404: Not Found"),
            TaskEntry(index: 3, status: .pending),
        ]
        state.replacePage(TaskListPage(tasks: tasks))
        let list = RootView.render(state, now: Fixtures.now, zone: .utc).text
        #expect(list.contains("[1/3] A very long video title"))
        #expect(state.selectedTask?.id == 9)
        state.handle(.enter)
        let details = RootView.render(state, now: Fixtures.now, zone: .utc).text
        #expect(details.contains("Entries    1/3 done"))
        #expect(details.contains("#1       /d/one.webm · 2.0 KiB"))
        #expect(details.contains("#2       Part two · failed: HTTP Error 404: Not Found"))
        #expect(details.contains("#3       not started yet · pending"))
    }
}
