import Foundation
import Testing
import YTQCore
import YTQTestSupport
@testable import YTQSettings

@Suite("Settings resolution")
struct SettingsTests {
    @Test("defaults follow the XDG base directories")
    func xdgDefaults() throws {
        let resolver = SettingsResolver(environment: ["HOME": "/home/ann", "XDG_DATA_HOME": "/data/ann", "XDG_CONFIG_HOME": "/nonexistent/cfg"])
        let settings = try resolver.resolve(SettingsLayer())
        #expect(settings.databasePath == "/data/ann/ytq/ytq.sqlite")
        #expect(settings.downloadDirectory == "/home/ann/Downloads")
        #expect(settings.limits == .default)
        #expect(resolver.configPath() == "/nonexistent/cfg/ytq/config.toml")
    }

    @Test("without XDG variables, falls back to ~/.local/share and ~/.config; relative XDG values are ignored")
    func fallbacks() throws {
        let resolver = SettingsResolver(environment: ["HOME": "/home/ann", "XDG_DATA_HOME": "relative/path"])
        #expect(try resolver.defaultDatabasePath() == "/home/ann/.local/share/ytq/ytq.sqlite")
        #expect(resolver.configPath() == "/home/ann/.config/ytq/config.toml")
        #expect(try SettingsResolver(environment: ["HOME": "/h", "XDG_DOWNLOAD_DIR": "/media/dl"]).defaultDownloadDirectory() == "/media/dl")
    }

    @Test("options beat environment beats config file beats defaults")
    func precedence() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try """
            db = "/from/config.sqlite"
            download_dir = "~/Videos"
            per_user_limit = 2
            system_limit = 20
            """.write(toFile: dir.file("config.toml"), atomically: true, encoding: .utf8)
        let env = ["HOME": "/home/ann", "YTQ_CONFIG": dir.file("config.toml")]
        let fromConfig = try SettingsResolver(environment: env).resolve(SettingsLayer())
        #expect(fromConfig.databasePath == "/from/config.sqlite")
        #expect(fromConfig.downloadDirectory == "/home/ann/Videos")
        #expect(fromConfig.limits == (try ConcurrencyLimits(perUser: 2, system: 20)))
        #expect(fromConfig.configFile == dir.file("config.toml"))

        var withEnv = env
        withEnv["YTQ_DB"] = "/from/env.sqlite"
        withEnv["YTQ_DOWNLOAD_DIR"] = "/from/env/dl"
        let fromEnv = try SettingsResolver(environment: withEnv).resolve(SettingsLayer())
        #expect(fromEnv.databasePath == "/from/env.sqlite")
        #expect(fromEnv.downloadDirectory == "/from/env/dl")

        let fromOptions = try SettingsResolver(environment: withEnv).resolve(
            SettingsLayer(databasePath: "/opt.sqlite", downloadDirectory: "/opt/dl", perUserLimit: 4, systemLimit: 8))
        #expect(fromOptions.databasePath == "/opt.sqlite")
        #expect(fromOptions.downloadDirectory == "/opt/dl")
        #expect(fromOptions.limits == (try ConcurrencyLimits(perUser: 4, system: 8)))
    }

    @Test("a malformed config names the file and line")
    func malformed() {
        #expect {
            try ConfigFile.parse("system_limit = 3\nper_user_limit = [oops\n", path: "/c.toml")
        } throws: { error in
            guard case SettingsError.malformedConfig(let path, let line, _) = error else { return false }
            return path == "/c.toml" && line == 2
        }
    }

    @Test("wrong types, bad values and unknown keys are refused with the key's name")
    func badValues() {
        #expect(throws: SettingsError.badConfigValue(path: "/c.toml", key: "system_limit", expected: "a whole number of at least 1")) {
            try ConfigFile.parse("system_limit = \"ten\"", path: "/c.toml")
        }
        #expect(throws: SettingsError.badConfigValue(path: "/c.toml", key: "per_user_limit", expected: "a whole number of at least 1")) {
            try ConfigFile.parse("per_user_limit = 1.5", path: "/c.toml")
        }
        #expect(throws: SettingsError.self) { try ConfigFile.parse("db = 3", path: "/c.toml") }
        #expect {
            try ConfigFile.parse("systemlimit = 3", path: "/c.toml")
        } throws: { error in
            (error as? SettingsError)?.description.contains("unknown key 'systemlimit'") == true
        }
    }

    @Test("a missing config file is an empty config")
    func missing() throws {
        #expect(try ConfigFile.load(path: "/nonexistent/ytq/config.toml") == ConfigFile())
    }

    @Test("a folder, a FIFO, a device, an oversized file or non-UTF-8 bytes are refused with what they are")
    func notAConfigFile() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try FileManager.default.createDirectory(atPath: dir.file("folder.toml"), withIntermediateDirectories: true)
        #expect(mkfifo(dir.file("fifo.toml"), 0o600) == 0)
        try Data(repeating: 0x23, count: ConfigFile.maximumSize + 1).write(to: URL(fileURLWithPath: dir.file("big.toml")))
        try Data("# ok\n".utf8 + [0xFF, 0xFE] + Array("x = 1\n".utf8)).write(to: URL(fileURLWithPath: dir.file("latin.toml")))
        try FileManager.default.createSymbolicLink(atPath: dir.file("zero.toml"), withDestinationPath: "/dev/zero")
        let cases: [(String, String)] = [
            (dir.file("folder.toml"), "it is a folder, not a file"),
            (dir.file("fifo.toml"), "it is a FIFO (named pipe), not a regular file"),
            ("/dev/zero", "it is a device, not a regular file"),
            (dir.file("zero.toml"), "it is a device, not a regular file"),
            (dir.file("big.toml"), "it is larger than 1 MiB; a config file holds a few lines"),
            (dir.file("latin.toml"), "it is not UTF-8 text (byte 5 is not valid UTF-8)"),
        ]
        for (path, reason) in cases {
            #expect(throws: SettingsError.unreadableConfig(path: path, reason: reason)) { try ConfigFile.load(path: path) }
        }
        // Exactly 1 MiB of comments is still read.
        try Data(repeating: 0x23, count: ConfigFile.maximumSize).write(to: URL(fileURLWithPath: dir.file("max.toml")))
        #expect(try ConfigFile.load(path: dir.file("max.toml")).layer == SettingsLayer())
        #expect(try ConfigFile.load(path: "/dev/null") == ConfigFile(path: "/dev/null"))
    }

    @Test("without HOME: no config file is looked for, and a missing default names the setting that needs it")
    func noHome() throws {
        let withDB = try SettingsResolver(environment: ["YTQ_DB": "/d/ytq.sqlite", "YTQ_DOWNLOAD_DIR": "/d/dl"]).resolve(SettingsLayer())
        #expect(withDB.databasePath == "/d/ytq.sqlite")
        #expect(throws: SettingsError.noHomeDirectory(.downloadDirectory)) {
            try SettingsResolver(environment: ["YTQ_DB": "/d/ytq.sqlite"]).resolve(SettingsLayer())
        }
        #expect(SettingsError.noHomeDirectory(.downloadDirectory).description
            == "cannot tell where the download folder goes: HOME is not set; pass --download-dir or set YTQ_DOWNLOAD_DIR")
        #expect(SettingsError.noHomeDirectory(.databasePath).description.contains("pass --db or set YTQ_DB"))
    }

    @Test("max_filesize: a size from the option or the config file (text or bytes); a bad one names its place")
    func maxFilesize() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let env = ["HOME": "/home/ann", "YTQ_CONFIG": dir.file("config.toml")]
        #expect(try SettingsResolver(environment: env).resolve(SettingsLayer()).maxFilesize == nil, "off by default")
        try "max_filesize = \"2G\"\n".write(toFile: dir.file("config.toml"), atomically: true, encoding: .utf8)
        #expect(try SettingsResolver(environment: env).resolve(SettingsLayer()).maxFilesize == 2_147_483_648)
        #expect(try SettingsResolver(environment: env).resolve(SettingsLayer(maxFilesize: "10M")).maxFilesize == 10_485_760)
        try "max_filesize = 5000\n".write(toFile: dir.file("config.toml"), atomically: true, encoding: .utf8)
        #expect(try SettingsResolver(environment: env).resolve(SettingsLayer()).maxFilesize == 5000)
        try "max_filesize = \"huge\"\n".write(toFile: dir.file("config.toml"), atomically: true, encoding: .utf8)
        #expect(throws: SettingsError.badSize(value: "huge", place: "in the config file \(dir.file("config.toml")), max_filesize")) {
            try SettingsResolver(environment: env).resolve(SettingsLayer())
        }
        try "max_filesize = true\n".write(toFile: dir.file("config.toml"), atomically: true, encoding: .utf8)
        #expect(throws: SettingsError.self) { try SettingsResolver(environment: env).resolve(SettingsLayer()) }
    }
}
