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
