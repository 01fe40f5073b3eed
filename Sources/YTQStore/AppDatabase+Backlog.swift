import Foundation
import GRDB
import YTQCore

/// The backlog: tasks asked for but not admitted yet (`queued`), each user's in their own
/// order. Every transaction that frees a download slot admits from it in the same
/// transaction, so a slot never stays free while someone's queued task waits.
extension AppDatabase {
    /// Admits what the rules allow now (e.g. after the limits were raised); the scheduler
    /// calls it now and then. Returns the tasks it made `pending`.
    public func admitQueuedTasks(limits: ConcurrencyLimits, now: Date = Date()) async throws(StoreError) -> [DownloadTask] {
        return try await write("admit queued tasks", if: Self.anyQueued) { db in try Self.admitFromBacklog(db, limits: limits, now: now) } ?? []
    }

    /// Each queued task's place in its user's backlog (1 for the next to start), for the tasks given.
    public func queuePlaces(of tasks: [DownloadTask]) async throws(StoreError) -> [Int64: Int] {
        let queued = tasks.filter { $0.status == .queued }
        guard !queued.isEmpty else { return [:] }
        return try await read("count places in the backlog") { db in try Self.queuePlaces(db, of: queued) }
    }

    static func queuePlaces(_ db: Database, of queued: [DownloadTask]) throws -> [Int64: Int] {
        // Each requester's backlog is read once, however many of its tasks the page shows.
        var places: [Int64: Int] = [:]
        var seen: Set<Requester.Identity> = []
        for task in queued where seen.insert(task.requester.identity).inserted {
            for (index, id) in try backlog(db, of: task.requester).enumerated() { places[id] = index + 1 }
        }
        let wanted = Set(queued.map(\.id))
        return places.filter { wanted.contains($0.key) }
    }

    /// Moves a queued task within its user's backlog.
    public func moveTask(id: Int64, _ move: BacklogMove, by requester: Requester, now: Date = Date()) async throws(ActionError) -> DownloadTask {
        try await act("move task \(id)") { db in
            let task = try Self.taskForAction(db, id: id, action: .move, by: requester)
            var order = try Self.backlog(db, of: task.requester)
            guard let index = order.firstIndex(of: id) else { return task }
            order.remove(at: index)
            switch move {
            case .top: order.insert(id, at: 0)
            case .up: order.insert(id, at: max(index - 1, 0))
            case .down: order.insert(id, at: min(index + 1, order.count))
            }
            for (position, taskID) in order.enumerated() {
                try db.execute(cached: "UPDATE download_tasks SET queue_position = \(position + 1) WHERE id = \(taskID)")
            }
            try db.execute(cached: "UPDATE download_tasks SET updated_at = \(StoredTimestamp(now)) WHERE id = \(id)")
            return try DownloadTask.stored(db, id: id) ?? task
        }
    }

    /// The ids of one requester's queued tasks, next to start first.
    static func backlog(_ db: Database, of requester: Requester) throws -> [Int64] {
        try Int64.fetchAll(db, backlogRequest(of: requester))
    }

    /// The query `backlog(_:of:)` runs.
    static func backlogRequest(of requester: Requester) -> SQLRequest<Int64> {
        DownloadTask.mine(requester)
            .filter(literal: "status = \(DownloadStatus.queued)")
            .order(sql: "queue_position, id")
            .select(DownloadTask.Columns.id, as: Int64.self)
            .cached
    }

    /// Puts `id` at the end of its requester's backlog (status `queued`), refusing it when
    /// the backlog is full.
    static func enqueue(_ db: Database, id: Int64, requester: Requester, limits: ConcurrencyLimits, now: Date) throws {
        let waiting = try backlog(db, of: requester)
        guard waiting.count < limits.backlog else {
            throw ActionError.refused(.backlogFull(requester: requester, limit: limits.backlog))
        }
        let last = try Int64.fetchOne(db, SQLRequest(literal: """
            SELECT max(queue_position) FROM download_tasks WHERE id IN \(waiting)
            """)) ?? 0
        try db.execute(cached: """
            UPDATE download_tasks SET status = \(DownloadStatus.queued), queue_position = \(last + 1),
                claim_token = NULL, owner_pid = NULL, owner_started = NULL, heartbeat_at = NULL, not_before = NULL,
                updated_at = \(StoredTimestamp(now))
            WHERE id = \(id)
            """)
    }

    /// Whether anyone has a task in the backlog (one look at a partial index).
    @Sendable static func anyQueued(_ db: Database) throws -> Bool {
        try Bool.fetchOne(db, SQLRequest(literal: """
            SELECT EXISTS (SELECT 1 FROM download_tasks WHERE status = \(DownloadStatus.queued))
            """, cached: true)) ?? false
    }

    /// Makes queued tasks `pending` while the rules allow: each user's backlog in its order,
    /// the oldest request first among users, never past the per-user or system limit.
    @discardableResult
    static func admitFromBacklog(_ db: Database, limits: ConcurrencyLimits, now: Date) throws -> [DownloadTask] {
        // The common case, on every finished download: nobody waits (one look at a partial index).
        guard try anyQueued(db) else { return [] }
        var systemActive = try DownloadTask.active().cachedCount(db)
        guard systemActive < limits.system else { return [] }
        let queued = try DownloadTask.filter(literal: "status = \(DownloadStatus.queued)")
            .order(sql: "queue_position, id").fetchAll(db)
        guard !queued.isEmpty else { return [] }
        // Each requester's backlog, in order; requesters in the order of their oldest request.
        var backlogs: [Requester.Identity: [DownloadTask]] = [:]
        for task in queued { backlogs[task.requester.identity, default: []].append(task) }
        var admitted: [DownloadTask] = []
        var progress = true
        while progress, systemActive < limits.system {
            progress = false
            let heads = backlogs.values.compactMap(\.first).sorted { $0.id < $1.id }
            for head in heads where systemActive < limits.system {
                let identity = head.requester.identity
                guard try DownloadTask.active(of: head.requester).cachedCount(db) < limits.perUser else {
                    backlogs[identity] = nil
                    continue
                }
                try db.execute(cached: """
                    UPDATE download_tasks SET status = \(DownloadStatus.pending), queue_position = NULL,
                        updated_at = \(StoredTimestamp(now))
                    WHERE id = \(head.id)
                    """)
                backlogs[identity]?.removeFirst()
                if backlogs[identity]?.isEmpty == true { backlogs[identity] = nil }
                systemActive += 1
                progress = true
                if let task = try DownloadTask.stored(db, id: head.id) { admitted.append(task) }
            }
        }
        return admitted
    }
}
