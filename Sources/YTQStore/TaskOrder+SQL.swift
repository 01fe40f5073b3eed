import GRDB
import YTQCore

/// Each `TaskOrder` as an SQL `ORDER BY`: the one place the list's order is spelled. Unknown
/// values (no title, no size yet) sort last, and ties go newest first (`id DESC`, unique), so
/// a window read at any offset is exact.
///
/// Plain SQL text without arguments: the `v8-list-orders` migration indexes each order behind
/// `user_id` with these very expressions (an index on an expression serves only the same
/// expression), so a user's page in any order reads `limit` index entries, not the table.
/// Changing an expression here needs a migration that rebuilds its index (`TaskOrderTests`
/// checks that every order's page uses one).
extension TaskOrder {
    var ordering: String {
        switch self {
        case .added:
            return "id DESC"
        case .title:
            return "title IS NULL, title COLLATE NOCASE, id DESC"
        case .status:
            // The statuses are ytq's own names (lower-case letters), safe to write as literals.
            let ranks = Self.statusRank.enumerated().map { "WHEN '\($0.element.rawValue)' THEN \($0.offset)" }
            return "CASE status \(ranks.joined(separator: " ")) ELSE \(Self.statusRank.count) END, id DESC"
        case .size:
            return "total_bytes IS NULL, total_bytes DESC, id DESC"
        case .progress:
            let fraction = "CASE WHEN total_bytes > 0 THEN CAST(coalesce(downloaded_bytes, 0) AS REAL) / total_bytes END"
            return "(\(fraction)) IS NULL, \(fraction) DESC, id DESC"
        }
    }

    /// The name of the index that serves this order for one user's tasks.
    var indexName: String {
        "download_tasks_by_user_" + rawValue
    }
}
