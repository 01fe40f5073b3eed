import Foundation

/// Something that happened to a download, published on the channel `download.<id>`.
///
/// The scheduler emits these; the TUI, `ytq worker --json` and tests subscribe.
public enum DownloadEvent: Sendable, Equatable {
    /// A worker claimed the task and started yt-dlp.
    case started(DownloadTask)
    /// Bytes arrived (several times a second while they flow).
    case progressUpdated(DownloadTask, DownloadProgress)
    /// The file is complete inside the download folder; `downloadURL` is its `file://` URL.
    case completed(DownloadTask, downloadURL: URL)
    /// The download failed for good (after any automatic retries).
    case failed(DownloadTask, reason: FailureReason)
    /// A transient failure; the task will be tried again after `delay`.
    case retrying(DownloadTask, attempt: Int, reason: FailureReason, delay: Duration)
    /// The user stopped it.
    case cancelled(DownloadTask)
    /// It went into its user's backlog, to start when a slot frees.
    case queued(DownloadTask)
    /// The user paused it; its partial files are kept.
    case paused(DownloadTask)
    /// A paused (or queued) task was admitted again and waits for a worker.
    case resumed(DownloadTask)
    /// The run ended but its outcome could not be written (a full disk, a lock held too
    /// long); the worker keeps trying, and the usual event follows once it is written.
    case recordingFailed(DownloadTask, problem: String)
    /// The task changed in some other way (added, removed, changed by another process).
    case changed(taskID: Int64)

    /// Which case this is, without its payload: what tests and filters match on.
    public enum Kind: String, Sendable, CaseIterable {
        case started = "DownloadStarted"
        case progressUpdated = "DownloadProgressUpdated"
        case completed = "DownloadCompleted"
        case failed = "DownloadFailed"
        case retrying = "DownloadRetrying"
        case cancelled = "DownloadCancelled"
        case queued = "DownloadQueued"
        case paused = "DownloadPaused"
        case resumed = "DownloadResumed"
        case recordingFailed = "RecordingFailed"
        case changed = "TaskChanged"
    }

    public var kind: Kind {
        switch self {
        case .started: return .started
        case .progressUpdated: return .progressUpdated
        case .completed: return .completed
        case .failed: return .failed
        case .retrying: return .retrying
        case .cancelled: return .cancelled
        case .queued: return .queued
        case .paused: return .paused
        case .resumed: return .resumed
        case .recordingFailed: return .recordingFailed
        case .changed: return .changed
        }
    }

    /// The event's name, as printed by `ytq worker --json`.
    public var name: String { kind.rawValue }

    public var taskID: Int64 {
        switch self {
        case .started(let task), .progressUpdated(let task, _), .completed(let task, _),
             .failed(let task, _), .retrying(let task, _, _, _), .cancelled(let task), .queued(let task),
             .paused(let task), .resumed(let task), .recordingFailed(let task, _):
            return task.id
        case .changed(let id):
            return id
        }
    }

    /// `download.<id>`.
    public var channel: String { "download.\(taskID)" }
}
