import Foundation
import YTQCore

/// One line of the error pane: what failed, the real reason, a hint where one helps, when,
/// and what makes it go away by itself.
public struct ErrorEntry: Sendable, Equatable {
    /// What resolves an entry without a key press.
    public enum Cause: Sendable, Equatable {
        /// The task failed, or an action on it did: it goes when the task starts again or completes.
        case failure
        /// A rule refused while task `blockingTaskID` held the slot: it goes when that task is
        /// no longer active (and, for a refused resume or retry, when its own task starts).
        case refusal(blockingTaskID: Int64?)
        /// A warning about the task (ffmpeg missing): it goes when the task completes.
        case warning
    }

    /// The task it belongs to, or nil for a rejected submission.
    public var taskID: Int64?
    public var message: String
    public var hint: String?
    public var cause: Cause
    /// When the screen learned of it: `UIState.addError` stamps it with the state's clock.
    public internal(set) var time: Date

    public init(taskID: Int64? = nil, message: String, hint: String? = nil, cause: Cause = .failure) {
        self.taskID = taskID
        self.message = message
        self.hint = hint
        self.cause = cause
        self.time = .distantPast
    }

    /// A download's failure.
    public init(taskID: Int64, reason: FailureReason) {
        self.init(taskID: taskID, message: reason.message, hint: reason.hint)
    }

    /// Whether `event` resolves the entry: its task started again or completed (or failed
    /// anew, which the newer entry says), a refused task was queued after all, or the task
    /// that blocked it stopped holding a slot.
    func isResolved(by event: DownloadEvent) -> Bool {
        let id = event.taskID
        switch event {
        case .started:
            return taskID == id && cause != .warning
        case .completed:
            return taskID == id || blockingTaskID == id
        case .failed:
            return blockingTaskID == id || (taskID == id && cause == .failure)
        case .queued:
            return blockingTaskID == id || (taskID == id && cause != .failure && cause != .warning)
        case .cancelled, .paused:
            return blockingTaskID == id
        case .progressUpdated, .retrying, .recordingFailed, .resumed, .changed:
            return false
        }
    }

    /// The task whose slot caused a refusal.
    var blockingTaskID: Int64? {
        if case .refusal(let id) = cause { return id }
        return nil
    }
}
