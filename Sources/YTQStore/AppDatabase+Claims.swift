import Foundation
import GRDB
import YTQCore

/// What the scheduler's writes may do: each is fenced by the claim's token, so a worker that
/// lost its claim (cancelled, removed, recovered by another process) changes nothing.
extension AppDatabase {
    /// Claims the oldest runnable pending task, if fewer than `systemLimit` tasks are
    /// downloading across all processes. One IMMEDIATE transaction: two workers never claim
    /// the same task, and never exceed the limit together. Tasks in `excluding` (still
    /// winding down in this process) are left for later.
    ///
    /// The returned task still names the yt-dlp an earlier run recorded (`child`, e.g. one
    /// still in its grace period after a cancel): the new run makes sure it is gone first.
    public func claimNextTask(owner: ProcessIdentity, systemLimit: Int, excluding: Set<Int64> = [], now: Date = Date()) async throws(StoreError) -> DownloadTask? {
        let queued = Self.claimable(excluding: excluding, now: now)
        let token = UUID().uuidString
        // A cheap look first, so an idle wake-up never takes the write lock.
        return try await write("claim a queued task", if: { db in try Self.hasClaimable(db, excluding: excluding, now: now) }) { db -> DownloadTask? in
            // A slot is taken until its yt-dlp is gone: a cancelled or paused task whose yt-dlp
            // is still in its grace period keeps its recorded child, and counts.
            // Two counts on two partial indexes (one `OR` would scan the whole table).
            let busy = try Int.fetchOne(db, SQLRequest(literal: """
                SELECT (SELECT count(*) FROM download_tasks WHERE status = \(DownloadStatus.downloading))
                     + (SELECT count(*) FROM download_tasks WHERE child_pid IS NOT NULL AND status != \(DownloadStatus.downloading))
                """, cached: true)) ?? 0
            guard busy < systemLimit else { return nil }
            guard let id = try Int64.fetchOne(db, SQLRequest(literal: queued + " ORDER BY id LIMIT 1", cached: true)) else { return nil }
            let previousChild = try DownloadTask.stored(db, id: id)?.child
            try db.execute(cached: """
                UPDATE download_tasks SET status = \(DownloadStatus.downloading), claim_token = \(token),
                    owner_pid = \(owner.pid), owner_started = \(owner.storedStartTime),
                    heartbeat_at = \(StoredTimestamp(now)), attempts = attempts + 1, not_before = NULL,
                    child_pid = NULL, child_started = NULL, updated_at = \(StoredTimestamp(now))
                WHERE id = \(id)
                """)
            guard var task = try DownloadTask.stored(db, id: id) else { return nil }
            task.child = previousChild
            return task
        }
    }

    /// Records the yt-dlp child that runs the claimed task. False when the claim is lost —
    /// but a task cancelled or paused before its child was recorded records it all the same
    /// (unless it runs again), so its slot stays taken until that yt-dlp is gone. The command
    /// line is news to a reader (the details view reads a task again when `updated_at` moves).
    public func recordChild(_ claim: TaskClaim, child: ProcessIdentity, commandLine: String, now: Date = Date()) async throws(StoreError) -> Bool {
        try await write("record the yt-dlp process") { db in
            try db.execute(cached: """
                UPDATE download_tasks SET child_pid = \(child.pid), child_started = \(child.storedStartTime),
                    command_line = \(commandLine), heartbeat_at = \(StoredTimestamp(now)), updated_at = \(StoredTimestamp(now))
                WHERE id = \(claim.taskID) AND claim_token = \(claim.token) AND status = \(DownloadStatus.downloading)
                """)
            guard db.changesCount == 0 else { return true }
            try db.execute(cached: """
                UPDATE download_tasks SET child_pid = \(child.pid), child_started = \(child.storedStartTime)
                WHERE id = \(claim.taskID) AND status != \(DownloadStatus.downloading) AND child_pid IS NULL
                """)
            return false
        }
    }

    /// Records progress and renews the claim's heartbeat. False when the claim is lost.
    public func recordProgress(_ claim: TaskClaim, _ progress: DownloadProgress?, now: Date = Date()) async throws(StoreError) -> Bool {
        try await recordProgress([(claim, progress)], now: now).isEmpty
    }

    /// Records every running download's progress and renews its claim in one transaction: one
    /// commit (and so one wake-up of every process watching the file) a heartbeat, however many
    /// downloads run. Returns the claims that are lost.
    public func recordProgress(_ reports: [(claim: TaskClaim, progress: DownloadProgress?)], now: Date = Date()) async throws(StoreError) -> [TaskClaim] {
        guard !reports.isEmpty else { return [] }
        return try await write("record progress") { db in
            var lost: [TaskClaim] = []
            for (claim, progress) in reports {
                let assignments: SQL = if let progress {
                    "downloaded_bytes = \(progress.downloadedBytes), total_bytes = \(progress.totalBytes), heartbeat_at = \(StoredTimestamp(now))"
                } else {
                    "heartbeat_at = \(StoredTimestamp(now))"
                }
                try Self.fencedUpdate(db, claim, assignments)
                if db.changesCount == 0 { lost.append(claim) }
            }
            return lost
        }
    }

    /// Records where a paused task's download stood when its yt-dlp stopped. Only while it is
    /// still paused: a resume that already started a new run owns the progress again.
    public func recordPausedProgress(id: Int64, _ progress: DownloadProgress) async throws(StoreError) -> Bool {
        try await write("record where a paused download stood") { db in
            try db.execute(cached: """
                UPDATE download_tasks SET downloaded_bytes = \(progress.downloadedBytes), total_bytes = \(progress.totalBytes)
                WHERE id = \(id) AND status = \(DownloadStatus.paused)
                """)
            return db.changesCount > 0
        }
    }

    /// Records the title and metadata as soon as yt-dlp reports them.
    public func recordInfo(_ claim: TaskClaim, title: String?, metaData: [String: JSONValue], now: Date = Date()) async throws(StoreError) -> Bool {
        let json = try Self.json(metaData)
        return try await fencedUpdate(claim, "record the title", """
            title = coalesce(\(title), title), meta_data = \(json), updated_at = \(StoredTimestamp(now))
            """)
    }

    /// The download finished: status `completed`, the file, its size on disk (`fileSize`, which
    /// becomes the task's size) and what yt-dlp said about it.
    /// The freed slot goes to the backlog under `limits`, in the same transaction.
    public func completeTask(
        _ claim: TaskClaim, filePath: String, fileSize: Int64? = nil, title: String?, metaData: [String: JSONValue],
        limits: ConcurrencyLimits, now: Date = Date()
    ) async throws(StoreError) -> DownloadTask? {
        let json = try Self.json(metaData)
        return try await fencedFinish(claim, "mark a task completed", """
            status = \(DownloadStatus.completed), file_path = \(filePath), title = coalesce(\(title), title),
            meta_data = \(json), error_message = NULL, total_bytes = coalesce(\(fileSize), total_bytes),
            downloaded_bytes = coalesce(\(fileSize), total_bytes, downloaded_bytes)
            """, admitting: limits, now: now)
    }

    /// The download failed for good: status `failed` with the real reason. The freed slot
    /// goes to the backlog under `limits`, in the same transaction.
    public func failTask(_ claim: TaskClaim, reason: FailureReason, limits: ConcurrencyLimits, now: Date = Date()) async throws(StoreError) -> DownloadTask? {
        try await fencedFinish(claim, "mark a task failed",
                               "status = \(DownloadStatus.failed), error_message = \(reason.description)", admitting: limits, now: now)
    }

    /// A transient failure: back to the queue, not before `notBefore`, keeping the reason visible.
    public func requeueTask(_ claim: TaskClaim, reason: FailureReason?, notBefore: Date?, now: Date = Date()) async throws(StoreError) -> DownloadTask? {
        try await fencedFinish(claim, "put a task back in the queue", """
            status = \(DownloadStatus.pending), error_message = \(reason?.description),
            not_before = \(notBefore.map(StoredTimestamp.init))
            """, now: now)
    }

    /// A graceful stop (the worker is shutting down): back to the queue to resume on the next
    /// start; the interrupted run does not count as an attempt.
    public func releaseTask(_ claim: TaskClaim, now: Date = Date()) async throws(StoreError) -> DownloadTask? {
        try await fencedFinish(claim, "release a task for later",
                               "status = \(DownloadStatus.pending), attempts = max(attempts - 1, 0)", now: now)
    }

    /// The yt-dlp `child` of a task that no longer runs (cancelled, paused) has exited: its
    /// slot is free. Nothing changes if the task runs again or records another child.
    public func releaseChild(taskID: Int64, child: ProcessIdentity) async throws(StoreError) {
        try await write("free a stopped download's slot") { db in
            try db.execute(cached: """
                UPDATE download_tasks SET child_pid = NULL, child_started = NULL
                WHERE id = \(taskID) AND status != \(DownloadStatus.downloading)
                    AND child_pid = \(child.pid) AND child_started = \(child.storedStartTime)
                """)
        }
    }

    /// Frees the slots of tasks that no longer run but still name a yt-dlp that has exited
    /// (its worker died before it could say so). Returns how many.
    @discardableResult
    public func forgetExitedChildren(isAlive: @escaping @Sendable (ProcessIdentity) -> Bool) async throws(StoreError) -> Int {
        let stopped = try await read("look for stopped downloads' processes") { db in
            try DownloadTask.filter(literal: "status != \(DownloadStatus.downloading) AND child_pid IS NOT NULL").fetchAll(db)
        }
        var freed = 0
        for task in stopped {
            guard let child = task.child, !isAlive(child) else { continue }
            try await releaseChild(taskID: task.id, child: child)
            freed += 1
        }
        return freed
    }

    /// The claims among `claims` that are no longer held (the task is gone, not downloading,
    /// or claimed with another token).
    public func lostClaims(_ claims: [TaskClaim]) async throws(StoreError) -> Set<TaskClaim> {
        guard !claims.isEmpty else { return [] }
        return try await read("check claims") { db in try Self.lostClaims(db, claims) }
    }

    /// What one pass of the scheduler needs to know, in one read.
    public struct SchedulerView: Sendable, Equatable {
        /// The running claims that were revoked (cancel, pause, remove, a takeover).
        public var lostClaims: Set<TaskClaim>
        /// Tasks pending or downloading, across everyone.
        public var activeCount: Int
        /// Whether a pending task (not in `excluding`, not backed off) waits to be claimed.
        public var hasClaimable: Bool
        /// Whether something may need recovering with no write to say so: a task another
        /// process downloads (it may die), or a stopped task whose yt-dlp is still recorded.
        public var othersToWatch: Bool = false
        /// When the first backed-off pending task may be claimed, if one waits.
        public var nextBackoffEnd: Date? = nil
    }

    /// The scheduler's view of the queue now: one snapshot read instead of three.
    public func schedulerView(claims: [TaskClaim], excluding: Set<Int64>, now: Date = Date()) async throws(StoreError) -> SchedulerView {
        try await read("look at the queue") { db in
            let hasClaimable = try Self.hasClaimable(db, excluding: excluding, now: now)
            let othersDownloading = try Bool.fetchOne(db, SQLRequest(literal: """
                SELECT EXISTS (SELECT 1 FROM download_tasks WHERE status = \(DownloadStatus.downloading) AND id NOT IN \(Array(excluding)))
                """, cached: true)) ?? false
            let childrenRecorded = try Bool.fetchOne(db, SQLRequest(literal: """
                SELECT EXISTS (SELECT 1 FROM download_tasks WHERE child_pid IS NOT NULL AND status != \(DownloadStatus.downloading))
                """, cached: true)) ?? false
            let backoffEnd = try StoredTimestamp.fetchOne(db, SQLRequest(literal: """
                SELECT min(not_before) FROM download_tasks
                WHERE status = \(DownloadStatus.pending) AND not_before > \(StoredTimestamp(now))
                """, cached: true))
            return SchedulerView(
                lostClaims: try Self.lostClaims(db, claims), activeCount: try DownloadTask.active().cachedCount(db),
                hasClaimable: hasClaimable, othersToWatch: othersDownloading || childrenRecorded,
                nextBackoffEnd: backoffEnd?.date)
        }
    }

    static func lostClaims(_ db: Database, _ claims: [TaskClaim]) throws -> Set<TaskClaim> {
        guard !claims.isEmpty else { return [] }
        let held = try Set(String.fetchAll(db, SQLRequest(literal: """
            SELECT claim_token FROM download_tasks
            WHERE status = \(DownloadStatus.downloading) AND id IN \(claims.map(\.taskID))
            """, cached: true)))
        return Set(claims.filter { !held.contains($0.token) })
    }

    /// Whether a pending task is ready to be claimed (one look at a partial index).
    static func hasClaimable(_ db: Database, excluding: Set<Int64>, now: Date) throws -> Bool {
        try Int64.fetchOne(db, SQLRequest(literal: claimable(excluding: excluding, now: now) + " LIMIT 1", cached: true)) != nil
    }

    /// The pending tasks a worker may claim now.
    static func claimable(excluding: Set<Int64>, now: Date) -> SQL {
        """
        SELECT id FROM download_tasks
        WHERE status = \(DownloadStatus.pending) AND (not_before IS NULL OR not_before <= \(StoredTimestamp(now)))
            AND id NOT IN \(Array(excluding))
        """
    }

    private func fencedUpdate(_ claim: TaskClaim, _ operation: String, _ assignments: SQL) async throws(StoreError) -> Bool {
        try await write(operation) { db in
            try Self.fencedUpdate(db, claim, assignments)
            return db.changesCount > 0
        }
    }

    /// `assignments` to the claimed task's row, if the claim still holds (`changesCount` says).
    private static func fencedUpdate(_ db: Database, _ claim: TaskClaim, _ assignments: SQL) throws {
        try db.execute(cached: """
            UPDATE download_tasks SET \(assignments)
            WHERE id = \(claim.taskID) AND claim_token = \(claim.token) AND status = \(DownloadStatus.downloading)
            """)
    }

    /// Ends a claim: applies `assignments`, clears the claim and child, returns the task (nil
    /// if lost). With `limits`, the run's slot is freed: the backlog is admitted from.
    private func fencedFinish(
        _ claim: TaskClaim, _ operation: String, _ assignments: SQL, admitting limits: ConcurrencyLimits? = nil, now: Date
    ) async throws(StoreError) -> DownloadTask? {
        try await write(operation) { db in
            try db.execute(cached: """
                UPDATE download_tasks SET \(assignments), claim_token = NULL, owner_pid = NULL, owner_started = NULL,
                    heartbeat_at = NULL, child_pid = NULL, child_started = NULL,
                    updated_at = \(StoredTimestamp(now))
                WHERE id = \(claim.taskID) AND claim_token = \(claim.token) AND status = \(DownloadStatus.downloading)
                """)
            guard db.changesCount > 0 else { return nil }
            if let limits { try Self.admitFromBacklog(db, limits: limits, now: now) }
            return try DownloadTask.stored(db, id: claim.taskID)
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
