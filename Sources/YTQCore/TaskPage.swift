/// One screenful of the queue as a requester may see it: a window of the tasks matching a
/// filter (newest first), how many match, the count of each status, and where each queued
/// task stands.
public struct TaskPage: Sendable, Equatable, Codable {
    /// The window's tasks, each with the `TaskFields` the page was asked for.
    public var tasks: [DownloadTask]
    /// Where the window starts among the matching tasks (0: the newest).
    public var offset: Int
    public var matchingCount: Int
    public var statusCounts: [DownloadStatus: Int]
    /// Each queued task's place in its user's backlog (1: next to start).
    public var queuePlaces: [Int64: Int]
    /// Downloads running or waiting to start for everyone (a shared queue's other users'
    /// tasks reach a user only as these counts), and the system-wide limit.
    public var everyone: SlotCounts?

    public init(
        tasks: [DownloadTask], offset: Int = 0, matchingCount: Int, statusCounts: [DownloadStatus: Int], queuePlaces: [Int64: Int],
        everyone: SlotCounts? = nil
    ) {
        self.tasks = tasks
        self.offset = offset
        self.matchingCount = matchingCount
        self.statusCounts = statusCounts
        self.queuePlaces = queuePlaces
        self.everyone = everyone
    }
}

extension TaskPage {
    private enum CodingKeys: String, CodingKey {
        case tasks, offset, matchingCount, statusCounts, queuePlaces, everyone
    }

    /// Decodes a page; one from a service that predates windows (no `offset`) starts at 0.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            tasks: try container.decode([DownloadTask].self, forKey: .tasks),
            offset: try container.decodeIfPresent(Int.self, forKey: .offset) ?? 0,
            matchingCount: try container.decode(Int.self, forKey: .matchingCount),
            statusCounts: try container.decode([DownloadStatus: Int].self, forKey: .statusCounts),
            queuePlaces: try container.decode([Int64: Int].self, forKey: .queuePlaces),
            everyone: try container.decodeIfPresent(SlotCounts.self, forKey: .everyone))
    }
}

/// How busy a shared queue is for everyone: "7 of 10 slots busy, 3 waiting".
public struct SlotCounts: Sendable, Equatable, Codable {
    /// Tasks holding a slot (pending or downloading).
    public var active: Int
    /// Tasks in some user's backlog (queued).
    public var waiting: Int
    /// The system-wide limit.
    public var limit: Int

    public init(active: Int, waiting: Int, limit: Int) {
        self.active = active
        self.waiting = waiting
        self.limit = limit
    }

    public var description: String { "\(active) of \(limit) slots busy, \(waiting) waiting" }
}
