/// The concurrency rules: how many active downloads one user and the whole system may hold,
/// and how many queued ones one user may keep waiting.
public struct ConcurrencyLimits: Sendable, Equatable {
    /// One of the two limits, named as messages call it.
    public enum Limit: String, Sendable, CaseIterable {
        case perUser = "per-user limit"
        case system = "system limit"
        case backlog = "backlog limit"
    }

    public static let defaultPerUser = 1
    public static let defaultSystem = 10
    public static let defaultBacklog = 100
    /// Each limit is at least this.
    public static let minimum = 1
    public static let `default` = ConcurrencyLimits(perUser: defaultPerUser, system: defaultSystem, backlog: defaultBacklog, unchecked: ())

    /// At most this many `pending` or `downloading` tasks per requester.
    public var perUser: Int
    /// At most this many `pending` or `downloading` tasks across every user and process.
    public var system: Int
    /// At most this many `queued` tasks per requester.
    public var backlog: Int

    /// Validates that every limit is at least `minimum`. The only place that does: callers
    /// catch `InvalidLimit` and say where the value came from.
    public init(perUser: Int, system: Int, backlog: Int = defaultBacklog) throws(InvalidLimit) {
        guard perUser >= Self.minimum else { throw InvalidLimit(limit: .perUser, value: perUser) }
        guard system >= Self.minimum else { throw InvalidLimit(limit: .system, value: system) }
        guard backlog >= Self.minimum else { throw InvalidLimit(limit: .backlog, value: backlog) }
        self.perUser = perUser
        self.system = system
        self.backlog = backlog
    }

    private init(perUser: Int, system: Int, backlog: Int, unchecked: Void) {
        self.perUser = perUser
        self.system = system
        self.backlog = backlog
    }
}
