import Foundation
import Testing
import YTQCore
import YTQTestSupport
@testable import YTQScheduler

/// The scheduler's one heartbeat: yt-dlp's progress lines reach the screen with it, not one
/// event (and one wake-up of every subscriber) a line.
@Suite("The scheduler's heartbeat")
struct SchedulerHeartbeatTests {
    @Test("20,000 progress lines reach subscribers as the first figure and one a heartbeat, not one a line")
    func progressOncePerTick() async throws {
        try await SchedulerHarness.run { harness in
            let start = ContinuousClock.now
            // The fake prints 20,000 progress lines as fast as it can, then exits without a file.
            let task = try await harness.add("https://fake.test/video/flood")
            await harness.waitFor(.failed, task: task.id)
            let seconds = Int((ContinuousClock.now - start).components.seconds)
            let figures = harness.events.filter { $0.taskID == task.id && $0.kind == .progressUpdated }.count
            #expect(figures >= 1, "the first figure is published at once")
            // One a heartbeat (a second), with room for the odd phase change: never one a line.
            #expect(figures <= 3 + 2 * seconds, "\(figures) progress events in \(seconds) s")
        }
    }

    @Test("the heartbeat writes the running download's progress and renews its claim")
    func heartbeatWritesProgress() async throws {
        try await SchedulerHarness.run(configure: { $0.progressWriteInterval = .milliseconds(100) }) { harness in
            let task = try await harness.add("https://fake.test/video/hang")
            await harness.waitFor(.progressUpdated, task: task.id)
            await eventually("the figure in the store") { try await harness.task(task.id).downloadedBytes == 100 }
            let first = try #require(try await harness.task(task.id).heartbeatAt)
            await eventually("the claim renewed by a later heartbeat") {
                (try await harness.task(task.id).heartbeatAt ?? first) > first
            }
            try await harness.cancel(task.id)
            await harness.waitFor(.cancelled, task: task.id)
        }
    }
}
