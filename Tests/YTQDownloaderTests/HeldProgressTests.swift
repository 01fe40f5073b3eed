import Foundation
import Synchronization
import Testing
import YTQTestSupport
@testable import YTQDownloader

/// With `onEvent`, a run of "downloading" figures is held back to the newest: the consumer
/// wakes for each change of kind and takes the figure on its own tick.
@Suite("YtDlpProcess: held-back progress")
struct HeldProgressTests {
    @Test("4,000 figures in a row reach onEvent as the first and then one per change of kind; a tick takes the newest; none is lost at the end")
    func floodHeldBack() async throws {
        let workspace = try Workspace("fake-held")
        defer { workspace.root.remove() }
        let lines = 4000
        let received = Mutex<[YtDlpEvent]>([])
        let process = YtDlpProcess(invocation: workspace.fake("flood", extraEnvironment: ["FAKE_LINES": String(lines)])) { event in
            received.withLock { $0.append(event) }
        }
        let done = Atomic<Bool>(false)
        let running = Task {
            let result = await process.run()
            done.store(true, ordering: .releasing)
            return result
        }
        // The consumer's own ticks while the figures pour in (as often as it likes).
        var taken: [Int64] = []
        while !done.load(ordering: .acquiring) {
            if let report = process.takeHeldProgress() { taken.append(report.progress.downloadedBytes) }
            await Task.yield()
        }
        _ = await running.value
        let figures = received.withLock { $0 }.compactMap { event -> Int64? in
            if case .progress(let report) = event { return report.progress.downloadedBytes }
            return nil
        }
        #expect(figures.first == 1, "the first figure goes at once")
        #expect((figures + taken).max() == Int64(lines), "the newest figure is taken or passed on before run() returns")
        #expect(figures.count < lines / 2, "\(figures.count) figures passed on for \(lines) lines")
        let all = (figures + taken).sorted()
        #expect(all == Array(Set(all)).sorted(), "no figure twice")
        #expect(zip(figures, figures.dropFirst()).allSatisfy { $0 < $1 }, "in order")
        // The stderr lines interleaved with the figures all came, each after the figures before it.
        #expect(received.withLock { $0 }.filter { if case .stderr = $0 { return true } else { return false } }.count == lines)
    }

    @Test("without onEvent every figure reaches the events stream")
    func streamUnchanged() async throws {
        let workspace = try Workspace("fake-unheld")
        defer { workspace.root.remove() }
        let run = await runToEnd(YtDlpProcess(invocation: workspace.fake("flood", extraEnvironment: ["FAKE_LINES": "500"])), timeout: 60)
        #expect(run.progress.count == 500)
    }
}
