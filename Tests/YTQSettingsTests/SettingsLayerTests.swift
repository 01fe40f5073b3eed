import Testing
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
        #expect(ConfigFile.knownKeys == ["db", "download_dir", "per_user_limit", "system_limit", "backlog_limit", "yt_dlp", "max_filesize"])
    }
}
