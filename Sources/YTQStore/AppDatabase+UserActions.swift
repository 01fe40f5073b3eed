import Foundation
import GRDB
import YTQCore

/// What a user may do to tasks from any process: add, cancel, retry, remove, pause, resume,
/// queue. Each is one IMMEDIATE transaction that checks, in order, that the task exists,
/// that the requester may act on it, that its status allows the action, and the concurrency
/// rules; one that frees a download slot admits from the backlog in the same transaction. A
/// cancel, pause or remove revokes any claim, so a worker that runs the task notices, stops
/// yt-dlp and cleans up (keeping the partial files of a paused task).
extension AppDatabase {
    /// The task after the action, and as it was before (with the claim and child that were
    /// running it).
    public struct ActionResult: Sendable, Equatable {
        /// The task after the action (for a removal: as it was).
        public var task: DownloadTask
        public var previous: DownloadTask
    }

    /// Checks the concurrency rules and inserts the task as `pending` — or, when a rule says
    /// no and `whenBusy` is `.queue`, as `queued` at the end of the requester's backlog — in
    /// one transaction: two processes asking at the same instant are serialised by SQLite's
    /// write lock, so they never both get through.
    public func createTask(
        _ request: DownloadRequest, by requester: Requester, limits: ConcurrencyLimits, whenBusy: BusyPolicy = .refuse,
        now: Date = Date()
    ) async throws(ActionError) -> DownloadTask {
        let policy = ConcurrencyPolicy(limits: limits)
        return try await act("add a download") { db in
            let violation = try Self.ruleViolation(db, requester: requester, policy: policy)
            if let violation, whenBusy == .refuse || !violation.canQueue {
                throw ActionError.refused(violation)
            }
            try db.execute(cached: """
                INSERT INTO download_tasks (user_id, ip_address, video_url, format, status, meta_data, created_at, updated_at)
                VALUES (\(requester.userID), \(requester.ipAddress), \(request.url), \(request.format),
                        \(DownloadStatus.pending), '{}', \(StoredTimestamp(now)), \(StoredTimestamp(now)))
                """)
            let id = db.lastInsertedRowID
            if violation != nil { try Self.enqueue(db, id: id, requester: requester, limits: limits, now: now) }
            guard let task = try DownloadTask.stored(db, id: id) else {
                throw StoreError.failed(operation: "add a download", reason: "the new row vanished")
            }
            return task
        }
    }

    /// Stops a task for good: status `cancelled`, claim revoked. The recorded yt-dlp stays
    /// recorded, so whoever runs the task next first makes sure it is gone.
    public func cancelTask(id: Int64, by requester: Requester, limits: ConcurrencyLimits, now: Date = Date()) async throws(ActionError) -> ActionResult {
        try await act("cancel task \(id)") { db in
            let task = try Self.taskForAction(db, id: id, action: .cancel, by: requester)
            try db.execute(cached: """
                UPDATE download_tasks SET status = \(DownloadStatus.cancelled), error_message = NULL, not_before = NULL,
                    queue_position = NULL, claim_token = NULL, owner_pid = NULL, owner_started = NULL, heartbeat_at = NULL,
                    updated_at = \(StoredTimestamp(now))
                WHERE id = \(id)
                """)
            if task.status.isActive { try Self.admitFromBacklog(db, limits: limits, now: now) }
            return ActionResult(task: try DownloadTask.stored(db, id: id) ?? task, previous: task)
        }
    }

    /// Stops a task for now: status `paused`, claim revoked, partial files kept. An
    /// interrupted run does not count as an attempt.
    public func pauseTask(id: Int64, by requester: Requester, limits: ConcurrencyLimits, now: Date = Date()) async throws(ActionError) -> ActionResult {
        try await act("pause task \(id)") { db in
            let task = try Self.taskForAction(db, id: id, action: .pause, by: requester)
            let interrupted: Int64 = task.status == .downloading ? 1 : 0
            try db.execute(cached: """
                UPDATE download_tasks SET status = \(DownloadStatus.paused), not_before = NULL, queue_position = NULL,
                    attempts = max(attempts - \(interrupted), 0), claim_token = NULL, owner_pid = NULL, owner_started = NULL,
                    heartbeat_at = NULL, updated_at = \(StoredTimestamp(now))
                WHERE id = \(id)
                """)
            if task.status.isActive { try Self.admitFromBacklog(db, limits: limits, now: now) }
            return ActionResult(task: try DownloadTask.stored(db, id: id) ?? task, previous: task)
        }
    }

    /// Admits a paused task again as `pending` under the rules (resuming from its partial
    /// files), or with `whenBusy: .queue` puts it in the backlog when a rule says no.
    /// `startOver` forgets the recorded progress (its partial files are gone).
    public func resumeTask(
        id: Int64, by requester: Requester, limits: ConcurrencyLimits, whenBusy: BusyPolicy = .refuse, startOver: Bool = false,
        now: Date = Date()
    ) async throws(ActionError) -> DownloadTask {
        try await readmit(id: id, action: .resume, by: requester, limits: limits, whenBusy: whenBusy, now: now) { db in
            if startOver {
                try db.execute(cached: "UPDATE download_tasks SET downloaded_bytes = NULL, total_bytes = NULL WHERE id = \(id)")
            }
        }
    }

    /// Puts a failed or cancelled task back in the queue, under the same rules as a new one.
    public func retryTask(id: Int64, by requester: Requester, limits: ConcurrencyLimits, whenBusy: BusyPolicy = .refuse, now: Date = Date()) async throws(ActionError) -> DownloadTask {
        try await readmit(id: id, action: .retry, by: requester, limits: limits, whenBusy: whenBusy, now: now) { db in
            try db.execute(cached: """
                UPDATE download_tasks SET error_message = NULL, attempts = 0, crash_count = 0, file_path = NULL,
                    downloaded_bytes = NULL, total_bytes = NULL
                WHERE id = \(id)
                """)
        }
    }

    /// Puts a failed, cancelled or paused task at the end of its user's backlog; it starts
    /// when the rules allow (at once, when a slot is free).
    public func queueTask(id: Int64, by requester: Requester, limits: ConcurrencyLimits, now: Date = Date()) async throws(ActionError) -> DownloadTask {
        try await act("queue task \(id)") { db in
            let task = try Self.taskForAction(db, id: id, action: .queue, by: requester)
            if task.status != .paused {
                try db.execute(cached: """
                    UPDATE download_tasks SET error_message = NULL, attempts = 0, crash_count = 0, file_path = NULL,
                        downloaded_bytes = NULL, total_bytes = NULL
                    WHERE id = \(id)
                    """)
            }
            try Self.enqueue(db, id: id, requester: task.requester, limits: limits, now: now)
            try Self.admitFromBacklog(db, limits: limits, now: now)
            return try DownloadTask.stored(db, id: id) ?? task
        }
    }

    /// Deletes the task's row (whatever its status); a worker running it loses its claim.
    public func removeTask(id: Int64, by requester: Requester, limits: ConcurrencyLimits, now: Date = Date()) async throws(ActionError) -> ActionResult {
        try await act("remove task \(id)") { db in
            let task = try Self.taskForAction(db, id: id, action: .remove, by: requester)
            try db.execute(cached: "DELETE FROM download_tasks WHERE id = \(id)")
            if task.status.isActive { try Self.admitFromBacklog(db, limits: limits, now: now) }
            return ActionResult(task: task, previous: task)
        }
    }

    /// Retry and resume: the status allows `action`, the rules admit the task as `pending`
    /// (or it is queued when they do not and `whenBusy` says so); `reset` adjusts the row first.
    private func readmit(
        id: Int64, action: UserAction, by requester: Requester, limits: ConcurrencyLimits, whenBusy: BusyPolicy, now: Date,
        reset: @escaping @Sendable (Database) throws -> Void
    ) async throws(ActionError) -> DownloadTask {
        let policy = ConcurrencyPolicy(limits: limits)
        return try await act("\(action.rawValue) task \(id)") { db in
            let task = try Self.taskForAction(db, id: id, action: action, by: requester)
            let violation = try Self.ruleViolation(db, requester: task.requester, policy: policy)
            if let violation, whenBusy == .refuse || !violation.canQueue {
                throw ActionError.refused(violation)
            }
            try reset(db)
            if violation != nil {
                try Self.enqueue(db, id: id, requester: task.requester, limits: limits, now: now)
            } else {
                try db.execute(cached: """
                    UPDATE download_tasks SET status = \(DownloadStatus.pending), not_before = NULL, queue_position = NULL,
                        updated_at = \(StoredTimestamp(now))
                    WHERE id = \(id)
                    """)
            }
            return try DownloadTask.stored(db, id: id) ?? task
        }
    }

    /// The task `requester` wants to act on, if it exists, is theirs, and its status allows it.
    static func taskForAction(_ db: Database, id: Int64, action: UserAction, by requester: Requester) throws -> DownloadTask {
        guard let task = try DownloadTask.stored(db, id: id) else { throw ActionError.notFound(taskID: id) }
        guard requester.mayManage(tasksOf: task.requester) else { throw ActionError.forbidden(taskID: id, requester: requester) }
        guard action.permits(task.status) else { throw ActionError.wrongStatus(taskID: id, status: task.status, action: action) }
        return task
    }

    /// The rule `requester` would break by adding one more active task, read inside the
    /// caller's write transaction.
    static func ruleViolation(_ db: Database, requester: Requester, policy: ConcurrencyPolicy) throws -> RuleViolation? {
        let mine = DownloadTask.active(of: requester)
        let mineCount = try mine.cachedCount(db)
        let first = mineCount > 0 ? try mine.order(DownloadTask.Columns.id).limit(1).cached.fetchOne(db) : nil
        return policy.violation(
            requester: requester, requesterActiveCount: mineCount, firstRequesterActive: first?.summary,
            systemActiveCount: try DownloadTask.active().cachedCount(db))
    }
}
