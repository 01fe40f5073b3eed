/// Why the scheduler asked a running job to stop early.
public enum JobStopReason: Sendable, Equatable {
    /// The worker is shutting down: leave the task resumable.
    case shutdown
    /// The task's claim was revoked (cancelled, removed, or taken over by another worker).
    case claimLost
    /// No byte arrived for the stall timeout.
    case stalled
    /// The download grew, or was announced, past `max_filesize` (an endless body, a lying
    /// Content-Length).
    case tooLarge
    /// A file is already under the final name: it is recorded, not downloaded again.
    case alreadyDownloaded
}
