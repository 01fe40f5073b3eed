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

    /// `2026-11-25T12:45:53.123Z`: ISO 8601 in UTC, to the millisecond (the shared queue's
    /// JSON, `ytq list --json`, `ytq show`).
    public static func iso8601(_ date: Date) -> String {
        CivilTime(date, zone: .utc).text(to: .millisecond, separator: "T") + "Z"
    }

    /// Reads `yyyy-MM-dd`, optionally followed by ` HH:mm` (or `THH:mm`), `:ss`, `.SSS` and,
    /// after a time, `Z`: what `text(to:)`, `iso8601` and SQLite's date functions write. Nil
    /// for any other shape. The fields are taken as written; `utcDate` reads them as UTC.
    public static func parse(_ text: String) -> CivilTime? {
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
        guard index < bytes.count else { return time }
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
        _ = skip("Z")
        return index == bytes.count ? time : nil
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
