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
    @Test("the copy into a full download folder fails the task; no truncated file is left, nor ever shows under its name")
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
            // What the download folder shows while the copy runs, looked at on every check of
            // the wait: never the file under its name.
            var seen: Set<String> = []
            let event = await eventually("the run ended") { () -> DownloadEvent? in
                seen.formUnion((try? FileManager.default.contentsOfDirectory(atPath: disk.path)) ?? [])
                return harness.events.first { $0.kind == .completed || $0.kind == .failed }
            }
            #expect(seen.subtracting([".ytq-incoming"]).isEmpty, "seen in the download folder: \(seen)")
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
}
