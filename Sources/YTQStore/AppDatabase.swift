import Foundation
import GRDB
import YTQCore

/// The ytq database: one SQLite file shared by every ytq process, behind intent-named methods.
///
/// Modelled on GRDB's demo `AppDatabase`: a `Sendable` value over a `DatabaseWriter`, with
/// the schema in named migrations. Every write that checks a rule runs in one
/// `BEGIN IMMEDIATE` transaction, so rules hold across processes.
public struct AppDatabase: Sendable {
    /// How long a writer waits for another process's write lock before giving up.
    public static let busyTimeout = TimeInterval(StoreError.busyTimeoutSeconds)

    let writer: any DatabaseWriter
    /// The device and inode of the file when it was opened (nil in memory): a file deleted
    /// or replaced under a running process is told apart from the one it still writes.
    let openedFile: FileIdentity?
    /// This database's own random name (16 hex digits), made when it was created: what keeps
    /// its partial folders apart from another database's (`SchedulerConfiguration.partialRoot`).
    public let instanceID: String

    /// Opens (creating when needed: folder 0700, file 0600) the database file at `path`, and
    /// migrates it. Refused, untouched: a link, a file or folder another user may write
    /// (`DatabaseLocation`), another application's file or one a newer ytq wrote
    /// (`checkIdentity`, as each connection opens). Opening may wait for another process's
    /// lock, so it runs on a thread of its own, never on the cooperative pool.
    ///
    /// With `forReading`, an existing, migrated database is opened read-only: nothing is
    /// written (not even the empty WAL GRDB otherwise fills), so `ytq list` and `ytq show`
    /// answer beside another process's write lock or on a full disk. One that does not exist
    /// yet or needs migrating is opened as usual.
    public static func open(path: String, forReading: Bool = false) async throws(StoreError) -> AppDatabase {
        let opened: Result<AppDatabase, StoreError> = await BlockingCall.run {
            Result { () throws(StoreError) in
                if forReading, FileManager.default.fileExists(atPath: path), let reader = try openNow(path: path, readOnly: true) {
                    return reader
                }
                guard let database = try openNow(path: path, readOnly: false) else {
                    throw .cannotOpen(path: path, reason: "it could not be migrated")
                }
                return database
            }
        }
        return try opened.get()
    }

    /// The database at `path`; nil when `readOnly` and it needs migrating first.
    private static func openNow(path: String, readOnly: Bool) throws(StoreError) -> AppDatabase? {
        try DatabaseLocation.prepare(path: path)
        do {
            var configuration = makeConfiguration(path: path)
            configuration.readonly = readOnly
            let pool = try DatabasePool(path: path, configuration: configuration)
            if readOnly, try !pool.writeWithoutTransaction({ db in try Self.migrator.hasCompletedMigrations(db) }) { return nil }
            return try AppDatabase(writer: pool, openedFile: FileIdentity(path: path))
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw .notYTQDatabase(path: path, reason: "it is not an SQLite database")
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED {
            // Locked, not unreadable: say who has it open, as a busy write does.
            throw .busy(operation: "open the database", holders: OpenFileHolders.describe(path: path))
        } catch let error as DatabaseError
                    where (error.resultCode == .SQLITE_FULL || error.resultCode == .SQLITE_IOERR) && Self.isFull(folder: URL(fileURLWithPath: path).deletingLastPathComponent().path) {
            // Opening writes too (the WAL and its index): on a full disk SQLite says only
            // "disk I/O error", which sends the user to the permissions.
            throw .diskFull(operation: "open the database")
        } catch {
            throw .cannotOpen(path: path, reason: Self.describe(error))
        }
    }

    /// Whether the filesystem holding `folder` has (almost) no room left for this user.
    static func isFull(folder: String) -> Bool {
        var stats = statvfs()
        guard statvfs(folder, &stats) == 0 else { return false }
        return UInt64(stats.f_bavail) * UInt64(stats.f_frsize) < 64 * 1024
    }

    /// An in-memory database, for tests.
    public static func inMemory() throws(StoreError) -> AppDatabase {
        do {
            return try AppDatabase(writer: DatabaseQueue(configuration: makeConfiguration(path: ":memory:")))
        } catch let error as StoreError {
            throw error
        } catch {
            throw .cannotOpen(path: ":memory:", reason: Self.describe(error))
        }
    }

    init(writer: any DatabaseWriter, openedFile: FileIdentity? = nil) throws {
        self.writer = writer
        self.openedFile = openedFile
        // A migrated database opens with reads alone: `ytq list` and `ytq show` answer beside
        // another process's write lock, or on a full disk. The reads use the writer's
        // connection outside any transaction (no lock is taken), so a one-shot command such
        // as `ytq add` never opens a second connection.
        if try !writer.writeWithoutTransaction({ db in try Self.migrator.hasCompletedMigrations(db) }) {
            try Self.migrator.migrate(writer)
        }
        instanceID = try writer.writeWithoutTransaction { db in
            try String.fetchOne(db, sql: "SELECT id FROM database_identity WHERE single_row = 1") ?? "default"
        }
    }

    /// The configuration of every connection to the database at `path` (named in errors).
    static func makeConfiguration(path: String) -> Configuration {
        var config = Configuration()
        config.busyMode = .timeout(busyTimeout)
        config.foreignKeysEnabled = true
        config.label = "ytq"
        // One process reads from the screen and the scheduler at most: two readers suffice,
        // and each connection holds its own cache and schema.
        config.maximumReaderCount = 2
        config.prepareDatabase { db in
            // First, before anything can write: GRDB switches a pool's file to WAL and writes
            // to it right after this, and migrating writes too.
            try Self.checkIdentity(db, path: path)
            // WAL (set by DatabasePool) with NORMAL sync: a crash of ytq loses nothing committed;
            // a power cut may lose the last moments but never corrupts the file.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // 512 KiB of page cache per connection instead of SQLite's 2 MiB: the queries are
            // indexed and the operating system caches the file anyway; counting 100,000 tasks
            // for the screen's header otherwise fills the cache and stays in resident memory.
            try db.execute(sql: "PRAGMA cache_size = -512")
        }
        return config
    }

    /// Wakes its reader whenever the tasks may have changed, whichever process wrote: a watch
    /// on the file for a database on disk, GRDB's own commit notifications for one in memory
    /// (only this process can write it). Yields once at the start, so nothing changed before
    /// the watch was in place goes unseen; ends when the reader stops iterating.
    public func changes() -> AsyncStream<Void> {
        if let path { return DatabaseChangeMonitor(databasePath: path).changes() }
        let (stream, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        continuation.yield()
        let cancellable = DatabaseRegionObservation(tracking: DownloadTask.all())
            .start(in: writer, onError: { _ in continuation.finish() }, onChange: { _ in continuation.yield() })
        continuation.onTermination = { _ in cancellable.cancel() }
        return stream
    }

    /// The path of the database file, or nil in memory.
    public var path: String? {
        let path = writer.path
        return path.isEmpty || path == ":memory:" ? nil : path
    }

    static func describe(_ error: any Error) -> String {
        if let error = error as? DatabaseError {
            return error.message ?? "\(error.resultCode)"
        }
        return "\(error)"
    }
}
