import Foundation
import YTQCore

/// Timestamp text for people and scripts (through `CivilTime`: no ICU-backed formatter).
enum Timestamp {
    /// `2026-11-25T12:45:53.123Z`.
    static func iso8601(_ date: Date) -> String {
        let time = CivilTime(date, zone: .utc)
        return "\(digits(time.year, 4))-\(digits(time.month))-\(digits(time.day))T"
            + "\(digits(time.hour)):\(digits(time.minute)):\(digits(time.second)).\(digits(time.millisecond, 3))Z"
    }

    /// `2026-11-25 13:45` in the local time zone.
    static func local(_ date: Date) -> String {
        let time = CivilTime(date, zone: .local)
        return "\(digits(time.year, 4))-\(digits(time.month))-\(digits(time.day)) \(digits(time.hour)):\(digits(time.minute))"
    }

    private static func digits(_ value: Int, _ width: Int = 2) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
