/// Where a download task stands in its life: queued, running, or finished one way or another.
public enum DownloadStatus: String, Codable, Sendable, CaseIterable {
    /// Accepted and waiting for a free download slot.
    case pending
    /// A worker is running yt-dlp for it.
    case downloading
    /// The file is on disk.
    case completed
    /// yt-dlp (or ytq) gave up; `errorMessage` says why.
    case failed
    /// The user stopped it.
    case cancelled

    /// Statuses that hold a download slot and count against the concurrency limits.
    public static let active: [DownloadStatus] = [.pending, .downloading]

    /// Whether a task in this status counts against the concurrency limits.
    public var isActive: Bool { Self.active.contains(self) }

    /// Whether the task has reached an end state (it may still be retried).
    public var isFinished: Bool { !isActive }

    /// Whether the user may queue it again (`ytq retry`, `r` on the screen).
    public var isRetryable: Bool { UserAction.retry.permits(self) }
}
