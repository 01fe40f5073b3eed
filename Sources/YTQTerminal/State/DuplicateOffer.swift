import YTQCore

/// A URL asked for again while one of the user's tasks has it (done, running, queued or
/// paused): the question `Overlay.confirmDuplicate` asks before adding it a second time.
public struct DuplicateOffer: Sendable, Equatable {
    /// What Enter asked for; `y` submits it.
    public var request: DownloadRequest
    /// The task that has the URL already.
    public var existing: TaskSummary
    /// Its file, when it finished.
    public var filePath: String?

    public init(request: DownloadRequest, existing: DownloadTask) {
        self.request = request
        self.existing = existing.summary
        filePath = existing.filePath
    }

    /// Whether a task in `status` makes a new download of its URL a duplicate: a failed or
    /// cancelled one does not (asking again is how one tries once more).
    public static func counts(_ status: DownloadStatus) -> Bool {
        switch status {
        case .completed, .pending, .downloading, .queued, .paused: return true
        case .failed, .cancelled: return false
        }
    }

    /// Among `tasks`, the one to name: exactly `url`, in a status that `counts`; one that
    /// runs or waits before one that finished, the newest first.
    public static func existing(among tasks: [DownloadTask], url: String) -> DownloadTask? {
        let same = tasks.filter { $0.videoURL == url && counts($0.status) }
        let rank: (DownloadTask) -> Int = { task in
            switch task.status {
            case .downloading, .pending: return 0
            case .queued: return 1
            case .paused: return 2
            default: return 3
            }
        }
        return same.min { (rank($0), -$0.id) < (rank($1), -$1.id) }
    }

    /// "#12 already downloaded this (file: …)." and the like.
    public var question: String {
        let name = "#\(existing.id)"
        switch existing.status {
        case .completed:
            return "\(name) already downloaded this" + (filePath.map { " (file: \($0))" } ?? "") + ". Download it again?"
        case .downloading:
            return "\(name) is downloading this now. Download it again?"
        case .pending:
            return "\(name) is about to download this (it waits for a slot). Download it again?"
        case .queued:
            return "\(name) is queued to download this. Download it again?"
        default:
            return "\(name) has this \(existing.status.rawValue) (Space resumes it). Download it again?"
        }
    }
}
