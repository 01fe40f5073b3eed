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
        try await SchedulerHarness.run { harness in
            let task = try await harness.add("https://fake.test/video/success")
            let event = await harness.waitFor(.completed)
            guard case .completed(let done, let url)? = event else { return }
            #expect(done.id == task.id)
            #expect(done.status == .completed)
            #expect(done.title == "Fake clip é")
            #expect(url.isFileURL)
            #expect(url.path == harness.configuration.downloadDirectory + "/Fake clip [fake1].mp4")
            #expect(done.filePath == url.path)
            #expect(done.metaData["id"] == .string("fake1"))
            #expect(done.metaData["extractor"] != nil || done.metaData["extractor_key"] != nil)
            #expect(done.metaData["filesize"] == .number(1000))
            let kinds = harness.events.filter { $0.taskID == task.id }.map(\.kind)
            #expect(kinds.first == .started)
            #expect(kinds.contains(.progressUpdated))
            #expect(harness.events.allSatisfy { $0.channel == "download.\($0.taskID)" })
            #expect(!FileManager.default.fileExists(atPath: harness.configuration.partialFolder(for: task.id)))
        }
    }

    @Test("a permanent failure fails at once with yt-dlp's real reason, not an exit code")
    func permanentFailure() async throws {
        try await SchedulerHarness.run { harness in
            let task = try await harness.add("https://fake.test/video/fail-404")
            guard case .failed(let failed, let reason)? = await harness.waitFor(.failed) else { return }
            #expect(reason.kind == .permanent)
            #expect(reason.message.contains("HTTP Error 404"))
            #expect(failed.errorMessage?.contains("HTTP Error 404") == true)
            #expect(try await harness.task(task.id).attempts == 1)
            #expect(!harness.events.contains { $0.kind == .retrying })
        }
    }

    @Test("a missing yt-dlp fails the task with how to install it; the scheduler keeps running")
    func missingYtDlp() async throws {
        try await SchedulerHarness.run(ytDlp: "/nonexistent/bin/yt-dlp") { harness in
            let first = try await harness.add("https://fake.test/video/success")
            await harness.waitFor(.failed, task: first.id)
            let second = try await harness.add("https://fake.test/video/success")
            guard case .failed(_, let reason)? = await harness.waitFor(.failed, task: second.id) else { return }
            #expect(reason.kind == .toolMissing)
            #expect(reason.description.contains("yt-dlp"))
            #expect(reason.description.contains("pip install yt-dlp"))
        }
    }

    @Test("cancel stops yt-dlp, removes partial files, and the task stays cancelled")
    func cancel() async throws {
        try await SchedulerHarness.run { harness in
            let task = try await harness.add("https://fake.test/video/hang")
            await harness.waitFor(.progressUpdated)
            let partials = harness.configuration.partialFolder(for: task.id)
            #expect(PartialFolder.hasPartialFiles(at: partials))
            try await harness.cancel(task.id)
            await harness.waitFor(.cancelled, task: task.id)
            #expect(try await harness.task(task.id).status == .cancelled)
            #expect(!FileManager.default.fileExists(atPath: partials))
            await eventually("no stray yt-dlp") { harness.strayProcesses().isEmpty }
            // It does not come back: a whole pass of the scheduler later, it is still cancelled.
            await harness.scheduler.settled()
            #expect(try await harness.task(task.id).status == .cancelled)
            #expect(!harness.events.contains { $0.kind == .completed })
        }
    }

    @Test("retry runs a failed task again under the rules")
    func retry() async throws {
        try await SchedulerHarness.run { harness in
            let task = try await harness.add("https://fake.test/video/fail-404")
            await harness.waitFor(.failed)
            try await harness.retry(task.id)
            #expect(try await harness.task(task.id).status != .failed)
            harness.scheduler.poke()
            await eventually("second failure") { harness.events.filter { $0.kind == .failed }.count == 2 }
        }
    }

    @Test("never more tasks downloading than the system limit, even with more pending (the limit was lowered)")
    func systemLimit() async throws {
        try await SchedulerHarness.run(configure: { $0.limits.system = 2 }) { harness in
            // Added under a higher limit, as before an admin lowered it.
            var roomy = harness.configuration
            roomy.limits.system = 100
            let before = EngineActions(database: harness.database, configuration: roomy)
            for _ in 0..<4 { _ = try await before.add(url: "https://fake.test/video/hang", format: nil, by: harness.requester) }
            harness.scheduler.poke()
            await eventually("two running") { try await harness.database.tasks(status: .downloading).count == 2 }
            // A whole pass with free tasks pending: it claims no third.
            await harness.scheduler.settled()
            #expect(try await harness.database.tasks(status: .downloading).count == 2)
            #expect(try await harness.database.tasks(status: .pending).count == 2)
        }
    }

    @Test("queued downloads start one after another under the per-user limit of 1")
    func backlogDrains() async throws {
        try await SchedulerHarness.run(configure: { $0.limits.perUser = 1 }) { harness in
            var ids: [Int64] = []
            for index in 0..<3 {
                let task = try await harness.actions.add(url: "https://fake.test/q\(index)/success", format: nil, by: harness.requester, whenBusy: .queue)
                ids.append(task.id)
                #expect(task.status == (index == 0 ? .pending : .queued))
            }
            harness.scheduler.poke()
            for id in ids { await harness.waitFor(.completed, task: id) }
            // One at a time: each started only after the one before it completed.
            let order = harness.events.compactMap { event -> String? in
                switch event.kind {
                case .started, .completed: return "\(event.kind.rawValue)#\(event.taskID)"
                default: return nil
                }
            }
            #expect(order == ids.flatMap { ["DownloadStarted#\($0)", "DownloadCompleted#\($0)"] })
        }
    }

    @Test("pause stops yt-dlp and keeps the partial file; resume continues from it")
    func pauseAndResume() async throws {
        try await SchedulerHarness.run { harness in
            let task = try await harness.add("https://fake.test/video/hang")
            await harness.waitFor(.progressUpdated, task: task.id)
            let partials = harness.configuration.partialFolder(for: task.id)
            _ = try await harness.actions.pause(id: task.id, by: harness.requester)
            await eventually("no yt-dlp left") { harness.strayProcesses().isEmpty }
            #expect(try await harness.task(task.id).status == .paused)
            #expect(PartialFolder.hasPartialFiles(at: partials), "pausing keeps what was downloaded")
            await eventually("the paused task records where it stood") { try await harness.task(task.id).downloadedBytes == 100 }
            await harness.scheduler.settled()
            #expect(try await harness.task(task.id).status == .paused, "a paused task is not picked up again")
            let resumed = try await harness.actions.resume(id: task.id, by: harness.requester)
            #expect(!resumed.startsOver)
            #expect(resumed.task.status == .pending)
            harness.scheduler.poke()
            await eventually("started again") { harness.events.filter { $0.kind == .started && $0.taskID == task.id }.count == 2 }
            try await harness.cancel(task.id)
            await eventually("no stray yt-dlp") { harness.strayProcesses().isEmpty }
        }
    }

    @Test("shutdown stops downloads gracefully and leaves them resumable")
    func shutdown() async throws {
        try await SchedulerHarness.run { harness in
            let task = try await harness.add("https://fake.test/video/hang")
            await harness.waitFor(.progressUpdated)
            await harness.scheduler.shutdown()
            await eventually("released") { try await harness.task(task.id).status == .pending }
            let released = try await harness.task(task.id)
            #expect(released.attempts == 0, "an interrupted run is not counted")
            #expect(released.downloadedBytes == 100)
            #expect(PartialFolder.hasPartialFiles(at: harness.configuration.partialFolder(for: task.id)))
            await eventually("no stray yt-dlp") { harness.strayProcesses().isEmpty }
        }
    }

    @Test("a yt-dlp that ignores SIGINT is killed after the grace period")
    func ignoresSIGINT() async throws {
        try await SchedulerHarness.run(configure: { $0.stopGrace = .milliseconds(300) }) { harness in
            let task = try await harness.add("https://fake.test/video/ignore-sigint")
            await harness.waitFor(.progressUpdated)
            try await harness.cancel(task.id)
            await harness.waitFor(.cancelled)
            await eventually("no stray yt-dlp", timeout: .seconds(5)) { harness.strayProcesses().isEmpty }
        }
    }

    @Test("exit 0 without the promised file is a failure with a reason")
    func noFile() async throws {
        try await SchedulerHarness.run { harness in
            try await harness.add("https://fake.test/video/no-file")
            guard case .failed(let task, let reason)? = await harness.waitFor(.failed) else { return }
            #expect(reason.message.contains("no such file"))
            #expect(task.status == .failed)
        }
    }

    /// 2.5 s of silence where no byte is due, under a 1 s stall timeout: after the last byte
    /// (ffmpeg at work), and before the first (yt-dlp reading a slow page; silent under --print).
    @Test("silence where no byte is due is not taken for a stall", arguments: [
        ("postprocess", "FAKE_POSTPROCESS"), ("slow-start", "FAKE_START"),
    ])
    func silenceThatIsNotAStall(scenario: String, variable: String) async throws {
        try await SchedulerHarness.run(configure: { configuration in
            configuration.stallTimeout = .seconds(1)
            configuration.ytDlpEnvironment = [variable: "2.5"]
        }) { harness in
            try await harness.add("https://fake.test/video/\(scenario)")
            let event = await eventually("finished") { harness.events.first { $0.kind == .completed || $0.kind == .failed } }
            #expect(event?.kind == .completed, "\(String(describing: event))")
        }
    }

    @Test("a yt-dlp silent before it names anything to download is stopped after the extraction timeout, and says so")
    func silentExtractionIsStopped() async throws {
        try await SchedulerHarness.run(configure: { configuration in
            configuration.extractionTimeout = .seconds(1)
            configuration.stopGrace = .milliseconds(500)
        }) { harness in
            let task = try await harness.add("https://fake.test/video/silent-hang")
            // A stall is worth another attempt: the first one's reason comes with the retry.
            guard case .retrying(_, _, let reason, _)? = await harness.waitFor(.retrying) else { return }
            #expect(reason.kind == .stalled)
            #expect(reason.message.contains("printed nothing for 1 s while reading the page"), "\(reason.message)")
            try await harness.cancel(task.id)
            await eventually("no stray yt-dlp", timeout: .seconds(10)) { harness.strayProcesses().isEmpty }
        }
    }

    @Test("cancel then an immediate retry: the old yt-dlp is gone before a new one starts")
    func cancelThenRetry() async throws {
        try await SchedulerHarness.run(configure: { $0.stopGrace = .milliseconds(800) }) { harness in
            let task = try await harness.add("https://fake.test/video/ignore-sigint")
            await harness.waitFor(.progressUpdated)
            try await harness.cancel(task.id)
            try await harness.retry(task.id)
            harness.scheduler.poke()
            // Until the second run reports progress, never two yt-dlp processes for the task.
            var most = 0
            await eventually("the second run's progress", timeout: .seconds(20)) {
                most = max(most, harness.runningYtDlp())
                return harness.events.filter { $0.kind == .started }.count >= 2
                    && harness.events.filter { $0.kind == .progressUpdated }.count >= 2
            }
            #expect(most <= 1, "two yt-dlp processes ran for one task")
            #expect(harness.events.filter { $0.kind == .started }.count == 2)
            #expect(try await harness.task(task.id).status == .downloading)
            try await harness.cancel(task.id)
            await eventually("no stray yt-dlp", timeout: .seconds(10)) { harness.strayProcesses().isEmpty }
        }
    }

    @Test("HTTP 416 on resume: the stale partial file is dropped and the download starts over")
    func rangeNotSatisfiable() async throws {
        try await SchedulerHarness.run { harness in
            try await harness.add("https://fake.test/video/range-416")
            let event = await eventually("finished") { harness.events.first { $0.kind == .completed || $0.kind == .failed } }
            #expect(event?.kind == .completed, "\(String(describing: event))")
            #expect(harness.events.contains { $0.kind == .retrying })
        }
    }

    @Test("remove --delete-file deletes the finished file, but not one another task also records")
    func removeWithFile() async throws {
        try await SchedulerHarness.run { harness in
            let first = try await harness.add("https://fake.test/video/success")
            await harness.waitFor(.completed, task: first.id)
            let second = try await harness.add("https://fake.test/again/success")
            await harness.waitFor(.completed, task: second.id)
            let path = try #require(try await harness.task(first.id).filePath)
            #expect(try await harness.task(second.id).filePath == path, "both runs wrote the same file")
            let kept = try await harness.remove(first.id, deleteFile: true)
            #expect(kept.deletedFile == nil)
            #expect(kept.keptFileReason?.contains("another task") == true)
            #expect(FileManager.default.fileExists(atPath: path))
            let deleted = try await harness.remove(second.id, deleteFile: true)
            #expect(deleted.deletedFile == path)
            #expect(!FileManager.default.fileExists(atPath: path))
            #expect(try await harness.database.task(id: second.id) == nil)
        }
    }

    @Test("a second task for a file another task downloaded records it as already downloaded, and a cancel cannot take it")
    func secondTaskSharesFile() async throws {
        try await SchedulerHarness.run { harness in
            let first = try await harness.add("https://fake.test/video/success")
            await harness.waitFor(.completed, task: first.id)
            let path = try #require(try await harness.task(first.id).filePath)
            // yt-dlp writes to the second task's own staging folder; the file under the final
            // name is the first task's, and the second run stops as soon as it names it.
            let second = try await harness.add("https://fake.test/again/done-late")
            guard case .completed(let done, _)? = await harness.waitFor(.completed, task: second.id) else { return }
            #expect(done.filePath == path)
            #expect(done.notes.first?.hasPrefix("already downloaded") == true)
            await #expect(throws: (any Error).self) { try await harness.cancel(second.id) }
            #expect(FileManager.default.fileExists(atPath: path), "task #\(first.id)'s finished file was deleted")
            let removal = try await harness.remove(second.id, deleteFile: true)
            #expect(removal.deletedFile == nil, "another task records it")
            #expect(FileManager.default.fileExists(atPath: path))
        }
    }

    @Test("a cancel racing a completion on a file nobody else records: the unwanted file goes")
    func cancelDeletesOwnFile() async throws {
        try await SchedulerHarness.run { harness in
            let task = try await harness.add("https://fake.test/video/done-late")
            await harness.waitFor(.progressUpdated, task: task.id)
            let staged = harness.configuration.stagingFolder(for: task) + "/Fake clip [fake1].mp4"
            await eventually("the file written") { FileManager.default.fileExists(atPath: staged) }
            try await harness.cancel(task.id)
            await harness.waitFor(.cancelled, task: task.id)
            await eventually("the staged file gone") { !FileManager.default.fileExists(atPath: staged) }
            let left = (try? FileManager.default.contentsOfDirectory(atPath: harness.configuration.downloadDirectory)) ?? []
            #expect(left.isEmpty, "left in the download folder: \(left)")
        }
    }

    @Test("a pause, or a shutdown, in the middle of the move leaves no unfinished file, under the final name or staged")
    func stopMidMove() async throws {
        try await SchedulerHarness.run { harness in
            let final = harness.configuration.downloadDirectory + "/Fake clip [fake1].mp4"
            let paused = try await harness.add("https://fake.test/video/move-hang")
            let staged = harness.configuration.stagingFolder(for: paused) + "/Fake clip [fake1].mp4"
            await eventually("the move under way") { FileManager.default.fileExists(atPath: staged) }
            #expect(!FileManager.default.fileExists(atPath: final), "an unfinished file under the final name")
            _ = try await harness.actions.pause(id: paused.id, by: harness.requester)
            await eventually("the unfinished file removed after the pause") { !FileManager.default.fileExists(atPath: staged) }
            #expect(try await harness.task(paused.id).status == .paused)
            await eventually("the paused run's yt-dlp gone") { harness.strayProcesses().isEmpty }
            let stopped = try await harness.add("https://fake.test/again/move-hang")
            let stoppedStaged = harness.configuration.stagingFolder(for: stopped) + "/Fake clip [fake1].mp4"
            await eventually("the second move under way") { FileManager.default.fileExists(atPath: stoppedStaged) }
            await harness.scheduler.shutdown()
            await eventually("the unfinished file removed at shutdown") { !FileManager.default.fileExists(atPath: stoppedStaged) }
            await eventually("released for the next start") { try await harness.task(stopped.id).status == .pending }
            #expect(!FileManager.default.fileExists(atPath: final))
        }
    }

    @Test("a file already at the final name (an earlier download) is kept and recorded, not downloaded again")
    func earlierFileKept() async throws {
        try await SchedulerHarness.run { harness in
            // The fake names its file, then would fail: the run is stopped before that.
            let path = harness.configuration.downloadDirectory + "/Fake clip [fake1].mp4"
            try FileManager.default.createDirectory(atPath: harness.configuration.downloadDirectory, withIntermediateDirectories: true)
            try Data(repeating: 1, count: 10).write(to: URL(fileURLWithPath: path))
            let task = try await harness.add("https://fake.test/video/fail-404")
            guard case .completed(let done, _)? = await harness.waitFor(.completed, task: task.id) else { return }
            #expect(done.filePath == path)
            #expect(done.notes == [DownloadJob.alreadyDownloadedNote])
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(repeating: 1, count: 10))
        }
    }

    @Test("another user's task cannot be cancelled or removed through TaskActions")
    func ownership() async throws {
        try await SchedulerHarness.run { harness in
            let task = try await harness.add("https://fake.test/video/hang")
            let mallory = Requester(userID: 4242)
            await #expect(throws: ActionError.forbidden(taskID: task.id, requester: mallory)) {
                try await harness.actions.cancel(id: task.id, by: mallory)
            }
            await #expect(throws: ActionError.forbidden(taskID: task.id, requester: mallory)) {
                try await harness.actions.remove(id: task.id, deleteFile: true, by: mallory)
            }
            #expect(try await harness.task(task.id).status.isActive)
            try await harness.cancel(task.id)
        }
    }
}
