#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A date as calendar fields (Gregorian) in UTC or the local time zone, converted with the C
/// library (`gmtime_r`, `localtime_r`, `timegm`).
///
/// Foundation's `DateFormatter`, `Calendar` and `TimeZone` load ICU and its data on Linux,
/// several megabytes of resident memory for a process that only ever needs these fields.
public struct CivilTime: Equatable, Sendable {
    /// Which clock the fields are read on.
    public enum Zone: Sendable {
        case utc
        /// The process's local time zone (`TZ`, else /etc/localtime).
        case local
    }

    public var year: Int
    public var month: Int
    public var day: Int
    public var hour: Int
    public var minute: Int
    public var second: Int
    public var millisecond: Int

    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0, millisecond: Int = 0) {
        (self.year, self.month, self.day) = (year, month, day)
        (self.hour, self.minute, self.second, self.millisecond) = (hour, minute, second, millisecond)
    }

    /// The fields of `date` on `zone`'s clock, to the nearest millisecond.
    public init(_ date: Date, zone: Zone) {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded())
        let (quotient, remainder) = milliseconds.quotientAndRemainder(dividingBy: 1000)
        let seconds = remainder < 0 ? quotient - 1 : quotient
        var time = time_t(seconds)
        var fields = tm()
        switch zone {
        case .utc: _ = gmtime_r(&time, &fields)
        case .local: _ = localtime_r(&time, &fields)
        }
        self.init(year: Int(fields.tm_year) + 1900, month: Int(fields.tm_mon) + 1, day: Int(fields.tm_mday),
                  hour: Int(fields.tm_hour), minute: Int(fields.tm_min), second: Int(fields.tm_sec),
                  millisecond: Int(milliseconds - seconds * 1000))
    }

    /// The instant these fields name when read as UTC.
    public var utcDate: Date {
        var fields = tm()
        fields.tm_year = Int32(year - 1900)
        fields.tm_mon = Int32(month - 1)
        fields.tm_mday = Int32(day)
        fields.tm_hour = Int32(hour)
        fields.tm_min = Int32(minute)
        fields.tm_sec = Int32(second)
        return Date(timeIntervalSince1970: Double(timegm(&fields)) + Double(millisecond) / 1000)
    }

    /// How much of the time `text(to:)` writes.
    public enum Precision: Sendable {
        case day, minute, second, millisecond
    }

    /// `2026-05-01`, then ` 14:30`, `:05` and `.250` as `precision` asks, with `separator`
    /// between the date and the time (`T` for ISO 8601).
    public func text(to precision: Precision, separator: String = " ") -> String {
        var text = "\(Self.digits(year, 4))-\(Self.digits(month))-\(Self.digits(day))"
        if precision == .day { return text }
        text += "\(separator)\(Self.digits(hour)):\(Self.digits(minute))"
        if precision == .minute { return text }
        text += ":\(Self.digits(second))"
        if precision == .second { return text }
        return text + ".\(Self.digits(millisecond, 3))"
    }

    private static func digits(_ value: Int, _ width: Int = 2) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }

    /// Whether both fall on the same calendar day.
    public func isSameDay(as other: CivilTime) -> Bool {
        year == other.year && month == other.month && day == other.day
    }
}
