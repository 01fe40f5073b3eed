/// Where a setting's value came from, so that a message can say what to change.
public enum SettingsSource: Sendable, Equatable {
    case commandLine
    case environment
    case configFile(path: String)
    case defaults

    /// The place of a field's value, as the subject of "… must be …": `--per-user-limit`,
    /// `in the config file /etc/ytq.toml, per_user_limit`.
    public func place(of field: SettingsField) -> String {
        switch self {
        case .commandLine:
            return field.option
        case .environment:
            return field.environmentVariable.map { "the environment variable \($0)" } ?? "the environment's \(field.label)"
        case .configFile(let path):
            return "in the config file \(path), \(field.configKey)"
        case .defaults:
            return "the default \(field.label)"
        }
    }
}
