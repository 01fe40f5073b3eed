import Foundation
import GRDB
import YTQCore

/// What a user may do to tasks from any process: add, cancel, retry, remove. Each is one
/// IMMEDIATE transaction that checks, in order, that the task exists, that the requester may
/// act on it, that its status allows the action, and the concurrency rules; a cancel or a
/// remove revokes any claim, so a worker that runs the task notices, stops yt-dlp and cleans up.
extension AppDatabase {
    /// The task as it was before the action (with the claim and child that were running it).
    public struct ActionResult: Sendable, Equatable {
        /// The task after the action (for a removal: as it was).
        public var task: DownloadTask
        public var previous: DownloadTask
    }

    /// Checks the concurrency rules and inserts the task as `pending`, in one transaction:
    /// two processes asking at the same instant are serialised by SQLite's write lock, so
    /// they never both get through.
    public func createTask(_ request: DownloadRequest, by requester: Requester, limits: ConcurrencyLimits, now: Date = Date()) async throws(ActionError) -> DownloadTask {
        let policy = ConcurrencyPolicy(limits: limits)
        return try await act("add a download") { db in
            if let violation = try Self.ruleViolation(db, requester: requester, policy: policy) {
                throw ActionError.refused(violation)
            }
            try db.execute(literal: """
                INSERT INTO download_tasks (user_id, ip_address, video_url, format, status, meta_data, created_at, updated_at)
                VALUES (\(requester.userID), \(requester.ipAddress), \(request.url), \(request.format),
                        \(DownloadStatus.pending), '{}', \(StoredTimestamp(now)), \(StoredTimestamp(now)))
                """)
            guard let task = try DownloadTask.fetchOne(db, key: db.lastInsertedRowID) else {
                throw StoreError.failed(operation: "add a download", reason: "the new row vanished")
            }
            return task
        }
    }

    /// Stops a pending or running task: status `cancelled`, claim revoked. The recorded yt-dlp
    /// stays recorded, so whoever runs the task next first makes sure it is gone.
    public func cancelTask(id: Int64, by requester: Requester, now: Date = Date()) async throws(ActionError) -> ActionResult {
        try await act("cancel task \(id)") { db in
            let task = try Self.taskForAction(db, id: id, action: .cancel, by: requester)
            try db.execute(literal: """
                UPDATE download_tasks SET status = \(DownloadStatus.cancelled), error_message = NULL, not_before = NULL,
                    claim_token = NULL, owner_pid = NULL, owner_started = NULL, heartbeat_at = NULL,
                    updated_at = \(StoredTimestamp(now))
                WHERE id = \(id)
                """)
            return ActionResult(task: try DownloadTask.fetchOne(db, key: id) ?? task, previous: task)
        }
    }

    /// Puts a failed or cancelled task back in the queue, under the same rules as a new one.
    public func retryTask(id: Int64, by requester: Requester, limits: ConcurrencyLimits, now: Date = Date()) async throws(ActionError) -> DownloadTask {
        let policy = ConcurrencyPolicy(limits: limits)
        return try await act("retry task \(id)") { db in
            let task = try Self.taskForAction(db, id: id, action: .retry, by: requester)
            if let violation = try Self.ruleViolation(db, requester: task.requester, policy: policy) {
                throw ActionError.refused(violation)
            }
            try db.execute(literal: """
                UPDATE download_tasks SET status = \(DownloadStatus.pending), error_message = NULL, attempts = 0,
                    crash_count = 0, not_before = NULL, file_path = NULL, downloaded_bytes = NULL, total_bytes = NULL,
                    updated_at = \(StoredTimestamp(now))
                WHERE id = \(id)
                """)
            return try DownloadTask.fetchOne(db, key: id) ?? task
        }
    }

    /// Deletes the task's row (whatever its status); a worker running it loses its claim.
    public func removeTask(id: Int64, by requester: Requester) async throws(ActionError) -> ActionResult {
        try await act("remove task \(id)") { db in
            let task = try Self.taskForAction(db, id: id, action: .remove, by: requester)
            try db.execute(literal: "DELETE FROM download_tasks WHERE id = \(id)")
            return ActionResult(task: task, previous: task)
        }
    }

    /// The task `requester` wants to act on, if it exists, is theirs, and its status allows it.
    static func taskForAction(_ db: Database, id: Int64, action: UserAction, by requester: Requester) throws -> DownloadTask {
        guard let task = try DownloadTask.fetchOne(db, key: id) else { throw ActionError.notFound(taskID: id) }
        guard requester.mayManage(tasksOf: task.requester) else { throw ActionError.forbidden(taskID: id, requester: requester) }
        guard action.permits(task.status) else { throw ActionError.wrongStatus(taskID: id, status: task.status, action: action) }
        return task
    }

    /// The rule `requester` would break by adding one more active task, read inside the
    /// caller's write transaction.
    static func ruleViolation(_ db: Database, requester: Requester, policy: ConcurrencyPolicy) throws -> RuleViolation? {
        let mine = DownloadTask.active(of: requester)
        let mineCount = try mine.fetchCount(db)
        let first = mineCount > 0 ? try mine.order(DownloadTask.Columns.id).fetchOne(db) : nil
        return policy.violation(
            requester: requester, requesterActiveCount: mineCount, firstRequesterActive: first?.summary,
            systemActiveCount: try DownloadTask.active().fetchCount(db))
    }
}
