import YTQCore

/// A `:` command that acts on every task of one status of the user's, one `TaskActions` call
/// per task (so it works the same on a shared queue).
public enum BulkAction: Sendable, Equatable {
    /// Retry every failed task; beyond the user's limit they go into the backlog.
    case retryFailed
    /// Remove every completed task from the list; files are never deleted.
    case clearCompleted
    /// Remove every failed task from the list.
    case removeFailed

    /// The status of the tasks it acts on.
    public var status: DownloadStatus {
        self == .clearCompleted ? .completed : .failed
    }

    /// What the status line says while it runs.
    public var progressText: String {
        switch self {
        case .retryFailed: return "Retrying failed tasks…"
        case .clearCompleted: return "Clearing completed tasks…"
        case .removeFailed: return "Removing failed tasks…"
        }
    }
}

extension BulkAction {
    /// The status line's summary: "Retried 4 failed tasks; 3 queued", "No failed tasks to retry".
    public func summary(done: Int, queued: Int = 0, failed: Int = 0) -> String {
        let tasks = { (count: Int) in "\(count) \(status.rawValue) task" + (count == 1 ? "" : "s") }
        var text: String
        switch self {
        case .retryFailed:
            text = done == 0 && failed == 0 ? "No failed tasks to retry" : "Retried \(tasks(done))" + (queued > 0 ? "; \(queued) queued" : "")
        case .clearCompleted:
            text = done == 0 && failed == 0 ? "No completed tasks to clear" : "Cleared \(tasks(done)) from the list; the files stay"
        case .removeFailed:
            text = done == 0 && failed == 0 ? "No failed tasks to remove" : "Removed \(tasks(done))"
        }
        if failed > 0 { text += "; \(failed) could not be (see the error pane)" }
        return text
    }
}
