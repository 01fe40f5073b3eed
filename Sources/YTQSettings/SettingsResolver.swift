import Foundation
import YTQCore

/// Resolves `Settings` from three `SettingsLayer`s — options, environment (`YTQ_DB`,
/// `YTQ_DOWNLOAD_DIR`, `YTQ_YTDLP`) and the config file, in that order of precedence — and the
/// defaults (`YTQ_CONFIG`, the XDG variables, `HOME`).
public struct SettingsResolver: Sendable {
    public var environment: [String: String]

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    /// `$YTQ_CONFIG`, else `$XDG_CONFIG_HOME/ytq/config.toml`, else `~/.config/ytq/config.toml`.
    /// Nil when none of them is set: then there is no config file to read.
    public func configPath() -> String? {
        if let path = nonEmpty("YTQ_CONFIG") { return expand(path) }
        return try? xdgHome("XDG_CONFIG_HOME", fallback: ".config", for: .databasePath) + "/ytq/config.toml"
    }

    /// The system-wide config file an administrator writes once (e.g. `server = ...` for
    /// everyone): `$YTQ_SYSTEM_CONFIG`, else `/etc/ytq/config.toml`.
    public func systemConfigPath() -> String {
        nonEmpty("YTQ_SYSTEM_CONFIG").map(expand) ?? "/etc/ytq/config.toml"
    }

    /// `$XDG_DATA_HOME/ytq/ytq.sqlite`, else `~/.local/share/ytq/ytq.sqlite`.
    public func defaultDatabasePath() throws(SettingsError) -> String {
        try xdgHome("XDG_DATA_HOME", fallback: ".local/share", for: .databasePath) + "/ytq/ytq.sqlite"
    }

    /// `$XDG_DOWNLOAD_DIR`, else `~/Downloads`.
    public func defaultDownloadDirectory() throws(SettingsError) -> String {
        if let dir = nonEmpty("XDG_DOWNLOAD_DIR") { return expand(dir) }
        return try home(for: .downloadDirectory) + "/Downloads"
    }

    /// Merges the command line over the environment over the config file over the defaults,
    /// field by field, and validates the result.
    public func resolve(_ commandLine: SettingsLayer) throws(SettingsError) -> Settings {
        let configPath = configPath()
        let config = try configPath.map { path throws(SettingsError) in try ConfigFile.load(path: path) } ?? ConfigFile()
        let systemPath = systemConfigPath()
        let system = try ConfigFile.load(path: systemPath)
        let layers: [(source: SettingsSource, layer: SettingsLayer)] = [
            (.commandLine, commandLine),
            (.environment, .environment(environment)),
            (.configFile(path: configPath ?? "config.toml"), config.layer),
            (.configFile(path: systemPath), system.layer),
        ]
        // The value of the first layer that gives one, and which layer that was.
        func first<Value>(_ field: KeyPath<SettingsLayer, Value?>) -> (value: Value, source: SettingsSource)? {
            for (source, layer) in layers {
                if let value = layer[keyPath: field] { return (value, source) }
            }
            return nil
        }

        // The path defaults are looked up only when needed: they fail without HOME.
        let databasePath: String
        if let chosen = first(\.databasePath) {
            databasePath = chosen.value
        } else {
            databasePath = try defaultDatabasePath()
        }
        let downloadDirectory: String
        if let chosen = first(\.downloadDirectory) {
            downloadDirectory = chosen.value
        } else {
            downloadDirectory = try defaultDownloadDirectory()
        }
        let perUser = first(\.perUserLimit) ?? (ConcurrencyLimits.defaultPerUser, .defaults)
        let systemWide = first(\.systemLimit) ?? (ConcurrencyLimits.defaultSystem, .defaults)
        let backlog = first(\.backlogLimit) ?? (ConcurrencyLimits.defaultBacklog, .defaults)
        let limits: ConcurrencyLimits
        do {
            limits = try ConcurrencyLimits(perUser: perUser.value, system: systemWide.value, backlog: backlog.value)
        } catch {
            let source: SettingsSource
            switch error.limit {
            case .perUser: source = perUser.source
            case .system: source = systemWide.source
            case .backlog: source = backlog.source
            }
            throw .invalidLimit(error, source: source)
        }
        var maxFilesize: Int64?
        if let chosen = first(\.maxFilesize) {
            guard let bytes = ByteSize.parse(chosen.value) else {
                throw .badSize(value: chosen.value, place: chosen.source.place(of: .maxFilesize))
            }
            maxFilesize = bytes
        }
        return Settings(
            databasePath: expand(databasePath),
            downloadDirectory: expand(downloadDirectory),
            limits: limits,
            ytDlpPath: first(\.ytDlpPath).map { executable($0.value) },
            maxFilesize: maxFilesize,
            configFile: config.path ?? system.path,
            server: first(\.server).map { expand($0.value) },
            admins: first(\.admins)?.value ?? [],
            signals: ScreenSignals(
                bell: first(\.bell)?.value ?? true, desktopNotifications: first(\.desktopNotifications)?.value ?? true,
                windowTitle: first(\.windowTitle)?.value ?? true))
    }

    private func nonEmpty(_ key: String) -> String? {
        guard let value = environment[key], !value.isEmpty else { return nil }
        return value
    }

    private func home(for field: SettingsField) throws(SettingsError) -> String {
        guard let home = nonEmpty("HOME") else { throw .noHomeDirectory(field) }
        return home
    }

    /// An XDG base directory: the variable when it holds an absolute path (the spec says to
    /// ignore relative ones), else `~/fallback`.
    private func xdgHome(_ variable: String, fallback: String, for field: SettingsField) throws(SettingsError) -> String {
        if let value = nonEmpty(variable), value.hasPrefix("/") { return value }
        return try home(for: field) + "/" + fallback
    }

    /// A bare name (`yt-dlp`) stays a name, looked up on PATH only: made absolute against the
    /// current folder it would run whatever file of that name the folder holds. Anything
    /// with a `/` is a path, expanded like the others.
    func executable(_ nameOrPath: String) -> String {
        nameOrPath.contains("/") || nameOrPath == "~" ? expand(nameOrPath) : nameOrPath
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
