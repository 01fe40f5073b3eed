import GRDB
import YTQCore

extension AppDatabase {
    /// Tasks newest first, optionally of one status, at most `limit` of them (nil: all).
    public func tasks(status: DownloadStatus? = nil, limit: Int? = nil, before beforeID: Int64? = nil, visibleTo requester: Requester? = nil) async throws(StoreError) -> [DownloadTask] {
        try await read("list tasks") { db in
            var request = requester.map(DownloadTask.visible(to:)) ?? DownloadTask.all()
            if let status {
                request = request.filter(literal: "status = \(status)")
            }
            // A page after the previous one (ids are never reused): flat memory for any count.
            if let beforeID {
                request = request.filter(DownloadTask.Columns.id < beforeID)
            }
            request = request.order(DownloadTask.Columns.id.desc)
            if let limit {
                request = request.limit(limit)
            }
            return try Self.withEntries(db, request.fetchAll(db))
        }
    }

    /// The URLs `requester` added, newest first, each once, at most `limit`. Reads only the URL
    /// column, newest task first, and stops once it has `limit` of them.
    public func recentURLs(of requester: Requester, limit: Int) async throws(StoreError) -> [String] {
        try await read("read the URL history") { db in
            let newestFirst = DownloadTask.mine(requester).select(Column("video_url"), as: String.self).order(DownloadTask.Columns.id.desc)
            let cursor = try newestFirst.fetchCursor(db)
            var urls: [String] = []
            var seen: Set<String> = []
            while urls.count < limit, let url = try cursor.next() {
                if seen.insert(url).inserted { urls.append(url) }
            }
            return urls
        }
    }

    /// The task with this id, or nil when there is none.
    public func task(id: Int64) async throws(StoreError) -> DownloadTask? {
        try await read("read task \(id)") { db in
            try DownloadTask.stored(db, id: id).map { try Self.withEntries(db, [$0])[0] }
        }
    }

    /// How many tasks are active (pending or downloading) across everyone.
    public func activeTaskCount() async throws(StoreError) -> Int {
        try await read("count active tasks") { db in try DownloadTask.active().cachedCount(db) }
    }

    /// How many tasks record `path` as their file (two tasks for one URL share one file),
    /// leaving out the task `excluding` (the one whose file is about to go).
    public func taskCount(withFilePath path: String, excluding taskID: Int64? = nil) async throws(StoreError) -> Int {
        try await read("look up a file") { db in
            var tasks = DownloadTask.filter(DownloadTask.Columns.filePath == path)
            if let taskID { tasks = tasks.filter(DownloadTask.Columns.id != taskID) }
            // A playlist entry's file counts as its task's.
            let entries = try SQLRequest<Int>(literal: """
                SELECT count(DISTINCT task_id) FROM task_entries
                WHERE file_path = \(path) AND task_id != \(taskID ?? 0)
                    AND task_id NOT IN (SELECT id FROM download_tasks WHERE file_path = \(path))
                """, cached: true).fetchOne(db) ?? 0
            return try tasks.cachedCount(db) + entries
        }
    }
}
