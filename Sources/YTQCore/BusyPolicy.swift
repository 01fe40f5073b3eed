/// What to do with a request that a concurrency rule would refuse right now.
public enum BusyPolicy: String, Sendable, Equatable, Codable {
    /// Refuse it with the rule's reason (the default: a second download is refused).
    case refuse
    /// Put it in the requester's backlog, to be admitted when the rules allow.
    case queue
}
