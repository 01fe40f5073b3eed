import YTQCore
import YTQDownloader

/// What a running job knows; owned by its `run()` loop.
struct JobState {
    var task: DownloadTask

    init(task: DownloadTask) {
        self.task = task
        overall = OverallProgress(audioFormat: task.format.preset?.audioFormat)
    }

    var info: YtDlpMediaInfo?
    /// This run's yt-dlp, once started.
    var child: ProcessIdentity?
    /// The file already under the final name that stopped this run (`alreadyDownloaded`).
    var alreadyThere: String?
    var progress: DownloadProgress?
    /// Folds yt-dlp's per-format reports into `progress`.
    var overall: OverallProgress
    /// The byte count of the last report, whatever format it was for: a change is not a stall.
    var lastReportedBytes: Int64?
    /// A playlist: the entry under way, how many the playlist has, the entries this run
    /// started (in order) and those whose file is in place, and yt-dlp's errors in order.
    var entry: Int?
    var playlistTotal: Int?
    var entriesStarted: [Int] = []
    var entriesDone: [Int: String] = [:]
    var entryErrors: [FailureReason] = []
    /// The task already has entries: this run downloads some of a playlist's.
    var resumesPlaylist = false
    /// The URL gave several videos (or a retry runs some of a playlist's).
    var isPlaylist: Bool { entry != nil || resumesPlaylist }
    /// The entries this run started and did not finish, in order.
    var entriesCutShort: [Int] { entriesStarted.filter { entriesDone[$0] == nil } }
    var stopReason: JobStopReason?
    /// yt-dlp reported a format finished: post-processing, not a stall.
    var postprocessing = false
    /// The last byte, or the start of the phase that expects one (the run, the first info line,
    /// the next format after post-processing, the next playlist entry).
    var lastByteAt = ContinuousClock.now
    /// yt-dlp has named nothing to download yet and reported no byte: it reads the page.
    var extracting: Bool { info == nil && lastReportedBytes == nil }
    /// `progress` changed since the last `progressUpdated` event.
    var progressUnpublished = false
}
