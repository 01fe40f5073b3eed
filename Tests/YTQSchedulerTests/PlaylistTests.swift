import Foundation
import Testing
import YTQCore
import YTQTestSupport
@testable import YTQScheduler
@testable import YTQStore

/// A page with several videos is one task with its entries recorded: each entry's file,
/// size and error, one rising percentage, removal of every file, and a retry of only the
/// entries that did not complete. Real yt-dlp, real WebM clips made with ffmpeg.
@Suite("Playlists")
struct PlaylistTests {
    /// A page embedding `names` (served from the same folder) as `<video>` elements.
    private func page(_ names: [String], at path: String) throws {
        let videos = names.map { "<video src=\"\($0)\"></video>" }.joined()
        try "<!DOCTYPE html><html><head><title>Three clips</title></head><body>\(videos)</body></html>"
            .write(toFile: path, atomically: true, encoding: .utf8)
    }

    private func media(_ label: String) async throws -> TemporaryDirectory {
        let folder = try TemporaryDirectory(label)
        try await MediaClips.webm(at: folder.file("v1.webm"))
        for name in ["v2.webm", "v3.webm"] {
            try FileManager.default.copyItem(atPath: folder.file("v1.webm"), toPath: folder.file(name))
        }
        return folder
    }

    @Test("a page with three videos is one task: three entries with their files, one rising figure, all removable")
    func threeVideos() async throws {
        let folder = try await media("three")
        defer { folder.remove() }
        try page(["v1.webm", "v2.webm", "v3.webm"], at: folder.file("three.html"))
        let server = try MediaServer(rate: 150_000, root: folder.path)
        defer { server.stop() }
        try await SchedulerHarness.run(ytDlp: "yt-dlp") { harness in
            let task = try await harness.add(server.url("/files/three.html"))
            guard case .completed(let done, _)? = await harness.waitFor(.completed, task: task.id) else { return }
            let stored = try await harness.task(task.id)
            #expect(stored.title == "Three clips")
            #expect(stored.entries.map(\.index) == [1, 2, 3])
            #expect(stored.entries.allSatisfy { $0.status == .completed })
            let files = stored.entries.compactMap(\.filePath)
            #expect(Set(files).count == 3)
            #expect(files.allSatisfy { FileManager.default.fileExists(atPath: $0) })
            let sizes = files.map { ((try? FileManager.default.attributesOfItem(atPath: $0))?[.size] as? NSNumber)?.int64Value ?? 0 }
            #expect(stored.entries.map(\.size) == sizes)
            #expect(done.totalBytes == sizes.reduce(0, +))
            #expect(stored.entries.progressLabel == "3/3")
            let figures = harness.events.compactMap { event -> Double? in
                guard case .progressUpdated(let task, let progress) = event, task.id == done.id else { return nil }
                return progress.percentage
            }
            #expect(zip(figures, figures.dropFirst()).allSatisfy { $0 <= $1 }, "the percentage went down: \(figures)")
            let removal = try await harness.remove(task.id, deleteFile: true)
            #expect(Set(removal.deletedFiles) == Set(files))
            #expect(files.allSatisfy { !FileManager.default.fileExists(atPath: $0) })
            #expect(try await harness.database.entries(of: task.id).isEmpty)
        }
    }

    @Test("a page with one video is a plain task: no entries, the video's file")
    func oneVideo() async throws {
        let folder = try await media("one")
        defer { folder.remove() }
        try page(["v1.webm"], at: folder.file("one.html"))
        let server = try MediaServer(root: folder.path)
        defer { server.stop() }
        try await SchedulerHarness.run(ytDlp: "yt-dlp") { harness in
            let task = try await harness.add(server.url("/files/one.html"))
            guard case .completed(let done, _)? = await harness.waitFor(.completed, task: task.id) else { return }
            #expect(try await harness.task(task.id).entries.isEmpty)
            let path = try #require(done.filePath)
            #expect(try await MediaClips.probe(path).videoCodec == "vp9")
        }
    }

    @Test("a playlist run stopped for a stall keeps the finished entry and marks the stalled one failed")
    func stalledEntry() async throws {
        let folder = try await media("stalled")
        defer { folder.remove() }
        try page(["v1.webm", "/stall/s.webm?size=100000&after=1000"], at: folder.file("stall.html"))
        let server = try MediaServer(root: folder.path, stallTimeout: 90)
        defer { server.stop() }
        try await SchedulerHarness.run(ytDlp: "yt-dlp", configure: { configuration in
            // Longer than yt-dlp takes to start and read the page, which counts as no bytes too
            // (seconds on a loaded machine); the stalled entry then takes this long to notice.
            configuration.stallTimeout = .seconds(20)
            configuration.retryPolicy.maxAttempts = 1
        }) { harness in
            let task = try await harness.add(server.url("/files/stall.html"))
            guard case .failed(_, let reason)? = await harness.waitFor(.failed, task: task.id) else { return }
            #expect(reason.kind == .stalled, "\(reason)")
            let entries = try await harness.task(task.id).entries
            #expect(entries.map(\.status) == [.completed, .failed])
            #expect(entries.last?.error?.contains("stalled") == true, "\(entries)")
            #expect(entries.first?.filePath.map { FileManager.default.fileExists(atPath: $0) } == true)
        }
    }

    @Test("the second of three gone: the others are kept, the task fails naming it, and a retry runs only it")
    func oneGone() async throws {
        let folder = try await media("hole")
        defer { folder.remove() }
        try page(["v1.webm", "gone.webm", "v3.webm"], at: folder.file("hole.html"))
        let server = try MediaServer(root: folder.path)
        defer { server.stop() }
        try await SchedulerHarness.run(ytDlp: "yt-dlp") { harness in
            let task = try await harness.add(server.url("/files/hole.html"))
            guard case .failed(let failed, let reason)? = await harness.waitFor(.failed, task: task.id) else { return }
            #expect(reason.message.hasPrefix("1 of 3 entries failed: #2 "))
            #expect(reason.message.contains("404"))
            #expect(!failed.status.isActive)
            let stored = try await harness.task(task.id)
            #expect(stored.entries.map(\.status) == [.completed, .failed, .completed])
            #expect(stored.entries[1].error?.contains("404") == true)
            let kept = [stored.entries[0], stored.entries[2]].compactMap(\.filePath)
            #expect(kept.count == 2 && kept.allSatisfy { FileManager.default.fileExists(atPath: $0) })

            // The missing video appears; the retry fetches it alone.
            try FileManager.default.copyItem(atPath: folder.file("v1.webm"), toPath: folder.file("gone.webm"))
            let before = server.requests.filter { $0.path.hasSuffix(".webm") }.count
            try await harness.retry(task.id)
            guard case .completed? = await harness.waitFor(.completed, task: task.id) else { return }
            let fetched = server.requests.filter { $0.path.hasSuffix(".webm") }.dropFirst(before).map(\.path)
            #expect(fetched.allSatisfy { $0.hasSuffix("/gone.webm") }, "the retry fetched \(fetched)")
            let done = try await harness.task(task.id)
            #expect(done.entries.allSatisfy { $0.status == .completed })
            #expect(done.commandLine?.contains("--playlist-items 2") == true)
        }
    }
}
