import Foundation
import GRDB
import Testing
import YTQTestSupport

/// Nothing a server put in a title, an error or a path reaches the terminal raw: the bytes
/// the real `ytq` writes to stdout and stderr hold no control sequence, in text and JSON.
@Suite("terminal-safe output", .serialized)
struct TerminalOutputTests {
    let home: TemporaryDirectory
    let env: [String: String]
    var databasePath: String { home.path + "/data/ytq/ytq.sqlite" }

    init() throws {
        home = try TemporaryDirectory("ytq-terminal")
        env = YTQBinary.isolatedEnvironment(home: home.path)
    }

    func ytq(_ arguments: String...) async throws -> YTQBinary.Result {
        try await YTQBinary.run(arguments, environment: env)
    }

    /// Creates the database with `ytq list`, then writes a task straight into it, as a
    /// hostile server's answers would have been recorded.
    func plant(status: String = "failed", title: String?, error: String?, filePath: String? = nil,
               url: String = "https://example.com/v") async throws {
        if !FileManager.default.fileExists(atPath: databasePath) {
            let created = try await ytq("list")
            #expect(created.status == 0, "\(created.stderr)")
        }
        let queue = try DatabaseQueue(path: databasePath)
        try await queue.write { db in
            try db.execute(sql: """
                INSERT INTO download_tasks (user_id, ip_address, video_url, format, status, title, error_message,
                                            file_path, meta_data, created_at, updated_at)
                VALUES (?, '127.0.0.1', ?, 'best', ?, ?, ?, ?, ?, '2026-01-01 00:00:00.000', '2026-01-01 00:00:00.000')
                """, arguments: [Int(getuid()), url, status, title, error, filePath,
                                 "{\"title\":\(Self.jsonString(title ?? ""))}"])
        }
        try queue.close()
    }

    static func jsonString(_ text: String) -> String {
        String(decoding: try! JSONEncoder().encode(text), as: UTF8.self)
    }

    func expectSafe(_ output: String, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let violation = HostileText.violation(in: output)
        #expect(violation == nil, "\(what): \(violation ?? "")", sourceLocation: sourceLocation)
    }

    @Test("list and show escape OSC 0, OSC 52, CSI 2J, C1, bidi and newlines; one line per task")
    func listAndShow() async throws {
        defer { home.remove() }
        try await plant(title: HostileText.all, error: "ERROR: " + HostileText.all, filePath: "/tmp/" + HostileText.all)
        try await plant(status: "completed", title: "plain", error: nil)

        let list = try await ytq("list")
        #expect(list.status == 0, "\(list.stderr)")
        expectSafe(list.stdout, "ytq list")
        let lines = list.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 4, "header, two tasks, the final newline: \(list.stdout.debugDescription)")
        #expect(!lines.contains { $0.hasPrefix("ssh-ed25519") })
        #expect(list.stdout.contains("title\\e]0;pwned\\u{7}\\e]52;c;"))
        #expect(list.stdout.contains("\\e[2J\\u{9B}31m\\u{202E}4pm.exe\\u{2066}\\nssh-ed25519"))
        #expect(list.stdout.contains("\\r\\u{7F}end"))

        let show = try await ytq("show", "1")
        #expect(show.status == 0, "\(show.stderr)")
        expectSafe(show.stdout, "ytq show")
        #expect(!show.stdout.split(separator: "\n").contains { $0.hasPrefix("ssh-ed25519") })
        for field in ["title:", "file:", "error:"] {
            let line = try #require(show.stdout.split(separator: "\n").first { $0.hasPrefix(field) }, "\(field)")
            #expect(line.contains("\\e]52;c;") && line.hasSuffix("\\r\\u{7F}end"), "\(line)")
        }
    }

    @Test("JSON escapes C1, DEL and bidi controls too, and still decodes to the original text")
    func json() async throws {
        defer { home.remove() }
        try await plant(title: HostileText.all, error: HostileText.all)
        for arguments in [["list", "--json"], ["show", "1", "--json"]] {
            let result = try await YTQBinary.run(arguments, environment: env)
            #expect(result.status == 0, "\(result.stderr)")
            expectSafe(result.stdout, arguments.joined(separator: " "))
            #expect(result.stdout.contains("\\u009b31m"))
            #expect(result.stdout.contains("\\u202e4pm.exe\\u2066"))
            let decoded = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
            let task = try #require((decoded as? [[String: Any]])?.first ?? decoded as? [String: Any])
            #expect(task["title"] as? String == HostileText.all)
            #expect(task["error_message"] as? String == HostileText.all)
            #expect((task["meta_data"] as? [String: Any])?["title"] as? String == HostileText.all)
        }
    }

    @Test("error messages on stderr escape what was typed and what a server named")
    func errorMessages() async throws {
        defer { home.remove() }
        let cases: [[String]] = [
            ["add", "http://x/", "--format", "\u{1B}c"],
            ["add", "http://x/", "--format", "8k\u{9B}2J"],
            ["add", "https://example.com/\u{202E}gpj.exe"],
            ["add", "-\u{1B}]0;pwned\u{07}"],
            ["add", "ftp://\u{1B}[2J/x"],
            ["list", "--status", "\u{1B}]52;c;ZWNobw==\u{07}"],
            ["show", "\u{1B}[2J"],
            ["--db", "/proc/\u{1B}]0;x\u{07}/ytq.sqlite", "list"],
        ]
        for arguments in cases {
            let result = try await YTQBinary.run(arguments, environment: env)
            #expect(result.status != 0, "\(arguments)")
            #expect(!result.stderr.isEmpty, "\(arguments)")
            expectSafe(result.stderr, "stderr of \(arguments)")
            expectSafe(result.stdout, "stdout of \(arguments)")
        }
        // A refusal names the task holding the slot by its title: escaped, on one line.
        try await plant(status: "pending", title: HostileText.all, error: nil)
        let refused = try await ytq("add", "https://example.com/other")
        #expect(refused.status == 3, "\(refused.stderr)")
        expectSafe(refused.stderr, "refusal")
        #expect(refused.stderr.split(separator: "\n").count == 1, "\(refused.stderr.debugDescription)")
        #expect(refused.stderr.contains("\\u{202E}4pm.exe"))
    }

    @Test("a hostile title and reason phrase from a loopback server: the worker, list and show stay safe")
    func loopbackServer() async throws {
        defer { home.remove() }
        let server = try MediaServer()
        defer { server.stop() }
        // yt-dlp's generic extractor makes the decoded file name the title.
        let name = "clip" + HostileText.osc0 + HostileText.osc52 + HostileText.clearScreen + HostileText.c1 + HostileText.bidi + "\nforged"
        let encoded = try #require(name.addingPercentEncoding(withAllowedCharacters: .alphanumerics))
        // An HTTP reason phrase is Latin-1: ESC and a lone C1 byte go out raw.
        let reason = "Gone" + HostileText.osc0 + HostileText.clearScreen + "\u{9B}2J"
        let reasonQuery = try #require(reason.addingPercentEncoding(withAllowedCharacters: .alphanumerics))
        for url in [server.url("/media/\(encoded).mp4?size=20000"), server.url("/status/404?reason=\(reasonQuery)")] {
            let add = try await ytq("add", url)
            #expect(add.status == 0, "\(add.stderr)")
            let worker = try await ytq("worker", "--until-idle")
            #expect(worker.status == 0, "\(worker.stderr)")
            expectSafe(worker.stdout, "worker output")
            expectSafe(worker.stderr, "worker stderr")
            #expect(worker.stdout.split(separator: "\n").count == 2, "started, then completed or failed: \(worker.stdout.debugDescription)")
        }
        let list = try await ytq("list")
        expectSafe(list.stdout, "list")
        #expect(list.stdout.split(separator: "\n").count == 3, "\(list.stdout.debugDescription)")
        for id in ["1", "2"] {
            let show = try await ytq("show", id)
            expectSafe(show.stdout, "show \(id)")
            let json = try await ytq("show", id, "--json")
            expectSafe(json.stdout, "show \(id) --json")
        }
        let completed = try await ytq("show", "1", "--json")
        let task = try #require(try JSONSerialization.jsonObject(with: Data(completed.stdout.utf8)) as? [String: Any])
        #expect(task["status"] as? String == "completed", "\(completed.stdout)")
        // The title keeps what the server sent (bidi controls aside: they never name a file).
        let title = try #require(task["title"] as? String)
        #expect(title.contains(HostileText.osc52), "\(title.debugDescription)")
        let failed = try await ytq("show", "2")
        #expect(failed.stdout.contains("\\e]0;pwned"), "\(failed.stdout)")
        // The same failure as JSON lines from the worker: escaped, and decoding to the reason.
        #expect(try await ytq("retry", "2").status == 0)
        let json = try await ytq("worker", "--until-idle", "--json")
        expectSafe(json.stdout, "worker --json")
        let lines = json.stdout.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        let failure = try #require(lines.first { $0["event"] as? String == "DownloadFailed" }, "\(json.stdout)")
        #expect((failure["error"] as? String)?.contains("Gone" + HostileText.osc0 + HostileText.clearScreen + "\u{9B}2J") == true,
                "\(String(describing: failure["error"]))")
    }
}
