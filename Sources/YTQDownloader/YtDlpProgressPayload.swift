import YTQCore

/// The `progress.{…}` object of a progress line, as yt-dlp prints it (keys with no value left out).
struct YtDlpProgressPayload: YtDlpTemplateObject {
    /// In template order; `templateFields` turns them into the progress template's field list.
    enum CodingKeys: String, CodingKey, CaseIterable {
        case status
        case downloadedBytes = "downloaded_bytes"
        case totalBytes = "total_bytes"
        case totalBytesEstimate = "total_bytes_estimate"
        case speed, eta, elapsed
        case fragmentIndex = "fragment_index"
        case fragmentCount = "fragment_count"
    }

    var status: String
    // Numbers as yt-dlp's Python floats or ints: possibly fractional (estimates), NaN or Infinity.
    var downloadedBytes: Double?
    var totalBytes: Double?
    var totalBytesEstimate: Double?
    var speed: Double?
    var eta: Double?
    var elapsed: Double?
    var fragmentIndex: Double?
    var fragmentCount: Double?

    /// The report: totals fall back to the estimate; non-finite or out-of-range numbers count as absent.
    var progress: YtDlpProgress {
        YtDlpProgress(
            status: YtDlpProgress.Status(status),
            progress: DownloadProgress(
                downloadedBytes: Self.whole(downloadedBytes) ?? 0,
                totalBytes: Self.whole(totalBytes) ?? Self.whole(totalBytesEstimate),
                speed: Self.finite(speed),
                eta: Self.finite(eta).flatMap { $0 >= 0 && $0 < 1e9 ? Int($0) : nil }
            ),
            elapsed: Self.finite(elapsed),
            fragmentIndex: Self.whole(fragmentIndex).map { Int($0) },
            fragmentCount: Self.whole(fragmentCount).map { Int($0) }
        )
    }

    private static func finite(_ value: Double?) -> Double? {
        guard let value, value.isFinite else { return nil }
        return value
    }

    /// Rounded down; nil beyond ±9e18 so the conversion cannot trap.
    private static func whole(_ value: Double?) -> Int64? {
        guard let value = finite(value), value >= -9.0e18, value <= 9.0e18 else { return nil }
        return Int64(value.rounded(.down))
    }
}
