/// Where a queued task moves within its user's backlog.
public enum BacklogMove: String, Sendable, CaseIterable {
    case top
    case up
    case down
}
