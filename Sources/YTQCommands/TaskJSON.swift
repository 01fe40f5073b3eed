import Foundation
import YTQCore

/// The JSON form of tasks for scripts: column names as keys, ISO 8601 UTC timestamps.
enum TaskJSON {
    static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(Timestamp.iso8601(date))
        }
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

/// Timestamp text for people and scripts.
enum Timestamp {
    /// `2026-11-25T12:45:53.123Z`.
    static func iso8601(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: true).timeZone(separator: .omitted))
    }

    /// `2026-11-25 13:45` in the local time zone.
    static func local(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }
}
