/// What a user can ask of an existing task, and the statuses each request is allowed from.
///
/// The one place that says which action fits which status: the store checks it inside the
/// action's transaction, and the screen uses it to grey out what would be refused.
public enum UserAction: String, Sendable, Equatable, CaseIterable {
    case cancel
    case retry
    case remove

    /// The statuses a task may be in for this action to apply.
    public var allowedFrom: [DownloadStatus] {
        switch self {
        case .cancel: return DownloadStatus.active
        case .retry: return [.failed, .cancelled]
        case .remove: return DownloadStatus.allCases
        }
    }

    public func permits(_ status: DownloadStatus) -> Bool {
        allowedFrom.contains(status)
    }
}
