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
            let mine = DownloadTask.active(of: requester)
            let mineCount = try mine.fetchCount(db)
            let first = mineCount > 0 ? try mine.order(DownloadTask.Columns.id).fetchOne(db) : nil
            let systemCount = try DownloadTask.active().fetchCount(db)
            if let violation = policy.violation(
                requester: requester,
                requesterActiveCount: mineCount,
                firstRequesterActive: first?.summary,
                systemActiveCount: systemCount
            ) {
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
                    DownloadStatus.pending.rawValue, now, now,
                ])
            let task = try DownloadTask.fetchOne(db, key: db.lastInsertedRowID)
            guard let task else { throw StoreError.failed(operation: "add a download", reason: "the new row vanished") }
            return .created(task)
        }
    }

    /// Runs `body` in an IMMEDIATE write transaction, turning GRDB errors into `StoreError`.
    func write<T: Sendable>(_ operation: String, _ body: @Sendable (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try writer.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                guard let result else { throw StoreError.failed(operation: operation, reason: "transaction returned nothing") }
                return result
            }
        } catch {
            throw Self.storeError(error, operation: operation)
        }
    }

    /// Runs `body` on a read-only snapshot, turning GRDB errors into `StoreError`.
    func read<T: Sendable>(_ operation: String, _ body: @Sendable (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try writer.read(body)
        } catch {
            throw Self.storeError(error, operation: operation)
        }
    }

    static func storeError(_ error: any Error, operation: String) -> StoreError {
        if let error = error as? StoreError { return error }
        if let error = error as? DatabaseError,
           error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED {
            return .busy(operation: operation)
        }
        return .failed(operation: operation, reason: describe(error))
    }
}
