/// A settings problem (config file, option value) with where it is and what to change.
public enum SettingsError: Error, Sendable, Equatable, CustomStringConvertible {
    case unreadableConfig(path: String, reason: String)
    case malformedConfig(path: String, line: Int?, reason: String)
    case badConfigValue(path: String, key: String, expected: String)
    case unknownConfigKey(path: String, key: String, known: [String])
    case noHomeDirectory

    public var description: String {
        switch self {
        case .unreadableConfig(let path, let reason):
            return "cannot read the config file \(path): \(reason)"
        case .malformedConfig(let path, let line, let reason):
            let at = line.map { "\(path):\($0)" } ?? path
            return "the config file \(at) is not valid TOML: \(reason)"
        case .badConfigValue(let path, let key, let expected):
            return "in the config file \(path), \(key) must be \(expected)"
        case .unknownConfigKey(let path, let key, let known):
            return "the config file \(path) has an unknown key '\(key)'; known keys: \(known.joined(separator: ", "))"
        case .noHomeDirectory:
            return "cannot tell where to keep the database: HOME is not set; pass --db PATH or set YTQ_DB"
        }
    }
}
