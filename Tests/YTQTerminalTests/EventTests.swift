import Foundation
import Testing
import YTQCore
@testable import YTQTerminal

@Suite("Pages and events")
struct EventTests {
    let size = TerminalSize(columns: 80, rows: 24)

    @Test("the rows are the page's, in the store's order; the cursor stays on its task across pages")
    func pageOrder() {
        var state = UIState(size: size)
        // The store orders by id; creation times that disagree must not reorder the rows.
        let older = Fixtures.task(4, .pending, title: "four", created: 30)
        let newer = Fixtures.task(3, .pending, title: "three", created: 1)
        state.replacePage(TaskListPage(tasks: [older, newer]))
        #expect(state.tasks.map(\.id) == [4, 3])

        state.replacePage(Fixtures.page)
        state.focus = .list
        state.handle([.down, .down])
        #expect(state.selectedTask?.id == 10)
        let withNewTask = [Fixtures.task(13, .pending, title: nil, created: 0)] + Fixtures.tasks
        state.replacePage(TaskListPage(tasks: withNewTask))
        #expect(state.tasks.first?.id == 13)
        #expect(state.selectedTask?.id == 10)
        state.replacePage(TaskListPage(tasks: withNewTask.filter { $0.id != 10 }))
        #expect(state.selectedTask != nil)
    }

    @Test("an event for a task not on the page does not add it; lifecycle events ask for a reload")
    func eventsDoNotEditThePage() {
        var state = UIState(size: size)
        state.replacePage(Fixtures.page)
        let before = state.page
        var stranger = Fixtures.task(99, .downloading, title: "not on the page", created: 0)
        #expect(state.handle(event: .started(stranger)) == [.reloadTask])
        #expect(state.handle(event: .progressUpdated(stranger, DownloadProgress(downloadedBytes: 1))).isEmpty)
        stranger.status = .completed
        #expect(state.handle(event: .completed(stranger, downloadURL: URL(fileURLWithPath: "/tmp/x"))).first == .reloadTask)
        #expect(state.page == before)
        #expect(state.task(id: 99) == nil)
    }

    @Test("counts and statuses do not change without a reload")
    func countsComeFromThePage() {
        var state = UIState(size: size)
        state.replacePage(Fixtures.page)
        let counts = state.page.statusCounts
        let activeBefore = state.activeCount
        var task = Fixtures.tasks[2]
        #expect(task.status == .pending)
        task.status = .downloading
        #expect(state.handle(event: .started(task)) == [.reloadTask])
        task.status = .completed
        #expect(state.handle(event: .completed(task, downloadURL: URL(fileURLWithPath: "/tmp/x"))).first == .reloadTask)
        #expect(state.page.statusCounts == counts)
        #expect(state.activeCount == activeBefore)
        #expect(state.task(id: task.id)?.status == .pending)
        // The reload brings the new status and the new counts together.
        let reloaded = Fixtures.tasks.map { $0.id == task.id ? task : $0 }
        state.replacePage(TaskListPage(tasks: reloaded))
        #expect(state.task(id: task.id)?.status == .completed)
        #expect(state.activeCount == activeBefore - 1)
    }

    @Test("progress, failure, retry and cancel events update the live facts by task id")
    func liveFacts() {
        var state = UIState(size: size, clock: Fixtures.now)
        state.replacePage(Fixtures.page)
        var task = Fixtures.tasks[0]
        let update = DownloadProgress(downloadedBytes: 10, totalBytes: 100, speed: 5, eta: 18)
        let drawn = state
        #expect(state.handle(event: .progressUpdated(task, update)).isEmpty)
        #expect(state.progress[12] == update)
        #expect(state != drawn)
        #expect(state.page == drawn.page)

        task.status = .failed
        task.errorMessage = "HTTP Error 404"
        let reason404 = FailureReason(kind: .permanent, message: "HTTP Error 404", hint: "check the URL")
        #expect(state.handle(event: .failed(task, reason: reason404)).first == .reloadTask)
        #expect(state.progress[12] == nil)
        var expected = ErrorEntry(taskID: 12, message: "HTTP Error 404", hint: "check the URL")
        expected.time = state.clock
        #expect(state.errors.first == expected)

        task.status = .pending
        let reason = FailureReason(kind: .transient, message: "timed out")
        state.advanceClock(to: Fixtures.now)
        state.handle(event: .retrying(task, attempt: 2, reason: reason, delay: .seconds(5)))
        #expect(state.retries[12] == RetryNote(attempt: 2, reason: reason, retryAt: Fixtures.now.addingTimeInterval(5)))
        #expect(state.wantsTicks)

        task.status = .downloading
        state.handle(event: .started(task))
        #expect(state.retries[12] == nil)
        #expect(!state.wantsTicks)
        task.status = .completed
        state.handle(event: .completed(task, downloadURL: URL(fileURLWithPath: "/tmp/x.mp4")))
        #expect(state.statusMessage?.kind == .success)
        #expect(state.handle(event: .changed(taskID: 3)) == [.reloadTask])
    }

    @Test("a task another process downloads shows the bytes the store recorded")
    func recordedProgress() {
        var state = UIState(size: size)
        var task = Fixtures.task(20, .downloading, title: "elsewhere", created: 1)
        task.downloadedBytes = 300
        task.totalBytes = 1000
        state.replacePage(TaskListPage(tasks: [task]))
        #expect(state.progress(of: task) == DownloadProgress(downloadedBytes: 300, totalBytes: 1000))
        let live = DownloadProgress(downloadedBytes: 400, totalBytes: 1000, speed: 9)
        state.handle(event: .progressUpdated(task, live))
        #expect(state.progress(of: task) == live)
        task.status = .completed
        state.handle(event: .completed(task, downloadURL: URL(fileURLWithPath: "/tmp/x")))
        #expect(state.progress[20] == nil)
        #expect(state.progress(of: task) == DownloadProgress(downloadedBytes: 300, totalBytes: 1000))
        #expect(state.progress(of: Fixtures.task(21, .completed, title: nil, created: 1)) == nil)
    }

    @Test("a page without a task closes the overlay about it; live facts stay with the events")
    func removedTask() {
        var state = Fixtures.listState(size: size, row: 1)
        state.handle(.enter)
        #expect(state.overlay == .details(taskID: 11))
        let update = DownloadProgress(downloadedBytes: 1, speed: 7)
        state.handle(event: .progressUpdated(Fixtures.tasks[1], update))
        state.replacePage(TaskListPage(tasks: Fixtures.tasks.filter { $0.id != 11 }))
        #expect(state.overlay == .none)
        #expect(state.selectedRow == 1)
        // Hidden by a filter, say: the download still runs here and still counts in the header.
        #expect(state.progress[11] == update)
        state.forgetLiveState(of: 11)
        #expect(state.progress[11] == nil)
    }

    @Test("a successful submission clears the URL; the cursor goes to the task when a page holds it")
    func submission() {
        var state = UIState(size: size)
        state.replacePage(Fixtures.page)
        state.focus = .list
        state.handle(.down)
        state.url = TextField("https://example.com/v")
        let task = Fixtures.task(42, .pending, title: nil, created: 0)
        state.submissionSucceeded(task)
        #expect(state.url.isEmpty)
        #expect(state.statusMessage?.text == "Started task #42 (best)")
        #expect(state.task(id: 42) == nil)
        state.replacePage(TaskListPage(tasks: [task] + Fixtures.tasks))
        #expect(state.selectedTask?.id == 42)
        state.handle(.down)
        state.replacePage(TaskListPage(tasks: [task] + Fixtures.tasks))
        #expect(state.selectedTask?.id == 12)

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
    @Test("store-wide counts drive the header, not the quit question; the page size follows the screen")
    func counts() {
        var state = UIState(size: TerminalSize(columns: 80, rows: 24))
        state.replacePage(TaskListPage(tasks: Array(Fixtures.tasks.suffix(2)), matchingCount: 100_000,
                                       statusCounts: [.completed: 99_990, .downloading: 3, .pending: 7]))
        #expect(state.activeCount == 10)
        let header = RootView.render(state, now: Fixtures.now, zone: .utc).line(0)
        #expect(header.contains("100000 tasks · 3 downloading · 7 waiting"))
        #expect(state.pageWindow.limit >= 3 * state.listRows)
        #expect(state.needsRows)
        state.focus = .list
        #expect(state.handle(.char("q")) == [.quit], "another process's downloads do not stop when this screen quits")
        #expect(state.overlay == .none)
    }

    @Test("a page holding every match needs no more rows")
    func wholePage() {
        var state = UIState(size: TerminalSize(columns: 80, rows: 24))
        state.replacePage(Fixtures.page)
        #expect(!state.needsRows)
    }
}
