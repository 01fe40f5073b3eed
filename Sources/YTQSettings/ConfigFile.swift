import Foundation
import TOMLKit

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
    public static let knownKeys = ["db", "download_dir", "per_user_limit", "system_limit", "yt_dlp"]

    public var databasePath: String?
    public var downloadDirectory: String?
    public var perUserLimit: Int?
    public var systemLimit: Int?
    public var ytDlpPath: String?
    /// The file these values came from; nil when there was none.
    public var path: String?

    public init(databasePath: String? = nil, downloadDirectory: String? = nil, perUserLimit: Int? = nil, systemLimit: Int? = nil, ytDlpPath: String? = nil) {
        self.databasePath = databasePath
        self.downloadDirectory = downloadDirectory
        self.perUserLimit = perUserLimit
        self.systemLimit = systemLimit
        self.ytDlpPath = ytDlpPath
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
        var config = ConfigFile()
        for key in table.keys {
            guard knownKeys.contains(key) else { throw .unknownConfigKey(path: path, key: key, known: knownKeys) }
        }
        config.databasePath = try string(table, "db", path: path)
        config.downloadDirectory = try string(table, "download_dir", path: path)
        config.ytDlpPath = try string(table, "yt_dlp", path: path)
        config.perUserLimit = try positiveInt(table, "per_user_limit", path: path)
        config.systemLimit = try positiveInt(table, "system_limit", path: path)
        return config
    }

    private static func string(_ table: TOMLTable, _ key: String, path: String) throws(SettingsError) -> String? {
        guard let value = table[key] else { return nil }
        guard let text = value.string, !text.isEmpty else { throw .badConfigValue(path: path, key: key, expected: "a non-empty string in quotes") }
        return text
    }

    private static func positiveInt(_ table: TOMLTable, _ key: String, path: String) throws(SettingsError) -> Int? {
        guard let value = table[key] else { return nil }
        guard let number = value.int, number >= 1 else { throw .badConfigValue(path: path, key: key, expected: "a whole number of at least 1") }
        return number
    }
}
