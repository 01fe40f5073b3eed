/// One of the formats yt-dlp chose to download and merge (`requested_formats`), from the
/// `video:` line: what the overall progress of a video+audio download is weighed by.
public struct YtDlpRequestedFormat: Sendable, Equatable, Codable, YtDlpTemplateObject {
    public var formatID: String?
    /// Exact size in bytes, when the site says it.
    public var filesize: Double?
    /// yt-dlp's estimate of the size in bytes.
    public var filesizeApprox: Double?
    /// Average bitrate in kbit/s.
    public var tbr: Double?

    public init(formatID: String? = nil, filesize: Double? = nil, filesizeApprox: Double? = nil, tbr: Double? = nil) {
        self.formatID = formatID
        self.filesize = filesize
        self.filesizeApprox = filesizeApprox
        self.tbr = tbr
    }

    /// In template order; `templateFields` turns them into the template's field list.
    enum CodingKeys: String, CodingKey, CaseIterable {
        case formatID = "format_id"
        case filesize
        case filesizeApprox = "filesize_approx"
        case tbr
    }

    /// Lenient: a field of an unexpected type, or not a finite positive number, counts as absent.
    public init(from decoder: any Decoder) throws {
        let object = try decoder.container(keyedBy: CodingKeys.self)
        func positive(_ key: CodingKeys) -> Double? {
            guard let value = try? object.decodeIfPresent(Double.self, forKey: key), value.isFinite, value > 0 else { return nil }
            return value
        }
        let id = (try? object.decodeIfPresent(String.self, forKey: .formatID)) ?? nil
        self.init(formatID: id, filesize: positive(.filesize), filesizeApprox: positive(.filesizeApprox), tbr: positive(.tbr))
    }

    /// The expected size in bytes: the exact size, the estimate, or bitrate × `duration`.
    public func expectedBytes(duration: Double?) -> Double? {
        if let filesize { return filesize }
        if let filesizeApprox { return filesizeApprox }
        if let tbr, let duration, duration.isFinite, duration > 0 { return tbr * 125 * duration }
        return nil
    }
}
