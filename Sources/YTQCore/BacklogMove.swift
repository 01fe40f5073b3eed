/// Where a queued task moves within its user's backlog.
public enum BacklogMove: String, Sendable, CaseIterable, Codable {
    case top
    case up
    case down
}
