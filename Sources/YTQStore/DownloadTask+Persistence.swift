import Foundation
import GRDB
import YTQCore

/// Rows of `download_tasks` decode into `DownloadTask`, typed once here: the format as a
/// `FormatSpec`, the status as a `DownloadStatus`, the claim and the child as values.
extension DownloadTask: FetchableRecord, TableRecord {
    public static let databaseTableName = "download_tasks"

    public init(row: Row) throws {
        let format: FormatSpec
        let storedFormat: String = try row.decode(forColumn: "format")
        do {
            format = try FormatSpec(parsing: storedFormat)
        } catch {
            throw StoreError.failed(operation: "read task #\(row["id"] as Int64? ?? 0)", reason: "its stored format is not usable: \(error)")
        }
        let id: Int64 = try row.decode(forColumn: "id")
        let token: String? = row["claim_token"]
        let owner = Self.identity(row["owner_pid"], row["owner_started"])
        self.init(
            id: id, userID: row["user_id"], ipAddress: row["ip_address"], videoURL: row["video_url"],
            format: format, status: try row.decode(forColumn: "status"), filePath: row["file_path"], title: row["title"],
            metaData: Self.metaData(row["meta_data"]), errorMessage: row["error_message"],
            createdAt: Self.date(row["created_at"]) ?? Date(timeIntervalSince1970: 0),
            updatedAt: Self.date(row["updated_at"]) ?? Date(timeIntervalSince1970: 0),
            attempts: row["attempts"], crashCount: row["crash_count"],
            downloadedBytes: row["downloaded_bytes"], totalBytes: row["total_bytes"], commandLine: row["command_line"],
            claim: token.flatMap { token in owner.map { TaskClaim(taskID: id, token: token, owner: $0) } },
            heartbeatAt: Self.date(row["heartbeat_at"]),
            child: Self.identity(row["child_pid"], row["child_started"]),
            notBefore: Self.date(row["not_before"]))
    }

    public enum Columns {
        public static let id = Column("id")
        public static let userID = Column("user_id")
        public static let ipAddress = Column("ip_address")
        public static let filePath = Column("file_path")
    }

    /// The stored task with this id, or nil (the store's most frequent read, cached).
    static func stored(_ db: Database, id: Int64) throws -> DownloadTask? {
        try fetchOne(db, SQLRequest(literal: "SELECT * FROM download_tasks WHERE id = \(id)", cached: true))
    }

    /// The tasks that hold a download slot.
    static func active() -> QueryInterfaceRequest<DownloadTask> {
        all().filter(literal: "status IN \(DownloadStatus.active)")
    }

    /// The active tasks of one requester, by uid when known, else by address.
    static func active(of requester: Requester) -> QueryInterfaceRequest<DownloadTask> {
        mine(requester).filter(literal: "status IN \(DownloadStatus.active)")
    }

    /// One requester's tasks, by uid when known, else by address.
    static func mine(_ requester: Requester) -> QueryInterfaceRequest<DownloadTask> {
        switch requester.identity {
        case .user(let userID): return all().filter(Columns.userID == userID)
        case .address(let address): return all().filter(Columns.userID == nil && Columns.ipAddress == address)
        }
    }

    /// The tasks `requester` may see: everyone's for root and administrators, else their own.
    static func visible(to requester: Requester) -> QueryInterfaceRequest<DownloadTask> {
        requester.seesEveryone ? all() : mine(requester)
    }

    /// Dates are read as `StoredTimestamp`s (no ICU-backed formatter).
    private static func date(_ value: DatabaseValue) -> Date? {
        StoredTimestamp.fromDatabaseValue(value)?.date
    }

    private static func metaData(_ text: String?) -> [String: JSONValue] {
        // Most rows have none yet: skip the decoder (the costliest part of reading a row).
        guard let text, text != "{}" else { return [:] }
        guard let decoded = try? JSONDecoder().decode([String: JSONValue].self, from: Data(text.utf8)) else { return [:] }
        return decoded
    }

    /// A process recorded as pid + start time; nil unless both are there and plausible.
    static func identity(_ pid: Int64?, _ started: Int64?) -> ProcessIdentity? {
        guard let pid, let started, pid > 0, pid <= Int64(Int32.max) else { return nil }
        return ProcessIdentity(pid: Int32(pid), startTime: UInt64(bitPattern: started))
    }
}

/// A status reads and binds as its raw text; inside an `SQL` literal it is spelled from the
/// enum (`DownloadStatus+SQL.swift`), so no SQL writes a status as a string literal of its own.
extension DownloadStatus: DatabaseValueConvertible {}

/// A format binds as its stored text.
extension FormatSpec: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { storedValue.databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> FormatSpec? {
        String.fromDatabaseValue(dbValue).flatMap { try? FormatSpec(parsing: $0) }
    }
}

extension Requester.Identity {
    /// This requester as `task_status_counts` names an owner (`v9-status-counts`): the same
    /// tasks as `DownloadTask.mine`, by uid when known, else by address ('*' is everyone's).
    var countsOwner: String {
        switch self {
        case .user(let userID): "u\(userID)"
        case .address(let address): "a" + address
        }
    }
}

extension ProcessIdentity {
    /// The start time as SQLite stores it (a signed 64-bit integer).
    var storedStartTime: Int64 { Int64(bitPattern: startTime) }
}
