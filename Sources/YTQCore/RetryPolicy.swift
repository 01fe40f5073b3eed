/// When a failed download runs again, how long it waits first, and what the final message says.
///
/// The error classifier decides a failure's `FailureReason.Kind` from yt-dlp's wording; this
/// policy decides what to do with each kind, so neither needs to know the other's rules.
public struct RetryPolicy: Sendable, Equatable {
    /// Runs per task before a retryable failure becomes final (1 + automatic retries).
    public var maxAttempts: Int
    /// The first automatic retry waits this long, doubling each time up to `maxBackoff`.
    public var baseBackoff: Duration
    /// No automatic retry waits longer than this.
    public var maxBackoff: Duration
    /// A worker that died this many times while running a task gets it failed, not retried.
    public var maxCrashes: Int

    public init(maxAttempts: Int = 4, baseBackoff: Duration = .seconds(2), maxBackoff: Duration = .seconds(60), maxCrashes: Int = 3) {
        self.maxAttempts = maxAttempts
        self.baseBackoff = baseBackoff
        self.maxBackoff = maxBackoff
        self.maxCrashes = maxCrashes
    }

    /// What to do after run number `attempt` (1-based) failed for `reason`.
    public func decide(_ reason: FailureReason, attempt: Int) -> RetryDecision {
        if isRetryable(reason.kind), attempt < maxAttempts {
            let note = FailureReason(
                kind: reason.kind, message: "attempt \(attempt) of \(maxAttempts) failed: \(reason.message)", hint: reason.hint)
            return .retry(after: backoff(afterAttempt: attempt), note: note)
        }
        var final = reason
        if attempt > 1 { final.message = "failed after \(attempt) attempts: \(reason.message)" }
        if isRetryable(reason.kind) {
            // The last attempt: say so, rather than let the hint promise another one.
            let giveUp = "ytq will not try again by itself; to queue it again: `ytq retry`"
            final.hint = reason.hint.map { "\($0); \(giveUp)" } ?? giveUp
        }
        return .fail(final)
    }

    /// Whether a failure of this kind is worth running again: network trouble, a stall, and a
    /// resume the server refused (the partial file is dropped first) are; the rest fail at once.
    public func isRetryable(_ kind: FailureReason.Kind) -> Bool {
        switch kind {
        case .transient, .stalled, .staleResume: return true
        case .permanent, .toolMissing, .crashLoop, .diskFull: return false
        }
    }

    /// How long to wait before automatic retry number `attempt` (1-based): `baseBackoff`,
    /// doubling each time, never more than `maxBackoff`.
    public func backoff(afterAttempt attempt: Int) -> Duration {
        var delay = baseBackoff
        for _ in 1..<max(attempt, 1) {
            delay = delay * 2
            if delay >= maxBackoff { return maxBackoff }
        }
        return min(delay, maxBackoff)
    }

    /// Whether a task whose worker died `crashes` times is failed instead of queued again.
    public func givesUp(afterCrashes crashes: Int) -> Bool {
        crashes >= maxCrashes
    }
}
