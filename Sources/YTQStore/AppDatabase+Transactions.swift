import GRDB
import YTQCore

/// The only ways into the database: every access runs on GRDB's own queues and the caller
/// suspends (never blocks a thread of the cooperative pool) while SQLite waits for a lock.
extension AppDatabase {
    /// Runs `body` in an IMMEDIATE write transaction, turning failures into `StoreError`.
    func write<T: Sendable>(_ operation: String, _ body: @escaping @Sendable (Database) throws -> T) async throws(StoreError) -> T {
        do {
            return try await immediateTransaction(body)
        } catch {
            throw storeError(error, operation: operation)
        }
    }

    /// `write` when `needed` says so: it is asked first, on the writer's connection outside
    /// any transaction, so a look that finds nothing to do takes no lock and returns nil. One
    /// hop to GRDB's writer, where a read and then a write took two.
    func write<T: Sendable>(
        _ operation: String, if needed: @escaping @Sendable (Database) throws -> Bool,
        _ body: @escaping @Sendable (Database) throws -> T?
    ) async throws(StoreError) -> T? {
        do {
            return try await writer.writeWithoutTransaction { db -> T? in
                guard try needed(db) else { return nil }
                return try Self.inImmediateTransaction(db, body)
            }
        } catch {
            throw storeError(error, operation: operation)
        }
    }

    /// A user action's transaction: an `ActionError` thrown by `body` (not found, not yours,
    /// refused by a rule) passes through; any other failure is `.store`.
    func act<T: Sendable>(_ operation: String, _ body: @escaping @Sendable (Database) throws -> T) async throws(ActionError) -> T {
        do {
            return try await immediateTransaction(body)
        } catch let error as ActionError {
            throw error
        } catch {
            throw .store(storeError(error, operation: operation))
        }
    }

    /// Runs `body` on a read-only snapshot, turning failures into `StoreError`.
    func read<T: Sendable>(_ operation: String, _ body: @escaping @Sendable (Database) throws -> T) async throws(StoreError) -> T {
        do {
            return try await writer.read(body)
        } catch {
            throw storeError(error, operation: operation)
        }
    }

    private func immediateTransaction<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await writer.writeWithoutTransaction { db in try Self.inImmediateTransaction(db, body) }
    }

    /// `body` in a `BEGIN IMMEDIATE` transaction on `db`, committed when it returns.
    private static func inImmediateTransaction<T>(_ db: Database, _ body: (Database) throws -> T) throws -> T {
        var result: T?
        try db.inTransaction(.immediate) {
            result = try body(db)
            return .commit
        }
        guard let result else { throw StoreError.failed(operation: "write", reason: "transaction returned nothing") }
        return result
    }

    func storeError(_ error: any Error, operation: String) -> StoreError {
        if let error = error as? StoreError { return error }
        if let error = error as? DatabaseError,
           error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED {
            // SQLite cannot say who holds a lock; the processes with the file open can be named.
            return .busy(operation: operation, holders: path.map { OpenFileHolders.describe(path: $0) } ?? [])
        }
        if let error = error as? DatabaseError, error.resultCode == .SQLITE_FULL {
            return .diskFull(operation: operation)
        }
        return .failed(operation: operation, reason: Self.describe(error))
    }
}
