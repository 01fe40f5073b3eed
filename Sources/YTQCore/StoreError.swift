/// A failure of the database itself (not of a rule or a request), with what to check.
public enum StoreError: Error, Sendable, Equatable, Codable, CustomStringConvertible {
    /// How long a writer waits for another process's write lock before giving up.
    public static let busyTimeoutSeconds = 10

    case cannotOpen(path: String, reason: String)
    /// The file holds migrations this build does not know: a newer ytq wrote it.
    case writtenByNewerYTQ(path: String, migrations: [String])
    /// The file is some other application's SQLite database (or no database at all).
    case notYTQDatabase(path: String, reason: String)
    /// The file or its folder is a link, or others could write it; `shared` when the cause is
    /// another user (which says that sharing is not supported).
    case unsafeLocation(path: String, reason: String, shared: Bool)
    /// `holders`: the processes found with the database file open, as "pid N (command)", if any.
    case busy(operation: String, holders: [String] = [])
    case failed(operation: String, reason: String)
    /// SQLite could not grow the database or its journal (SQLITE_FULL: ENOSPC or a quota).
    case diskFull(operation: String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason):
            return "cannot open the database \(path): \(reason). Check the path and its permissions, or pass --db PATH"
        case .writtenByNewerYTQ(let path, let migrations):
            let list = migrations.joined(separator: ", ")
            return "the database \(path) was written by a newer ytq (migration \(list)); upgrade ytq. "
                + "This ytq leaves the file untouched"
        case .notYTQDatabase(let path, let reason):
            return "\(path) is not a ytq database: \(reason); ytq leaves it untouched. "
                + "Pass --db PATH (or set YTQ_DB, or db in the config file) to a file of ytq's own"
        case .unsafeLocation(let path, let reason, let shared):
            let sharing = shared
                ? ". Sharing a database file between users is not supported: `ytq serve` (coming) will let several users share one queue"
                : ""
            return "refused the database \(path): \(reason)\(sharing)"
        case .busy(let operation, let holders):
            let locked = "the database stayed locked for \(Self.busyTimeoutSeconds) s while trying to \(operation)"
            guard !holders.isEmpty else {
                return locked + "; no other process this user can see has it open (another user's, or one on another "
                    + "machine sharing the folder, may); try again, and if it stays locked, look for what holds the file"
            }
            return locked + "; open in " + holders.joined(separator: ", ")
                + ". One of them holds the lock: wait for it to finish (or stop it), then try again"
        case .diskFull(let operation):
            return "the disk holding the database is full, so ytq could not \(operation); free space on it "
                + "(partial downloads live beside the database, in its partial folder) and try again"
        case .failed(let operation, let reason):
            return "database error while trying to \(operation): \(reason)"
        }
    }
}
