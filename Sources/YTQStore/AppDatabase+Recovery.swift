import Foundation
import GRDB
import YTQCore

extension AppDatabase {
    /// A task found `downloading` under a worker that is gone (or silent past the lease),
    /// now claimed by the caller so nobody else touches it while its orphan is stopped.
    public struct AbandonedTask: Sendable, Equatable {
        public var task: DownloadTask
        /// The caller's claim on it.
        public var claim: TaskClaim
        /// The yt-dlp child the dead worker left, if one was recorded.
        public var orphan: ProcessIdentity?
        /// The worker that held it.
        public var previousOwner: ProcessIdentity?
    }

    /// Takes over every running task whose owner is not alive (per `isAlive`) or whose
    /// heartbeat is older than `leaseTimeout`, counting a crash for each; tasks in `running`
    /// (this process's live jobs) are left alone. The caller must stop each orphan, then
    /// `requeueTask` or `failTask` it (see `crashCount`).
    public func takeOverAbandonedTasks(
        owner: ProcessIdentity,
        running: Set<Int64> = [],
        leaseTimeout: TimeInterval,
        isAlive: @escaping @Sendable (ProcessIdentity) -> Bool,
        now: Date = Date()
    ) throws(StoreError) -> [AbandonedTask] {
        let staleBefore = now.addingTimeInterval(-leaseTimeout)
        return try write("recover tasks of stopped workers") { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT id, owner_pid, owner_started, child_pid, child_started, heartbeat_at, claim_token
                FROM download_tasks WHERE status = 'downloading'
                """)
            var taken: [AbandonedTask] = []
            for row in rows {
                let previous = Self.identity(row["owner_pid"], row["owner_started"])
                let heartbeat = (row["heartbeat_at"] as StoredTimestamp?)?.date
                let id: Int64 = row["id"]
                let ownerGone = previous.map { !isAlive($0) } ?? true
                let silent = heartbeat.map { $0 < staleBefore } ?? true
                // A task of this process whose job has ended (its final write failed) is fair game.
                let mineButIdle = previous == owner && !running.contains(id)
                guard !running.contains(id), ownerGone || silent || mineButIdle else { continue }
                let token = UUID().uuidString
                try db.execute(sql: """
                    UPDATE download_tasks SET claim_token = ?, owner_pid = ?, owner_started = ?, heartbeat_at = ?,
                        crash_count = crash_count + 1, updated_at = ?
                    WHERE id = ? AND claim_token IS ?
                    """, arguments: [token, owner.pid, Int64(bitPattern: owner.startTime), StoredTimestamp(now), StoredTimestamp(now), id, row["claim_token"] as String?])
                guard db.changesCount > 0, let task = try DownloadTask.fetchOne(db, key: id) else { continue }
                taken.append(AbandonedTask(
                    task: task, claim: TaskClaim(taskID: id, token: token, owner: owner),
                    orphan: Self.identity(row["child_pid"], row["child_started"]), previousOwner: previous))
            }
            return taken
        }
    }

    static func identity(_ pid: Int64?, _ started: Int64?) -> ProcessIdentity? {
        guard let pid, let started, pid > 0, pid <= Int64(Int32.max) else { return nil }
        return ProcessIdentity(pid: Int32(pid), startTime: UInt64(bitPattern: started))
    }
}
