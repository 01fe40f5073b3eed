import YTQCore

/// One setting and its name in each place that can give it: option, environment, config key.
public enum SettingsField: String, Sendable, CaseIterable {
    case databasePath
    case downloadDirectory
    case perUserLimit
    case systemLimit
    case backlogLimit
    case ytDlpPath
    case maxFilesize
    /// The socket of a shared queue (`ytq serve`); set, every command is its client.
    case server
    /// Who administers a shared queue: user or group names (the service reads it).
    case admins
    /// The screen rings the terminal bell when a download finishes or fails (config only).
    case bell
    /// The screen sends a desktop notification through the terminal (OSC 9 and 777) when a
    /// download finishes or fails (config only).
    case desktopNotifications
    /// The screen sets the terminal's window title to the overall progress (config only).
    case windowTitle

    /// The command-line option, e.g. `--db`.
    public var option: String {
        switch self {
        case .databasePath: return "--db"
        case .downloadDirectory: return "--download-dir"
        case .perUserLimit: return "--per-user-limit"
        case .systemLimit: return "--system-limit"
        case .backlogLimit: return "--backlog-limit"
        case .ytDlpPath: return "--yt-dlp"
        case .maxFilesize: return "--max-filesize"
        case .server: return "--server"
        case .admins: return "--admin"
        // The screen's signals have no option: the config key is where they are set.
        case .bell, .desktopNotifications, .windowTitle: return configKey
        }
    }

    /// The environment variable that sets it; the limits have none.
    public var environmentVariable: String? {
        switch self {
        case .databasePath: return "YTQ_DB"
        case .downloadDirectory: return "YTQ_DOWNLOAD_DIR"
        case .ytDlpPath: return "YTQ_YTDLP"
        case .server: return "YTQ_SERVER"
        case .perUserLimit, .systemLimit, .backlogLimit, .maxFilesize, .admins, .bell, .desktopNotifications, .windowTitle: return nil
        }
    }

    /// The key in `config.toml`.
    public var configKey: String {
        switch self {
        case .databasePath: return "db"
        case .downloadDirectory: return "download_dir"
        case .perUserLimit: return "per_user_limit"
        case .systemLimit: return "system_limit"
        case .backlogLimit: return "backlog_limit"
        case .ytDlpPath: return "yt_dlp"
        case .maxFilesize: return "max_filesize"
        case .server: return "server"
        case .admins: return "admins"
        case .bell: return "bell"
        case .desktopNotifications: return "desktop_notifications"
        case .windowTitle: return "window_title"
        }
    }

    /// What it is, in words.
    public var label: String {
        switch self {
        case .databasePath: return "database file"
        case .downloadDirectory: return "download folder"
        case .perUserLimit: return ConcurrencyLimits.Limit.perUser.rawValue
        case .systemLimit: return ConcurrencyLimits.Limit.system.rawValue
        case .backlogLimit: return ConcurrencyLimits.Limit.backlog.rawValue
        case .ytDlpPath: return "yt-dlp executable"
        case .maxFilesize: return "largest download"
        case .server: return "shared queue's socket"
        case .admins: return "administrators"
        case .bell: return "terminal bell"
        case .desktopNotifications: return "desktop notifications"
        case .windowTitle: return "window title"
        }
    }

    /// The field that sets a concurrency limit.
    public init(_ limit: ConcurrencyLimits.Limit) {
        switch limit {
        case .perUser: self = .perUserLimit
        case .system: self = .systemLimit
        case .backlog: self = .backlogLimit
        }
    }
}
