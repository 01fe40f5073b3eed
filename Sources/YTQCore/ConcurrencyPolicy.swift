/// Decides whether one more download may become active, given what is active now.
///
/// Pure: the store calls it inside the write transaction that inserts the task, so the
/// decision and the insert are atomic across processes.
public struct ConcurrencyPolicy: Sendable {
    public var limits: ConcurrencyLimits

    public init(limits: ConcurrencyLimits) {
        self.limits = limits
    }

    /// - Parameters:
    ///   - requesterActiveCount: how many tasks the requester has active.
    ///   - firstRequesterActive: one of them (the oldest), named in the refusal.
    ///   - systemActiveCount: how many are active across everyone.
    /// - Returns: the violated rule, or nil when the download may be admitted.
    public func violation(
        requester: Requester,
        requesterActiveCount: Int,
        firstRequesterActive: TaskSummary?,
        systemActiveCount: Int
    ) -> RuleViolation? {
        if requesterActiveCount >= limits.perUser, let blocking = firstRequesterActive {
            return .perUserLimitReached(requester: requester, limit: limits.perUser, blocking: blocking)
        }
        if systemActiveCount >= limits.system {
            return .systemLimitReached(limit: limits.system, active: systemActiveCount)
        }
        return nil
    }
}
