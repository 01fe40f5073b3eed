import Foundation
import Testing
import YTQCore
@testable import YTQTerminal

@Suite("The error pane cleans up after itself")
struct ErrorPaneTests {
    let size = TerminalSize(columns: 120, rows: 40)

    func failure(_ message: String) -> FailureReason {
        FailureReason(kind: .permanent, message: message, hint: nil)
    }

    func blockedBy(_ id: Int64) -> RuleViolation {
        let blocking = TaskSummary(id: id, title: "big", videoURL: "https://example.com/big", status: .downloading)
        return .perUserLimitReached(requester: Requester(userID: 1), limit: 1, blocking: blocking)
    }

    @Test("a task's failure goes when the task starts again, or completes")
    func failureResolvesOnSuccess() {
        var state = UIState(size: size, clock: Fixtures.now)
        state.replacePage(Fixtures.page)
        let task = Fixtures.tasks[3]
        state.handle(event: .failed(task, reason: failure("HTTP Error 503")))
        state.handle(event: .failed(Fixtures.tasks[0], reason: failure("HTTP Error 404")))
        #expect(state.errors.count == 2)
        state.handle(event: .started(task))
        #expect(state.errors.map(\.taskID) == [12], "only #12's failure stays")
        state.handle(event: .completed(Fixtures.tasks[0], downloadURL: URL(fileURLWithPath: "/tmp/x")))
        #expect(state.errors.isEmpty)
    }

    @Test("a refusal naming a blocking task goes when that task is no longer active (event or page)")
    func refusalResolvesWhenBlockerEnds() throws {
        var state = UIState(size: size, clock: Fixtures.now)
        state.replacePage(Fixtures.page)
        let request = try DownloadRequest(url: "https://example.com/v")
        state.refused(blockedBy(12), offer: .request(request))
        #expect(state.errors.count == 1)
        state.handle(event: .progressUpdated(Fixtures.tasks[0], DownloadProgress(downloadedBytes: 1)))
        state.handle(event: .completed(Fixtures.tasks[1], downloadURL: URL(fileURLWithPath: "/tmp/x")))
        #expect(state.errors.count == 1, "another task's end does not free #12's slot")
        state.handle(event: .completed(Fixtures.tasks[0], downloadURL: URL(fileURLWithPath: "/tmp/x")))
        #expect(state.errors.isEmpty)

        // Ended in another process: the page says so.
        state.refused(blockedBy(11), offer: .request(request))
        #expect(state.errors.count == 1)
        state.replacePage(Fixtures.page)
        #expect(state.errors.count == 1, "#11 still downloading")
        var ended = Fixtures.tasks
        ended[1].status = .cancelled
        state.replacePage(TaskListPage(tasks: ended))
        #expect(state.errors.isEmpty)
    }

    @Test("the pane never takes more than three rows, and counts what it leaves out")
    func smallFixedHeight() {
        var state = UIState(size: size, clock: Fixtures.now)
        state.replacePage(Fixtures.page)
        for index in 1...6 { state.addError(ErrorEntry(taskID: Int64(index), message: "failure \(index)", hint: "hint \(index)")) }
        let layout = Layout(size: size, state: state)
        #expect(layout.errors.height == 3 + 2)
        let text = RootView.render(state, now: Fixtures.now, zone: .utc).text
        #expect(text.contains("+5 more"), "\(text)")
    }

    @Test("x dismisses the newest error, X clears them all")
    func dismissOneOrAll() {
        var state = UIState(size: size, clock: Fixtures.now)
        state.replacePage(Fixtures.page)
        state.focus = .list
        for index in 1...3 { state.addError(ErrorEntry(message: "e\(index)")) }
        state.handle(.char("x"))
        #expect(state.errors.map(\.message) == ["e2", "e1"])
        state.handle(.char("X"))
        #expect(state.errors.isEmpty)
    }

    @Test("entries carry the time the screen learned of them, shown on the render context's zone")
    func times() {
        var state = UIState(size: size, clock: Fixtures.now.addingTimeInterval(-120))
        state.replacePage(Fixtures.page)
        state.addError(ErrorEntry(taskID: 9, message: "older"))
        state.advanceClock(to: Fixtures.now)
        state.addError(ErrorEntry(taskID: 12, message: "newest", hint: "a hint"))
        #expect(state.errors.map(\.time) == [Fixtures.now, Fixtures.now.addingTimeInterval(-120)])
        let lines = ErrorPaneView.lines(state, width: 60, zone: .utc).map { $0.map(\.text).joined() }
        #expect(lines == ["14:30 #12 newest", "          → a hint", "14:28 #9 older"])
        let text = RootView.render(state, now: Fixtures.now, zone: .utc).text
        #expect(text.contains("14:30 #12 newest") && text.contains("14:28 #9 older"), "\(text)")
    }

    @Test("a task's new failure replaces its old one; a refused resume goes once the task is queued")
    func superseded() {
        var state = UIState(size: size, clock: Fixtures.now)
        let task = Fixtures.tasks[3]
        state.handle(event: .failed(task, reason: failure("HTTP Error 503")))
        state.handle(event: .failed(task, reason: failure("HTTP Error 404")))
        #expect(state.errors.map(\.message) == ["HTTP Error 404"])
        state.refused(blockedBy(12), offer: .resume(taskID: 2))
        #expect(state.errors.first?.taskID == 2)
        state.handle(event: .queued(Fixtures.task(2, .queued, title: nil, created: 0)))
        #expect(state.errors.map(\.message) == ["HTTP Error 404"])
    }

    @Test("a warning about a task (ffmpeg missing) stays while it runs and goes when it completes")
    func warning() {
        var state = UIState(size: size, clock: Fixtures.now)
        let task = Fixtures.tasks[2]
        state.addError(ErrorEntry(taskID: task.id, message: "ffmpeg is not installed", cause: .warning))
        state.handle(event: .started(task))
        #expect(state.errors.count == 1)
        state.handle(event: .completed(task, downloadURL: URL(fileURLWithPath: "/tmp/x")))
        #expect(state.errors.isEmpty)
    }

    @Test("a removed task takes its errors and the refusals it caused along")
    func removed() throws {
        var state = UIState(size: size, clock: Fixtures.now)
        state.replacePage(Fixtures.page)
        state.addError(ErrorEntry(taskID: 9, message: "HTTP Error 404"))
        state.refused(blockedBy(12), offer: .request(try DownloadRequest(url: "https://example.com/v")))
        state.addError(ErrorEntry(message: "pasted line skipped"))
        state.taskRemoved(9)
        state.taskRemoved(12)
        #expect(state.errors.map(\.message) == ["pasted line skipped"])
    }

    @Test("text from outside in an error is drawn inert")
    func inert() {
        var state = UIState(size: size, clock: Fixtures.now)
        state.addError(ErrorEntry(taskID: 1, message: "bad \u{1B}[31mred\u{07} title", hint: "\u{1B}]0;owned\u{07}"))
        let screen = RootView.render(state, now: Fixtures.now, zone: .utc)
        #expect(!screen.text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "\(screen.text)")
    }
}
