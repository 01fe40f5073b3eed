import Foundation
import Testing
import YTQCore
@testable import YTQTerminal

/// Issue 13, defect 2: a filter changes which rows show, never the counts or what a row shows.
@Suite("Counts and rows under a filter")
struct FilterCountsTests {
    static let size = TerminalSize(columns: 120, rows: 40)
    /// What the store holds: 530 tasks.
    static let storeCounts: [DownloadStatus: Int] = [.failed: 102, .completed: 320, .downloading: 2, .pending: 6, .queued: 100]

    static let running = Fixtures.task(530, .downloading, title: "Lecture 12: running", created: 1)
    static let finished = Fixtures.task(529, .completed, title: "Lecture 11: finished", created: 50, updated: 40,
                                        file: "/tmp/lecture11.mp4", bytes: 255 * 1024 * 1024)
    static let other = Fixtures.task(528, .completed, title: "Something else", created: 60, updated: 55, bytes: 3 * 1024)

    /// The page the store returns for `/lecture`: 71 tasks match, two of them on this page.
    static let lecturePage = TaskListPage(tasks: [running, finished], matchingCount: 71, statusCounts: storeCounts)
    static let wholePage = TaskListPage(tasks: [running, finished, other], matchingCount: 530, statusCounts: storeCounts)

    func render(_ state: UIState) -> Screen {
        RootView.render(state, now: Fixtures.now, zone: .utc)
    }

    func filtered() -> UIState {
        var state = UIState(size: Self.size)
        state.replacePage(Self.wholePage)
        state.focus = .list
        state.handle([.char("/")] + "lecture".map(Key.char))
        state.replacePage(Self.lecturePage)
        return state
    }

    func row(_ screen: Screen, containing text: String) -> String {
        screen.lines.first { $0.contains(text) } ?? ""
    }

    @Test("the header counts the store's tasks; the list title says how many match of them")
    func countsUnderAFilter() {
        let screen = render(filtered())
        let header = screen.line(0)
        #expect(header.contains("530 tasks · 2 downloading · 6 waiting · 100 queued · 102 failed · 320 done"), "\(header)")
        #expect(screen.text.contains("Downloads 71 matching of 530  / lecture"), "\(screen.text)")
        #expect(!screen.text.contains("71 of 71"))
    }

    @Test("setting and clearing a filter keeps the stored size of completed rows")
    func sizesSurviveAFilter() {
        var state = filtered()
        #expect(row(render(state), containing: "Lecture 11").contains("255 MiB"))
        #expect(state.handle(.escape) == [.filterChanged])
        state.replacePage(Self.wholePage)
        let screen = render(state)
        #expect(row(screen, containing: "Lecture 11").contains("255 MiB"), "\(screen.text)")
        #expect(row(screen, containing: "Something else").contains("3.0 KiB"), "\(screen.text)")
        #expect(screen.text.contains("Downloads 530 "), "\(screen.text)")
    }

    @Test("a running task under a filter shows its live progress, not `starting yt-dlp…`")
    func liveProgressUnderAFilter() {
        var state = filtered()
        state.handle(event: .progressUpdated(Self.running, DownloadProgress(
            downloadedBytes: 66 * Fixtures.mebibyte, totalBytes: 100 * Fixtures.mebibyte, speed: 1_000_000, eta: 30)))
        let line = row(render(state), containing: "Lecture 12")
        #expect(line.contains("66%"), "\(line)")
        #expect(line.contains("66.0/100 MiB"), "\(line)")
        #expect(!line.contains("starting yt-dlp"), "\(line)")
    }
}
