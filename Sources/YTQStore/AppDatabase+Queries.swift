import GRDB
import YTQCore

extension AppDatabase {
    /// Tasks newest first, optionally of one status, at most `limit` of them (nil: all).
    public func tasks(status: DownloadStatus? = nil, limit: Int? = nil) throws(StoreError) -> [DownloadTask] {
        try read("list tasks") { db in
            var request = DownloadTask.all()
            if let status {
                request = request.filter(DownloadTask.Columns.status == status.rawValue)
            }
            request = request.order(DownloadTask.Columns.id.desc)
            if let limit {
                request = request.limit(limit)
            }
            return try request.fetchAll(db)
        }
    }

    /// The task with this id.
    public func task(id: Int64) throws(StoreError) -> DownloadTask {
        let task = try read("read task \(id)") { db in try DownloadTask.fetchOne(db, key: id) }
        guard let task else { throw .taskNotFound(id: id) }
        return task
    }

    /// How many tasks are active (pending or downloading) across everyone.
    public func activeTaskCount() throws(StoreError) -> Int {
        try read("count active tasks") { db in try DownloadTask.active().fetchCount(db) }
    }

    /// How many tasks record `path` as their file (two tasks for one URL share one file).
    public func taskCount(withFilePath path: String) throws(StoreError) -> Int {
        try read("look up a file") { db in
            try DownloadTask.filter(Column("file_path") == path).fetchCount(db)
        }
    }
}
