import YTQCore

/// One stdout line of a yt-dlp run started with `YtDlpInvocation`'s templates.
public enum YtDlpOutputLine: Sendable, Equatable {
    /// A `download:` progress template line.
    case progress(YtDlpProgress)
    /// The `video:` info line: what is being downloaded.
    case info(YtDlpMediaInfo)
    /// The `after_move:` line: the final absolute path.
    case done(filePath: String)
    /// A `postprocess:` line: merging, converting, moving.
    case postprocess(YtDlpPostprocessStep)
    /// Anything else (yt-dlp's own messages, unexpected text).
    case other(String)
}

/// A progress report: the stage (`downloading`/`finished`/…) and the byte counts.
public struct YtDlpProgress: Sendable, Equatable {
    /// yt-dlp's `progress.status`.
    public enum Status: Sendable, Equatable {
        case downloading
        /// One file (or format, for a merge) is complete; the next format restarts from zero.
        case finished
        case error
        case other(String)

        init(_ text: String) {
            switch text {
            case "downloading": self = .downloading
            case "finished": self = .finished
            case "error": self = .error
            default: self = .other(text)
            }
        }
    }

    public var status: Status
    /// Bytes so far; `totalBytes` is `total_bytes ?? total_bytes_estimate`.
    public var progress: DownloadProgress
    /// Seconds since this file's download started.
    public var elapsed: Double?
    public var fragmentIndex: Int?
    public var fragmentCount: Int?

    public init(
        status: Status, progress: DownloadProgress, elapsed: Double? = nil,
        fragmentIndex: Int? = nil, fragmentCount: Int? = nil
    ) {
        self.status = status
        self.progress = progress
        self.elapsed = elapsed
        self.fragmentIndex = fragmentIndex
        self.fragmentCount = fragmentCount
    }
}
