import YTQCore
import YTQSettings
import YTQStore

/// A failure a command reports on stderr, with the exit code scripts can test.
///
/// Exit codes: 1 for runtime failures (database, missing task), 2 for invalid input or
/// usage, 3 for a request refused by a concurrency rule.
enum CLIError: Error, CustomStringConvertible {
    case invalid(String)
    case refused(RuleViolation)
    case store(StoreError)
    case settings(SettingsError)
    /// The screen could not start (no terminal, unknown TERM).
    case terminal(String)

    init(_ error: CreateDownloadError) {
        switch error {
        case .invalid(let error): self = .invalid(error.description)
        case .refused(let violation): self = .refused(violation)
        case .store(let error): self = .store(error)
        }
    }

    var exitCode: Int32 {
        switch self {
        case .invalid, .settings: return 2
        case .refused: return 3
        case .store, .terminal: return 1
        }
    }

    var description: String {
        switch self {
        case .invalid(let message): return message
        case .refused(let violation): return violation.description
        case .store(let error): return error.description
        case .settings(let error): return error.description
        case .terminal(let message): return message
        }
    }
}
