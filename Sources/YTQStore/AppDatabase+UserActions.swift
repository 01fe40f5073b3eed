import Foundation
import GRDB
import YTQCore

/// What a user may do to a task from any process: cancel, retry, remove. Each revokes any
/// claim on the task, so a worker that runs it notices, stops yt-dlp and cleans up.
extension AppDatabase {
    /// The task as it was before the action, with the worker and child that were running it.
    public struct ActionResult: Sendable, Equatable {
        public var task: DownloadTask
        public var previousStatus: DownloadStatus
        public var previousOwner: ProcessIdentity?
        public var child: ProcessIdentity?
    }

    /// Stops a pending or running task: status `cancelled`, claim revoked. The recorded yt-dlp
    /// stays recorded, so whoever runs the task next first makes sure it is gone.
    public func cancelTask(id: Int64, now: Date = Date()) throws(StoreError) -> ActionResult {
        try write("cancel task \(id)") { db in
            let (task, owner, child) = try Self.fetchWithOwner(db, id: id)
            guard task.status.isActive else { throw StoreError.notActive(id: id, status: task.status) }
            try db.execute(sql: """
                UPDATE download_tasks SET status = 'cancelled', error_message = NULL, not_before = NULL, claim_token = NULL,
                    owner_pid = NULL, owner_started = NULL, heartbeat_at = NULL, updated_at = ?
                WHERE id = ?
                """, arguments: [StoredTimestamp(now), id])
            let updated = try DownloadTask.fetchOne(db, key: id) ?? task
            return ActionResult(task: updated, previousStatus: task.status, previousOwner: owner, child: child)
        }
    }

    /// Puts a failed or cancelled task back in the queue, under the same rules as a new one
    /// (checked in the same IMMEDIATE transaction).
    public func retryTask(id: Int64, limits: ConcurrencyLimits, now: Date = Date()) throws(StoreError) -> Result<DownloadTask, RuleViolation> {
        let policy = ConcurrencyPolicy(limits: limits)
        return try write("retry task \(id)") { db in
            let (task, _, _) = try Self.fetchWithOwner(db, id: id)
            guard task.status.isRetryable else {
                throw StoreError.notRetryable(id: id, status: task.status)
            }
            if let violation = try Self.ruleViolation(db, requester: task.requester, policy: policy) {
                return .failure(violation)
            }
            try db.execute(sql: """
                UPDATE download_tasks SET status = 'pending', error_message = NULL, attempts = 0, crash_count = 0,
                    not_before = NULL, file_path = NULL, downloaded_bytes = NULL, total_bytes = NULL, updated_at = ?
                WHERE id = ?
                """, arguments: [StoredTimestamp(now), id])
            return .success(try DownloadTask.fetchOne(db, key: id) ?? task)
        }
    }

    /// Deletes the task's row (whatever its status); a worker running it loses its claim.
    public func removeTask(id: Int64) throws(StoreError) -> ActionResult {
        try write("remove task \(id)") { db in
            let (task, owner, child) = try Self.fetchWithOwner(db, id: id)
            try db.execute(sql: "DELETE FROM download_tasks WHERE id = ?", arguments: [id])
            return ActionResult(task: task, previousStatus: task.status, previousOwner: owner, child: child)
        }
    }

    static func fetchWithOwner(_ db: Database, id: Int64) throws -> (DownloadTask, ProcessIdentity?, ProcessIdentity?) {
        guard let task = try DownloadTask.fetchOne(db, key: id) else { throw StoreError.taskNotFound(id: id) }
        let row = try Row.fetchOne(db, sql: "SELECT owner_pid, owner_started, child_pid, child_started FROM download_tasks WHERE id = ?", arguments: [id])
        return (task, identity(row?["owner_pid"], row?["owner_started"]), identity(row?["child_pid"], row?["child_started"]))
    }
}
