/// A concurrency limit out of range, as `ConcurrencyLimits.init` refuses it.
public struct InvalidLimit: Error, Sendable, Equatable, CustomStringConvertible {
    /// Which limit.
    public var limit: ConcurrencyLimits.Limit
    /// The value given.
    public var value: Int
    /// The smallest value allowed.
    public var minimum: Int { ConcurrencyLimits.minimum }

    public init(limit: ConcurrencyLimits.Limit, value: Int) {
        self.limit = limit
        self.value = value
    }

    public var description: String {
        "the \(limit.rawValue) must be a whole number of at least \(minimum) (got \(value))"
    }
}
