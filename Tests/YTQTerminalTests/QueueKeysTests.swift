import Foundation
import Testing
import YTQCore
@testable import YTQTerminal

@Suite("Keys for queue for later and pause")
struct QueueKeysTests {
    let size = TerminalSize(columns: 100, rows: 30)

    /// A list with a running (#3), a paused (#2) and a queued (#1) task, cursor on the first.
    func state() -> UIState {
        var state = UIState(size: size)
        state.replacePage(TaskListPage(tasks: [
            Fixtures.task(3, .downloading, title: "running", created: 1),
            Fixtures.task(2, .paused, title: "paused", created: 2),
            Fixtures.task(1, .queued, title: "queued", created: 3),
        ], queuePlaces: [1: 2]))
        state.focus = .list
        return state
    }

    @Test("Space pauses a running task and resumes a paused one; it does nothing to an ended one")
    func space() {
        var state = state()
        #expect(state.handle(.char(" ")) == [.pause(taskID: 3)])
        state.handle(.down)
        #expect(state.handle(.char(" ")) == [.resume(taskID: 2, whenBusy: .refuse)])
        state.replacePage(TaskListPage(tasks: [Fixtures.task(4, .completed, title: "done", created: 1)]))
        state.handle(.char("g"))
        #expect(state.handle(.char(" ")).isEmpty)
        #expect(state.statusMessage?.kind == .failure)
    }

    @Test("after a refusal, Q queues what was refused, once")
    func queueRefused() throws {
        var state = UIState(size: size)
        let request = try DownloadRequest(url: "https://example.com/v")
        let blocking = TaskSummary(id: 4, title: "big", videoURL: "https://example.com/big", status: .downloading)
        state.refused(.perUserLimitReached(requester: Requester(userID: 1), limit: 1, blocking: blocking), offer: .request(request))
        #expect(state.errors.first?.hint == "#4 is downloading: press Q to queue this after it")
        #expect(state.errors.first?.message.contains("ytq cancel") == false, "the screen gives keys, not command lines")
        #expect(state.handle(.char("Q")) == [.submit(request, whenBusy: .queue)])
        #expect(state.handle(.char("Q")).isEmpty, "nothing left to queue")
        state.refused(.systemLimitReached(limit: 10, active: 10), offer: .resume(taskID: 2))
        #expect(state.handle(.char("Q")) == [.resume(taskID: 2, whenBusy: .queue)])
        state.refused(.backlogFull(requester: Requester(userID: 1), limit: 100), offer: .retry(taskID: 7))
        #expect(state.handle(.char("Q")).isEmpty, "a full backlog is not offered for queueing")
    }

    @Test("pasting several URLs asks once, then queues them all in order; a single line goes to the URL field")
    func pasteMany() throws {
        var state = UIState(size: size)
        let urls = (1...5).map { "https://example.com/\($0)" }
        #expect(state.handle(.paste(urls.joined(separator: "\n") + "\nnot a url\n")).isEmpty)
        #expect(state.overlay == .confirmQueueMany(urls: urls))
        #expect(state.errors.first?.message.contains("pasted line skipped") == true)
        let effects = state.handle(.char("y"))
        #expect(effects == [.submitMany(try urls.map { try DownloadRequest(url: $0, format: .preset(.best)) })])
        #expect(state.overlay == .none)
        #expect(state.handle(.paste("https://example.com/one\n")).isEmpty)
        #expect(state.url.text == "https://example.com/one")
        state.url = TextField()
        state.handle(.paste("https://example.com/a\nhttps://example.com/b"))
        #expect(state.handle(.char("n")).isEmpty)
        #expect(state.overlay == .none && state.url.text.isEmpty, "no drops the paste")
    }

    @Test("K, J and T move a queued task; other tasks stay where they are")
    func move() {
        var state = state()
        #expect(state.handle(.char("K")).isEmpty)
        #expect(state.statusMessage?.kind == .failure)
        state.handle(.char("G"))
        #expect(state.handle(.char("K")) == [.move(taskID: 1, .up)])
        #expect(state.handle(.char("J")) == [.move(taskID: 1, .down)])
        #expect(state.handle(.char("T")) == [.move(taskID: 1, .top)])
    }

    @Test("a queued row shows its place; a paused row says paused")
    func rows() {
        let text = RootView.render(state(), now: Fixtures.now, zone: .utc).text
        #expect(text.contains("2nd in your queue"), "\(text)")
        #expect(text.contains("paused"), "\(text)")
    }
}

@Suite("Keys that must not do what they look like")
struct KeyDefectTests {
    let size = TerminalSize(columns: 100, rows: 30)

    @Test("Alt-keys in a text field never run list commands (Alt-C does not cancel, Alt-Q does not quit)")
    func altKeys() {
        var state = Fixtures.busyState(size: size)
        #expect(state.focus == .form)
        let typed = state.url.text
        for key in ["c", "d", "q", "Q", "x", " "] {
            var decoder = KeyDecoder()
            let keys = decoder.feed(Array("\u{1B}\(key)".utf8)) + decoder.flush()
            #expect(state.handle(keys).isEmpty, "Alt-\(key)")
            #expect(state.overlay == .none, "Alt-\(key)")
            #expect(state.focus == .form, "Alt-\(key) stays in the field")
        }
        #expect(state.url.text == typed, "nothing was typed either")
        state.focus = .list
        #expect(state.handle(.meta("c")).isEmpty)
        #expect(state.overlay == .none)
    }

    @Test("in a custom format expression ← → move the cursor; ↑ ↓ still change the format")
    func customFormatArrows() {
        var state = UIState(size: size)
        state.focus = .format
        state.formatIndex = UIState.formatChoiceCount - 1
        state.handle(Array("bv*+ba/b").map(Key.char))
        state.handle([.left, .left, .backspace])
        #expect(state.customFormat.text == "bv*+b/b")
        #expect(state.selectedPreset == nil, "still the custom expression")
        state.handle(.up)
        #expect(state.selectedPreset == FormatPreset.allCases.last)
    }

    @Test("a task removed by another process while its details are open: back to the list and its keys")
    func outsideRemoval() {
        var state = Fixtures.listState(size: size)
        state.handle(.enter)
        guard case .details(let id) = state.overlay else {
            Issue.record("details did not open")
            return
        }
        state.replacePage(TaskListPage(tasks: state.tasks.filter { $0.id != id }))
        #expect(state.overlay == .none)
        #expect(state.keyContext == .list)
        let before = state.selectedRow
        state.handle(.char("j"))
        #expect(state.selectedRow == min(before + 1, state.tasks.count - 1))
    }
}
