import Foundation
import YTQCore

/// Timestamp text for people and scripts (through `CivilTime`: no ICU-backed formatter).
enum Timestamp {
    /// `2026-11-25T12:45:53.123Z`.
    static func iso8601(_ date: Date) -> String {
        CivilTime(date, zone: .utc).text(to: .millisecond, separator: "T") + "Z"
    }

    /// `2026-11-25 13:45` in the local time zone.
    static func local(_ date: Date) -> String {
        CivilTime(date, zone: .local).text(to: .minute)
    }
}
