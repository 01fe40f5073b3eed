/// A request refused by a concurrency rule; the message says which rule and what holds the slot.
public enum RuleViolation: Error, Equatable, Sendable, CustomStringConvertible {
    /// The requester already has `limit` active downloads; `blocking` is one of them.
    case perUserLimitReached(requester: Requester, limit: Int, blocking: TaskSummary)
    /// The whole system already has `limit` active downloads.
    case systemLimitReached(limit: Int, active: Int)

    public var description: String {
        switch self {
        case .perUserLimitReached(let requester, let limit, let blocking):
            let count = limit == 1 ? "1 active download" : "\(limit) active downloads"
            return "refused: \(requester.label) may have \(count) at a time (per-user limit \(limit)); "
                + "task #\(blocking.id) '\(blocking.displayName.terminalSafe)' is \(blocking.status.rawValue). "
                + "Wait for it to finish or cancel it with `ytq cancel \(blocking.id)`."
        case .systemLimitReached(let limit, let active):
            return "refused: the system-wide limit of \(limit) active downloads is reached (\(active) active "
                + "across all users). Try again when one finishes."
        }
    }
}
