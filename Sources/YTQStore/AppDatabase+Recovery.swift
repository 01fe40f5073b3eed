import Foundation
import GRDB
import YTQCore

extension AppDatabase {
    /// A task found `downloading` under a worker that is gone (or silent past the lease),
    /// now claimed by the caller so nobody else touches it while its orphan is stopped.
    public struct AbandonedTask: Sendable, Equatable {
        /// The task under the caller's new claim (`task.claim`); `task.child` is the yt-dlp
        /// the dead worker left, if one was recorded.
        public var task: DownloadTask
        /// The caller's claim on it.
        public var claim: TaskClaim
        /// The worker that held it.
        public var previousOwner: ProcessIdentity?
    }

    /// Takes over every running task whose owner is not alive (per `isAlive`) or whose
    /// heartbeat is older than `leaseTimeout`, counting a crash for each whose owner died
    /// (a takeover from a live but silent owner is not a crash of the task); tasks in `running`
    /// (this process's live jobs) are left alone. The caller must stop each orphan, then
    /// `requeueTask` or `failTask` it (see `crashCount`).
    public func takeOverAbandonedTasks(
        owner: ProcessIdentity,
        running: Set<Int64> = [],
        leaseTimeout: TimeInterval,
        isAlive: @escaping @Sendable (ProcessIdentity) -> Bool,
        now: Date = Date()
    ) async throws(StoreError) -> [AbandonedTask] {
        let staleBefore = now.addingTimeInterval(-leaseTimeout)
        return try await write("recover tasks of stopped workers") { db in
            let downloading = try DownloadTask.filter(literal: "status = \(DownloadStatus.downloading)").fetchAll(db)
            var taken: [AbandonedTask] = []
            for held in downloading where !running.contains(held.id) {
                let previous = held.claim?.owner
                let ownerGone = previous.map { !isAlive($0) } ?? true
                let silent = held.heartbeatAt.map { $0 < staleBefore } ?? true
                // A task of this process whose job has ended (its final write failed) is fair game.
                let mineButIdle = previous == owner
                guard ownerGone || silent || mineButIdle else { continue }
                let token = UUID().uuidString
                // Only a worker that died crashed: one stopped (SIGSTOP) or hung past the lease,
                // or this process after a job ended unrecorded, is taken over without counting
                // a crash, so long pauses never fail a download as a crash loop.
                let crashed = ownerGone ? 1 : 0
                try db.execute(cached: """
                    UPDATE download_tasks SET claim_token = \(token), owner_pid = \(owner.pid),
                        owner_started = \(owner.storedStartTime), heartbeat_at = \(StoredTimestamp(now)),
                        crash_count = crash_count + \(crashed), updated_at = \(StoredTimestamp(now))
                    WHERE id = \(held.id) AND claim_token IS \(held.claim?.token)
                    """)
                guard db.changesCount > 0, let task = try DownloadTask.stored(db, id: held.id), let claim = task.claim else { continue }
                taken.append(AbandonedTask(task: task, claim: claim, previousOwner: previous))
            }
            return taken
        }
    }
}
