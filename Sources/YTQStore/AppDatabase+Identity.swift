import Foundation
import GRDB
import YTQCore

extension AppDatabase {
    /// Refuses, before anything writes to it, a file that is not ytq's database (another
    /// application's tables, or not SQLite at all) or one a newer ytq migrated: opening the
    /// pool would switch the file to WAL and migrating would write to it. Reads through a
    /// read-only connection of its own; an empty file (a new database) passes.
    static func checkIdentity(path: String) throws(StoreError) {
        var info = stat()
        guard stat(path, &info) == 0, info.st_size > 0 else { return }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(busyTimeout)
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            defer { try? queue.close() }
            try queue.read { db throws in try checkIdentity(db, path: path) }
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw .notYTQDatabase(path: path, reason: "it is not an SQLite database")
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED {
            throw .busy(operation: "open the database", holders: OpenFileHolders.describe(path: path))
        } catch let error as DatabaseError
                    where (error.resultCode == .SQLITE_FULL || error.resultCode == .SQLITE_IOERR)
                        && isFull(folder: URL(fileURLWithPath: path).deletingLastPathComponent().path) {
            // Even a read-only look writes the WAL index: on a full disk SQLite says only
            // "disk I/O error", which would send the user to the permissions.
            throw .diskFull(operation: "open the database")
        } catch {
            throw .cannotOpen(path: path, reason: describe(error))
        }
    }

    /// The same check on an open connection: ytq's table and migrations, none unknown.
    static func checkIdentity(_ db: Database, path: String) throws {
        let tables = try String.fetchAll(db, sql: """
            SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name
            """)
        guard !tables.isEmpty else { return }
        let known = Set(migrator.migrations)
        let applied = tables.contains("grdb_migrations")
            ? try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid") : []
        guard tables.contains("download_tasks"), applied.contains(where: known.contains) else {
            let shown = tables.prefix(8).joined(separator: ", ") + (tables.count > 8 ? ", …" : "")
            throw StoreError.notYTQDatabase(path: path, reason: "it holds another application's tables (\(shown)) and no ytq migrations")
        }
        let unknown = applied.filter { !known.contains($0) }
        if !unknown.isEmpty { throw StoreError.writtenByNewerYTQ(path: path, migrations: unknown) }
    }
}
