/// Where keys are being read: a focus area, the list's filter field, or an open overlay.
///
/// Each `CommandBinding` names the contexts it applies in; the footer shows the bindings of
/// the current context.
public enum KeyContext: String, Sendable, CaseIterable, Hashable {
    /// The URL field.
    case form
    /// The format chooser (and its custom-expression field).
    case format
    /// The task list.
    case list
    /// Typing the list's filter after `/`.
    case filter
    /// Typing a command after `:`.
    case commandLine
    case details
    case help
    case confirmQuit
    case confirmRemove
    case confirmCancel
    case confirmQueueMany
    /// "#12 already downloaded this URL: download it again?"
    case confirmDuplicate

    /// Whether printable keys not bound here are typed into a text field.
    public var isTextEntry: Bool {
        switch self {
        case .form, .format, .filter, .commandLine: return true
        default: return false
        }
    }

    /// How the help overlay names the context.
    public var title: String {
        switch self {
        case .form: return "URL"
        case .format: return "format"
        case .list: return "list"
        case .filter: return "filter"
        case .commandLine: return "command"
        case .details: return "details"
        case .help: return "help"
        case .confirmQuit, .confirmRemove, .confirmCancel, .confirmQueueMany, .confirmDuplicate: return "confirm"
        }
    }

    /// Every context outside the overlays.
    public static let main: Set<KeyContext> = [.form, .format, .list, .filter, .commandLine]
}
