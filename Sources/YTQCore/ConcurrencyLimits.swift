/// The two concurrency rules: how many active downloads one user and the whole system may hold.
public struct ConcurrencyLimits: Sendable, Equatable {
    public static let defaultPerUser = 1
    public static let defaultSystem = 10
    public static let `default` = ConcurrencyLimits(perUser: defaultPerUser, system: defaultSystem, unchecked: ())

    /// At most this many `pending` or `downloading` tasks per requester.
    public var perUser: Int
    /// At most this many `pending` or `downloading` tasks across every user and process.
    public var system: Int

    /// Validates that both limits are at least 1.
    public init(perUser: Int, system: Int) throws(RequestError) {
        guard perUser >= 1 else { throw .invalidLimit(name: "per-user limit", value: perUser) }
        guard system >= 1 else { throw .invalidLimit(name: "system limit", value: system) }
        self.perUser = perUser
        self.system = system
    }

    private init(perUser: Int, system: Int, unchecked: Void) {
        self.perUser = perUser
        self.system = system
    }
}
