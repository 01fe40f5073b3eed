import YTQCore

/// A settings problem (config file, option value) with where it is and what to change.
public enum SettingsError: Error, Sendable, Equatable, CustomStringConvertible {
    case unreadableConfig(path: String, reason: String)
    case malformedConfig(path: String, line: Int?, reason: String)
    case badConfigValue(path: String, key: String, expected: String)
    case unknownConfigKey(path: String, key: String, known: [String])
    /// A limit out of range, and the option, variable or config key that gave it.
    case invalidLimit(InvalidLimit, source: SettingsSource)
    /// HOME is unset and nothing else says where this field's default lies.
    case noHomeDirectory(SettingsField)
    /// A size that is not one (`max_filesize`), and where it came from.
    case badSize(value: String, place: String)

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
        case .invalidLimit(let error, let source):
            return "\(source.place(of: SettingsField(error.limit))) must be at least \(error.minimum) (got \(error.value))"
        case .badSize(let value, let place):
            return "\(place) must be a size such as 700M, 2G or 1048576 (bytes), got '\(value)'"
        case .noHomeDirectory(let field):
            let variable = field.environmentVariable.map { " or set \($0)" } ?? ""
            return "cannot tell where the \(field.label) goes: HOME is not set; pass \(field.option)\(variable)"
        }
    }
}
