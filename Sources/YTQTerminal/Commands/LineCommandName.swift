import YTQCore

/// The commands of the `:` line, by name: the one list that parsing, Tab completion and the
/// help are made from (like `CommandTable` for keys).
public enum LineCommandName: String, Sendable, CaseIterable {
    case retryFailed = "retry-failed"
    case clearCompleted = "clear-completed"
    case removeFailed = "remove-failed"
    case sort
    case filter
    case help
    case quit = "q"

    /// What the command takes after its name, as the help writes it (nil: nothing).
    public var argument: String? {
        switch self {
        case .sort: return TaskOrder.allCases.map(\.rawValue).joined(separator: "|")
        case .filter: return "TEXT | status=NAME"
        default: return nil
        }
    }

    /// What Tab completes the argument from: the orders, or the exact status filters.
    public var argumentChoices: [String] {
        switch self {
        case .sort: return TaskOrder.allCases.map(\.rawValue)
        case .filter: return DownloadStatus.allCases.map { TaskFilter.statusPrefix + $0.rawValue }
        default: return []
        }
    }

    /// One line for the help.
    public var summary: String {
        switch self {
        case .retryFailed: return "retry every failed task of yours (beyond your limit they wait in your queue)"
        case .clearCompleted: return "remove completed tasks from the list (their files stay)"
        case .removeFailed: return "remove every failed task of yours from the list"
        case .sort: return "order the list, as s does (kept across restarts)"
        case .filter: return "filter the list by text, or exactly by status; no argument clears it"
        case .help: return "this help"
        case .quit: return "quit, as q does"
        }
    }

    /// `:sort added|title|…`, as the help shows it.
    public var usage: String {
        ":" + rawValue + (argument.map { " " + $0 } ?? "")
    }

    /// The names that start with `prefix`, in table order.
    public static func completions(of prefix: String) -> [LineCommandName] {
        let typed = prefix.lowercased()
        return allCases.filter { $0.rawValue.hasPrefix(typed) }
    }
}
