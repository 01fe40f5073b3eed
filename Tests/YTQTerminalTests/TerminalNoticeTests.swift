import Foundation
import Testing
import YTQCore
@testable import YTQTerminal

/// What the screen sends the desktop: notifications, the window title, and when.
@Suite("Notifications and the window title")
struct TerminalNoticeTests {
    @Test("a notice is OSC 777 then OSC 9; controls from outside go, and ; cannot end a field")
    func escapes() {
        let notice = TerminalNotice(title: "ytq: download finished", body: "#3 evil\u{1B}]2;pwned\u{07}; title\u{9B}x")
        #expect(notice.escapes == "\u{1B}]777;notify;ytq: download finished;#3 evil ]2,pwned , title x\u{07}"
            + "\u{1B}]9;ytq: download finished: #3 evil ]2,pwned , title x\u{07}")
        #expect(TerminalNotice.windowTitle("ytq · 2 downloading") == "\u{1B}]2;ytq · 2 downloading\u{07}")
        #expect(TerminalNotice.field(String(repeating: "a", count: 500)).count == 200)
    }

    @Test("a finished or failed download of this user's notifies; progress and starts do not")
    func whenToNotify() {
        var state = UIState(size: TerminalSize(columns: 80, rows: 24), clock: Fixtures.now)
        let done = Fixtures.task(4, .completed, title: "Four", created: 1)
        #expect(state.handle(event: .completed(done, downloadURL: URL(fileURLWithPath: "/d/four.mp4")))
            .contains(.notify(TerminalNotice(title: "ytq: download finished", body: "#4 Four"))))
        let failed = Fixtures.task(5, .failed, title: "Five", created: 1)
        #expect(state.handle(event: .failed(failed, reason: FailureReason(kind: .permanent, message: "HTTP Error 404")))
            .contains(.notify(TerminalNotice(title: "ytq: download failed", body: "#5 Five: HTTP Error 404"))))
        let running = Fixtures.task(6, .downloading, title: "Six", created: 1)
        #expect(!state.handle(event: .started(running)).contains { if case .notify = $0 { true } else { false } })
        #expect(state.handle(event: .progressUpdated(running, DownloadProgress(downloadedBytes: 1, totalBytes: 2))).isEmpty)
    }

    @Test("the window title counts the store's downloads and the live bytes together")
    func windowTitle() {
        var state = UIState(size: TerminalSize(columns: 80, rows: 24), clock: Fixtures.now)
        #expect(state.windowTitle == "ytq")
        state.replacePage(TaskListPage(tasks: [], matchingCount: 2, statusCounts: [.downloading: 2, .completed: 5]))
        #expect(state.windowTitle == "ytq · 2 downloading")
        state.progress[1] = DownloadProgress(downloadedBytes: 300, totalBytes: 1000)
        state.progress[2] = DownloadProgress(downloadedBytes: 600, totalBytes: 1000)
        state.progress[3] = DownloadProgress(downloadedBytes: 50, totalBytes: nil)
        #expect(state.windowTitle == "ytq · 2 downloading · 45%")
    }
}
