import Foundation

/// One download as ytq remembers it: who asked, what for, and how it went.
///
/// Field names follow the `download_tasks` columns; the JSON form (`ytq list --json`) uses
/// the column names as keys and `meta_data` as an object. The claim, the child process, the
/// heartbeat and the backoff are the worker's bookkeeping: they are fields of the record but
/// not part of the JSON form (a task decoded from it, as the service's client does, has none).
public struct DownloadTask: Sendable, Equatable, Identifiable, Codable {
    public var id: Int64
    public var userID: Int?
    public var ipAddress: String
    public var videoURL: String
    public var format: FormatSpec
    public var status: DownloadStatus
    public var filePath: String?
    public var title: String?
    public var metaData: [String: JSONValue]
    public var errorMessage: String?
    public var createdAt: Date
    public var updatedAt: Date
    /// Runs started since the task was added or last retried by the user.
    public var attempts: Int
    /// Times a worker died while running it.
    public var crashCount: Int
    /// Where the download stood when last recorded (about once a second while it runs).
    public var downloadedBytes: Int64?
    public var totalBytes: Int64?
    /// The yt-dlp command line of the last run.
    public var commandLine: String?
    /// The worker that runs it now (only while `downloading`).
    public var claim: TaskClaim?
    /// When the claim's holder last said it was alive.
    public var heartbeatAt: Date?
    /// The yt-dlp process of the current or last run, so a later run or a user's cancel
    /// can make sure it is gone.
    public var child: ProcessIdentity?
    /// A backed-off pending task is not claimed before this time.
    public var notBefore: Date?
    /// The videos of a playlist or multi-video page, in order; empty for a single video.
    /// Loaded with pages, `task(id:)` and listings, not with every fetch.
    public var entries: [TaskEntry] = []

    public init(
        id: Int64, userID: Int?, ipAddress: String, videoURL: String, format: FormatSpec,
        status: DownloadStatus, filePath: String? = nil, title: String? = nil,
        metaData: [String: JSONValue] = [:], errorMessage: String? = nil,
        createdAt: Date, updatedAt: Date, attempts: Int = 0, crashCount: Int = 0,
        downloadedBytes: Int64? = nil, totalBytes: Int64? = nil, commandLine: String? = nil,
        claim: TaskClaim? = nil, heartbeatAt: Date? = nil, child: ProcessIdentity? = nil, notBefore: Date? = nil
    ) {
        self.id = id
        self.userID = userID
        self.ipAddress = ipAddress
        self.videoURL = videoURL
        self.format = format
        self.status = status
        self.filePath = filePath
        self.title = title
        self.metaData = metaData
        self.errorMessage = errorMessage
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.attempts = attempts
        self.crashCount = crashCount
        self.downloadedBytes = downloadedBytes
        self.totalBytes = totalBytes
        self.commandLine = commandLine
        self.claim = claim
        self.heartbeatAt = heartbeatAt
        self.child = child
        self.notBefore = notBefore
    }

    public enum CodingKeys: String, CodingKey, CaseIterable {
        case id
        case userID = "user_id"
        case ipAddress = "ip_address"
        case videoURL = "video_url"
        case format
        case status
        case filePath = "file_path"
        case title
        case metaData = "meta_data"
        case errorMessage = "error_message"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case attempts
        case crashCount = "crash_count"
        case downloadedBytes = "downloaded_bytes"
        case totalBytes = "total_bytes"
        case commandLine = "command_line"
        case entries
    }

    // Optional fields encode as null rather than being left out, so every column is present.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(userID, forKey: .userID)
        try container.encode(ipAddress, forKey: .ipAddress)
        try container.encode(videoURL, forKey: .videoURL)
        try container.encode(format, forKey: .format)
        try container.encode(status, forKey: .status)
        try container.encode(filePath, forKey: .filePath)
        try container.encode(title, forKey: .title)
        try container.encode(metaData, forKey: .metaData)
        try container.encode(errorMessage, forKey: .errorMessage)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(updatedAt, forKey: .updatedAt)
        try container.encode(attempts, forKey: .attempts)
        try container.encode(crashCount, forKey: .crashCount)
        try container.encode(downloadedBytes, forKey: .downloadedBytes)
        try container.encode(totalBytes, forKey: .totalBytes)
        try container.encode(commandLine, forKey: .commandLine)
        // Only a playlist's task has them: a single video's JSON stays as it was.
        if !entries.isEmpty { try container.encode(entries, forKey: .entries) }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try container.decode(Int64.self, forKey: .id),
            userID: try container.decodeIfPresent(Int.self, forKey: .userID),
            ipAddress: try container.decode(String.self, forKey: .ipAddress),
            videoURL: try container.decode(String.self, forKey: .videoURL),
            format: try container.decode(FormatSpec.self, forKey: .format),
            status: try container.decode(DownloadStatus.self, forKey: .status),
            filePath: try container.decodeIfPresent(String.self, forKey: .filePath),
            title: try container.decodeIfPresent(String.self, forKey: .title),
            metaData: try container.decodeIfPresent([String: JSONValue].self, forKey: .metaData) ?? [:],
            errorMessage: try container.decodeIfPresent(String.self, forKey: .errorMessage),
            createdAt: try container.decode(Date.self, forKey: .createdAt),
            updatedAt: try container.decode(Date.self, forKey: .updatedAt),
            attempts: try container.decodeIfPresent(Int.self, forKey: .attempts) ?? 0,
            crashCount: try container.decodeIfPresent(Int.self, forKey: .crashCount) ?? 0,
            downloadedBytes: try container.decodeIfPresent(Int64.self, forKey: .downloadedBytes),
            totalBytes: try container.decodeIfPresent(Int64.self, forKey: .totalBytes),
            commandLine: try container.decodeIfPresent(String.self, forKey: .commandLine))
        entries = try container.decodeIfPresent([TaskEntry].self, forKey: .entries) ?? []
    }

    /// The identity the per-user rule counts by.
    public var requester: Requester { Requester(userID: userID, ipAddress: ipAddress) }

    /// Whether `requester` added this task: an administrator or root may see and act on
    /// everyone's, but only their own are "theirs" (URL history, bulk commands).
    public func isOwn(by requester: Requester) -> Bool {
        self.requester.identity == requester.identity
    }

    /// The fields a message needs to name this task.
    public var summary: TaskSummary {
        TaskSummary(id: id, title: title, videoURL: videoURL, status: status)
    }
}
