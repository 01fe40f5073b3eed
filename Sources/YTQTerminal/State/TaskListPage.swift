import YTQCore

/// One read of the task list from the store, kept whole: a window of the matching tasks in
/// the store's order (newest first) and where it starts, how many tasks match the filter in
/// all, and how many tasks each status has store-wide.
///
/// The state never edits a page: a reload replaces it (`UIState.replacePage`), so the rows
/// and every count on screen come from the same read.
public struct TaskListPage: Sendable, Equatable {
    public var tasks: [DownloadTask]
    /// The row of `tasks[0]` among all the matching tasks (0: the newest).
    public var offset: Int
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
        tasks: [DownloadTask] = [], offset: Int = 0, matchingCount: Int? = nil, statusCounts: [DownloadStatus: Int]? = nil,
        queuePlaces: [Int64: Int] = [:], everyone: SlotCounts? = nil
    ) {
        self.tasks = tasks
        self.offset = max(0, offset)
        self.queuePlaces = queuePlaces
        self.everyone = everyone
        self.matchingCount = max(matchingCount ?? 0, self.offset + tasks.count)
        self.statusCounts = statusCounts ?? tasks.reduce(into: [:]) { $0[$1.status, default: 0] += 1 }
    }

    /// How many tasks the store holds.
    public var totalCount: Int { statusCounts.values.reduce(0, +) }

    /// The rows the page holds, among all the matching ones.
    public var rows: Range<Int> { offset..<offset + tasks.count }

    /// The task on `row` (counted among all the matching tasks), if the page holds it.
    public func task(atRow row: Int) -> DownloadTask? {
        rows.contains(row) ? tasks[row - offset] : nil
    }
}
