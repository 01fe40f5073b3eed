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
        let harness = try SchedulerHarness(ytDlp: "yt-dlp")
        harness.start()
        let size = 3_000_000
        let task = try harness.add(server.mediaURL(name: "identical.mp4", size: size))
        let event = await harness.waitFor("completed", timeout: 60) { $0.name == "DownloadCompleted" || $0.name == "DownloadFailed" }
        guard case .completed(let done, let url)? = event else {
            Issue.record("expected completion, got \(String(describing: event))")
            await harness.stop()
            return
        }
        #expect(done.id == task.id)
        let data = try Data(contentsOf: url)
        #expect(data.count == size)
        #expect(data == Data(MediaPattern.bytes(name: "identical.mp4", size: size)))
        #expect(done.metaData["ext"] == .string("mp4"))
        let progress = harness.events.filter { $0.name == "DownloadProgressUpdated" }
        #expect(progress.count >= 2)
        await harness.stop()
        #expect(harness.strayProcesses().isEmpty)
    }

    @Test("a 404 fails at once with yt-dlp's HTTP error")
    func notFound() async throws {
        let server = try MediaServer()
        defer { server.stop() }
        let harness = try SchedulerHarness(ytDlp: "yt-dlp")
        harness.start()
        try harness.add(server.url("/status/404"))
        let event = await harness.waitFor("failed", timeout: 60) { $0.name == "DownloadFailed" }
        guard case .failed(let task, let reason)? = event else { await harness.stop(); return }
        #expect(reason.kind == .permanent)
        #expect(reason.message.contains("404"))
        #expect(task.attempts == 1)
        await harness.stop()
    }

    @Test("connection refused is transient: retried with backoff, then failed with the attempt count")
    func transientRetries() async throws {
        let harness = try SchedulerHarness(ytDlp: "yt-dlp") { configuration in
            configuration.retryPolicy.maxAttempts = 2
            configuration.ytDlpOptions.retries = 0
        }
        harness.start()
        // Port 9 (discard) on loopback: nothing listens, the connection is refused.
        let task = try harness.add("http://127.0.0.1:9/clip.mp4")
        let event = await harness.waitFor("failed", timeout: 60) { $0.name == "DownloadFailed" }
        #expect(harness.events.contains { $0.name == "DownloadRetrying" })
        guard case .failed(let failed, let reason)? = event else { await harness.stop(); return }
        #expect(reason.kind == .transient)
        #expect(reason.message.contains("after 2 attempts"))
        #expect(failed.attempts == 2)
        #expect(try harness.task(task.id).errorMessage?.contains("after 2 attempts") == true)
        await harness.stop()
    }

    @Test("a stalled download is stopped by the watchdog with a reason that says so")
    func stall() async throws {
        let server = try MediaServer(stallTimeout: 30)
        defer { server.stop() }
        let harness = try SchedulerHarness(ytDlp: "yt-dlp") { configuration in
            configuration.stallTimeout = .seconds(2)
            configuration.retryPolicy.maxAttempts = 1
        }
        harness.start()
        try harness.add(server.url("/stall/slow.mp4?size=1000000&after=2048"))
        let event = await harness.waitFor("failed", timeout: 60) { $0.name == "DownloadFailed" }
        guard case .failed(let task, let reason)? = event else { await harness.stop(); return }
        #expect(reason.kind == .stalled)
        #expect(reason.message.contains("stalled"))
        #expect(task.errorMessage?.contains("no data arrived for 2 s") == true)
        await harness.waitUntil("no stray yt-dlp", timeout: 10) { harness.strayProcesses().isEmpty }
        await harness.stop()
    }

    @Test("a task another process adds (ytq add) is picked up by a running scheduler")
    func picksUpOtherProcessesTasks() async throws {
        let harness = try SchedulerHarness()
        harness.start()
        try await Task.sleep(for: .milliseconds(200))
        let added = try await YTQBinary.run(
            ["add", "https://fake.test/video/success", "--db", harness.databasePath],
            environment: YTQBinary.isolatedEnvironment(home: harness.dir.path))
        #expect(added.status == 0, "\(added.stderr)")
        let id = try #require(Int64(added.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
        await harness.waitFor("completed") { $0.name == "DownloadCompleted" && $0.taskID == id }
        await harness.stop()
    }
}
