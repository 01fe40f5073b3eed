import YTQCore

/// A failure of the database itself (not of a rule), with what to check.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    case cannotOpen(path: String, reason: String)
    case busy(operation: String)
    case taskNotFound(id: Int64)
    case notActive(id: Int64, status: DownloadStatus)
    case notRetryable(id: Int64, status: DownloadStatus)
    case failed(operation: String, reason: String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason):
            return "cannot open the database \(path): \(reason). Check the path and its permissions, or pass --db PATH"
        case .busy(let operation):
            return "the database stayed locked by another ytq process for \(Int(AppDatabase.busyTimeout)) s while trying to \(operation); try again"
        case .taskNotFound(let id):
            return "no task with id \(id); `ytq list` shows the tasks there are"
        case .notActive(let id, let status):
            return "task #\(id) is already \(status.rawValue); only pending or downloading tasks can be cancelled"
        case .notRetryable(let id, let status):
            return "task #\(id) is \(status.rawValue); only failed or cancelled tasks can be retried"
        case .failed(let operation, let reason):
            return "database error while trying to \(operation): \(reason)"
        }
    }
}
