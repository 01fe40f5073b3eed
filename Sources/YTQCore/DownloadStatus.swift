/// Where a download task stands in its life: waiting, running, stopped for now, or ended.
public enum DownloadStatus: String, Codable, CodingKeyRepresentable, Sendable, CaseIterable {
    /// Admitted and waiting for a worker to start it.
    case pending
    /// A worker is running yt-dlp for it.
    case downloading
    /// The file is on disk.
    case completed
    /// yt-dlp (or ytq) gave up; `errorMessage` says why.
    case failed
    /// The user stopped it for good (its partial files are gone).
    case cancelled
    /// Asked for but not admitted yet: in its user's backlog, admitted (made `pending`) when
    /// the rules allow, oldest first.
    case queued
    /// Stopped by the user for now; its partial files are kept for a resume.
    case paused

    /// Statuses that hold a download slot and count against the concurrency limits.
    public static let active: [DownloadStatus] = [.pending, .downloading]

    /// Whether a task in this status counts against the concurrency limits.
    public var isActive: Bool { Self.active.contains(self) }

    /// Whether the task ended (completed, failed or cancelled); it may still be retried.
    public var hasEnded: Bool { self == .completed || self == .failed || self == .cancelled }

    /// Whether the user may queue it again (`ytq retry`, `r` on the screen).
    public var isRetryable: Bool { UserAction.retry.permits(self) }
}
