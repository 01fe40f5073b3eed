import Foundation
import GRDB
import Testing
import YTQTestSupport

/// No file outside the download and partial folders can be removed or followed through
/// the real `ytq`, whatever path the database records or what waits in the folders.
@Suite("files and folders ytq touches", .serialized)
struct FileSafetyTests {
    let home: TemporaryDirectory
    let env: [String: String]
    var databasePath: String { home.path + "/data/ytq/ytq.sqlite" }
    var downloads: String { home.path + "/downloads" }

    init() throws {
        home = try TemporaryDirectory("ytq-files")
        env = YTQBinary.isolatedEnvironment(home: home.path)
    }

    func ytq(_ arguments: String...) async throws -> YTQBinary.Result {
        try await YTQBinary.run(arguments, environment: env)
    }

    /// A completed task recording `filePath`, written straight into the database.
    func plantCompleted(filePath: String) async throws -> Int64 {
        if !FileManager.default.fileExists(atPath: databasePath) {
            let created = try await ytq("list")
            #expect(created.status == 0, "\(created.stderr)")
        }
        let queue = try DatabaseQueue(path: databasePath)
        let id = try await queue.write { db in
            try db.execute(sql: """
                INSERT INTO download_tasks (user_id, ip_address, video_url, format, status, title, file_path,
                                            created_at, updated_at)
                VALUES (?, '127.0.0.1', 'https://example.com/v', 'best', 'completed', 'v', ?,
                        '2026-01-01 00:00:00.000', '2026-01-01 00:00:00.000')
                """, arguments: [Int(getuid()), filePath])
            return db.lastInsertedRowID
        }
        try queue.close()
        return id
    }

    func taskExists(_ id: Int64) async throws -> Bool {
        try await ytq("show", String(id)).status == 0
    }

    @Test("remove --delete-file refuses a recorded path outside the download folder, a link, a folder, a ../ path")
    func removeRefusesOutside() async throws {
        defer { home.remove() }
        try FileManager.default.createDirectory(atPath: downloads + "/sub", withIntermediateDirectories: true)
        let victim = home.file("victim.txt")
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: victim))
        try FileManager.default.createSymbolicLink(atPath: downloads + "/link.mp4", withDestinationPath: victim)
        try FileManager.default.createSymbolicLink(atPath: downloads + "/escape", withDestinationPath: home.path)
        let cases: [(String, String)] = [
            (victim, "outside the download folder"),
            (downloads + "/link.mp4", "symbolic link"),
            (downloads + "/escape/victim.txt", "outside the download folder"),
            (downloads + "/../victim.txt", "not an absolute path to a file"),
            (downloads + "/sub", "not a regular file"),
        ]
        for (path, message) in cases {
            let id = try await plantCompleted(filePath: path)
            let result = try await ytq("remove", String(id), "--delete-file")
            #expect(result.status == 1, "\(path): \(result.stdout) \(result.stderr)")
            #expect(result.stderr.contains("refused to delete the file of task #\(id)"), "\(result.stderr)")
            #expect(result.stderr.contains(message), "\(path): \(result.stderr)")
            #expect(result.stderr.contains("Nothing was removed"))
            #expect(try await taskExists(id), "the task stays when its file is refused")
            #expect(FileManager.default.fileExists(atPath: victim))
            // Without --delete-file the task goes and the file stays.
            #expect(try await ytq("remove", String(id)).status == 0)
        }
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "keep me")
        #expect(FileManager.default.fileExists(atPath: downloads + "/sub"))
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: downloads + "/link.mp4")) == victim)
    }

    @Test("remove --delete-file deletes a regular file inside the download folder")
    func removeDeletesInside() async throws {
        defer { home.remove() }
        try FileManager.default.createDirectory(atPath: downloads, withIntermediateDirectories: true)
        let file = downloads + "/clip [x].mp4"
        try Data("video".utf8).write(to: URL(fileURLWithPath: file))
        let id = try await plantCompleted(filePath: file)
        let result = try await ytq("remove", String(id), "--delete-file")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "removed #\(id) and deleted \(file)\n")
        #expect(!FileManager.default.fileExists(atPath: file))
        #expect(try await !taskExists(id))
    }

    /// This database's partial folders: `<db folder>/partial/<database id>` (the database is
    /// made first when needed).
    func partialRoot() async throws -> String {
        #expect(try await ytq("list").status == 0)
        var readOnly = Configuration()
        readOnly.readonly = true
        let database = try DatabaseQueue(path: home.path + "/data/ytq/ytq.sqlite", configuration: readOnly)
        defer { try? database.close() }
        let id = try #require(try await database.read { try String.fetchOne($0, sql: "SELECT id FROM database_identity") })
        return home.path + "/data/ytq/partial/" + id
    }

    @Test("a partial folder ytq did not create (a link, another user's, open to others) is refused, never followed")
    func partialFolderRefused() async throws {
        defer { home.remove() }
        let server = try MediaServer()
        defer { server.stop() }
        let partial = try await partialRoot()
        let victim = home.file("victim")
        try FileManager.default.createDirectory(atPath: victim, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: partial, withIntermediateDirectories: true)
        // Task 1's folder is a link to the victim folder; task 2's belongs to someone else;
        // task 3's is open to every user.
        try FileManager.default.createSymbolicLink(atPath: partial + "/1", withDestinationPath: victim)
        try FileManager.default.createDirectory(atPath: partial + "/2", withIntermediateDirectories: false)
        #expect(chown(partial + "/2", 4242, 4242) == 0)
        try FileManager.default.createDirectory(atPath: partial + "/3", withIntermediateDirectories: false)
        #expect(chmod(partial + "/3", 0o777) == 0)
        let reasons = ["it is a symbolic link", "it belongs to uid 4242", "other users may write in it"]
        for (index, reason) in reasons.enumerated() {
            let add = try await ytq("add", server.mediaURL(name: "clip\(index).mp4", size: 10_000))
            #expect(add.status == 0, "\(add.stderr)")
            let worker = try await ytq("worker", "--until-idle")
            #expect(worker.status == 0, "\(worker.stderr)")
            let show = try await ytq("show", String(index + 1))
            #expect(show.stdout.contains("status:  failed"), "\(show.stdout)")
            #expect(show.stdout.contains("refused the partial-download folder \(partial)/\(index + 1): \(reason)"), "\(show.stdout)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: victim).isEmpty, "nothing written through the link")
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: partial + "/1")) == victim, "the link stays")
        #expect(server.requests.isEmpty, "yt-dlp never ran")
    }

    @Test("a new partial folder and its root are made 0700; the downloaded file's name holds no bidi or C1 control")
    func partialFolderMode() async throws {
        defer { home.remove() }
        let server = try MediaServer()
        defer { server.stop() }
        let name = "clip\u{202E}4pm.exe\u{2066}\u{9B}x"
        let encoded = try #require(name.addingPercentEncoding(withAllowedCharacters: .alphanumerics))
        #expect(try await ytq("add", server.url("/stall/\(encoded).mp4?size=100000&after=1000")).status == 0)
        let worker = try WorkerProcess([], environment: env)
        defer { worker.child.signal(SIGKILL) }
        let partial = try await partialRoot()
        #expect(await eventually("the partial folder is made") { FileManager.default.fileExists(atPath: partial + "/1") })
        for folder in [partial, partial + "/1"] {
            let mode = (try FileManager.default.attributesOfItem(atPath: folder)[.posixPermissions] as? Int) ?? -1
            #expect(mode == 0o700, "\(folder): \(String(mode, radix: 8))")
        }
        #expect(try await ytq("cancel", "1").status == 0)

        #expect(try await ytq("add", server.mediaURL(name: "\(encoded).mp4", size: 10_000)).status == 0)
        let done = await worker.waitFor { $0["event"] as? String == "DownloadCompleted" && $0["task_id"] as? Int == 2 }
        #expect(done != nil, "\(worker.events) \(worker.stderr)")
        // The cancelled task's staging folder goes when its yt-dlp has exited, which on a
        // loaded machine can come after the second task's completion.
        let files = await eventually("only the finished file is left in the download folder") { () -> [String]? in
            let files = (try? FileManager.default.contentsOfDirectory(atPath: downloads)) ?? []
            return files.count == 1 ? files : nil
        } ?? []
        for file in files {
            #expect(file.unicodeScalars.allSatisfy { $0.value >= 0x20 && !(0x7F..<0xA0).contains($0.value)
                && ![0x202E, 0x2066].contains($0.value) }, "\(file.debugDescription)")
            #expect(file == "clip4pm.exex [clip4pm.exex].mp4", "\(file.debugDescription)")
        }
        #expect(await worker.stop() == 0)
    }

    @Test("yt_dlp = \"yt-dlp\" is found on PATH only, never in the current folder")
    func ytDlpNotFromCurrentFolder() async throws {
        defer { home.remove() }
        let folder = home.file("cwd")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let marker = home.file("planted-ran")
        let planted = folder + "/yt-dlp"
        try Data("#!/bin/sh\ntouch '\(marker)'\nexit 1\n".utf8).write(to: URL(fileURLWithPath: planted))
        #expect(chmod(planted, 0o755) == 0)
        var environment = env
        // An empty entry and "." both mean the current folder to a shell.
        environment["PATH"] = ":.:/usr/bin:/bin"
        environment["YTQ_YTDLP"] = "yt-dlp"
        #expect(try await YTQBinary.run(["add", "https://example.com/v"], environment: environment).status == 0)
        let script = "cd '\(folder)' && exec '\(YTQBinary.path)' worker --until-idle"
        let worker = try await ChildProcess.run(["/bin/sh", "-c", script], environment: environment)
        #expect(worker.status == 0, "\(worker.stderr)")
        #expect(worker.stdout.contains("failed"), "\(worker.stdout)")
        #expect(!FileManager.default.fileExists(atPath: marker), "the yt-dlp in the current folder ran")
        let show = try await YTQBinary.run(["show", "1"], environment: environment)
        #expect(show.stdout.contains("yt-dlp"), "\(show.stdout)")
    }
}
