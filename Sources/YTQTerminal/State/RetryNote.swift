import Foundation
import YTQCore

/// An automatic retry that is waiting: which attempt, why, and when it runs.
public struct RetryNote: Sendable, Equatable {
    public var attempt: Int
    public var reason: FailureReason
    public var retryAt: Date

    public init(attempt: Int, reason: FailureReason, retryAt: Date) {
        self.attempt = attempt
        self.reason = reason
        self.retryAt = retryAt
    }
}
