import ArgumentParser
import YTQSettings

/// Options every ytq command takes: where the database and downloads live, and the limits.
public struct GlobalOptions: ParsableArguments, Sendable {
    @Option(name: .customLong("db"), help: ArgumentHelp("The database file (env YTQ_DB).", valueName: "path"))
    var databasePath: String?

    @Option(name: .customLong("download-dir"), help: ArgumentHelp("Where finished files go (env YTQ_DOWNLOAD_DIR).", valueName: "dir"))
    var downloadDirectory: String?

    @Option(name: .customLong("per-user-limit"), help: ArgumentHelp("Active downloads allowed per user (default 1).", valueName: "n"))
    var perUserLimit: Int?

    @Option(name: .customLong("system-limit"), help: ArgumentHelp("Active downloads allowed system-wide (default 10).", valueName: "n"))
    var systemLimit: Int?

    @Option(name: .customLong("backlog-limit"), help: ArgumentHelp("Queued downloads allowed per user (default 100).", valueName: "n"))
    var backlogLimit: Int?

    @Option(name: .customLong("yt-dlp"), help: ArgumentHelp("The yt-dlp executable (env YTQ_YTDLP; default: PATH).", valueName: "path"))
    var ytDlpPath: String?

    @Option(name: .customLong("server"), help: ArgumentHelp("Be a client of the shared queue on this socket (env YTQ_SERVER; config key server).", valueName: "socket"))
    var server: String?

    @Option(name: .customLong("max-filesize"), help: ArgumentHelp("Stop downloads larger than this (e.g. 700M, 2G; default: no limit).", valueName: "size"))
    var maxFilesize: String?

    public init() {}

    /// The values given on the command line; `SettingsResolver` checks them, naming the option.
    var layer: SettingsLayer {
        SettingsLayer(
            databasePath: databasePath, downloadDirectory: downloadDirectory,
            perUserLimit: perUserLimit, systemLimit: systemLimit, backlogLimit: backlogLimit, ytDlpPath: ytDlpPath,
            maxFilesize: maxFilesize, server: server)
    }
}
