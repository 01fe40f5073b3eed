import YTQCore
import YTQSettings
import YTQStore

/// A failure a command reports on stderr, with the exit code scripts can test.
///
/// Exit codes: 1 for runtime failures (database, missing task), 2 for invalid input or
/// usage, 3 for a request refused by a concurrency rule.
enum CLIError: Error, CustomStringConvertible {
    /// A user action (or read) did nothing; its exit code follows the kind of refusal. The
    /// hint says what the user can do instead (e.g. queue it).
    case action(ActionError, hint: String? = nil)
    case store(StoreError)
    case settings(SettingsError)
    /// The screen could not start (no terminal, unknown TERM).
    case terminal(String)
    /// The command cannot be used this way (e.g. setting a limit as a client of a shared queue).
    case usage(String)

    /// A refusal that queueing would get around, with how to queue (`command` is what to run).
    static func refused(_ error: ActionError, queueWith command: String) -> CLIError {
        if case .refused(let violation) = error, violation.canQueue {
            return .action(error, hint: "To start it when a slot frees, queue it: `\(command)`.")
        }
        return .action(error)
    }

    var exitCode: Int32 {
        switch self {
        case .action(.invalid, _), .settings, .usage: return 2
        case .action(.refused, _): return 3
        case .action, .store, .terminal: return 1
        }
    }

    var description: String {
        switch self {
        case .action(let error, let hint): return error.description + (hint.map { " " + $0 } ?? "")
        case .store(let error): return error.description
        case .settings(let error): return error.description
        case .terminal(let message), .usage(let message): return message
        }
    }
}
