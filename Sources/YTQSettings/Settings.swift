import YTQCore

/// Everything a ytq process needs to know about where things live and which limits apply,
/// resolved from (highest first) command-line options, environment variables, the config
/// file, and defaults.
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

    public init(
        databasePath: String, downloadDirectory: String, limits: ConcurrencyLimits, ytDlpPath: String? = nil,
        maxFilesize: Int64? = nil, configFile: String? = nil
    ) {
        self.databasePath = databasePath
        self.downloadDirectory = downloadDirectory
        self.limits = limits
        self.ytDlpPath = ytDlpPath
        self.maxFilesize = maxFilesize
        self.configFile = configFile
    }
}

