import Foundation
import GRDB
import YTQCore

/// What the scheduler's writes may do: each is fenced by the claim's token, so a worker that
/// lost its claim (cancelled, removed, recovered by another process) changes nothing.
extension AppDatabase {
    /// A task just claimed for a run.
    public struct ClaimedTask: Sendable, Equatable {
        public var task: DownloadTask
        public var claim: TaskClaim
        /// The yt-dlp an earlier run recorded (e.g. one still in its grace period after a
        /// cancel); the new run must make sure it is gone before starting another.
        public var previousChild: ProcessIdentity?
    }

    /// Claims the oldest runnable pending task, if fewer than `systemLimit` tasks are
    /// downloading across all processes. One IMMEDIATE transaction: two workers never claim
    /// the same task, and never exceed the limit together. Tasks in `excluding` (still
    /// winding down in this process) are left for later.
    public func claimNextTask(owner: ProcessIdentity, systemLimit: Int, excluding: Set<Int64> = [], now: Date = Date()) throws(StoreError) -> ClaimedTask? {
        // A cheap read first, so an idle wake-up never takes the write lock.
        let excluded = excluding.isEmpty ? "" : " AND id NOT IN (\(excluding.map(String.init).joined(separator: ",")))"
        let queued = "SELECT id FROM download_tasks WHERE status = 'pending' AND (not_before IS NULL OR not_before <= ?)\(excluded)"
        let candidate = try read("look for queued tasks") { db in
            try Int64.fetchOne(db, sql: queued + " LIMIT 1", arguments: [StoredTimestamp(now)])
        }
        guard candidate != nil else { return nil }
        let token = UUID().uuidString
        return try write("claim a queued task") { db -> ClaimedTask? in
            let downloading = try Int.fetchOne(db, sql: "SELECT count(*) FROM download_tasks WHERE status = 'downloading'") ?? 0
            guard downloading < systemLimit else { return nil }
            guard let id = try Int64.fetchOne(db, sql: queued + " ORDER BY id LIMIT 1", arguments: [StoredTimestamp(now)]) else { return nil }
            let previous = try Row.fetchOne(db, sql: "SELECT child_pid, child_started FROM download_tasks WHERE id = ?", arguments: [id])
            try db.execute(sql: """
                UPDATE download_tasks SET status = 'downloading', claim_token = ?, owner_pid = ?, owner_started = ?,
                    heartbeat_at = ?, attempts = attempts + 1, not_before = NULL, child_pid = NULL, child_started = NULL,
                    updated_at = ?
                WHERE id = ?
                """, arguments: [token, owner.pid, Int64(bitPattern: owner.startTime), StoredTimestamp(now), StoredTimestamp(now), id])
            guard let task = try DownloadTask.fetchOne(db, key: id) else { return nil }
            return ClaimedTask(task: task, claim: TaskClaim(taskID: id, token: token, owner: owner),
                               previousChild: Self.identity(previous?["child_pid"], previous?["child_started"]))
        }
    }

    /// Records the yt-dlp child that runs the claimed task. False when the claim is lost.
    public func recordChild(_ claim: TaskClaim, child: ProcessIdentity, commandLine: String, now: Date = Date()) throws(StoreError) -> Bool {
        try fencedUpdate(claim, "record the yt-dlp process", sql: "child_pid = ?, child_started = ?, command_line = ?, heartbeat_at = ?",
                         arguments: [child.pid, Int64(bitPattern: child.startTime), commandLine, StoredTimestamp(now)])
    }

    /// Records progress and renews the claim's heartbeat. False when the claim is lost.
    public func recordProgress(_ claim: TaskClaim, _ progress: DownloadProgress?, now: Date = Date()) throws(StoreError) -> Bool {
        if let progress {
            return try fencedUpdate(claim, "record progress", sql: "downloaded_bytes = ?, total_bytes = ?, heartbeat_at = ?",
                                    arguments: [progress.downloadedBytes, progress.totalBytes, StoredTimestamp(now)])
        }
        return try fencedUpdate(claim, "renew a claim", sql: "heartbeat_at = ?", arguments: [StoredTimestamp(now)])
    }

    /// Records the title and metadata as soon as yt-dlp reports them.
    public func recordInfo(_ claim: TaskClaim, title: String?, metaData: [String: JSONValue], now: Date = Date()) throws(StoreError) -> Bool {
        try fencedUpdate(claim, "record the title", sql: "title = coalesce(?, title), meta_data = ?, updated_at = ?",
                         arguments: [title, try Self.json(metaData), StoredTimestamp(now)])
    }

    /// The download finished: status `completed`, the file and what yt-dlp said about it.
    public func completeTask(_ claim: TaskClaim, filePath: String, title: String?, metaData: [String: JSONValue], now: Date = Date()) throws(StoreError) -> DownloadTask? {
        try fencedFinish(claim, "mark a task completed", sql: """
            status = 'completed', file_path = ?, title = coalesce(?, title), meta_data = ?, error_message = NULL,
            downloaded_bytes = coalesce(total_bytes, downloaded_bytes)
            """, arguments: [filePath, title, try Self.json(metaData)], now: now)
    }

    /// The download failed for good: status `failed` with the real reason.
    public func failTask(_ claim: TaskClaim, reason: FailureReason, now: Date = Date()) throws(StoreError) -> DownloadTask? {
        try fencedFinish(claim, "mark a task failed", sql: "status = 'failed', error_message = ?", arguments: [reason.description], now: now)
    }

    /// A transient failure: back to the queue, not before `notBefore`, keeping the reason visible.
    public func requeueTask(_ claim: TaskClaim, reason: FailureReason?, notBefore: Date?, now: Date = Date()) throws(StoreError) -> DownloadTask? {
        try fencedFinish(claim, "put a task back in the queue", sql: "status = 'pending', error_message = ?, not_before = ?",
                         arguments: [reason?.description, notBefore.map(StoredTimestamp.init)], now: now)
    }

    /// A graceful stop (the worker is shutting down): back to the queue to resume on the next
    /// start; the interrupted run does not count as an attempt.
    public func releaseTask(_ claim: TaskClaim, now: Date = Date()) throws(StoreError) -> DownloadTask? {
        try fencedFinish(claim, "release a task for later", sql: "status = 'pending', attempts = max(attempts - 1, 0)", arguments: [], now: now)
    }

    /// Whether each claim is still held (the task exists, is downloading, with this token).
    public func lostClaims(_ claims: [TaskClaim]) throws(StoreError) -> Set<TaskClaim> {
        guard !claims.isEmpty else { return [] }
        let held = try read("check claims") { db in
            try Set(String.fetchAll(db, sql: """
                SELECT claim_token FROM download_tasks
                WHERE status = 'downloading' AND id IN (\(claims.map { _ in "?" }.joined(separator: ",")))
                """, arguments: StatementArguments(claims.map(\.taskID))))
        }
        return Set(claims.filter { !held.contains($0.token) })
    }

    private func fencedUpdate(_ claim: TaskClaim, _ operation: String, sql: String, arguments: StatementArguments) throws(StoreError) -> Bool {
        try write(operation) { db in
            try db.execute(sql: "UPDATE download_tasks SET \(sql) WHERE id = ? AND claim_token = ? AND status = 'downloading'",
                           arguments: arguments + [claim.taskID, claim.token])
            return db.changesCount > 0
        }
    }

    /// Ends a claim: applies `sql`, clears the claim and child, returns the task (nil if lost).
    private func fencedFinish(_ claim: TaskClaim, _ operation: String, sql: String, arguments: StatementArguments, now: Date = Date()) throws(StoreError) -> DownloadTask? {
        try write(operation) { db in
            try db.execute(sql: """
                UPDATE download_tasks SET \(sql), claim_token = NULL, owner_pid = NULL, owner_started = NULL, heartbeat_at = NULL,
                    child_pid = NULL, child_started = NULL, updated_at = ?
                WHERE id = ? AND claim_token = ? AND status = 'downloading'
                """, arguments: arguments + [StoredTimestamp(now), claim.taskID, claim.token])
            guard db.changesCount > 0 else { return nil }
            return try DownloadTask.fetchOne(db, key: claim.taskID)
        }
    }

    static func json(_ metaData: [String: JSONValue]) throws(StoreError) -> String {
        do {
            return String(decoding: try JSONEncoder().encode(metaData), as: UTF8.self)
        } catch {
            throw .failed(operation: "encode metadata", reason: "\(error)")
        }
    }
}
