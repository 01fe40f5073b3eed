/// The few fields of a task that a message needs to name it.
public struct TaskSummary: Sendable, Equatable, Codable {
    public var id: Int64
    public var title: String?
    public var videoURL: String
    public var status: DownloadStatus

    public init(id: Int64, title: String?, videoURL: String, status: DownloadStatus) {
        self.id = id
        self.title = title
        self.videoURL = videoURL
        self.status = status
    }

    /// The title when yt-dlp has reported one, else the URL.
    public var displayName: String {
        if let title, !title.isEmpty { return title }
        return videoURL
    }
}
