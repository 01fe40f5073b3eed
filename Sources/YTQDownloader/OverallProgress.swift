import YTQCore

/// One progress figure for a whole run, whatever yt-dlp downloads in it.
///
/// yt-dlp reports each format of a video+audio download on its own, each from zero, and then
/// merges or converts with no byte counts at all. This folds those reports into one figure
/// that never goes down: each format weighs its expected size (exact, estimated, or bitrate ×
/// duration; equal shares when any is unknown), and after the last byte the post-processor
/// at work is the `phase` ("merging…", "converting to mp3…"). The entries of a playlist each
/// take an equal slice of the whole, in the order they come.
public struct OverallProgress: Sendable {
    /// Entries this run downloads (1 for a single video), and how many came before the current one.
    private var entryCount = 1
    private var entriesBefore = 0
    /// The playlist index of the entry under way.
    private var entry: Int?
    /// Shares of the current entry, one per format in download order, summing to 1.
    private var shares: [Double] = [1]
    /// Formats of the current entry whose `finished` report has come, and the bytes every
    /// finished format of the run held.
    private var finishedFormats = 0
    private var finishedBytes: Int64 = 0
    /// The highest fraction reported so far: what keeps the figure from going down.
    private var highest = 0.0
    private let audioFormat: String?
    /// The post-processor at work: yt-dlp prints these on stderr and the byte reports on
    /// stdout, read apart, so a late byte report must not take the phase away.
    private var activePhase: DownloadPhase?
    /// The figure as it stands; nil before the first report.
    public private(set) var current: DownloadProgress?

    /// `audioFormat` names the conversion an audio preset asks for (`converting to mp3`).
    public init(audioFormat: String? = nil) {
        self.audioFormat = audioFormat
    }

    /// What yt-dlp chose: a new entry of a playlist starts its slice; the formats of a merge
    /// set the shares within it.
    public mutating func accept(_ info: YtDlpMediaInfo) {
        if let index = info.playlistIndex {
            if let entry, entry != index { entriesBefore += 1 }
            if entry != index { finishedFormats = 0 }
            entry = index
            entryCount = max(info.entriesInRun ?? info.playlistCount ?? 1, entriesBefore + 1)
        }
        let formats = info.requestedFormats
        guard formats.count > 1 else {
            shares = [1]
            return
        }
        let sizes = formats.map { $0.expectedBytes(duration: info.duration) }
        let known = sizes.compactMap { $0 }
        if known.count == sizes.count, case let total = known.reduce(0, +), total > 0 {
            shares = known.map { $0 / total }
        } else {
            shares = Array(repeating: 1 / Double(formats.count), count: formats.count)
        }
    }

    /// A byte report: returns the whole run's figure.
    @discardableResult
    public mutating func accept(_ report: YtDlpProgress) -> DownloadProgress {
        let bytes = report.progress
        var fraction: Double
        var downloaded = finishedBytes + max(0, bytes.downloadedBytes)
        if report.status == .finished {
            finishedFormats += 1
            finishedBytes += max(0, bytes.totalBytes ?? bytes.downloadedBytes)
            downloaded = finishedBytes
            fraction = share(before: finishedFormats)
        } else {
            let within = bytes.totalBytes.flatMap { total in total > 0 ? min(1, Double(bytes.downloadedBytes) / Double(total)) : nil } ?? 0
            fraction = share(before: finishedFormats) + share(of: finishedFormats) * within
        }
        fraction = (Double(entriesBefore) + fraction) / Double(entryCount)
        fraction = max(highest, min(1, fraction))
        highest = fraction
        let total: Int64? = fraction > 0 ? max(downloaded, Int64((Double(downloaded) / fraction).rounded())) : bytes.totalBytes.map { finishedBytes + $0 }
        var eta: Int?
        if let speed = bytes.speed, speed > 0, let total {
            eta = Int((Double(total - downloaded) / speed).rounded(.up))
        }
        let progress = DownloadProgress(
            downloadedBytes: downloaded, totalBytes: total, speed: report.status == .finished ? nil : bytes.speed, eta: eta,
            phase: activePhase ?? (finishedFormats >= shares.count && entriesBefore + 1 >= entryCount ? .finishing : nil))
        current = progress
        return progress
    }

    /// A post-processor started or finished: the figure with its phase (what it stands at so
    /// far, or nothing counted yet), or nil when a step ends.
    public mutating func accept(_ step: YtDlpPostprocessStep) -> DownloadProgress? {
        guard step.started else {
            activePhase = nil
            return nil
        }
        let phase: DownloadPhase = switch step.postprocessor {
        case "Merger": .merging
        case "ExtractAudio": audioFormat.map(DownloadPhase.converting(to:)) ?? .converting
        case "VideoConvertor", "FFmpegVideoConvertor", "VideoRemuxer", "FFmpegVideoRemuxer": .converting
        case "MoveFiles": .moving
        default: .finishing
        }
        activePhase = phase
        var progress = current ?? DownloadProgress(downloadedBytes: finishedBytes)
        progress.phase = phase
        progress.speed = nil
        progress.eta = nil
        current = progress
        return progress
    }

    private func share(before index: Int) -> Double {
        shares.prefix(index).reduce(0, +)
    }

    private func share(of index: Int) -> Double {
        index < shares.count ? shares[index] : 0
    }
}
