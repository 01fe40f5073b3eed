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
/// max_filesize = "2G"
/// server = "/run/ytq/ytq.sock"     # a shared queue: every command is its client
/// admins = ["alice", "wheel"]      # the service's administrators (users or groups)
/// bell = false                      # the screen: no bell when a download ends
/// desktop_notifications = false     # the screen: no desktop notification (OSC 9/777)
/// window_title = false              # the screen: leave the window title alone
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

    /// A config file holds a few lines; anything larger is refused rather than read.
    public static let maximumSize = 1 << 20

    /// Reads the file at `path`; a missing file is an empty config, a malformed one an error
    /// that names the line. Only a regular file of at most `maximumSize` bytes of UTF-8 is
    /// read: a folder, a FIFO (which would block), a device (`/dev/zero` never ends) or
    /// binary data is refused with what it is.
    public static func load(path: String) throws(SettingsError) -> ConfigFile {
        let text = try readText(path: path)
        guard let text else { return ConfigFile() }
        var config = try parse(text, path: path)
        config.path = path
        return config
    }

    /// The file's text, or nil when there is no file.
    private static func readText(path: String) throws(SettingsError) -> String? {
        // O_NONBLOCK: opening a FIFO must not wait for a writer before it can be refused.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == ENOENT { return nil }
            throw .unreadableConfig(path: path, reason: String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            throw .unreadableConfig(path: path, reason: String(cString: strerror(errno)))
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw .unreadableConfig(path: path, reason: "it is a folder, not a file")
        case S_IFIFO: throw .unreadableConfig(path: path, reason: "it is a FIFO (named pipe), not a regular file")
        case S_IFCHR where path == "/dev/null": return ""  // `YTQ_CONFIG=/dev/null`: no config
        case S_IFCHR, S_IFBLK: throw .unreadableConfig(path: path, reason: "it is a device, not a regular file")
        case S_IFSOCK: throw .unreadableConfig(path: path, reason: "it is a socket, not a regular file")
        default: throw .unreadableConfig(path: path, reason: "it is not a regular file")
        }
        let tooLarge = "it is larger than 1 MiB; a config file holds a few lines"
        guard info.st_size <= maximumSize else { throw .unreadableConfig(path: path, reason: tooLarge) }
        var bytes = [UInt8](repeating: 0, count: maximumSize + 1)
        var count = 0
        while count < bytes.count {
            let read = bytes.withUnsafeMutableBytes { buffer in
                Glibc.read(descriptor, buffer.baseAddress! + count, buffer.count - count)
            }
            if read < 0 && (errno == EINTR || errno == EAGAIN) { continue }
            guard read >= 0 else { throw .unreadableConfig(path: path, reason: String(cString: strerror(errno))) }
            if read == 0 { break }
            count += read
        }
        guard count <= maximumSize else { throw .unreadableConfig(path: path, reason: tooLarge) }
        bytes.removeSubrange(count...)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let offset = Self.firstInvalidUTF8Offset(bytes)
            throw .unreadableConfig(path: path, reason: "it is not UTF-8 text (byte \(offset) is not valid UTF-8)")
        }
        return text
    }

    /// Where UTF-8 decoding of `bytes` first fails.
    static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int {
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput, .error: return offset
            }
        }
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
            ytDlpPath: try string(table, .ytDlpPath, path: path),
            maxFilesize: try size(table, .maxFilesize, path: path),
            server: try string(table, .server, path: path),
            admins: try names(table, .admins, path: path),
            bell: try bool(table, .bell, path: path),
            desktopNotifications: try bool(table, .desktopNotifications, path: path),
            windowTitle: try bool(table, .windowTitle, path: path))
        return ConfigFile(layer: layer)
    }

    private static func string(_ table: TOMLTable, _ field: SettingsField, path: String) throws(SettingsError) -> String? {
        guard let value = table[field.configKey] else { return nil }
        guard let text = value.string, !text.isEmpty else {
            throw .badConfigValue(path: path, key: field.configKey, expected: "a non-empty string in quotes")
        }
        return text
    }

    /// `true` or `false`.
    private static func bool(_ table: TOMLTable, _ field: SettingsField, path: String) throws(SettingsError) -> Bool? {
        guard let value = table[field.configKey] else { return nil }
        guard let flag = value.bool else { throw .badConfigValue(path: path, key: field.configKey, expected: "true or false") }
        return flag
    }

    /// A list of names, e.g. `["alice", "wheel"]`.
    private static func names(_ table: TOMLTable, _ field: SettingsField, path: String) throws(SettingsError) -> [String]? {
        guard let value = table[field.configKey] else { return nil }
        let expected = "a list of user or group names in quotes, such as [\"alice\", \"wheel\"]"
        guard let array = value.array else { throw .badConfigValue(path: path, key: field.configKey, expected: expected) }
        var names: [String] = []
        for element in array {
            guard let name = element.string, !name.isEmpty else { throw .badConfigValue(path: path, key: field.configKey, expected: expected) }
            names.append(name)
        }
        return names
    }

    /// A size: a whole number of bytes, or text such as "700M"; checked by the resolver.
    private static func size(_ table: TOMLTable, _ field: SettingsField, path: String) throws(SettingsError) -> String? {
        guard let value = table[field.configKey] else { return nil }
        if let number = value.int { return String(number) }
        guard let text = value.string, !text.isEmpty else {
            throw .badConfigValue(path: path, key: field.configKey, expected: "a size such as \"700M\" or a whole number of bytes")
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
