import Foundation
import Testing
import YTQCore
import YTQDownloader
import YTQTestSupport
@testable import YTQScheduler
@testable import YTQStore

/// Every branch of the scheduler with a fake yt-dlp (Tests/Fixtures/fake-yt-dlp.sh) that
/// picks its behaviour from the URL's last path component.
@Suite("Scheduler with a fake yt-dlp")
struct SchedulerFakeTests {
    @Test("a successful run: started, progress, completed with a file:// URL and metadata")
    func success() async throws {
        let harness = try SchedulerHarness()
        harness.start()
        let task = try harness.add("https://fake.test/video/success")
        let event = await harness.waitFor("completed") { if case .completed = $0 { return true } else { return false } }
        guard case .completed(let done, let url)? = event else { await harness.stop(); return }
        #expect(done.id == task.id)
        #expect(done.status == .completed)
        #expect(done.title == "Fake clip é")
        #expect(url.isFileURL)
        #expect(url.path == harness.configuration.downloadDirectory + "/Fake clip [fake1].mp4")
        #expect(done.filePath == url.path)
        #expect(done.metaData["id"] == .string("fake1"))
        #expect(done.metaData["extractor"] != nil || done.metaData["extractor_key"] != nil)
        #expect(done.metaData["filesize"] == .number(1000))
        let names = harness.events.filter { $0.taskID == task.id }.map(\.name)
        #expect(names.first == "DownloadStarted")
        #expect(names.contains("DownloadProgressUpdated"))
        #expect(harness.events.allSatisfy { $0.channel == "download.\($0.taskID)" })
        #expect(!FileManager.default.fileExists(atPath: harness.configuration.partialFolder(for: task.id)))
        await harness.stop()
    }

    @Test("a permanent failure fails at once with yt-dlp's real reason, not an exit code")
    func permanentFailure() async throws {
        let harness = try SchedulerHarness()
        harness.start()
        let task = try harness.add("https://fake.test/video/fail-404")
        let event = await harness.waitFor("failed") { if case .failed = $0 { return true } else { return false } }
        guard case .failed(let failed, let reason)? = event else { await harness.stop(); return }
        #expect(reason.kind == .permanent)
        #expect(reason.message.contains("HTTP Error 404"))
        #expect(failed.errorMessage?.contains("HTTP Error 404") == true)
        #expect(try harness.task(task.id).attempts == 1)
        #expect(!harness.events.contains { $0.name == "DownloadRetrying" })
        await harness.stop()
    }

    @Test("a missing yt-dlp fails the task with how to install it; the scheduler keeps running")
    func missingYtDlp() async throws {
        let harness = try SchedulerHarness(ytDlp: "/nonexistent/bin/yt-dlp")
        harness.start()
        let first = try harness.add("https://fake.test/video/success")
        await harness.waitFor("first failed") { $0.name == "DownloadFailed" && $0.taskID == first.id }
        let second = try harness.add("https://fake.test/video/success")
        let event = await harness.waitFor("second failed") { $0.name == "DownloadFailed" && $0.taskID == second.id }
        guard case .failed(_, let reason)? = event else { await harness.stop(); return }
        #expect(reason.kind == .toolMissing)
        #expect(reason.description.contains("yt-dlp"))
        #expect(reason.description.contains("pip install yt-dlp"))
        await harness.stop()
    }

    @Test("cancel stops yt-dlp, removes partial files, and the task stays cancelled")
    func cancel() async throws {
        let harness = try SchedulerHarness()
        harness.start()
        let task = try harness.add("https://fake.test/video/hang")
        await harness.waitFor("progress") { $0.name == "DownloadProgressUpdated" }
        let partials = harness.configuration.partialFolder(for: task.id)
        #expect(PartialFolder.hasPartialFiles(at: partials))
        let actions = harness.actions
        _ = try await actions.cancel(id: task.id)
        await harness.waitFor("cancelled") { $0.name == "DownloadCancelled" && $0.taskID == task.id }
        #expect(try harness.task(task.id).status == .cancelled)
        #expect(!FileManager.default.fileExists(atPath: partials))
        await harness.waitUntil("no stray yt-dlp") { harness.strayProcesses().isEmpty }
        // It does not come back.
        try await Task.sleep(for: .milliseconds(300))
        #expect(try harness.task(task.id).status == .cancelled)
        #expect(!harness.events.contains { $0.name == "DownloadCompleted" })
        await harness.stop()
    }

    @Test("retry runs a failed task again under the rules")
    func retry() async throws {
        let harness = try SchedulerHarness()
        harness.start()
        let task = try harness.add("https://fake.test/video/fail-404")
        await harness.waitFor("failed") { $0.name == "DownloadFailed" }
        let actions = harness.actions
        guard case .success(let queued) = try actions.retry(id: task.id) else {
            Issue.record("retry refused")
            await harness.stop()
            return
        }
        #expect(queued.status == .pending)
        harness.scheduler.poke()
        await harness.waitUntil("second failure") {
            harness.events.filter { $0.name == "DownloadFailed" }.count == 2
        }
        await harness.stop()
    }

    @Test("never more tasks downloading than the system limit")
    func systemLimit() async throws {
        let harness = try SchedulerHarness { $0.systemLimit = 2 }
        harness.start()
        for _ in 0..<4 { try harness.add("https://fake.test/video/hang") }
        await harness.waitUntil("two running") { try harness.database.tasks(status: .downloading).count == 2 }
        try await Task.sleep(for: .milliseconds(500))
        #expect(try harness.database.tasks(status: .downloading).count == 2)
        #expect(try harness.database.tasks(status: .pending).count == 2)
        await harness.stop()
    }

    @Test("shutdown stops downloads gracefully and leaves them resumable")
    func shutdown() async throws {
        let harness = try SchedulerHarness()
        harness.start()
        let task = try harness.add("https://fake.test/video/hang")
        await harness.waitFor("progress") { $0.name == "DownloadProgressUpdated" }
        await harness.scheduler.shutdown()
        await harness.waitUntil("released") { try harness.task(task.id).status == .pending }
        let released = try harness.task(task.id)
        #expect(released.attempts == 0, "an interrupted run is not counted")
        #expect(released.downloadedBytes == 100)
        #expect(PartialFolder.hasPartialFiles(at: harness.configuration.partialFolder(for: task.id)))
        await harness.waitUntil("no stray yt-dlp") { harness.strayProcesses().isEmpty }
        await harness.stop()
    }

    @Test("a yt-dlp that ignores SIGINT is killed after the grace period")
    func ignoresSIGINT() async throws {
        let harness = try SchedulerHarness { $0.stopGrace = .milliseconds(300) }
        harness.start()
        let task = try harness.add("https://fake.test/video/ignore-sigint")
        await harness.waitFor("progress") { $0.name == "DownloadProgressUpdated" }
        let actions = harness.actions
        _ = try await actions.cancel(id: task.id)
        await harness.waitFor("cancelled") { $0.name == "DownloadCancelled" }
        await harness.waitUntil("no stray yt-dlp", timeout: 5) { harness.strayProcesses().isEmpty }
        await harness.stop()
    }

    @Test("exit 0 without the promised file is a failure with a reason")
    func noFile() async throws {
        let harness = try SchedulerHarness()
        harness.start()
        try harness.add("https://fake.test/video/no-file")
        let event = await harness.waitFor("failed") { $0.name == "DownloadFailed" }
        guard case .failed(let task, let reason)? = event else { await harness.stop(); return }
        #expect(reason.message.contains("no such file"))
        #expect(task.status == .failed)
        await harness.stop()
    }

    @Test("post-processing after the last byte is not taken for a stall")
    func postprocessingIsNotAStall() async throws {
        let harness = try SchedulerHarness { configuration in
            configuration.stallTimeout = .seconds(1)
            configuration.ytDlpEnvironment = ["FAKE_POSTPROCESS": "2.5"]
        }
        harness.start()
        try harness.add("https://fake.test/video/postprocess")
        let event = await harness.waitFor("finished") { $0.name == "DownloadCompleted" || $0.name == "DownloadFailed" }
        #expect(event?.name == "DownloadCompleted", "\(String(describing: event))")
        await harness.stop()
    }

    @Test("cancel then an immediate retry: the old yt-dlp is gone before a new one starts")
    func cancelThenRetry() async throws {
        let harness = try SchedulerHarness { $0.stopGrace = .milliseconds(800) }
        harness.start()
        let task = try harness.add("https://fake.test/video/ignore-sigint")
        await harness.waitFor("progress") { $0.name == "DownloadProgressUpdated" }
        let actions = harness.actions
        _ = try await actions.cancel(id: task.id)
        guard case .success = try actions.retry(id: task.id) else {
            Issue.record("retry refused")
            await harness.stop()
            return
        }
        harness.scheduler.poke()
        // Until the second run reports progress, never two yt-dlp processes for the task.
        var most = 0
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            most = max(most, harness.runningYtDlp())
            if harness.events.filter({ $0.name == "DownloadStarted" }).count >= 2,
               harness.events.filter({ $0.name == "DownloadProgressUpdated" }).count >= 2 { break }
            try await Task.sleep(for: .milliseconds(10))
        }
        #expect(most <= 1, "two yt-dlp processes ran for one task")
        #expect(harness.events.filter { $0.name == "DownloadStarted" }.count == 2)
        #expect(try harness.task(task.id).status == .downloading)
        _ = try await actions.cancel(id: task.id)
        await harness.waitUntil("no stray yt-dlp", timeout: 10) { harness.strayProcesses().isEmpty }
        await harness.stop()
    }

    @Test("HTTP 416 on resume: the stale partial file is dropped and the download starts over")
    func rangeNotSatisfiable() async throws {
        let harness = try SchedulerHarness()
        harness.start()
        try harness.add("https://fake.test/video/range-416")
        let event = await harness.waitFor("finished") { $0.name == "DownloadCompleted" || $0.name == "DownloadFailed" }
        #expect(event?.name == "DownloadCompleted", "\(String(describing: event))")
        #expect(harness.events.contains { $0.name == "DownloadRetrying" })
        await harness.stop()
    }

    @Test("remove --delete-file deletes the finished file, but not one another task also records")
    func removeWithFile() async throws {
        let harness = try SchedulerHarness()
        harness.start()
        let first = try harness.add("https://fake.test/video/success")
        await harness.waitFor("first completed") { $0.name == "DownloadCompleted" && $0.taskID == first.id }
        let second = try harness.add("https://fake.test/again/success")
        await harness.waitFor("second completed") { $0.name == "DownloadCompleted" && $0.taskID == second.id }
        let path = try #require(try harness.task(first.id).filePath)
        #expect(try harness.task(second.id).filePath == path, "both runs wrote the same file")
        let actions = harness.actions
        let kept = try await actions.remove(id: first.id, deleteFile: true)
        #expect(kept.deletedFile == nil)
        #expect(kept.keptFileReason?.contains("another task") == true)
        #expect(FileManager.default.fileExists(atPath: path))
        let deleted = try await actions.remove(id: second.id, deleteFile: true)
        #expect(deleted.deletedFile == path)
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(throws: StoreError.taskNotFound(id: second.id)) { try harness.task(second.id) }
        await harness.stop()
    }
}
