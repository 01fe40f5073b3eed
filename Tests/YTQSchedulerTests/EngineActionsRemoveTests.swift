import Foundation
import Testing
import YTQCore
import YTQDownloader
import YTQTestSupport
@testable import YTQScheduler
@testable import YTQStore

/// `EngineActions.remove` of a download that is running: like a cancel, the slot stays taken
/// until its yt-dlp has exited, so no other download starts beside it.
@Suite("EngineActions: removing a running download")
struct EngineActionsRemoveTests {
    @Test("removing a running download keeps its slot until its yt-dlp has exited, then forgets it")
    func removeRunning() async throws {
        try await SchedulerHarness.run(configure: { $0.limits.system = 1 }) { harness in
            // A yt-dlp that takes 2 s to wind down after SIGINT.
            let first = try await harness.add("https://fake.test/video/slow-stop")
            let child = try #require(await eventually("the first yt-dlp runs") { try await harness.task(first.id).child })
            // Waits in the backlog for the one slot.
            let second = try await harness.actions.add(url: "https://fake.test/video/hang", format: nil, by: harness.requester, whenBusy: .queue)
            #expect(second.status == .queued)
            _ = try await harness.remove(first.id, deleteFile: false)
            #expect(!ProcessControl.isSameProcess(pid: child.pid, startTime: child.startTime), "remove returned before its yt-dlp was gone")
            #expect(try await harness.database.task(id: first.id) == nil)
            await harness.waitFor(.started, task: second.id)
            // The first run ended (its worker saw the yt-dlp exit) before the second started.
            let order = harness.events.compactMap { event -> String? in
                switch event.kind {
                case .cancelled, .started: return "\(event.kind.rawValue)#\(event.taskID)"
                default: return nil
                }
            }
            // The job says `DownloadCancelled` when it releases the child within `remove`'s 2 s;
            // on a loaded machine `remove` may release it first and delete the row, and then
            // there is no event for a task that no longer exists. Either way none comes after
            // the second start.
            let expected = ["DownloadStarted#\(first.id)", "DownloadCancelled#\(first.id)", "DownloadStarted#\(second.id)"]
            #expect(order == expected || order == [expected[0], expected[2]], "\(order)")
            try await harness.cancel(second.id)
        }
    }
}
