import Foundation
import YTQCore

/// Timestamp text for people (through `CivilTime`: no ICU-backed formatter; scripts get
/// `CivilTime.iso8601`).
enum Timestamp {
    /// `2026-11-25 13:45` in the local time zone.
    static func local(_ date: Date) -> String {
        CivilTime(date, zone: .local).text(to: .minute)
    }
}
