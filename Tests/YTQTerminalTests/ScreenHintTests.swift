import Foundation
import Testing
import YTQCore
@testable import YTQTerminal

/// Inside the screen, hints name keys, never command lines or the source tree's make targets.
@Suite("Hints on the screen")
struct ScreenHintTests {
    let size = TerminalSize(columns: 100, rows: 30)

    @Test("`ytq VERB N` becomes the key; other commands stay")
    func rewrite() {
        #expect(ScreenHint.forScreen("Wait for it to finish, or cancel it (`ytq cancel 4`).")
                    == "Wait for it to finish, or cancel it (press c).")
        #expect(ScreenHint.forScreen("to try again: `ytq retry 7`") == "to try again: press r")
        #expect(ScreenHint.forScreen("remove queued ones (`ytq remove ID`)") == "remove queued ones (press d)")
        #expect(ScreenHint.forScreen("is `ytq serve` running?") == "is `ytq serve` running?")
        #expect(ScreenHint.forScreen("a lone `ytq retry") == "a lone `ytq retry")
    }

    @Test("an action that failed in the background names the key in the error pane")
    func actionError() {
        var state = Fixtures.listState(size: size)
        state.actionFailed(ErrorEntry(taskID: 8, message: ActionError.fileRefused(taskID: 8, reason: "it is outside the download folder").description))
        let message = state.errors.first?.message ?? ""
        #expect(message.contains("removing it without deleting the file (press d)"), "\(message)")
        #expect(!message.contains("`ytq"), "\(message)")
    }

    @Test("a download that failed its last attempt says it will not be tried again, and names the key r")
    func finalFailure() {
        var state = Fixtures.listState(size: size)
        let reason = FailureReason(kind: .transient, message: "ERROR: HTTP Error 503", hint: "the server had trouble")
        guard case .fail(let final) = RetryPolicy().decide(reason, attempt: 4) else {
            Issue.record("the fourth attempt is the last")
            return
        }
        state.handle(event: .failed(Fixtures.tasks[3], reason: final))
        let entry = state.errors.first
        #expect(entry?.message.hasPrefix("failed after 4 attempts") == true)
        #expect(entry?.hint?.contains("will not try again") == true, "\(entry?.hint ?? "")")
        #expect(entry?.hint?.contains("press r") == true, "\(entry?.hint ?? "")")
        #expect(entry?.hint?.contains("`ytq") == false, "\(entry?.hint ?? "")")
        #expect(entry?.hint?.contains("later") == false)
        let text = RootView.render(state, now: Fixtures.now, zone: .utc).text
        #expect(!text.contains("`ytq"), "\(text)")
    }

    @Test("a refusal with no queue to offer names the key, not `ytq remove ID`")
    func backlogFull() throws {
        var state = Fixtures.listState(size: size)
        state.refused(.backlogFull(requester: Requester(userID: 1000, userName: "ada"), limit: 3), offer: .request(
            try DownloadRequest(url: "https://example.com/v", format: .preset(.best))))
        let message = state.errors.first?.message ?? ""
        #expect(message.contains("ada already has 3 downloads queued"), "\(message)")
        #expect(message.contains("press d"), "\(message)")
        #expect(!message.contains("ytq remove"), "\(message)")
    }

    @Test("a bad format expression's hint names the keys, without an arrow after the pane's →")
    func formatHint() {
        var state = UIState(size: size, clock: Fixtures.now)
        state.formatIndex = UIState.formatChoiceCount - 1
        state.customFormat = TextField("-x")
        state.handle(.tab)
        state.handle(.enter)
        let hint = state.errors.first?.hint ?? ""
        #expect(hint.hasPrefix("press ↑ or ↓"), "\(hint)")
        let text = RootView.render(state, now: Fixtures.now, zone: .utc).text
        #expect(!text.contains("→ ← →") && !text.contains("→ ↑"), "\(text)")
    }
}
