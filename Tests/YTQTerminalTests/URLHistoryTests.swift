import Foundation
import Testing
import YTQCore
@testable import YTQTerminal

/// ↑ ↓ in the URL field recall the URLs this user added, like a shell's history.
@Suite("URL history")
struct URLHistoryTests {
    let size = TerminalSize(columns: 80, rows: 24)
    let urls = ["https://example.com/c", "https://example.com/b", "https://example.com/c", "https://example.com/a"]

    func state() -> UIState {
        var state = UIState(size: size, clock: Fixtures.now)
        state.replaceURLHistory(urls)
        return state
    }

    @Test("the history keeps each URL once, newest first")
    func distinct() {
        #expect(URLHistory(urls).urls == ["https://example.com/c", "https://example.com/b", "https://example.com/a"])
    }

    @Test("↑ recalls older URLs, ↓ newer ones and then what was typed")
    func recall() {
        var state = state()
        state.handle("draft".map(Key.char))
        #expect(state.handle(.up).isEmpty)
        #expect(state.url.text == "https://example.com/c")
        state.handle([.up, .up])
        #expect(state.url.text == "https://example.com/a")
        state.handle(.up)
        #expect(state.url.text == "https://example.com/a", "the oldest stays")
        #expect(state.visibleStatus?.text == "That is the oldest URL you added")
        state.handle([.down, .down])
        #expect(state.url.text == "https://example.com/c")
        state.handle(.down)
        #expect(state.url.text == "draft", "below the newest, what was typed comes back")
        state.handle(.down)
        #expect(state.url.text == "draft")
    }

    @Test("typing after a recall edits a copy: the history keeps the URL, and ↓ gives the edit back")
    func editCopy() {
        var state = state()
        state.handle([.up, .up, .backspace, .char("x")])
        #expect(state.url.text == "https://example.com/x")
        #expect(state.urlHistory.urls[1] == "https://example.com/b")
        state.handle(.up)
        #expect(state.url.text == "https://example.com/c", "recall starts again from the newest")
        state.handle(.down)
        #expect(state.url.text == "https://example.com/x")
    }

    @Test("with no history, ↑ says so")
    func empty() {
        var state = UIState(size: size, clock: Fixtures.now)
        state.handle(.up)
        #expect(state.url.text.isEmpty)
        #expect(state.visibleStatus?.text == "No URLs in the history yet")
    }

    @Test("↑ ↓ keep choosing formats in the format chooser")
    func formatKeys() {
        var state = state()
        state.handle(.tab)
        state.handle(.down)
        #expect(state.formatIndex == 1)
        #expect(state.url.text.isEmpty)
    }

    @Test("entering the URL field reads the history again; a URL added goes first at once")
    func reload() {
        var state = state()
        #expect(state.handle(.tab).isEmpty)
        #expect(state.handle(.tab).isEmpty)
        #expect(state.handle(.tab) == [.loadURLHistory])
        #expect(state.handle(.backTab).isEmpty)
        #expect(state.handle(.tab) == [.loadURLHistory])
        state.submissionSucceeded(Fixtures.task(9, .pending, title: nil, url: "https://example.com/b", created: 0))
        #expect(state.urlHistory.urls == ["https://example.com/b", "https://example.com/c", "https://example.com/a"])
    }

    @Test("a fresh read while a URL shows goes on from that URL")
    func replaceWhileRecalling() {
        var state = state()
        state.handle([.up, .up])
        state.replaceURLHistory(["https://example.com/new"] + urls)
        state.handle(.up)
        #expect(state.url.text == "https://example.com/a")
    }
}
