import Foundation
import Testing
import YTQCore
import YTQDownloader
import YTQTestSupport
@testable import YTQScheduler
@testable import YTQStore

/// The download folder on a small tmpfs that the finished file does not fit: yt-dlp's move
/// from the partial folder (another filesystem) falls back to a copy that stops at the full
/// disk. The task fails with the disk as the reason, and no truncated file stays under the
/// final name, where the next run would take it for a finished download.
@Suite("A full download folder", .enabled(if: TmpfsMount.isAvailable, TmpfsMount.skipReason))
struct DownloadFolderFullTests {
    @Test("the copy into a full download folder fails the task and leaves no truncated file")
    func noTruncatedFile() async throws {
        let server = try MediaServer(rate: 20_000_000)
        defer { server.stop() }
        let scratch = try TemporaryDirectory("ytq-dlfull")
        defer { scratch.remove() }
        let disk = try TmpfsMount(at: scratch.file("downloads"), bytes: 1 << 20)
        defer { disk.unmount() }
        try await SchedulerHarness.run(ytDlp: "yt-dlp", configure: { configuration in
            configuration.downloadDirectory = disk.path
        }) { harness in
            let task = try await harness.add(server.mediaURL(name: "toobig.mp4", size: 3_000_000))
            let event = await eventually("the run ended") { harness.events.first { $0.kind == .completed || $0.kind == .failed } }
            guard case .failed(let failed, let reason)? = event else {
                Issue.record("expected a failure, got \(String(describing: event))")
                return
            }
            #expect(failed.id == task.id)
            #expect(reason.kind == .diskFull, "\(reason)")
            #expect(reason.message.contains("No space left on device"), "\(reason)")
            let left = try FileManager.default.contentsOfDirectory(atPath: disk.path)
            #expect(left.isEmpty, "a failed task left files in the download folder: \(left)")
            #expect(!FileManager.default.fileExists(atPath: harness.configuration.partialFolder(for: task.id)))
            await eventually("no stray yt-dlp") { harness.strayProcesses().isEmpty }
        }
    }

    @Test("a file already at the final name (an earlier download) is kept when a later run fails")
    func earlierFileKept() async throws {
        try await SchedulerHarness.run { harness in
            // The fake reports its file name, then fails: the file was there before the run.
            let path = harness.configuration.downloadDirectory + "/Fake clip [fake1].mp4"
            try FileManager.default.createDirectory(atPath: harness.configuration.downloadDirectory, withIntermediateDirectories: true)
            try Data(repeating: 1, count: 10).write(to: URL(fileURLWithPath: path))
            // The file clock has moved on: the run below starts after the file was written.
            let written = try #require(FileClock.changeTime(of: path))
            await eventually("the file clock passes the file's change time") { FileClock.now() > written }
            let task = try await harness.add("https://fake.test/video/fail-404")
            await harness.waitFor(.failed, task: task.id)
            #expect(FileManager.default.fileExists(atPath: path))
        }
    }
}
