/// Something a running yt-dlp did, in the order it happened.
public enum YtDlpEvent: Sendable, Equatable {
    /// The process exists: record `pid` and `startTime` (see `ProcessControl`) to find it again.
    /// The child leads its own session and process group, so its pgid is `pid`.
    case started(pid: Int32, startTime: UInt64?)
    /// The format is chosen: id, title, extension…
    case info(YtDlpMediaInfo)
    /// Bytes arrived (throttled by `Options.progressDelta`; `finished` lines always come).
    case progress(YtDlpProgress)
    /// yt-dlp moved the finished file to this path (not yet checked; see `YtDlpResult`).
    case done(filePath: String)
    /// A post-processor (merging, converting, moving) started or finished.
    case postprocess(YtDlpPostprocessStep)
    /// A line yt-dlp wrote to stderr (warnings, errors); it never reaches the terminal.
    case stderr(String)
    /// A stdout line that is none of the above.
    case output(String)
    /// A stop is under way: `signal` (SIGINT, then SIGKILL after the grace period) was sent
    /// to the process group.
    case signalSent(Int32)
}
