import GRDB
import YTQCore

/// A status in an SQL literal is spelled into the text (`status = 'pending'`), never bound as
/// an argument. SQLite uses a partial index (`… WHERE status IN ('pending', 'downloading')`)
/// only when it can read the value while it plans: with `status IN (?, ?)` it counted a
/// user's active tasks by visiting every task that user ever had. Spelled, a statement's text
/// also stays the same from call to call, for the statement cache.
/// Statuses are fixed lower-case words (`DownloadStatusSQLTests` checks), so spelling one is safe.
extension SQLInterpolation {
    /// `\(DownloadStatus.pending)` in an `SQL` literal: `'pending'`.
    mutating func appendInterpolation(_ status: DownloadStatus) {
        appendLiteral("'\(status.rawValue)'")
    }

    /// `\(DownloadStatus.active)` in an `SQL` literal: `('pending', 'downloading')`.
    mutating func appendInterpolation(_ statuses: [DownloadStatus]) {
        appendLiteral("(" + statuses.map { "'\($0.rawValue)'" }.joined(separator: ", ") + ")")
    }
}
