import Foundation
import GRDB
import Testing
@testable import YTQStore

/// Dates in the database: GRDB's text format, without GRDB's (ICU-backed) formatter.
@Suite("StoredTimestamp")
struct StoredTimestampTests {
    @Test("writes GRDB's own text for a date")
    func sameTextAsGRDB() {
        for seconds in [0.0, 1_777_645_805.25, 1_709_164_800.999, 951_782_400.001] {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(StoredTimestamp(date).databaseValue == date.databaseValue, "\(seconds)")
        }
    }

    @Test("reads back what it writes, to the millisecond")
    func roundTrip() throws {
        let date = Date(timeIntervalSince1970: 1_777_645_805.123)
        let back = try #require(StoredTimestamp.fromDatabaseValue(StoredTimestamp(date).databaseValue))
        #expect(abs(back.date.timeIntervalSince(date)) < 0.0005)
    }

    @Test("reads the shapes SQLite writes (datetime('now'), CURRENT_TIMESTAMP, dates only, T separator)")
    func shapes() throws {
        let cases: [(String, Double)] = [
            ("2026-05-01 14:30:05.250", 1_777_645_805.25),
            ("2026-05-01 14:30:05", 1_777_645_805),
            ("2026-05-01T14:30:05.2", 1_777_645_805.2),
            ("2026-05-01 14:30", 1_777_645_800),
            ("2026-05-01", 1_777_593_600),
        ]
        for (text, seconds) in cases {
            let value = try #require(StoredTimestamp.fromDatabaseValue(text.databaseValue), "\(text)")
            #expect(abs(value.date.timeIntervalSince1970 - seconds) < 0.0005, "\(text)")
        }
        let queue = try DatabaseQueue()
        let now = try queue.read { db in try String.fetchOne(db, sql: "SELECT datetime('now')") }
        #expect(StoredTimestamp.parse(try #require(now)) != nil)
    }

    @Test("refuses what is not a date")
    func garbage() {
        for text in ["", "yesterday", "2026-13-01", "2026-05-01 14", "2026-05-01 14:30:05.", "2026-05-01 14:30:05 junk"] {
            #expect(StoredTimestamp.parse(text) == nil, "\(text)")
        }
    }
}
