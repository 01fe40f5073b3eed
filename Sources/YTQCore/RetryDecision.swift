/// What `RetryPolicy` decided about a failed run.
public enum RetryDecision: Sendable, Equatable {
    /// Queue the task again after `after`; `note` is the reason to record meanwhile
    /// ("attempt 1 of 4 failed: …").
    case retry(after: Duration, note: FailureReason)
    /// Fail the task for good with this reason ("failed after 4 attempts: …" after retries).
    case fail(FailureReason)
}
