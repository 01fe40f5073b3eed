/// One video of a task whose URL gave several (a playlist, a page with several videos): each
/// has its own state, file and error, so a failed entry does not undo the others and a retry
/// runs only the entries that did not complete.
public struct TaskEntry: Sendable, Equatable, Codable {
    /// Where an entry stands.
    public enum Status: String, Sendable, Equatable, Codable, CaseIterable {
        case pending, downloading, completed, failed
    }

    /// 1-based, as yt-dlp numbers playlist items (`--playlist-items`).
    public var index: Int
    public var videoID: String?
    public var title: String?
    public var url: String?
    public var status: Status
    public var filePath: String?
    /// The finished file's size on disk.
    public var size: Int64?
    public var error: String?

    public init(
        index: Int, videoID: String? = nil, title: String? = nil, url: String? = nil, status: Status = .pending,
        filePath: String? = nil, size: Int64? = nil, error: String? = nil
    ) {
        self.index = index
        self.videoID = videoID
        self.title = title
        self.url = url
        self.status = status
        self.filePath = filePath
        self.size = size
        self.error = error
    }

    enum CodingKeys: String, CodingKey {
        case index
        case videoID = "video_id"
        case title, url, status
        case filePath = "file_path"
        case size, error
    }
}

extension Array where Element == TaskEntry {
    /// `3/12`: entries completed of all, or nil for a single video.
    public var progressLabel: String? {
        isEmpty ? nil : "\(filter { $0.status == .completed }.count)/\(count)"
    }

    /// The indices of the entries that did not complete.
    public var unfinishedIndices: [Int] {
        filter { $0.status != .completed }.map(\.index)
    }

    /// What the next run of the task downloads (`--playlist-items`): the unfinished entries
    /// once some entry completed; empty, meaning every entry, otherwise.
    public var nextRunItems: [Int] {
        contains { $0.status == .completed } ? unfinishedIndices : []
    }
}
