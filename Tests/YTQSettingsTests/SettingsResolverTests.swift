import Foundation
import Testing
import YTQCore
import YTQTestSupport
@testable import YTQSettings

@Suite("Settings merge and limit errors")
struct SettingsResolverTests {
    /// Which of the three layers give a value for every field in one case.
    struct Case: Sendable, CustomTestStringConvertible {
        var commandLine: Bool
        var environment: Bool
        var file: Bool
        var expected: String
        var testDescription: String { "cli \(commandLine), env \(environment), file \(file) → \(expected)" }
    }

    static let cases: [Case] = [
        Case(commandLine: true, environment: true, file: true, expected: "cli"),
        Case(commandLine: true, environment: false, file: true, expected: "cli"),
        Case(commandLine: true, environment: false, file: false, expected: "cli"),
        Case(commandLine: false, environment: true, file: true, expected: "env"),
        Case(commandLine: false, environment: true, file: false, expected: "env"),
        Case(commandLine: false, environment: false, file: true, expected: "file"),
        Case(commandLine: false, environment: false, file: false, expected: "default"),
    ]

    @Test("each path field is cli ?? env ?? file ?? default", arguments: cases)
    func pathPrecedence(_ test: Case) throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let config = dir.file("config.toml")
        let fileText = test.file ? "db = \"/file/db\"\ndownload_dir = \"/file/dl\"\nyt_dlp = \"/file/yt\"\n" : ""
        try fileText.write(toFile: config, atomically: true, encoding: .utf8)
        var env = ["HOME": "/home/ann", "YTQ_CONFIG": config, "XDG_DATA_HOME": "/xdg"]
        if test.environment {
            env["YTQ_DB"] = "/env/db"
            env["YTQ_DOWNLOAD_DIR"] = "/env/dl"
            env["YTQ_YTDLP"] = "/env/yt"
        }
        let commandLine = test.commandLine
            ? SettingsLayer(databasePath: "/cli/db", downloadDirectory: "/cli/dl", ytDlpPath: "/cli/yt") : SettingsLayer()
        let settings = try SettingsResolver(environment: env).resolve(commandLine)
        switch test.expected {
        case "default":
            #expect(settings.databasePath == "/xdg/ytq/ytq.sqlite")
            #expect(settings.downloadDirectory == "/home/ann/Downloads")
            #expect(settings.ytDlpPath == nil)
        default:
            #expect(settings.databasePath == "/\(test.expected)/db")
            #expect(settings.downloadDirectory == "/\(test.expected)/dl")
            #expect(settings.ytDlpPath == "/\(test.expected)/yt")
        }
    }

    @Test("fields merge one by one: each comes from the highest layer that gives it")
    func fieldByField() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try "db = \"/file/db\"\nyt_dlp = \"/file/yt\"\nsystem_limit = 7\nper_user_limit = 2\n"
            .write(toFile: dir.file("config.toml"), atomically: true, encoding: .utf8)
        let env = ["HOME": "/home/ann", "YTQ_CONFIG": dir.file("config.toml"), "YTQ_DOWNLOAD_DIR": "/env/dl", "YTQ_DB": ""]
        let settings = try SettingsResolver(environment: env).resolve(SettingsLayer(perUserLimit: 3))
        #expect(settings.databasePath == "/file/db", "an empty YTQ_DB counts as unset")
        #expect(settings.downloadDirectory == "/env/dl")
        #expect(settings.ytDlpPath == "/file/yt")
        #expect(settings.limits == (try ConcurrencyLimits(perUser: 3, system: 7)))
        #expect(settings.configFile == dir.file("config.toml"))
    }

    @Test("yt-dlp given as a bare name stays a name for the PATH search; a path is made absolute")
    func ytDlpName() throws {
        for (value, expected) in [("yt-dlp", "yt-dlp"), ("bin/yt-dlp", FileManager.default.currentDirectoryPath + "/bin/yt-dlp"),
                                  ("~/bin/yt-dlp", "/home/ann/bin/yt-dlp"), ("/opt/yt-dlp", "/opt/yt-dlp")] {
            let env = ["HOME": "/home/ann", "YTQ_CONFIG": "/nonexistent/config.toml", "YTQ_YTDLP": value]
            #expect(try SettingsResolver(environment: env).resolve(SettingsLayer()).ytDlpPath == expected, "\(value)")
            let option = try SettingsResolver(environment: ["HOME": "/home/ann", "YTQ_CONFIG": "/nonexistent/config.toml"])
                .resolve(SettingsLayer(ytDlpPath: value))
            #expect(option.ytDlpPath == expected, "--yt-dlp \(value)")
        }
    }

    @Test("a bad limit on the command line names the option and what is allowed", arguments: [
        (SettingsLayer(perUserLimit: 0), "--per-user-limit must be at least 1 (got 0)"),
        (SettingsLayer(systemLimit: -3), "--system-limit must be at least 1 (got -3)"),
        (SettingsLayer(perUserLimit: 0, systemLimit: 0), "--per-user-limit must be at least 1 (got 0)"),
    ])
    func commandLineLimit(layer: SettingsLayer, message: String) {
        let resolver = SettingsResolver(environment: ["HOME": "/home/ann", "XDG_CONFIG_HOME": "/nonexistent"])
        #expect(throws: SettingsError.self) { try resolver.resolve(layer) }
        #expect(Self.message(resolver, layer) == message)
    }

    @Test("a bad limit in the config file names the file and the key", arguments: [
        ("per_user_limit = 0", "per_user_limit must be at least 1 (got 0)"),
        ("system_limit = -1", "system_limit must be at least 1 (got -1)"),
    ])
    func configFileLimit(text: String, message: String) throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.file("config.toml")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let resolver = SettingsResolver(environment: ["HOME": "/home/ann", "YTQ_CONFIG": path])
        #expect(Self.message(resolver, SettingsLayer()) == "in the config file \(path), \(message)")
    }

    @Test("a bad limit in the file is only an error when nothing overrides it")
    func overriddenFileLimit() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.file("config.toml")
        try "per_user_limit = 0\n".write(toFile: path, atomically: true, encoding: .utf8)
        let resolver = SettingsResolver(environment: ["HOME": "/home/ann", "YTQ_CONFIG": path])
        #expect(try resolver.resolve(SettingsLayer(perUserLimit: 2)).limits.perUser == 2)
    }

    @Test("each source names a field's place in its own terms", arguments: [
        (SettingsSource.commandLine, SettingsField.perUserLimit, "--per-user-limit"),
        (.environment, .databasePath, "the environment variable YTQ_DB"),
        (.environment, .systemLimit, "the environment's system limit"),
        (.configFile(path: "/c.toml"), .systemLimit, "in the config file /c.toml, system_limit"),
        (.defaults, .perUserLimit, "the default per-user limit"),
    ])
    func places(source: SettingsSource, field: SettingsField, place: String) {
        #expect(source.place(of: field) == place)
    }

    static func message(_ resolver: SettingsResolver, _ layer: SettingsLayer) -> String? {
        do {
            _ = try resolver.resolve(layer)
            return nil
        } catch {
            return error.description
        }
    }
}
