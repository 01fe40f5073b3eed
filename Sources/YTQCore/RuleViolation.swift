/// A request refused by a concurrency rule; the message says which rule and what holds the slot.
public enum RuleViolation: Error, Equatable, Sendable, Codable, CustomStringConvertible {
    /// Whether queueing the request would help: a slot frees when a download ends.
    public var canQueue: Bool {
        switch self {
        case .perUserLimitReached, .systemLimitReached: return true
        case .backlogFull: return false
        }
    }

    /// The requester already has `limit` active downloads; `blocking` is one of them.
    case perUserLimitReached(requester: Requester, limit: Int, blocking: TaskSummary)
    /// The whole system already has `limit` active downloads.
    case systemLimitReached(limit: Int, active: Int)
    /// The requester's backlog already holds `limit` queued tasks.
    case backlogFull(requester: Requester, limit: Int)

    /// The refusal without advice, for a screen that gives its own (a key to press).
    public var reason: String {
        switch self {
        case .perUserLimitReached(let requester, let limit, let blocking):
            let count = limit == 1 ? "1 active download" : "\(limit) active downloads"
            return "refused: \(requester.label) may have \(count) at a time (per-user limit \(limit)); "
                + "task #\(blocking.id) '\(blocking.displayName.terminalSafe)' is \(blocking.status.rawValue)."
        default:
            return description
        }
    }

    public var description: String {
        switch self {
        case .perUserLimitReached(_, _, let blocking):
            return reason + " Wait for it to finish, or cancel it (`ytq cancel \(blocking.id)`)."
        case .systemLimitReached(let limit, let active):
            return "refused: the system-wide limit of \(limit) active downloads is reached (\(active) active "
                + "across all users). Try again when one finishes."
        case .backlogFull(let requester, let limit):
            return "refused: \(requester.label) already has \(limit) downloads queued (backlog limit \(limit)). "
                + "Wait for some to start, or remove queued ones (`ytq remove ID`)."
        }
    }
}
