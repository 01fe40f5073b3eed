extension SettingsLayer {
    /// What the environment sets: `YTQ_DB`, `YTQ_DOWNLOAD_DIR`, `YTQ_YTDLP` and `YTQ_SERVER` (an empty
    /// variable counts as unset). The limits have no variables.
    public static func environment(_ environment: [String: String]) -> SettingsLayer {
        func value(_ field: SettingsField) -> String? {
            guard let name = field.environmentVariable, let value = environment[name], !value.isEmpty else { return nil }
            return value
        }
        return SettingsLayer(
            databasePath: value(.databasePath), downloadDirectory: value(.downloadDirectory), ytDlpPath: value(.ytDlpPath),
            server: value(.server))
    }
}
