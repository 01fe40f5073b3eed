import Foundation
import GRDB
import YTQCore

extension AppDatabase {
    /// Refuses, before anything writes to it, a file that is not ytq's database (another
    /// application's tables) or one a newer ytq migrated: ytq's table and migrations, none
    /// unknown; an empty database (a new one) passes. Runs as each connection opens
    /// (`makeConfiguration`), before GRDB would switch the file to WAL; a file that is not
    /// SQLite at all fails right here with `SQLITE_NOTADB`.
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
