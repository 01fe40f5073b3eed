import Foundation
import YTQCore

/// One line of the error pane: what failed, the real reason, and a hint where one helps.
public struct ErrorEntry: Sendable, Equatable {
    /// The task it belongs to, or nil for a rejected submission.
    public var taskID: Int64?
    public var message: String
    public var hint: String?

    public init(taskID: Int64? = nil, message: String, hint: String? = nil) {
        self.taskID = taskID
        self.message = message
        self.hint = hint
    }

    /// A download's failure.
    public init(taskID: Int64, reason: FailureReason) {
        self.init(taskID: taskID, message: reason.message, hint: reason.hint)
    }
}

/// A one-line message under the list, such as "Started task #12".
public struct StatusMessage: Sendable, Equatable {
    /// How the message reads: neutral, good news, or a problem.
    public enum Kind: Sendable, Equatable {
        case info, success, failure
    }

    public var text: String
    public var kind: Kind

    public init(_ text: String, kind: Kind = .info) {
        self.text = text
        self.kind = kind
    }
}

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
