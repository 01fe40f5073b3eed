import Foundation
import TOMLKit
import YTQCore

/// The optional `config.toml`: the same values as the command-line options, as TOML keys.
///
/// ```toml
/// db = "/srv/ytq/ytq.sqlite"
/// download_dir = "~/Videos"
/// per_user_limit = 1
/// system_limit = 10
/// yt_dlp = "/usr/local/bin/yt-dlp"
/// ```
public struct ConfigFile: Sendable, Equatable {
    public static let knownKeys = SettingsField.allCases.map(\.configKey)

    /// The values it sets; a key it leaves out is nil.
    public var layer: SettingsLayer
    /// The file these values came from; nil when there was none.
    public var path: String?

    public init(layer: SettingsLayer = SettingsLayer(), path: String? = nil) {
        self.layer = layer
        self.path = path
    }

    /// Reads the file at `path`; a missing file is an empty config, a malformed one an error
    /// that names the line.
    public static func load(path: String) throws(SettingsError) -> ConfigFile {
        guard FileManager.default.fileExists(atPath: path) else { return ConfigFile() }
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw .unreadableConfig(path: path, reason: "it is not readable UTF-8 text (\(error.localizedDescription))")
        }
        var config = try parse(text, path: path)
        config.path = path
        return config
    }

    /// Parses config text; `path` is only used in messages.
    public static func parse(_ text: String, path: String) throws(SettingsError) -> ConfigFile {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw .malformedConfig(path: path, line: error.source.begin.line, reason: error.description)
        } catch {
            throw .malformedConfig(path: path, line: nil, reason: "\(error)")
        }
        for key in table.keys {
            guard knownKeys.contains(key) else { throw .unknownConfigKey(path: path, key: key, known: knownKeys) }
        }
        let layer = SettingsLayer(
            databasePath: try string(table, .databasePath, path: path),
            downloadDirectory: try string(table, .downloadDirectory, path: path),
            perUserLimit: try int(table, .perUserLimit, path: path),
            systemLimit: try int(table, .systemLimit, path: path),
            backlogLimit: try int(table, .backlogLimit, path: path),
            ytDlpPath: try string(table, .ytDlpPath, path: path))
        return ConfigFile(layer: layer)
    }

    private static func string(_ table: TOMLTable, _ field: SettingsField, path: String) throws(SettingsError) -> String? {
        guard let value = table[field.configKey] else { return nil }
        guard let text = value.string, !text.isEmpty else {
            throw .badConfigValue(path: path, key: field.configKey, expected: "a non-empty string in quotes")
        }
        return text
    }

    /// A whole number; its range is checked where the value is used (`ConcurrencyLimits`),
    /// after the command line had its chance to override it.
    private static func int(_ table: TOMLTable, _ field: SettingsField, path: String) throws(SettingsError) -> Int? {
        guard let value = table[field.configKey] else { return nil }
        guard let number = value.int else {
            throw .badConfigValue(path: path, key: field.configKey, expected: "a whole number of at least \(ConcurrencyLimits.minimum)")
        }
        return number
    }
}
