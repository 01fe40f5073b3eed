import GRDB
import YTQCore

/// Rows of `download_tasks` decode into `DownloadTask`; `meta_data` is JSON text in the row.
extension DownloadTask: FetchableRecord, TableRecord {
    public static let databaseTableName = "download_tasks"

    /// Dates are read as `StoredTimestamp`s (no ICU-backed formatter).
    public static func databaseDateDecodingStrategy(for column: String) -> DatabaseDateDecodingStrategy {
        .custom { StoredTimestamp.fromDatabaseValue($0)?.date }
    }

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let userID = Column(CodingKeys.userID)
        public static let ipAddress = Column(CodingKeys.ipAddress)
        public static let status = Column(CodingKeys.status)
    }

    /// The tasks that hold a download slot.
    static func active() -> QueryInterfaceRequest<DownloadTask> {
        all().filter(DownloadStatus.active.map(\.rawValue).contains(Columns.status))
    }

    /// The active tasks of one requester, by uid when known, else by address.
    static func active(of requester: Requester) -> QueryInterfaceRequest<DownloadTask> {
        if let userID = requester.userID {
            return active().filter(Columns.userID == userID)
        }
        return active().filter(Columns.userID == nil && Columns.ipAddress == requester.ipAddress)
    }
}
