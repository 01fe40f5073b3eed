import Foundation
import YTQCore

/// Resolves `Settings` from options, environment (`YTQ_DB`, `YTQ_DOWNLOAD_DIR`, `YTQ_YTDLP`,
/// `YTQ_CONFIG`, the XDG variables, `HOME`) and the config file, in that order of precedence.
public struct SettingsResolver: Sendable {
    public var environment: [String: String]

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    /// `$YTQ_CONFIG`, else `$XDG_CONFIG_HOME/ytq/config.toml`, else `~/.config/ytq/config.toml`.
    public func configPath() throws(SettingsError) -> String {
        if let path = nonEmpty("YTQ_CONFIG") { return expand(path) }
        return try xdgHome("XDG_CONFIG_HOME", fallback: ".config") + "/ytq/config.toml"
    }

    /// `$XDG_DATA_HOME/ytq/ytq.sqlite`, else `~/.local/share/ytq/ytq.sqlite`.
    public func defaultDatabasePath() throws(SettingsError) -> String {
        try xdgHome("XDG_DATA_HOME", fallback: ".local/share") + "/ytq/ytq.sqlite"
    }

    /// `$XDG_DOWNLOAD_DIR`, else `~/Downloads`.
    public func defaultDownloadDirectory() throws(SettingsError) -> String {
        if let dir = nonEmpty("XDG_DOWNLOAD_DIR") { return expand(dir) }
        return try home() + "/Downloads"
    }

    public func resolve(_ overrides: SettingsOverrides) throws(SettingsError) -> Settings {
        let configPath = try configPath()
        let config = try ConfigFile.load(path: configPath)
        let databasePath: String
        if let chosen = overrides.databasePath ?? nonEmpty("YTQ_DB") ?? config.databasePath {
            databasePath = chosen
        } else {
            databasePath = try defaultDatabasePath()
        }
        let downloadDirectory: String
        if let chosen = overrides.downloadDirectory ?? nonEmpty("YTQ_DOWNLOAD_DIR") ?? config.downloadDirectory {
            downloadDirectory = chosen
        } else {
            downloadDirectory = try defaultDownloadDirectory()
        }
        let limits: ConcurrencyLimits
        do {
            limits = try ConcurrencyLimits(
                perUser: overrides.perUserLimit ?? config.perUserLimit ?? ConcurrencyLimits.defaultPerUser,
                system: overrides.systemLimit ?? config.systemLimit ?? ConcurrencyLimits.defaultSystem)
        } catch {
            throw .badConfigValue(path: "the command line", key: "the limits", expected: "whole numbers of at least 1 (\(error))")
        }
        let ytDlp = overrides.ytDlpPath ?? nonEmpty("YTQ_YTDLP") ?? config.ytDlpPath
        return Settings(
            databasePath: expand(databasePath),
            downloadDirectory: expand(downloadDirectory),
            limits: limits,
            ytDlpPath: ytDlp.map(expand),
            configFile: config.path)
    }

    private func nonEmpty(_ key: String) -> String? {
        guard let value = environment[key], !value.isEmpty else { return nil }
        return value
    }

    private func home() throws(SettingsError) -> String {
        guard let home = nonEmpty("HOME") else { throw .noHomeDirectory }
        return home
    }

    /// An XDG base directory: the variable when it holds an absolute path (the spec says to
    /// ignore relative ones), else `~/fallback`.
    private func xdgHome(_ variable: String, fallback: String) throws(SettingsError) -> String {
        if let value = nonEmpty(variable), value.hasPrefix("/") { return value }
        return try home() + "/" + fallback
    }

    /// Expands a leading `~/` to HOME and makes relative paths absolute.
    func expand(_ path: String) -> String {
        var path = path
        if path == "~" || path.hasPrefix("~/"), let home = nonEmpty("HOME") {
            path = home + path.dropFirst()
        }
        if !path.hasPrefix("/") {
            path = FileManager.default.currentDirectoryPath + "/" + path
        }
        return path
    }
}
