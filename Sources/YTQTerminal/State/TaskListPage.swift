import YTQCore

/// One read of the task list from the store, kept whole: the tasks the list shows in the
/// store's order (newest first), how many tasks match the filter in all, and how many tasks
/// each status has store-wide.
///
/// The state never edits a page: a reload replaces it (`UIState.replacePage`), so the rows
/// and every count on screen come from the same read.
public struct TaskListPage: Sendable, Equatable {
    public var tasks: [DownloadTask]
    /// How many tasks match the filter, loaded or not.
    public var matchingCount: Int
    /// Tasks per status in the whole store, whatever the filter.
    public var statusCounts: [DownloadStatus: Int]
    /// Each queued task's place in its user's backlog (1: next to start).
    public var queuePlaces: [Int64: Int]
    /// Everyone's slots (a shared queue's other users reach the screen only as these counts).
    public var everyone: SlotCounts?

    /// A page; without counts, one that holds every task there is (the counts are the tasks').
    public init(
        tasks: [DownloadTask] = [], matchingCount: Int? = nil, statusCounts: [DownloadStatus: Int]? = nil,
        queuePlaces: [Int64: Int] = [:], everyone: SlotCounts? = nil
    ) {
        self.tasks = tasks
        self.queuePlaces = queuePlaces
        self.everyone = everyone
        self.matchingCount = matchingCount ?? tasks.count
        self.statusCounts = statusCounts ?? tasks.reduce(into: [:]) { $0[$1.status, default: 0] += 1 }
    }

    /// How many tasks the store holds.
    public var totalCount: Int { statusCounts.values.reduce(0, +) }

    /// Whether tasks matching the filter were left off the page.
    public var hasMore: Bool { tasks.count < matchingCount }
}
