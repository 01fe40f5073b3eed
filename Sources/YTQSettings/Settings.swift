import YTQCore

/// Everything a ytq process needs to know about where things live and which limits apply,
/// resolved from (highest first) command-line options, environment variables, the user's
/// config file, the system-wide config file (`/etc/ytq/config.toml`), and defaults.
public struct Settings: Sendable, Equatable {
    public var databasePath: String
    public var downloadDirectory: String
    public var limits: ConcurrencyLimits
    /// The yt-dlp executable to run, when one was named (else it is looked up on PATH).
    public var ytDlpPath: String?
    /// Downloads larger than this many bytes are stopped (`max_filesize`); nil: no limit.
    public var maxFilesize: Int64?
    /// The config file that was read, if any.
    public var configFile: String?
    /// The socket of the shared queue this process is a client of (shared mode), if any.
    public var server: String?
    /// User or group names who administer the shared queue (read by `ytq serve`).
    public var admins: [String]
    /// How the screen tells of a finished or failed download, and shows the overall progress.
    public var signals: ScreenSignals

    public init(
        databasePath: String, downloadDirectory: String, limits: ConcurrencyLimits, ytDlpPath: String? = nil,
        maxFilesize: Int64? = nil, configFile: String? = nil, server: String? = nil, admins: [String] = [],
        signals: ScreenSignals = ScreenSignals()
    ) {
        self.databasePath = databasePath
        self.downloadDirectory = downloadDirectory
        self.limits = limits
        self.ytDlpPath = ytDlpPath
        self.maxFilesize = maxFilesize
        self.configFile = configFile
        self.server = server
        self.admins = admins
        self.signals = signals
    }
}

