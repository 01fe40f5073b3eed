/// One screenful of the queue as a requester may see it: the newest tasks matching a filter,
/// how many match, the count of each status, and where each queued task stands.
public struct TaskPage: Sendable, Equatable, Codable {
    public var tasks: [DownloadTask]
    public var matchingCount: Int
    public var statusCounts: [DownloadStatus: Int]
    /// Each queued task's place in its user's backlog (1: next to start).
    public var queuePlaces: [Int64: Int]
    /// Downloads running or waiting to start for everyone (a shared queue's other users'
    /// tasks reach a user only as these counts), and the system-wide limit.
    public var everyone: SlotCounts?

    public init(tasks: [DownloadTask], matchingCount: Int, statusCounts: [DownloadStatus: Int], queuePlaces: [Int64: Int], everyone: SlotCounts? = nil) {
        self.tasks = tasks
        self.matchingCount = matchingCount
        self.statusCounts = statusCounts
        self.queuePlaces = queuePlaces
        self.everyone = everyone
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
