import YTQCore

/// How one yt-dlp run ended, with everything the scheduler stores about it.
public struct YtDlpResult: Sendable, Equatable {
    /// The verdict.
    public enum Outcome: Sendable, Equatable {
        /// Exit status 0 and the file exists inside the download folder (`filePath` is resolved).
        case completed(filePath: String)
        /// It did not complete; the reason says why and whether a retry may help.
        case failed(FailureReason)
        /// `stop` (or task cancellation) ended it; partial files are kept for a resume.
        case stopped
    }

    public var outcome: Outcome
    /// nil when no process was started (yt-dlp missing, stopped before start).
    public var exitStatus: YtDlpExitStatus?
    public var pid: Int32?
    public var info: YtDlpMediaInfo?
    /// The path from the `after_move` line, as reported.
    public var reportedFilePath: String?
    public var lastProgress: DownloadProgress?
    /// The last stderr lines (at most `YtDlpProcess.stderrTailLimit`).
    public var stderrTail: [String]
    /// Whether SIGKILL had to be sent because SIGINT did not end it within the grace period.
    public var wasKilled: Bool
    /// The command, shell-quoted, for the details view.
    public var commandLine: String

    public init(
        outcome: Outcome, exitStatus: YtDlpExitStatus? = nil, pid: Int32? = nil, info: YtDlpMediaInfo? = nil,
        reportedFilePath: String? = nil, lastProgress: DownloadProgress? = nil, stderrTail: [String] = [],
        wasKilled: Bool = false, commandLine: String
    ) {
        self.outcome = outcome
        self.exitStatus = exitStatus
        self.pid = pid
        self.info = info
        self.reportedFilePath = reportedFilePath
        self.lastProgress = lastProgress
        self.stderrTail = stderrTail
        self.wasKilled = wasKilled
        self.commandLine = commandLine
    }

    /// The checked final path, when completed.
    public var filePath: String? {
        if case .completed(let path) = outcome { return path }
        return nil
    }

    /// The reason, when failed.
    public var failureReason: FailureReason? {
        if case .failed(let reason) = outcome { return reason }
        return nil
    }
}
