import YTQCore

/// What `Q` would queue: the last request a concurrency rule refused, kept until it is
/// queued or something else is asked.
public enum QueueOffer: Sendable, Equatable {
    /// A new download the rules refused.
    case request(DownloadRequest)
    /// A resume of a paused task the rules refused.
    case resume(taskID: Int64)
    /// A retry of a failed or cancelled task the rules refused.
    case retry(taskID: Int64)
}

extension QueueOffer {
    /// The task the refused action was about, if it was about one.
    public var taskID: Int64? {
        switch self {
        case .request: return nil
        case .resume(let id), .retry(let id): return id
        }
    }
}
