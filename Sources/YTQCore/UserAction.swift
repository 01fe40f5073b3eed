/// What a user can ask of an existing task, and the statuses each request is allowed from.
///
/// The one place that says which action fits which status: the store checks it inside the
/// action's transaction, and the screen uses it to say what a key would do.
public enum UserAction: String, Sendable, Equatable, CaseIterable, Codable {
    case cancel
    case retry
    case remove
    case pause
    case resume
    /// Put a task into its user's backlog, to be admitted when a slot frees.
    case queue
    /// Move a task within its user's backlog.
    case move

    /// The statuses a task may be in for this action to apply.
    public var allowedFrom: [DownloadStatus] {
        switch self {
        case .cancel: return [.pending, .downloading, .queued, .paused]
        case .retry: return [.failed, .cancelled]
        case .remove: return DownloadStatus.allCases
        case .pause: return [.pending, .downloading, .queued]
        case .resume: return [.paused]
        case .queue: return [.failed, .cancelled, .paused]
        case .move: return [.queued]
        }
    }

    public func permits(_ status: DownloadStatus) -> Bool {
        allowedFrom.contains(status)
    }

    /// "cancelled", "retried", …: what the refusal says could not be done.
    public var pastParticiple: String {
        switch self {
        case .cancel: return "cancelled"
        case .retry: return "retried"
        case .remove: return "removed"
        case .pause: return "paused"
        case .resume: return "resumed"
        case .queue: return "queued"
        case .move: return "moved"
        }
    }
}
