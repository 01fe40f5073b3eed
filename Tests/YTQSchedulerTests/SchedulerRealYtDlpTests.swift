import Foundation
import Testing
import YTQCore
import YTQDownloader
import YTQTestSupport
@testable import YTQScheduler
@testable import YTQStore

/// The scheduler driving the real yt-dlp against the loopback media server.
@Suite("Scheduler with the real yt-dlp")
struct SchedulerRealYtDlpTests {
    @Test("a download completes byte-identical to the source")
    func byteIdentical() async throws {
        let server = try MediaServer(rate: 4_000_000)
        defer { server.stop() }
        try await SchedulerHarness.run(ytDlp: "yt-dlp") { harness in
            let size = 3_000_000
            let task = try await harness.add(server.mediaURL(name: "identical.mp4", size: size))
            let event = await eventually("finished") { harness.events.first { $0.kind == .completed || $0.kind == .failed } }
            guard case .completed(let done, let url)? = event else {
                Issue.record("expected completion, got \(String(describing: event))")
                return
            }
            #expect(done.id == task.id)
            let data = try Data(contentsOf: url)
            #expect(data.count == size)
            #expect(data == Data(MediaPattern.bytes(name: "identical.mp4", size: size)))
            #expect(done.metaData["ext"] == .string("mp4"))
            #expect(harness.events.filter { $0.kind == .progressUpdated }.count >= 2)
            await eventually("no stray yt-dlp") { harness.strayProcesses().isEmpty }
        }
    }

    @Test("a 404 fails at once with yt-dlp's HTTP error")
    func notFound() async throws {
        let server = try MediaServer()
        defer { server.stop() }
        try await SchedulerHarness.run(ytDlp: "yt-dlp") { harness in
            try await harness.add(server.url("/status/404"))
            guard case .failed(let task, let reason)? = await harness.waitFor(.failed) else { return }
            #expect(reason.kind == .permanent)
            #expect(reason.message.contains("404"))
            #expect(task.attempts == 1)
        }
    }

    @Test("connection refused is transient: retried with backoff, then failed with the attempt count")
    func transientRetries() async throws {
        try await SchedulerHarness.run(ytDlp: "yt-dlp", configure: { configuration in
            configuration.retryPolicy.maxAttempts = 2
            configuration.ytDlpOptions.retries = 0
        }) { harness in
            // Port 9 (discard) on loopback: nothing listens, the connection is refused.
            let task = try await harness.add("http://127.0.0.1:9/clip.mp4")
            let event = await harness.waitFor(.failed)
            #expect(harness.events.contains { $0.kind == .retrying })
            guard case .failed(let failed, let reason)? = event else { return }
            #expect(reason.kind == .transient)
            #expect(reason.message.contains("after 2 attempts"))
            #expect(failed.attempts == 2)
            #expect(try await harness.task(task.id).errorMessage?.contains("after 2 attempts") == true)
        }
    }

    @Test("a stalled download is stopped by the watchdog with a reason that says so")
    func stall() async throws {
        let server = try MediaServer(stallTimeout: 30)
        defer { server.stop() }
        try await SchedulerHarness.run(ytDlp: "yt-dlp", configure: { configuration in
            configuration.stallTimeout = .seconds(2)
            configuration.retryPolicy.maxAttempts = 1
        }) { harness in
            try await harness.add(server.url("/stall/slow.mp4?size=1000000&after=2048"))
            guard case .failed(let task, let reason)? = await harness.waitFor(.failed) else { return }
            #expect(reason.kind == .stalled)
            #expect(reason.message.contains("stalled"))
            #expect(task.errorMessage?.contains("no data arrived for 2 s") == true)
            await eventually("no stray yt-dlp", timeout: .seconds(10)) { harness.strayProcesses().isEmpty }
        }
    }

    @Test("a task another process adds (ytq add) is picked up by a running scheduler")
    func picksUpOtherProcessesTasks() async throws {
        try await SchedulerHarness.run { harness in
            // The watch is in place once the loop has made its first pass.
            await harness.scheduler.settled()
            let added = try await YTQBinary.run(
                ["add", "https://fake.test/video/success", "--db", harness.dir.file("db/ytq.sqlite")],
                environment: YTQBinary.isolatedEnvironment(home: harness.dir.path))
            #expect(added.status == 0, "\(added.stderr)")
            let id = try #require(Int64(added.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
            await harness.waitFor(.completed, task: id)
        }
    }
}
