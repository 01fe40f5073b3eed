import Foundation
import Testing
import YTQCore
@testable import YTQTerminal

@Suite("The status line follows the newest outcome")
struct StatusLineTests {
    let size = TerminalSize(columns: 100, rows: 30)

    @Test("a refused URL replaces whatever the status line said before")
    func refusedURL() {
        var state = UIState(size: size, clock: Fixtures.now)
        state.setStatus(StatusMessage("File: /home/me/Downloads/old.mp4", taskID: 8, time: state.clock))
        state.url.insert("-http://x")
        #expect(state.handle(.enter).isEmpty)
        #expect(state.statusMessage?.kind == .failure)
        #expect(state.statusMessage?.text.contains("error pane") == true, "\(String(describing: state.statusMessage))")
    }

    @Test("a refusal after a success says Not started, never the green Started")
    func refusalAfterSuccess() {
        var state = UIState(size: size, clock: Fixtures.now)
        state.submissionSucceeded(Fixtures.task(2, .pending, title: nil, created: 0))
        state.url.insert("-http://x")
        state.handle(.enter)
        #expect(state.statusMessage?.kind == .failure)
        #expect(state.statusMessage?.text.contains("Started") == false)
    }

    @Test("a task's failure replaces the message that it started")
    func failureAfterStarted() {
        var state = UIState(size: size, clock: Fixtures.now)
        let task = Fixtures.task(534, .pending, title: nil, created: 0)
        state.submissionSucceeded(task)
        state.handle(event: .failed(task, reason: FailureReason(kind: .permanent, message: "HTTP Error 404", hint: nil)))
        #expect(state.statusMessage?.kind == .failure, "\(String(describing: state.statusMessage))")
        #expect(state.statusMessage?.text.contains("Started") == false)
    }

    @Test("a refused retry replaces Retrying task #N…")
    func refusedRetry() {
        var state = UIState(size: size, clock: Fixtures.now)
        state.replacePage(TaskListPage(tasks: [Fixtures.task(3, .failed, title: "x", created: 1)]))
        state.focus = .list
        #expect(state.handle(.char("r")) == [.retry(taskID: 3)])
        #expect(state.statusMessage?.text == "Retrying task #3…")
        state.refused(.systemLimitReached(limit: 1, active: 1), offer: .retry(taskID: 3))
        #expect(state.statusMessage?.kind == .failure)
    }

    @Test("a message carries its task and its time, and ages out by the state's clock")
    func agesOut() {
        var state = UIState(size: size, clock: Fixtures.now)
        state.submissionSucceeded(Fixtures.task(7, .pending, title: nil, created: 0))
        #expect(state.statusMessage?.taskID == 7)
        #expect(state.statusMessage?.time == Fixtures.now)
        #expect(state.nextDeadline == Fixtures.now.addingTimeInterval(StatusMessage.lifetime))
        let shown = RootView.render(state, now: Fixtures.now, zone: .utc).text
        #expect(shown.contains("Started task #7"))
        state.advanceClock(to: Fixtures.now.addingTimeInterval(StatusMessage.lifetime - 0.5))
        #expect(state.visibleStatus?.taskID == 7)
        state.advanceClock(to: Fixtures.now.addingTimeInterval(StatusMessage.lifetime))
        #expect(state.visibleStatus == nil)
        #expect(state.nextDeadline == nil, "nothing left to wake up for")
        let later = RootView.render(state, now: Fixtures.now.addingTimeInterval(StatusMessage.lifetime), zone: .utc).text
        #expect(!later.contains("Started task #7"), "\(later)")
    }

    @Test("a reply that arrives after a newer event about its task does not undo it")
    func lateReply() {
        var state = UIState(size: size, clock: Fixtures.now)
        let task = Fixtures.task(534, .pending, title: nil, created: 0)
        let added = Fixtures.now
        state.advanceClock(to: added.addingTimeInterval(0.2))
        state.handle(event: .failed(task, reason: FailureReason(kind: .permanent, message: "HTTP Error 404", hint: nil)))
        state.submissionSucceeded(task, at: added)
        #expect(state.statusMessage?.text == "Task #534 failed: see the error pane")
        #expect(state.url.isEmpty, "the form is still cleared")
        state.setStatus(StatusMessage("Queued task #534 again", taskID: 534, time: added))
        #expect(state.statusMessage?.kind == .failure)
        // A message about another task, or a newer one about this task, does replace it.
        state.setStatus(StatusMessage("Removed task #9", taskID: 9, time: added))
        #expect(state.statusMessage?.text == "Removed task #9")
    }

    @Test("a newer event about task N replaces an older message about N; other tasks' events leave it")
    func eventsReplaceMessagesAboutTheirTask() {
        var state = UIState(size: size, clock: Fixtures.now)
        state.replacePage(TaskListPage(tasks: [Fixtures.task(3, .failed, title: "x", created: 1)]))
        state.focus = .list
        state.handle(.char("r"))
        #expect(state.statusMessage?.text == "Retrying task #3…")
        state.handle(event: .started(Fixtures.task(4, .downloading, title: nil, created: 0)))
        #expect(state.statusMessage?.text == "Retrying task #3…")
        state.advanceClock(to: Fixtures.now.addingTimeInterval(1))
        state.handle(event: .started(Fixtures.task(3, .downloading, title: "x", created: 1)))
        #expect(state.statusMessage?.text == "Started task #3")
        #expect(state.statusMessage?.kind == .success)
        state.handle(event: .completed(Fixtures.task(4, .completed, title: "four", created: 0), downloadURL: URL(fileURLWithPath: "/tmp/4")))
        #expect(state.statusMessage?.text == "Finished task #4: four")
    }

    @Test("an action that failed in the background replaces what was being tried")
    func actionFailed() {
        var state = UIState(size: size, clock: Fixtures.now)
        state.replacePage(TaskListPage(tasks: [Fixtures.task(3, .failed, title: "x", created: 1)]))
        state.focus = .list
        state.handle(.char("r"))
        state.actionFailed(ErrorEntry(taskID: 3, message: "refused: the backlog is full"))
        #expect(state.statusMessage?.text == "Task #3: see the error pane")
        #expect(state.statusMessage?.kind == .failure)
        #expect(state.errors.first?.time == Fixtures.now)
    }
}
