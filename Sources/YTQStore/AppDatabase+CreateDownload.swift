import Foundation
import GRDB
import YTQCore

extension AppDatabase {
    /// Outcome of `createDownload`: the new task, or the rule that refused it.
    public enum CreateOutcome: Sendable, Equatable {
        case created(DownloadTask)
        case refused(RuleViolation)
    }

    /// Checks the concurrency rules and inserts the task as `pending`, in one
    /// `BEGIN IMMEDIATE` transaction: two processes asking at the same instant are serialised
    /// by SQLite's write lock, so they never both get through.
    public func createDownload(
        _ request: DownloadRequest,
        by requester: Requester,
        limits: ConcurrencyLimits,
        now: Date = Date()
    ) throws(StoreError) -> CreateOutcome {
        let policy = ConcurrencyPolicy(limits: limits)
        return try write("add a download") { db in
            if let violation = try Self.ruleViolation(db, requester: requester, policy: policy) {
                return .refused(violation)
            }
            try db.execute(
                sql: """
                    INSERT INTO download_tasks
                        (user_id, ip_address, video_url, format, status, meta_data, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, '{}', ?, ?)
                    """,
                arguments: [
                    requester.userID, requester.ipAddress, request.url, request.format.storedValue,
                    DownloadStatus.pending.rawValue, StoredTimestamp(now), StoredTimestamp(now),
                ])
            let task = try DownloadTask.fetchOne(db, key: db.lastInsertedRowID)
            guard let task else { throw StoreError.failed(operation: "add a download", reason: "the new row vanished") }
            return .created(task)
        }
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
