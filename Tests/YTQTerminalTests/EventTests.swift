import Foundation
import Testing
import YTQCore
@testable import YTQTerminal

@Suite("Task feed and events")
struct EventTests {
    let size = TerminalSize(columns: 80, rows: 24)

    @Test("tasks are kept newest first and the cursor stays on its task")
    func ordering() {
        var state = UIState(size: size)
        state.replaceTasks(Fixtures.tasks.shuffled())
        #expect(state.tasks.map(\.id) == [12, 11, 10, 9, 8, 7, 6, 5])
        state.focus = .list
        state.handle([.down, .down])
        #expect(state.selectedTask?.id == 10)
        state.upsert(Fixtures.task(13, .pending, title: nil, created: 0))
        #expect(state.tasks.first?.id == 13)
        #expect(state.selectedTask?.id == 10)
        state.removeTask(id: 10)
        #expect(state.selectedTask != nil)
    }

    @Test("progress, completion, failure, retry and cancel events")
    func events() {
        var state = UIState(size: size)
        state.replaceTasks(Fixtures.tasks)
        state.didRedraw()
        var task = Fixtures.tasks[0]
        let update = DownloadProgress(downloadedBytes: 10, totalBytes: 100, speed: 5, eta: 18)
        state.handle(event: .progressUpdated(task, update))
        #expect(state.progress[12] == update)
        #expect(state.needsRedraw)

        task.status = .failed
        task.errorMessage = "HTTP Error 404"
        state.handle(event: .failed(task, reason: FailureReason(kind: .permanent, message: "HTTP Error 404", hint: "check the URL")))
        #expect(state.task(id: 12)?.status == .failed)
        #expect(state.progress[12] == nil)
        #expect(state.errors.first == ErrorEntry(taskID: 12, message: "HTTP Error 404", hint: "check the URL"))

        task.status = .pending
        let reason = FailureReason(kind: .transient, message: "timed out")
        state.handle(event: .retrying(task, attempt: 2, reason: reason, delay: .seconds(5)), now: Fixtures.now)
        #expect(state.retries[12] == RetryNote(attempt: 2, reason: reason, retryAt: Fixtures.now.addingTimeInterval(5)))
        #expect(state.wantsTicks)

        task.status = .downloading
        state.handle(event: .started(task))
        #expect(state.retries[12] == nil)
        task.status = .completed
        state.handle(event: .completed(task, downloadURL: URL(fileURLWithPath: "/tmp/x.mp4")))
        #expect(state.statusMessage?.kind == .success)
        #expect(state.handle(event: .changed(taskID: 3)) == [.reloadTask(taskID: 3)])
    }

    @Test("a successful submission clears the URL and names the task")
    func submission() {
        var state = UIState(size: size)
        state.url = TextField("https://example.com/v")
        state.submissionSucceeded(Fixtures.task(42, .pending, title: nil, created: 0))
        #expect(state.url.isEmpty)
        #expect(state.statusMessage?.text == "Started task #42 (best)")
        #expect(state.selectedTask?.id == 42)
        state.url = TextField("https://example.com/w")
        state.submissionFailed("refused: per-user limit", hint: "wait")
        #expect(state.url.text == "https://example.com/w")
        #expect(state.errors.first?.message == "refused: per-user limit")
    }

    @Test("the error pane keeps at most its limit")
    func errorLimit() {
        var state = UIState(size: size)
        for index in 0..<(UIState.maxErrors + 10) { state.addError(ErrorEntry(message: "e\(index)")) }
        #expect(state.errors.count == UIState.maxErrors)
        #expect(state.errors.first?.message == "e\(UIState.maxErrors + 9)")
    }
}

@Suite("Paging from the store")
struct PagingTests {
    @Test("store-wide counts drive the header and the quit question; the page size follows the screen")
    func counts() {
        var state = UIState(size: TerminalSize(columns: 80, rows: 24))
        state.replaceTasks(Array(Fixtures.tasks.suffix(2)), totalCount: 100_000)
        state.statusCounts = [.completed: 99_990, .downloading: 3, .pending: 7]
        #expect(state.activeCount == 10)
        let header = RootView.render(state, now: Fixtures.now, zone: .utc).line(0)
        #expect(header.contains("100000 tasks · 3 downloading · 7 queued"))
        #expect(state.neededRowCount >= 3 * state.listRows)
        state.focus = .list
        #expect(state.handle(.char("q")).isEmpty)
        #expect(state.overlay == .confirmQuit)
    }
}
