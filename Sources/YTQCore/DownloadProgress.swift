/// How far a running download has come, as yt-dlp reports it.
public struct DownloadProgress: Sendable, Equatable, Codable {
    public var downloadedBytes: Int64
    /// Exact total when the server said it, else yt-dlp's estimate, else nil.
    public var totalBytes: Int64?
    /// Bytes per second, when known.
    public var speed: Double?
    /// Seconds left, when known.
    public var eta: Int?
    /// After the bytes: merging, converting, moving into place (nil while downloading).
    public var phase: DownloadPhase?

    public init(downloadedBytes: Int64, totalBytes: Int64? = nil, speed: Double? = nil, eta: Int? = nil, phase: DownloadPhase? = nil) {
        self.downloadedBytes = downloadedBytes
        self.totalBytes = totalBytes
        self.speed = speed
        self.eta = eta
        self.phase = phase
    }

    /// 0…100, or nil when the total is unknown.
    public var percentage: Double? {
        guard let totalBytes, totalBytes > 0 else { return nil }
        return min(100, max(0, Double(downloadedBytes) * 100 / Double(totalBytes)))
    }

    enum CodingKeys: String, CodingKey {
        case downloadedBytes = "downloaded_bytes"
        case totalBytes = "total_bytes"
        case speed
        case eta
        case phase
    }
}
