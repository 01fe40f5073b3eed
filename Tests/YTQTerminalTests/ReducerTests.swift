import Foundation
import Testing
import YTQCore
@testable import YTQTerminal

@Suite("Key handling")
struct ReducerTests {
    let size = TerminalSize(columns: 80, rows: 24)

    func typed(_ text: String, into state: inout UIState) -> [UIEffect] {
        state.handle(text.map(Key.char))
    }

    @Test("the URL field has the focus at start and takes typing, q included")
    func typing() {
        var state = UIState(size: size)
        #expect(state.focus == .form)
        let effects = typed("https://example.com/q?x=1", into: &state)
        #expect(effects.isEmpty)
        #expect(state.url.text == "https://example.com/q?x=1")
        state.handle([.left, .left, .backspace, .home, .delete])
        #expect(state.url.text == "ttps://example.com/q?=1")
        state.handle(.ctrl("u"))
        #expect(state.url.text == "ttps://example.com/q?=1")
        state.handle([.end, .ctrl("w")])
        #expect(state.url.text == "ttps://example.com/")
    }

    @Test("Enter asks the store about a validated request with the chosen format (a duplicate check, then the submit)")
    func submit() {
        var state = UIState(size: size)
        _ = typed("https://example.com/v", into: &state)
        state.handle([.tab, .right, .right])
        #expect(state.selectedPreset == .p720)
        let effects = state.handle(.enter)
        let request = try? DownloadRequest(url: "https://example.com/v", format: .preset(.p720))
        #expect(effects == request.map { [.checkDuplicate($0)] })
    }

    @Test("a bad URL goes to the error pane and keeps what was typed")
    func badURL() {
        var state = UIState(size: size)
        _ = typed("ftp://nope", into: &state)
        #expect(state.handle(.enter).isEmpty)
        #expect(state.url.text == "ftp://nope")
        #expect(state.errors.first?.message.contains("not an absolute http") == true)
    }

    @Test("the custom format entry takes an expression")
    func customFormat() {
        var state = UIState(size: size)
        _ = typed("https://example.com/v", into: &state)
        state.handle([.tab, .left])
        #expect(state.selectedPreset == nil)
        _ = typed("bv*+ba/b", into: &state)
        #expect(state.customFormat.text == "bv*+ba/b")
        #expect(state.handle(.enter) == [.checkDuplicate(try! DownloadRequest(url: "https://example.com/v", format: "bv*+ba/b"))])
    }

    @Test("Tab and Shift-Tab cycle the focus")
    func focus() {
        var state = UIState(size: size)
        state.handle(.tab)
        #expect(state.focus == .format)
        state.handle(.tab)
        #expect(state.focus == .list)
        state.handle(.tab)
        #expect(state.focus == .form)
        state.handle(.backTab)
        #expect(state.focus == .list)
    }

    @Test("j/k and arrows move in the list, clamped, and scroll")
    func move() {
        var state = Fixtures.listState(size: TerminalSize(columns: 80, rows: 16))
        #expect(state.selectedTask?.id == 12)
        state.handle([.char("j"), .down])
        #expect(state.selectedTask?.id == 10)
        state.handle([.char("k"), .up, .up, .up])
        #expect(state.selectedRow == 0)
        state.handle(.char("G"))
        #expect(state.selectedTask?.id == 5)
        #expect(state.scrollOffset > 0)
        #expect(state.scrollOffset + state.listRows > state.selectedRow)
        state.handle(.home)
        #expect(state.selectedRow == 0 && state.scrollOffset == 0)
    }

    @Test("Enter on the list opens details; Esc closes them")
    func details() {
        var state = Fixtures.listState(size: size, row: 3)
        state.handle(.enter)
        #expect(state.overlay == .details(taskID: 9))
        #expect(state.handle(.char("r")) == [.retry(taskID: 9)])
        state.handle(.escape)
        #expect(state.overlay == .none)
    }

    @Test("d asks first; y removes, f removes with the file, n keeps")
    func remove() {
        var state = Fixtures.listState(size: size, row: 4)
        #expect(state.handle(.char("d")).isEmpty)
        #expect(state.overlay == .confirmRemove(taskID: 8))
        #expect(state.handle(.char("n")).isEmpty)
        #expect(state.overlay == .none)
        state.handle(.char("d"))
        #expect(state.handle(.char("f")) == [.remove(taskID: 8, deleteFile: true)])
        state.handle(.char("d"))
        #expect(state.handle(.char("y")) == [.remove(taskID: 8, deleteFile: false)])
    }

    @Test("c asks before cancelling a task that has not ended (Enter keeps it); o needs a file")
    func cancelAndOpen() {
        var state = Fixtures.listState(size: size)
        #expect(state.handle(.char("c")).isEmpty)
        #expect(state.overlay == .confirmCancel(taskID: 12))
        #expect(state.handle(.enter).isEmpty, "the safe answer is the default")
        #expect(state.overlay == .none)
        state.handle(.char("c"))
        #expect(state.handle(.char("y")) == [.cancel(taskID: 12)])
        #expect(state.handle(.char("o")).isEmpty)
        #expect(state.statusMessage?.kind == .failure)
        state.handle([.down, .down, .down, .down])
        #expect(state.handle(.char("c")).isEmpty)
        #expect(state.handle(.char("o")) == [.openFolder(taskID: 8)])
    }

    @Test("q types in the URL field but quits from the list")
    func quitKey() {
        var state = UIState(size: size)
        #expect(state.handle(.char("q")).isEmpty)
        #expect(state.url.text == "q")
        state.focus = .list
        #expect(state.handle(.char("q")) == [.quit])
    }

    @Test("quitting while downloads run asks first")
    func quitConfirm() {
        var state = Fixtures.listState(size: size)
        #expect(state.handle(.char("q")).isEmpty)
        #expect(state.overlay == .confirmQuit)
        #expect(state.handle(.escape).isEmpty)
        #expect(state.overlay == .none)
        state.handle(.char("q"))
        #expect(state.handle(.char("y")) == [.quit])
    }

    @Test("the quit question counts only this process's running downloads")
    func quitCountsOwnDownloads() {
        var state = UIState(size: size, clock: Fixtures.now)
        // Ten tasks run in another ytq on the same database; this one runs #12 only.
        state.replacePage(TaskListPage(tasks: Fixtures.tasks, matchingCount: 20, statusCounts: [.downloading: 10, .completed: 10]))
        state.focus = .list
        #expect(state.handle(.char("q")) == [.quit])
        let running = Fixtures.tasks[0]
        state.handle(event: .progressUpdated(running, DownloadProgress(downloadedBytes: 1, totalBytes: 10)))
        #expect(state.runningHere == [running.id])
        #expect(state.handle(.char("q")).isEmpty)
        #expect(state.overlay == .confirmQuit)
        let screen = RootView.render(state, now: Fixtures.now, zone: .utc)
        #expect(screen.text.contains("1 download runs in this ytq"))
        #expect(!screen.text.contains("10 downloads"))
        state.handle(.char("n"))
        state.handle(event: .completed(running, downloadURL: URL(fileURLWithPath: "/tmp/a.mp4")))
        #expect(state.runningHere.isEmpty)
        #expect(state.handle(.char("q")) == [.quit])
    }

    @Test("Ctrl-C quits from anywhere (asking while downloads run; twice quits)")
    func interrupt() {
        for overlay in [Overlay.none, .help, .details(taskID: 9), .confirmRemove(taskID: 9)] {
            for focus in FocusArea.allCases {
                var idle = UIState(size: size)
                idle.focus = focus
                idle.overlay = overlay
                #expect(idle.handle(.ctrlC) == [.quit])
            }
        }
        var busy = Fixtures.busyState(size: size)
        #expect(busy.handle(.ctrlC).isEmpty)
        #expect(busy.overlay == .confirmQuit)
        #expect(busy.handle(.ctrlC) == [.quit])
    }

    @Test("a paste goes whole into the URL field, newlines stripped")
    func paste() {
        var state = Fixtures.listState(size: size)
        state.url = TextField()
        state.handle(.paste("https://example.com/watch?v=1\r\n"))
        #expect(state.focus == .form)
        #expect(state.url.text == "https://example.com/watch?v=1")
        state.handle(.paste("\nq"))
        #expect(state.url.text == "https://example.com/watch?v=1q")
        state.overlay = .confirmQuit
        state.handle(.paste("ignored"))
        #expect(state.url.text == "https://example.com/watch?v=1q")
    }

    @Test("/ asks the store for a filtered page as you type; Esc clears")
    func filter() {
        var state = Fixtures.listState(size: size, row: 3)
        state.handle(.char("/"))
        #expect(state.keyContext == .filter)
        let effects = state.handle([.char("c"), .char("a")])
        #expect(effects == [.filterChanged, .filterChanged])
        #expect(state.filter.text == "ca")
        #expect(state.selectedRow == 0)
        state.replacePage(Fixtures.pageMatchingCa)
        state.handle(.enter)
        #expect(state.keyContext == .list)
        #expect(state.selectedTask?.id == 7)
        state.handle(.char("/"))
        #expect(state.handle(.escape) == [.filterChanged])
        #expect(state.filter.isEmpty)
        #expect(state.handle(.escape).isEmpty)
    }

    @Test("the state never filters in memory: the rows are the page's until the next one")
    func filterNotInMemory() {
        var state = Fixtures.listState(size: size)
        state.handle(.char("/"))
        state.handle([.char("c"), .char("a"), .char("t")])
        #expect(state.tasks == Fixtures.tasks)
        #expect(state.selectedTask?.id == 12)
        let title = RootView.render(state, now: Fixtures.now, zone: .utc).text
        #expect(title.contains("Downloads 8 matching of 8  / cat"))
    }

    @Test("a paste into the filter asks for a page too")
    func pasteIntoFilter() {
        var state = Fixtures.listState(size: size)
        state.handle(.char("/"))
        #expect(state.handle(.paste("café")) == [.filterChanged])
        #expect(state.handle(.paste("\n")).isEmpty)
        #expect(state.filter.text == "café")
    }

    @Test("? and F1 open the help; the help scrolls within its lines")
    func help() {
        var state = Fixtures.listState(size: size)
        state.handle(.char("?"))
        #expect(state.overlay == .help)
        state.handle(.char("G"))
        let bottom = state.overlayScroll
        #expect(bottom > 0)
        state.handle(.char("j"))
        #expect(state.overlayScroll == bottom)
        state.handle(.char("k"))
        #expect(state.overlayScroll == bottom - 1)
        state.handle(.char("?"))
        #expect(state.overlay == .none)
        state.focus = .form
        state.handle(.char("?"))
        #expect(state.overlay == .none && state.url.text.hasSuffix("?"))
        state.handle(.function(1))
        #expect(state.overlay == .help)
    }

    @Test("unbound keys outside text fields change nothing but the status line, which says so")
    func unbound() {
        var state = Fixtures.listState(size: size)
        var before = state
        #expect(state.handle(.char("z")).isEmpty)
        before.setStatus(StatusMessage("no key z here — ? for help", kind: .failure, time: Fixtures.now))
        #expect(state == before)
    }
}
