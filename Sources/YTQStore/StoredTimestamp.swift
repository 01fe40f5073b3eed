import Foundation
import GRDB
import YTQCore

/// A date as the database stores it: text `yyyy-MM-dd HH:mm:ss.SSS` in UTC.
///
/// The same text GRDB writes for a `Date`, so every row reads back either way; but encoded
/// and parsed with `CivilTime` instead of GRDB's `DateFormatter`, which loads ICU (megabytes
/// of resident memory in the screen process). Bind dates as `StoredTimestamp(date)`.
struct StoredTimestamp: DatabaseValueConvertible, Sendable {
    let date: Date

    init(_ date: Date) {
        self.date = date
    }

    var databaseValue: DatabaseValue {
        Self.text(of: date).databaseValue
    }

    static func fromDatabaseValue(_ dbValue: DatabaseValue) -> StoredTimestamp? {
        if case .string(let text) = dbValue.storage, let date = parse(text) {
            return StoredTimestamp(date)
        }
        // Anything else SQLite calls a date (a number, a time zone suffix): GRDB's reading.
        return Date.fromDatabaseValue(dbValue).map(StoredTimestamp.init)
    }

    /// `yyyy-MM-dd HH:mm:ss.SSS` in UTC.
    static func text(of date: Date) -> String {
        CivilTime(date, zone: .utc).text(to: .millisecond)
    }

    /// The shapes `CivilTime.parse` reads (`yyyy-MM-dd`, then ` HH:mm`, `:ss`, `.SSS`), as UTC.
    static func parse(_ text: String) -> Date? {
        CivilTime.parse(text)?.utcDate
    }
}
