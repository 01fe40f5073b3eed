import Foundation
import GRDB
import YTQCore

/// The entries of a playlist task (`task_entries`): written by the running job, fenced by its
/// claim like every other write of a run, and read with the tasks they belong to.
extension AppDatabase {
    /// Entry `entry.index` has started: it is `downloading`, with what yt-dlp said about it.
    /// With `total` (the first entry of a run), the playlist's other entries are recorded as
    /// `pending` too, so the count is known before they download. False when the claim is lost.
    public func recordEntryStarted(_ claim: TaskClaim, _ entry: TaskEntry, total: Int?) async throws(StoreError) -> Bool {
        try await fencedEntryWrite(claim, "record a playlist entry") { db in
            if let total, total > 0 {
                try db.execute(cached: """
                    WITH RECURSIVE entry(position) AS (SELECT 1 UNION ALL SELECT position + 1 FROM entry WHERE position < \(min(total, Self.maxEntries)))
                    INSERT OR IGNORE INTO task_entries (task_id, entry_index, status)
                    SELECT \(claim.taskID), position, \(TaskEntry.Status.pending) FROM entry
                    """)
            }
            try db.execute(cached: """
                INSERT INTO task_entries (task_id, entry_index, video_id, title, url, status)
                VALUES (\(claim.taskID), \(entry.index), \(entry.videoID), \(entry.title), \(entry.url), \(TaskEntry.Status.downloading))
                ON CONFLICT (task_id, entry_index) DO UPDATE SET
                    video_id = excluded.video_id, title = coalesce(excluded.title, title), url = excluded.url,
                    status = excluded.status, error = NULL
                """)
        }
    }

    /// Entry `index` is in the download folder as `filePath` (`size` bytes on disk). False when
    /// the claim is lost.
    public func recordEntryCompleted(_ claim: TaskClaim, index: Int, filePath: String, size: Int64?) async throws(StoreError) -> Bool {
        try await fencedEntryWrite(claim, "record a finished playlist entry") { db in
            try db.execute(cached: """
                UPDATE task_entries SET status = \(TaskEntry.Status.completed), file_path = \(filePath), size = \(size), error = NULL
                WHERE task_id = \(claim.taskID) AND entry_index = \(index)
                """)
        }
    }

    /// The entries of this run that did not complete, each with its reason. False when the
    /// claim is lost.
    public func recordEntriesFailed(_ claim: TaskClaim, _ failures: [Int: String]) async throws(StoreError) -> Bool {
        try await fencedEntryWrite(claim, "record failed playlist entries") { db in
            for (index, error) in failures {
                try db.execute(cached: """
                    UPDATE task_entries SET status = \(TaskEntry.Status.failed), error = \(error)
                    WHERE task_id = \(claim.taskID) AND entry_index = \(index) AND status != \(TaskEntry.Status.completed)
                    """)
            }
        }
    }

    /// The entries of one task, in order.
    public func entries(of taskID: Int64) async throws(StoreError) -> [TaskEntry] {
        try await read("read playlist entries") { db in try Self.entries(db, of: [taskID])[taskID] ?? [] }
    }

    /// Entries beyond this are not recorded in advance (a channel can list tens of thousands).
    static let maxEntries = 10_000

    /// The entries of `taskIDs`, in order, keyed by task.
    static func entries(_ db: Database, of taskIDs: [Int64]) throws -> [Int64: [TaskEntry]] {
        guard !taskIDs.isEmpty else { return [:] }
        let rows = try Row.fetchCursor(db, sql: """
            SELECT * FROM task_entries WHERE task_id IN (\(taskIDs.map { _ in "?" }.joined(separator: ",")))
            ORDER BY task_id, entry_index
            """, arguments: StatementArguments(taskIDs))
        var entries: [Int64: [TaskEntry]] = [:]
        while let row = try rows.next() {
            let status = (row["status"] as String?).flatMap(TaskEntry.Status.init(rawValue:)) ?? .pending
            entries[row["task_id"], default: []].append(TaskEntry(
                index: row["entry_index"], videoID: row["video_id"], title: row["title"], url: row["url"],
                status: status, filePath: row["file_path"], size: row["size"], error: row["error"]))
        }
        return entries
    }

    /// `tasks` with their entries filled in (one query for all of them).
    static func withEntries(_ db: Database, _ tasks: [DownloadTask]) throws -> [DownloadTask] {
        let entries = try Self.entries(db, of: tasks.map(\.id))
        guard !entries.isEmpty else { return tasks }
        return tasks.map { task in
            var task = task
            task.entries = entries[task.id] ?? []
            return task
        }
    }

    /// A write to `task_entries` made only while `claim` holds the task.
    private func fencedEntryWrite(_ claim: TaskClaim, _ operation: String, _ body: @escaping @Sendable (Database) throws -> Void) async throws(StoreError) -> Bool {
        try await write(operation) { db in
            let held = try SQLRequest<Bool>(literal: """
                SELECT 1 FROM download_tasks
                WHERE id = \(claim.taskID) AND claim_token = \(claim.token) AND status = \(DownloadStatus.downloading)
                """, cached: true).fetchOne(db) ?? false
            guard held else { return false }
            try body(db)
            return true
        }
    }
}

extension TaskEntry.Status: DatabaseValueConvertible {}
