import Foundation
import Testing
import YTQCore
import YTQTestSupport
@testable import YTQScheduler
@testable import YTQStore

/// Real media made with ffmpeg, served from loopback and downloaded by the real yt-dlp through
/// the scheduler: what lands is checked with ffprobe, what ytq says against the file on disk.
@Suite("Real media")
struct RealMediaTests {
    /// The percentages a task's progress events showed, in order.
    /// The percentages of each run of the task (a retry on a loaded machine starts a new run).
    private func percentagesByRun(_ events: [DownloadEvent], task id: Int64) -> [[Double]] {
        var runs: [[Double]] = []
        for event in events where event.taskID == id {
            switch event {
            case .started: runs.append([])
            case .progressUpdated(_, let progress):
                guard let percentage = progress.percentage else { break }
                if runs.isEmpty { runs.append([]) }
                runs[runs.count - 1].append(percentage)
            default: break
            }
        }
        return runs
    }

    private func phases(_ events: [DownloadEvent], task id: Int64) -> [DownloadPhase] {
        events.compactMap { event in
            guard case .progressUpdated(let task, let progress) = event, task.id == id else { return nil }
            return progress.phase
        }
    }

    private func completion(_ harness: SchedulerHarness, _ id: Int64) async -> DownloadTask? {
        let event = await eventually("task #\(id) ends") {
            harness.events.first { ($0.kind == .completed || $0.kind == .failed) && $0.taskID == id }
        }
        guard case .completed(let done, _)? = event else {
            Issue.record("expected #\(id) to complete, got \(String(describing: event))")
            return nil
        }
        return done
    }

    private func fileSize(_ path: String) -> Int64? {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.int64Value
    }

    /// Makes media in a fresh folder (`make`), serves it from loopback (capped at `rate`
    /// bytes/s when given), and runs `body` against a scheduler with the real yt-dlp; with
    /// `failFast`, a failure is final at once (no retries).
    private func withMedia(
        _ label: String, rate: Int = 0, failFast: Bool = false, make: (TemporaryDirectory) async throws -> Void,
        _ body: (MediaServer, SchedulerHarness, TemporaryDirectory) async throws -> Void
    ) async throws {
        let media = try TemporaryDirectory(label)
        defer { media.remove() }
        try await make(media)
        let server = try MediaServer(rate: rate, root: media.path)
        defer { server.stop() }
        try await SchedulerHarness.run(ytDlp: "yt-dlp", configure: { configuration in
            if failFast {
                configuration.retryPolicy.maxAttempts = 1
                configuration.ytDlpOptions.retries = 0
            }
        }) { harness in try await body(server, harness, media) }
    }

    @Test("DASH video + audio: merged into one H.264/AAC MP4, one rising percentage, a merging step, the size on disk")
    func dashMerge() async throws {
        try await withMedia("dash", rate: 200_000, make: { media in
            try await MediaClips.dash(in: media.path, height: 360, seconds: 3)
        }) { server, harness, media in
            let task = try await harness.add(server.url("/files/manifest.mpd"))
            guard let done = await completion(harness, task.id), let path = done.filePath else { return }
            let probe = try await MediaClips.probe(path)
            #expect(probe.container.contains("mp4"))
            #expect(probe.videoCodec == "h264")
            #expect(probe.audioCodec == "aac")
            #expect(probe.height == 360)
            #expect(abs(probe.duration - 3) < 0.5)
            let size = try #require(fileSize(path))
            #expect(done.totalBytes == size)
            #expect(done.downloadedBytes == size)
            #expect(try await harness.task(task.id).totalBytes == size)
            #expect(done.metaData["height"] == .number(360))
            #expect(done.notes.isEmpty)
            let runs = percentagesByRun(harness.events, task: task.id)
            #expect(runs.last?.count ?? 0 >= 3)
            for figures in runs {
                #expect(zip(figures, figures.dropFirst()).allSatisfy { $0 <= $1 }, "the percentage went down within a run: \(runs)")
            }
            #expect(phases(harness.events, task: task.id).contains(.merging))
        }
    }

    @Test("HLS with 720p and 360p variants: best takes the 720p, 480p the 360p, both H.264/AAC MP4 with nothing to say")
    func hlsVariants() async throws {
        try await withMedia("hls", make: { media in
            try await MediaClips.hls(in: media.path, seconds: 2)
        }) { server, harness, media in
            for (format, height) in [("best", 720), ("480p", 360)] {
                let task = try await harness.add(server.url("/files/master.m3u8"), format: format)
                guard let done = await completion(harness, task.id), let path = done.filePath else { return }
                let probe = try await MediaClips.probe(path)
                #expect(probe.height == height, "\(format)")
                #expect(probe.videoCodec == "h264")
                #expect(probe.audioCodec == "aac")
                #expect(abs(probe.duration - 2) < 0.5)
                #expect(done.notes.isEmpty)
                #expect(done.totalBytes == fileSize(path))
                try await harness.remove(task.id, deleteFile: true)
            }
        }
    }

    @Test("an HLS stream with a missing segment fails too")
    func hlsMissingSegment() async throws {
        try await withMedia("hls-hole", failFast: true, make: { media in
            try await MediaClips.hls(in: media.path, seconds: 2)
            try FileManager.default.removeItem(atPath: media.file("seg_0_001.ts"))
        }) { server, harness, media in
            let task = try await harness.add(server.url("/files/master.m3u8"))
            guard case .failed(_, let reason)? = await harness.waitFor(.failed, task: task.id) else { return }
            #expect(reason.hint?.contains("a piece of the stream is missing") == true, "\(reason)")
            #expect(!harness.events.contains { $0.kind == .completed })
        }
    }

    @Test("a DASH stream with a missing segment fails instead of completing damaged, and leaves no file")
    func missingSegment() async throws {
        try await withMedia("dash-hole", failFast: true, make: { media in
            try await MediaClips.dash(in: media.path, height: 360, seconds: 3)
            try FileManager.default.removeItem(atPath: media.file("chunk-0-00002.m4s"))
        }) { server, harness, media in
            let task = try await harness.add(server.url("/files/manifest.mpd"))
            guard case .failed(let failed, let reason)? = await harness.waitFor(.failed, task: task.id) else { return }
            #expect(!harness.events.contains { $0.kind == .completed })
            #expect(failed.filePath == nil)
            #expect(reason.hint?.contains("a piece of the stream is missing") == true, "\(reason)")
            let left = (try? FileManager.default.contentsOfDirectory(atPath: harness.configuration.downloadDirectory)) ?? []
            #expect(left.isEmpty, "left in the download folder: \(left)")
        }
    }

    @Test("an audio conversion records the MP3's size, not the source's, and shows converting to mp3")
    func audioConversion() async throws {
        try await withMedia("tone", make: { media in
            try await MediaClips.m4a(at: media.file("tone.m4a"), seconds: 3)
        }) { server, harness, media in
            let task = try await harness.add(server.url("/files/tone.m4a"), format: "audio-mp3")
            guard let done = await completion(harness, task.id), let path = done.filePath else { return }
            #expect(path.hasSuffix(".mp3"))
            #expect(try await MediaClips.probe(path).audioCodec == "mp3")
            let size = try #require(fileSize(path))
            #expect(done.totalBytes == size)
            #expect(size != fileSize(media.file("tone.m4a")))
            #expect(phases(harness.events, task: task.id).contains(.converting(to: "mp3")))
        }
    }

    @Test("480p on a source whose smallest video is 720p gives the 720p and says so")
    func heightFallback() async throws {
        try await withMedia("dash-720", make: { media in
            try await MediaClips.dash(in: media.path, height: 720, seconds: 2)
        }) { server, harness, media in
            let task = try await harness.add(server.url("/files/manifest.mpd"), format: "480p")
            guard let done = await completion(harness, task.id), let path = done.filePath else { return }
            #expect(try await MediaClips.probe(path).height == 720)
            #expect(done.notes == ["480p asked, 720p is the smallest available"])
            #expect(try await harness.task(task.id).notes == done.notes)
        }
    }

    @Test("mp4 on a source with only VP9 WebM gives the WebM and says so")
    func mp4Fallback() async throws {
        try await withMedia("webm", make: { media in
            try await MediaClips.webm(at: media.file("clip.webm"))
        }) { server, harness, media in
            let task = try await harness.add(server.url("/files/clip.webm"), format: "mp4")
            guard let done = await completion(harness, task.id), let path = done.filePath else { return }
            #expect(try await MediaClips.probe(path).videoCodec == "vp9")
            #expect(done.notes.count == 1)
            #expect(done.notes.first?.hasPrefix("mp4 asked, the source has no H.264 in MP4: got webm") == true)
        }
    }

    @Test("a file already at the output name is reported as already downloaded, and left as it was")
    func alreadyDownloaded() async throws {
        try await withMedia("webm-there", make: { media in
            try await MediaClips.webm(at: media.file("clip.webm"))
        }) { server, harness, media in
            let folder = harness.configuration.downloadDirectory
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let existing = folder + "/clip [clip].webm"
            let before = Data("not the video".utf8)
            try before.write(to: URL(fileURLWithPath: existing))
            let task = try await harness.add(server.url("/files/clip.webm"))
            guard let done = await completion(harness, task.id) else { return }
            #expect(done.filePath == existing)
            #expect(done.notes.contains { $0.hasPrefix("already downloaded: the file was there before") })
            #expect(try Data(contentsOf: URL(fileURLWithPath: existing)) == before)
            #expect(done.totalBytes == Int64(before.count))
        }
    }

    @Test("a fresh download carries no already-downloaded note")
    func freshDownload() async throws {
        try await withMedia("webm-fresh", make: { media in
            try await MediaClips.webm(at: media.file("clip.webm"))
        }) { server, harness, media in
            let task = try await harness.add(server.url("/files/clip.webm"))
            guard let done = await completion(harness, task.id), let path = done.filePath else { return }
            #expect(done.notes.isEmpty)
            #expect(done.totalBytes == fileSize(path))
        }
    }
}
