import Foundation
import Testing
import YTQCore
import YTQTestSupport
@testable import YTQSettings

@Suite("Settings layers")
struct SettingsLayerTests {
    @Test("the environment layer reads YTQ_DB, YTQ_DOWNLOAD_DIR and YTQ_YTDLP; empty is unset")
    func environment() {
        let layer = SettingsLayer.environment(["YTQ_DB": "/e/db", "YTQ_DOWNLOAD_DIR": "", "YTQ_YTDLP": "/e/yt", "HOME": "/h"])
        #expect(layer == SettingsLayer(databasePath: "/e/db", ytDlpPath: "/e/yt"))
        #expect(SettingsLayer.environment([:]) == SettingsLayer())
    }

    @Test("the config file gives a layer; a limit's range is left to ConcurrencyLimits")
    func configFile() throws {
        let config = try ConfigFile.parse("db = \"/f/db\"\nper_user_limit = 0\nsystem_limit = 3\n", path: "/c.toml")
        #expect(config.layer == SettingsLayer(databasePath: "/f/db", perUserLimit: 0, systemLimit: 3))
    }

    @Test("every field has an option and a config key of its own")
    func names() {
        let fields = SettingsField.allCases
        #expect(Set(fields.map(\.option)).count == fields.count)
        #expect(Set(fields.map(\.configKey)).count == fields.count)
        #expect(ConfigFile.knownKeys == [
            "db", "download_dir", "per_user_limit", "system_limit", "backlog_limit", "yt_dlp", "max_filesize", "server", "admins",
            "bell", "desktop_notifications", "window_title",
        ])
    }

    @Test("server and admins come from a config file; YTQ_SERVER from the environment")
    func sharedKeys() throws {
        let config = try ConfigFile.parse("server = \"/run/ytq/ytq.sock\"\nadmins = [\"alice\", \"wheel\"]\n", path: "/c.toml")
        #expect(config.layer == SettingsLayer(server: "/run/ytq/ytq.sock", admins: ["alice", "wheel"]))
        #expect(throws: SettingsError.self) { try ConfigFile.parse("admins = \"alice\"\n", path: "/c.toml") }
        #expect(SettingsLayer.environment(["YTQ_SERVER": "/tmp/s.sock"]).server == "/tmp/s.sock")
    }

    @Test("the screen's signals are on by default; each can be turned off in a config file, and only with true or false")
    func signals() throws {
        let dir = try TemporaryDirectory("signals")
        defer { dir.remove() }
        try "bell = false\nwindow_title = false\n".write(toFile: dir.file("config.toml"), atomically: true, encoding: .utf8)
        let environment = ["HOME": dir.path, "YTQ_CONFIG": dir.file("config.toml"), "YTQ_SYSTEM_CONFIG": dir.file("none.toml")]
        let settings = try SettingsResolver(environment: environment).resolve(SettingsLayer())
        #expect(settings.signals == ScreenSignals(bell: false, desktopNotifications: true, windowTitle: false))
        let plain = try SettingsResolver(environment: ["HOME": dir.path, "YTQ_CONFIG": dir.file("none.toml"), "YTQ_SYSTEM_CONFIG": dir.file("none.toml")])
            .resolve(SettingsLayer())
        #expect(plain.signals == ScreenSignals())
        #expect(throws: SettingsError.self) { try ConfigFile.parse("desktop_notifications = \"no\"\n", path: "/c.toml") }
    }

    @Test("the system-wide config file is read last: the user's config and the environment win")
    func systemConfig() throws {
        let dir = try TemporaryDirectory("system-config")
        defer { dir.remove() }
        try "server = \"/run/ytq/ytq.sock\"\nsystem_limit = 4\n".write(toFile: dir.file("system.toml"), atomically: true, encoding: .utf8)
        try "system_limit = 6\n".write(toFile: dir.file("user.toml"), atomically: true, encoding: .utf8)
        var environment = ["HOME": dir.path, "YTQ_SYSTEM_CONFIG": dir.file("system.toml"), "YTQ_CONFIG": dir.file("user.toml")]
        let settings = try SettingsResolver(environment: environment).resolve(SettingsLayer())
        #expect(settings.server == "/run/ytq/ytq.sock")
        #expect(settings.limits.system == 6)
        environment["YTQ_SERVER"] = "/tmp/other.sock"
        #expect(try SettingsResolver(environment: environment).resolve(SettingsLayer()).server == "/tmp/other.sock")
    }
}
