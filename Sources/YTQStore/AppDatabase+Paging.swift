import GRDB
import YTQCore

extension AppDatabase {
    /// One page of the task list for the screen: the newest `limit` tasks matching `filter`,
    /// how many match in all, and how many tasks each status has store-wide.
    public struct TaskPage: Sendable, Equatable {
        public var tasks: [DownloadTask]
        public var matchingCount: Int
        public var statusCounts: [DownloadStatus: Int]
        /// Each queued task's place in its user's backlog (1: next to start).
        public var queuePlaces: [Int64: Int]
    }

    /// Loads a page; `filter` matches (case-insensitively) the title, URL, format, status or
    /// `#id`, like the screen's own filter. Reads only `limit` rows, whatever the table's size.
    public func taskPage(filter: String, limit: Int) async throws(StoreError) -> TaskPage {
        let needle = filter.trimmingCharacters(in: .whitespaces).lowercased()
        return try await read("load the task list") { db in
            var request = DownloadTask.all()
            if !needle.isEmpty {
                let pattern = "%" + needle.replacingOccurrences(of: "\\", with: "\\\\")
                    .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_") + "%"
                let id = Int64(needle.hasPrefix("#") ? String(needle.dropFirst()) : needle)
                request = request.filter(sql: """
                    lower(coalesce(title, '')) LIKE :p ESCAPE '\\' OR lower(video_url) LIKE :p ESCAPE '\\'
                    OR lower(format) LIKE :p ESCAPE '\\' OR status LIKE :p ESCAPE '\\' OR id = :id
                    """, arguments: ["p": pattern, "id": id])
            }
            let tasks = try request.order(DownloadTask.Columns.id.desc).limit(max(1, limit)).fetchAll(db)
            var counts: [DownloadStatus: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT status, count(*) AS n FROM download_tasks GROUP BY status") {
                if let status = row["status"] as DownloadStatus? { counts[status] = row["n"] }
            }
            // Unfiltered, every task matches: the per-status counts already add up to that.
            let matching = needle.isEmpty ? counts.values.reduce(0, +) : try request.fetchCount(db)
            let places = try Self.queuePlaces(db, of: tasks.filter { $0.status == .queued })
            return TaskPage(tasks: tasks, matchingCount: matching, statusCounts: counts, queuePlaces: places)
        }
    }
}
