import Foundation
import Testing
import YTQTestSupport

/// `ytq serve`'s event stream as another user reads it, and a server killed mid-download.
extension ServeTests {
    /// One Server-Sent Event: its `event:` name and its `data:` object.
    struct EventFrame {
        var name: String
        var data: [String: Any]
        var text: String
    }

    /// The events in `stream` (comment lines and a half-received last frame left out).
    static func frames(_ stream: String) -> [EventFrame] {
        stream.components(separatedBy: "\n\n").dropLast().compactMap { text in
            let lines = text.split(separator: "\n")
            guard let name = lines.first(where: { $0.hasPrefix("event: ") })?.dropFirst(7),
                  let data = lines.first(where: { $0.hasPrefix("data: ") })?.dropFirst(6) else { return nil }
            let object = (try? JSONSerialization.jsonObject(with: Data(data.utf8))) as? [String: Any] ?? [:]
            return EventFrame(name: String(name), data: object, text: text)
        }
    }

    @Test("B's event stream: B's own download events on download.<id>, of A's tasks only bare QueueChanged")
    func events() async throws {
        try await Self.withTwoUsers { a, b, serve, media in
            let streamPath = serve.root + "/events-b.txt"
            let curl = try ChildProcess(
                ["runuser", "-u", b.name, "--", "curl", "-sSN", "--unix-socket", serve.socketPath, "http://ytq/v1/events"],
                environment: ["PATH": "/usr/bin:/bin:/usr/sbin:/sbin", "HOME": "/"],
                stdout: .file(streamPath), stderr: .file(serve.root + "/events-b.err"))
            defer {
                curl.signal(SIGKILL)
                _ = curl.waitBlocking()
            }
            let stream = { String(decoding: FileManager.default.contents(atPath: streamPath) ?? Data(), as: UTF8.self) }
            await eventually("B's stream open", timeout: .seconds(30)) { stream().hasPrefix(": ytq events\n\n") }

            let idA = try await Self.add(media.mediaURL(name: "secret-a.mp4", size: 4_000_000, rate: 400_000) + "&token=secret", as: a, on: serve)
            let idB = try await Self.add(media.mediaURL(name: "own-b.mp4", size: 1_000_000, rate: 400_000), as: b, on: serve)
            await eventually("B's download completed on B's stream") {
                Self.frames(stream()).contains { $0.name == "DownloadCompleted" && $0.data["task_id"] as? Int == Int(idB) }
            }
            // A pauses and resumes while its download runs (the scheduler announces the stop),
            // then it completes.
            let paused = try await serve.ytq(["pause", String(idA)], as: a)
            #expect(paused.status == 0, "\(paused.stderr)")
            #expect(await Self.waitForStatus("paused", of: idA, as: a, on: serve) != nil)
            let resumed = try await serve.ytq(["resume", String(idA)], as: a)
            #expect(resumed.status == 0, "\(resumed.stderr)")
            #expect(await Self.waitForStatus("completed", of: idA, as: a, on: serve) != nil)
            // The events come in order: once B sees its next download complete, everything
            // about A's before it is in the file.
            let marker = try await Self.add(media.mediaURL(name: "marker-b.mp4", size: 1000), as: b, on: serve)
            await eventually("B's second download completed on B's stream") {
                Self.frames(stream()).contains { $0.name == "DownloadCompleted" && $0.data["task_id"] as? Int == Int(marker) }
            }
            #expect(await serve.stop() == 0, "\(serve.log)")
            await eventually("B's stream ended with the server", timeout: .seconds(30)) { !curl.isRunning }

            let text = stream()
            let frames = Self.frames(text)
            for frame in frames {
                #expect(frame.data["event"] as? String == frame.name, "\(frame.text)")
            }
            let own = frames.filter { $0.data["task_id"] as? Int == Int(idB) }
            for name in ["DownloadStarted", "DownloadProgressUpdated", "DownloadCompleted"] {
                #expect(own.contains { $0.name == name }, "B sees its \(name): \(own.map(\.name))")
            }
            #expect(own.allSatisfy { $0.data["channel"] as? String == "download.\(idB)" })
            let foreign = frames.filter { frame in
                guard let id = frame.data["task_id"] as? Int else { return false }
                return id != Int(idB) && id != Int(marker)
            }
            #expect(foreign.isEmpty, "B received events naming another user's task: \(foreign.map(\.text))")
            let bare = frames.filter { $0.data["task_id"] == nil }
            #expect(!bare.isEmpty, "A's activity reaches B as QueueChanged")
            for frame in bare {
                #expect(frame.name == "QueueChanged" && frame.data.count == 1, "\(frame.text)")
            }
            #expect(!text.contains("secret") && !text.contains("secret-a.mp4") && !text.contains("download.\(idA)\""), "\(text)")
        }
    }

    @Test("kill -9 of the server mid-download: a new server on the same state resumes the task to a byte-identical file, no orphan yt-dlp")
    func restart() async throws {
        try await TestUsers.with(1) { users in
            let a = users[0]
            let serve = try await ServeProcess()
            defer { serve.remove() }
            let media = try MediaServer()
            defer { media.stop() }
            // Slow enough (10 s) that the orphan cannot finish before the next server stops it.
            let size = 15_000_000
            let id = try await Self.add(media.mediaURL(name: "restart.mp4", size: size, rate: 1_500_000), as: a, on: serve)
            let halfway = await eventually("the download under way") { () async throws -> Bool in
                let record = try await Self.task(id, as: a, on: serve)
                return (record?["downloaded_bytes"] as? Int ?? 0) > 1_500_000
            }
            #expect(halfway, "\(serve.log)")
            #expect(await serve.stop(signal: SIGKILL) == 128 + SIGKILL)

            try await serve.start()
            let record = try #require(await Self.waitForStatus("completed", of: id, as: a, on: serve, timeout: .seconds(120)), "\(serve.log)")
            let path = try #require(record["file_path"] as? String)
            #expect(path.hasPrefix(serve.folder(of: a) + "/"))
            #expect(FileManager.default.contents(atPath: path) == Data(MediaPattern.bytes(name: "restart.mp4", size: size)))
            #expect(try FileManager.default.contentsOfDirectory(atPath: serve.folder(of: a)).count == 1, "one file, no leftover")
            #expect(record["crash_count"] as? Int == 1, "\(record)")
            let resumed = media.requests.contains { ($0.range ?? "").hasPrefix("bytes=") && $0.range != "bytes=0-" }
            #expect(resumed, "a Range request resumed the download: \(media.requests.map { $0.range ?? "-" })")
            #expect(PartialFolders.files(databaseFolder: serve.stateDirectory, taskID: id).isEmpty)
            #expect(serve.strayDownloaders.isEmpty, "orphan yt-dlp: \(serve.strayDownloaders)")
            #expect(await serve.stop() == 0, "\(serve.log)")
            #expect(serve.strayDownloaders.isEmpty, "orphan yt-dlp: \(serve.strayDownloaders)")
        }
    }
}
