import Foundation
import Testing
import YTQTestSupport

/// The real `ytq` binary, as a user or a script runs it.
@Suite("ytq command line")
struct CLITests {
    let home: TemporaryDirectory
    let env: [String: String]

    init() throws {
        home = try TemporaryDirectory("ytq-cli")
        env = YTQBinary.isolatedEnvironment(home: home.path)
    }

    func ytq(_ arguments: String...) async throws -> YTQBinary.Result {
        try await YTQBinary.run(arguments, environment: env)
    }

    @Test("add prints the id; a second add by the same user is refused with exit 3 and a reason")
    func addTwice() async throws {
        defer { home.remove() }
        let first = try await ytq("add", "https://example.com/first")
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == "1\n")
        let second = try await ytq("add", "https://example.com/second")
        #expect(second.status == 3)
        #expect(second.stdout.isEmpty)
        #expect(second.stderr.contains("per-user limit 1"))
        #expect(second.stderr.contains("task #1 'https://example.com/first' is pending"))
        // The default database follows XDG_DATA_HOME.
        #expect(FileManager.default.fileExists(atPath: home.path + "/data/ytq/ytq.sqlite"))
    }

    @Test("a bare ytq (the screen, parsed without ArgumentParser) reports as every command does: no terminal, a bad config, no service")
    func bareScreen() async throws {
        defer { home.remove() }
        let noTerminal = try await YTQBinary.run([], environment: env)
        #expect(noTerminal.status == 1, "\(noTerminal.stderr)")
        #expect(noTerminal.stderr.hasPrefix("ytq: "), "\(noTerminal.stderr)")
        #expect(noTerminal.stderr.contains("without a terminal, use `ytq add`, `ytq list` and `ytq worker`"), "\(noTerminal.stderr)")

        let config = home.path + "/bad.toml"
        try "system_limit = 0\n".write(toFile: config, atomically: true, encoding: .utf8)
        let badConfig = try await YTQBinary.run([], environment: env.merging(["YTQ_CONFIG": config]) { $1 })
        let badConfigList = try await YTQBinary.run(["list"], environment: env.merging(["YTQ_CONFIG": config]) { $1 })
        #expect(badConfig.status == 2, "\(badConfig.stderr)")
        #expect(badConfig.stderr == badConfigList.stderr)
        #expect(badConfig.stderr.contains("system_limit"), "\(badConfig.stderr)")

        let noService = try await YTQBinary.run([], environment: env.merging(["YTQ_SERVER": home.path + "/none.sock"]) { $1 })
        #expect(noService.status == 1, "\(noService.stderr)")
        #expect(noService.stderr.contains("cannot reach the shared queue at \(home.path)/none.sock"), "\(noService.stderr)")
    }

    @Test("invalid input exits 2 with a clear message and writes nothing")
    func invalidInput() async throws {
        defer { home.remove() }
        let cases: [([String], String)] = [
            (["add", "ftp://example.com/v"], "not an absolute http:// or https:// URL"),
            (["add", "--", "--exec=touch /tmp/x"], "begins with '-'"),
            (["add", "https://example.com/a b"], "whitespace or control characters"),
            (["add", "https://example.com/" + String(repeating: "x", count: 4100)], "at most 4096"),
            (["add", "https://example.com/v", "--format", "8k"], "unknown format preset '8k'"),
            (["add", "https://example.com/v", "--format", ""], "format is empty"),
            (["add", "https://example.com/v", "--per-user-limit", "0"], "--per-user-limit must be at least 1"),
            (["list", "--status", "sleeping"], "sleeping"),
            (["show", "abc"], "abc"),
        ]
        for (arguments, message) in cases {
            let result = try await YTQBinary.run(arguments, environment: env)
            #expect(result.status == 2, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
        }
        let list = try await ytq("list", "--json")
        #expect(list.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "[\n\n]" || list.stdout.contains("[]"))
    }

    @Test("list --json shows every column, meta_data as an object")
    func listJSON() async throws {
        defer { home.remove() }
        #expect(try await ytq("add", "https://example.com/v", "-f", "audio-mp3").status == 0)
        let result = try await ytq("list", "--json")
        #expect(result.status == 0)
        let array = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(array.count == 1)
        let task = try #require(array.first)
        #expect(Set(task.keys).isSuperset(of: ["id", "user_id", "ip_address", "video_url", "format", "status", "file_path",
                                               "title", "meta_data", "error_message", "created_at", "updated_at"]))
        #expect(task["attempts"] as? Int == 0)
        #expect(task["id"] as? Int == 1)
        #expect(task["user_id"] as? Int == Int(getuid()))
        #expect(task["ip_address"] as? String == "127.0.0.1")
        #expect(task["video_url"] as? String == "https://example.com/v")
        #expect(task["format"] as? String == "audio-mp3")
        #expect(task["status"] as? String == "pending")
        #expect(task["meta_data"] is [String: Any])
        #expect(task["file_path"] is NSNull)
        #expect((task["created_at"] as? String)?.hasSuffix("Z") == true)
    }

    @Test("list filters by status; show prints one task; an unknown id exits 1")
    func listAndShow() async throws {
        defer { home.remove() }
        #expect(try await ytq("add", "https://example.com/v").status == 0)
        let pending = try await ytq("list", "--status", "pending")
        #expect(pending.stdout.contains("https://example.com/v"))
        #expect(pending.stdout.hasPrefix("ID"))
        let completed = try await ytq("list", "--status", "completed")
        #expect(completed.stdout == "no tasks\n")
        let show = try await ytq("show", "1")
        #expect(show.status == 0)
        #expect(show.stdout.contains("status:  pending"))
        let showJSON = try await ytq("show", "1", "--json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(showJSON.stdout.utf8)) as? [String: Any])
        #expect(object["video_url"] as? String == "https://example.com/v")
        let missing = try await ytq("show", "99")
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no task with id 99"))
    }

    @Test("--db and YTQ_DB choose the database; the config file sets the limits")
    func locations() async throws {
        defer { home.remove() }
        let custom = home.file("elsewhere/custom.sqlite")
        #expect(try await ytq("add", "https://example.com/v", "--db", custom).status == 0)
        #expect(FileManager.default.fileExists(atPath: custom))
        var withEnv = env
        withEnv["YTQ_DB"] = custom
        #expect(try await YTQBinary.run(["list"], environment: withEnv).stdout.contains("https://example.com/v"))

        try FileManager.default.createDirectory(atPath: home.path + "/config/ytq", withIntermediateDirectories: true)
        try "per_user_limit = 2\nsystem_limit = 5\n".write(toFile: home.path + "/config/ytq/config.toml", atomically: true, encoding: .utf8)
        #expect(try await YTQBinary.run(["add", "https://example.com/w"], environment: withEnv).status == 0, "config allows 2")
        #expect(try await YTQBinary.run(["add", "https://example.com/x"], environment: withEnv).status == 3)
        #expect(try await YTQBinary.run(["add", "https://example.com/x", "--per-user-limit", "3"], environment: withEnv).status == 0, "option beats config")
    }

    @Test("a malformed config file is a clear error naming the line, not a crash")
    func malformedConfig() async throws {
        defer { home.remove() }
        try FileManager.default.createDirectory(atPath: home.path + "/config/ytq", withIntermediateDirectories: true)
        try "system_limit = 10\nper_user_limit = = 3\n".write(toFile: home.path + "/config/ytq/config.toml", atomically: true, encoding: .utf8)
        let result = try await ytq("list")
        #expect(result.status == 2)
        #expect(result.stderr.contains("config.toml:2"), "\(result.stderr)")
    }

    @Test("a limit out of range exits 2 naming where it came from: the option, or the config file and key")
    func limitSources() async throws {
        defer { home.remove() }
        let option = try await ytq("list", "--system-limit", "0")
        #expect(option.status == 2)
        #expect(option.stderr == "ytq: --system-limit must be at least 1 (got 0)\n", "\(option.stderr)")

        let config = home.path + "/config/ytq/config.toml"
        try FileManager.default.createDirectory(atPath: home.path + "/config/ytq", withIntermediateDirectories: true)
        try "per_user_limit = 0\n".write(toFile: config, atomically: true, encoding: .utf8)
        let file = try await ytq("add", "https://example.com/v")
        #expect(file.status == 2)
        #expect(file.stderr == "ytq: in the config file \(config), per_user_limit must be at least 1 (got 0)\n", "\(file.stderr)")
        #expect(try await ytq("add", "https://example.com/v", "--per-user-limit", "1").status == 0, "the option overrides the file")
    }

    @Test("--help works on every command; --version prints the version")
    func help() async throws {
        defer { home.remove() }
        for command in [[], ["add"], ["list"], ["show"]] {
            let result = try await YTQBinary.run(command + ["--help"], environment: env)
            #expect(result.status == 0)
            #expect(result.stdout.contains("USAGE"))
            #expect(result.stdout.contains("--per-user-limit"))
        }
        let version = try await ytq("--version")
        #expect(version.status == 0)
        #expect(version.stdout.first?.isNumber == true)
    }
}
