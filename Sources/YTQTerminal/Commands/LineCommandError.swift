import YTQCore

/// Why a `:` command did not run, as the status line says it.
public enum LineCommandError: Error, Sendable, Equatable, CustomStringConvertible {
    case empty
    case unknown(String)
    case missingArgument(LineCommandName)
    case unexpectedArgument(LineCommandName)
    case badArgument(ListQueryError)

    public var description: String {
        switch self {
        case .empty:
            return "Type a command: Tab lists them, :help shows them all"
        case .unknown(let word):
            return "No command :\(TerminalSafeText.escaped(word)); Tab lists the commands"
        case .missingArgument(let name), .unexpectedArgument(let name):
            return "Usage: \(name.usage)"
        case .badArgument(let error):
            return error.description.prefix(1).uppercased() + error.description.dropFirst()
        }
    }
}
