import Foundation
import Testing
import YTQCore
@testable import YTQTerminal

/// Issue 13, defect 9: every figure in its own column, whole.
@Suite("Task list columns")
struct TaskColumnsTests {
    static let size = TerminalSize(columns: 120, rows: 40)

    func screen(_ tasks: [DownloadTask], progress: [Int64: DownloadProgress] = [:]) -> Screen {
        var state = UIState(size: Self.size)
        state.replacePage(TaskListPage(tasks: tasks))
        state.progress = progress
        return RootView.render(state, now: Fixtures.now, zone: .utc)
    }

    /// The column (in cells) where `label` ends on the header row.
    func end(of label: String, in screen: Screen) -> Int? {
        guard let header = screen.lines.first(where: { $0.contains("TITLE") && $0.contains("SIZE") }),
              let range = header.range(of: label) else { return nil }
        return DisplayWidth.of(String(header[..<range.upperBound]))
    }

    func row(_ screen: Screen, _ title: String) -> String {
        screen.lines.first { $0.contains(title) } ?? ""
    }

    @Test("a completed row shows the size the store recorded, under SIZE, with no live progress")
    func storedSizeUnderSize() throws {
        let done = Fixtures.task(3, .completed, title: "done earlier", created: 90, updated: 80, bytes: 255 * 1024)
        let paused = Fixtures.task(2, .paused, title: "on hold", created: 20)
        var pausedWithBytes = paused
        pausedWithBytes.downloadedBytes = 300 * 1024
        pausedWithBytes.totalBytes = 3 * 1024 * 1024
        let screen = screen([done, pausedWithBytes])
        let sizeEnd = try #require(end(of: "SIZE", in: screen))
        for (title, size) in [("done earlier", "255 KiB"), ("on hold", "0.3/3.0 MiB")] {
            let line = row(screen, title)
            let range = try #require(line.range(of: size), "\(size) on: \(line)")
            #expect(DisplayWidth.of(String(line[..<range.upperBound])) == sizeEnd, "\(size) under SIZE:\n\(screen.text)")
        }
        #expect(!row(screen, "done earlier").contains("finished 13:00  "), "the size is not after the time")
    }

    @Test("a running download's figures each end under their own header, uncut")
    func runningFigures() throws {
        let task = Fixtures.task(1, .downloading, title: "in flight", created: 1)
        let progress = DownloadProgress(downloadedBytes: 255 * 1024, totalBytes: 2_900_000, speed: 1023.9 * 1024, eta: 99 * 3600 + 3599)
        let screen = screen([task], progress: [1: progress])
        let line = row(screen, "in flight")
        #expect(!line.contains("…"), "\(line)")
        for (label, text) in [("SIZE", "0.2/2.8 MiB"), ("SPEED", "1023 KiB/s"), ("ETA", "99:59:59")] {
            let range = try #require(line.range(of: text), "\(text) on: \(line)")
            #expect(DisplayWidth.of(String(line[..<range.upperBound])) == end(of: label, in: screen), "\(text) under \(label):\n\(screen.text)")
        }
    }

    @Test("the longest form of every figure fits its column")
    func widths() {
        var sizes: [Int64] = [0, 1, 999, 1000, 1023, 1024, 1025]
        for power in 1...5 {
            let unit = Int64(1) << (10 * power)
            sizes += [unit - 1, unit, unit + 1, 99 * unit + unit / 2, 100 * unit - 1, 999 * unit, 1023 * unit + unit - 1]
        }
        for total in sizes {
            #expect(HumanFormat.shortBytes(total).count <= 8)
            #expect(HumanFormat.shortSpeed(Double(total)).count <= TaskColumns.speedWidth, "\(total)")
            for downloaded in sizes + [total * 3] {
                let text = HumanFormat.shortProgressSize(downloaded: downloaded, total: total)
                #expect(text.count <= TaskColumns.sizeWidth, "\(text)")
            }
        }
        for seconds in [0, 59, 3599, 35_999, 359_999, 360_000, Int(Int32.max)] {
            #expect(HumanFormat.duration(seconds: seconds).count <= TaskColumns.etaWidth)
        }
    }
}
