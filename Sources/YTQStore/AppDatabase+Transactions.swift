import GRDB
import YTQCore

extension AppDatabase {
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
