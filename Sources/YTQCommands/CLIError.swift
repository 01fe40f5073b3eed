import YTQCore
import YTQSettings
import YTQStore

/// A failure a command reports on stderr, with the exit code scripts can test.
///
/// Exit codes: 1 for runtime failures (database, missing task), 2 for invalid input or
/// usage, 3 for a request refused by a concurrency rule.
enum CLIError: Error, CustomStringConvertible {
    /// A user action (or read) did nothing; its exit code follows the kind of refusal.
    case action(ActionError)
    case store(StoreError)
    case settings(SettingsError)
    /// The screen could not start (no terminal, unknown TERM).
    case terminal(String)

    var exitCode: Int32 {
        switch self {
        case .action(.invalid), .settings: return 2
        case .action(.refused): return 3
        case .action, .store, .terminal: return 1
        }
    }

    var description: String {
        switch self {
        case .action(let error): return error.description
        case .store(let error): return error.description
        case .settings(let error): return error.description
        case .terminal(let message): return message
        }
    }
}
