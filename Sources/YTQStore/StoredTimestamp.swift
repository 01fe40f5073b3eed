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

    /// Reads `yyyy-MM-dd`, optionally followed by ` HH:mm`, `:ss` and `.SSS` (also with `T`
    /// for the space); nil for any other shape.
    static func parse(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        var index = 0
        func number(_ digits: Int) -> Int? {
            guard index + digits <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[index..<index + digits] {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            index += digits
            return value
        }
        func skip(_ separators: String) -> Bool {
            guard index < bytes.count, separators.utf8.contains(bytes[index]) else { return false }
            index += 1
            return true
        }
        guard let year = number(4), skip("-"), let month = number(2), skip("-"), let day = number(2),
              (1...12).contains(month), (1...31).contains(day) else { return nil }
        var time = CivilTime(year: year, month: month, day: day)
        if index < bytes.count {
            guard skip(" T"), let hour = number(2), skip(":"), let minute = number(2) else { return nil }
            (time.hour, time.minute) = (hour, minute)
            if skip(":") {
                guard let second = number(2) else { return nil }
                time.second = second
                if skip(".") {
                    let start = index
                    while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") { index += 1 }
                    let fraction = bytes[start..<min(index, start + 3)]
                    guard !fraction.isEmpty else { return nil }
                    var millisecond = 0
                    for byte in fraction { millisecond = millisecond * 10 + Int(byte - UInt8(ascii: "0")) }
                    for _ in fraction.count..<3 { millisecond *= 10 }
                    time.millisecond = millisecond
                }
            }
            guard index == bytes.count else { return nil }
        }
        return time.utcDate
    }
}
