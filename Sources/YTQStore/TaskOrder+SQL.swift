import GRDB
import YTQCore

/// Each `TaskOrder` as an SQL `ORDER BY`: the one place the list's order is spelled. Unknown
/// values (no title, no size yet) sort last, and ties go newest first (`id DESC`, unique), so
/// a window read at any offset is exact.
extension TaskOrder {
    var ordering: SQL {
        switch self {
        case .added:
            return "id DESC"
        case .title:
            return "title IS NULL, title COLLATE NOCASE, id DESC"
        case .status:
            var rank: SQL = "CASE status"
            for (index, status) in Self.statusRank.enumerated() {
                rank += " WHEN \(status) THEN \(index)"
            }
            return rank + " ELSE \(Self.statusRank.count) END, id DESC"
        case .size:
            return "total_bytes IS NULL, total_bytes DESC, id DESC"
        case .progress:
            let fraction: SQL = "CASE WHEN total_bytes > 0 THEN CAST(coalesce(downloaded_bytes, 0) AS REAL) / total_bytes END"
            return "(\(fraction)) IS NULL, \(fraction) DESC, id DESC"
        }
    }
}
