import YTQCore

/// What yt-dlp says it is downloading, from the `video:` line.
public struct YtDlpMediaInfo: Sendable, Equatable, Codable, YtDlpTemplateObject {
    public var id: String?
    public var title: String?
    public var ext: String?
    public var formatID: String?
    /// Seconds.
    public var duration: Double?
    public var webpageURL: String?
    public var extractorKey: String?
    /// Lines of the video (nil for audio, or when the site does not say).
    public var height: Int?
    /// Codec names as yt-dlp gives them (`avc1.64001f`, `vp9`, `opus`; `none` for no track).
    public var vcodec: String?
    public var acodec: String?
    /// For an entry of a playlist (or a page with several videos): its 1-based place, how many
    /// entries the playlist has, how many this run downloads, and the playlist's title.
    public var playlistIndex: Int?
    public var playlistCount: Int?
    public var entriesInRun: Int?
    public var playlistTitle: String?
    /// The final path yt-dlp will write in the download folder (`-P home:` and the output
    /// template). Not metadata: ytq uses it to remove what a failed run leaves there.
    public var filename: String?
    /// The formats of a video+audio download, in download order; empty for a single file.
    /// Printed beside the info object (see `YtDlpInvocation.infoTemplate`), not metadata.
    public var requestedFormats: [YtDlpRequestedFormat] = []

    public init(
        id: String? = nil, title: String? = nil, ext: String? = nil, formatID: String? = nil,
        duration: Double? = nil, webpageURL: String? = nil, extractorKey: String? = nil,
        height: Int? = nil, vcodec: String? = nil, acodec: String? = nil,
        playlistIndex: Int? = nil, playlistCount: Int? = nil, entriesInRun: Int? = nil, playlistTitle: String? = nil,
        filename: String? = nil, requestedFormats: [YtDlpRequestedFormat] = []
    ) {
        self.id = id
        self.title = title
        self.ext = ext
        self.formatID = formatID
        self.duration = duration
        self.webpageURL = webpageURL
        self.extractorKey = extractorKey
        self.height = height
        self.vcodec = vcodec
        self.acodec = acodec
        self.playlistIndex = playlistIndex
        self.playlistCount = playlistCount
        self.entriesInRun = entriesInRun
        self.playlistTitle = playlistTitle
        self.filename = filename
        self.requestedFormats = requestedFormats
    }

    /// In template order; `templateFields` turns them into the info template's field list.
    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, title, ext
        case formatID = "format_id"
        case duration
        case webpageURL = "webpage_url"
        case extractorKey = "extractor_key"
        case height, vcodec, acodec
        case playlistIndex = "playlist_index"
        case playlistCount = "playlist_count"
        case entriesInRun = "n_entries"
        case playlistTitle = "playlist_title"
        case filename
    }

    /// Lenient where yt-dlp is: ids may be numbers, and a field of an unexpected type counts as absent.
    public init(from decoder: any Decoder) throws {
        let object = try decoder.container(keyedBy: CodingKeys.self)
        func string(_ key: CodingKeys) -> String? { try? object.decodeIfPresent(String.self, forKey: key) }
        func number(_ key: CodingKeys) -> Double? { try? object.decodeIfPresent(Double.self, forKey: key) }
        /// A positive whole number below a million, else absent.
        func count(_ key: CodingKeys) -> Int? {
            number(key).flatMap { $0.isFinite && $0 >= 1 && $0 < 1e6 ? Int($0) : nil }
        }
        /// A string, or a number written as text (some extractors give numeric ids).
        func text(_ key: CodingKeys) -> String? {
            if let text = string(key) { return text }
            guard let value = number(key) else { return nil }
            if value.rounded() == value, abs(value) < 9.0e15 { return String(Int64(value)) }
            return String(value)
        }
        self.init(
            id: text(.id), title: string(.title), ext: string(.ext), formatID: text(.formatID),
            duration: number(.duration).flatMap { $0.isFinite ? $0 : nil }, webpageURL: string(.webpageURL),
            extractorKey: string(.extractorKey),
            height: count(.height), vcodec: string(.vcodec), acodec: string(.acodec),
            playlistIndex: count(.playlistIndex), playlistCount: count(.playlistCount), entriesInRun: count(.entriesInRun),
            playlistTitle: string(.playlistTitle), filename: string(.filename)
        )
    }

    /// The fields as a `meta_data` object (absent ones left out).
    public var metaData: [String: JSONValue] {
        var data: [String: JSONValue] = [:]
        if let id { data[CodingKeys.id.stringValue] = .string(id) }
        if let title { data[CodingKeys.title.stringValue] = .string(title) }
        if let ext { data[CodingKeys.ext.stringValue] = .string(ext) }
        if let formatID { data[CodingKeys.formatID.stringValue] = .string(formatID) }
        if let duration { data[CodingKeys.duration.stringValue] = .number(duration) }
        if let webpageURL { data[CodingKeys.webpageURL.stringValue] = .string(webpageURL) }
        if let extractorKey { data[CodingKeys.extractorKey.stringValue] = .string(extractorKey) }
        if let height { data[CodingKeys.height.stringValue] = .number(Double(height)) }
        if let vcodec { data[CodingKeys.vcodec.stringValue] = .string(vcodec) }
        if let acodec { data[CodingKeys.acodec.stringValue] = .string(acodec) }
        return data
    }
}
