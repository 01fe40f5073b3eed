/// A list order or filter that names nothing ytq knows: `--sort colour`, `status=done`.
public enum ListQueryError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownOrder(String)
    case unknownStatus(String)
    case unknownFields(String)

    public var description: String {
        switch self {
        case .unknownOrder(let name):
            return "no sort order \"\(TerminalSafeText.escaped(name))\": use one of \(TaskOrder.allCases.map(\.rawValue).joined(separator: ", "))"
        case .unknownStatus(let name):
            return "no status \"\(TerminalSafeText.escaped(name))\": use one of \(DownloadStatus.allCases.map(\.rawValue).joined(separator: ", "))"
        case .unknownFields(let name):
            return "no fields \"\(TerminalSafeText.escaped(name))\": use one of \(TaskFields.allCases.map(\.rawValue).joined(separator: ", "))"
        }
    }
}
