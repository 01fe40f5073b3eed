import Foundation
import YTQCore

/// Short human forms of sizes, speeds, durations and times, as the list and details show them.
public enum HumanFormat {
    private static let units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"]

    /// `512 B`, `1.5 MiB`, `12.0 GiB` (binary units, one decimal).
    public static func bytes(_ count: Int64) -> String {
        let (value, unit) = scaled(Double(max(0, count)))
        return unit == 0 ? "\(Int(value)) B" : "\(oneDecimal(value)) \(units[unit])"
    }

    /// `2.3 MiB/s`.
    public static func speed(_ bytesPerSecond: Double) -> String {
        guard bytesPerSecond.isFinite else { return "-" }
        return bytes(Int64(min(max(0, bytesPerSecond), 9e18))) + "/s"
    }

    /// Downloaded and total with one unit when they share it: `12.5/40.0 MiB`, else
    /// `512 KiB/1.2 GiB`; only the downloaded size when the total is unknown.
    public static func progressSize(downloaded: Int64, total: Int64?) -> String {
        guard let total else { return bytes(downloaded) }
        let (done, doneUnit) = scaled(Double(max(0, downloaded)))
        let (all, allUnit) = scaled(Double(max(0, total)))
        guard doneUnit == allUnit, allUnit > 0 else { return bytes(downloaded) + "/" + bytes(total) }
        return "\(oneDecimal(done))/\(oneDecimal(all)) \(units[allUnit])"
    }

    /// A size for a narrow column: `512 B`, `1.5 MiB`, `612 MiB` (a decimal below 100 only),
    /// at most `1023 KiB`: 8 cells.
    public static func shortBytes(_ count: Int64) -> String {
        let (value, unit) = scaled(Double(max(0, count)))
        return unit == 0 ? "\(Int(value)) B" : "\(shortNumber(value)) \(units[unit])"
    }

    /// A speed for a narrow column: `2.3 MiB/s`, `850 KiB/s`; at most 10 cells.
    public static func shortSpeed(_ bytesPerSecond: Double) -> String {
        guard bytesPerSecond.isFinite else { return "-" }
        return shortBytes(Int64(min(max(0, bytesPerSecond), 9e18))) + "/s"
    }

    /// Downloaded and total for a narrow column, both in the total's unit: `18.0/40.0 MiB`,
    /// `0.2/2.9 MiB`, `512/1023 KiB`; at most 13 cells (the downloaded size alone when the
    /// total is unknown, or so far past it that the pair would not fit).
    public static func shortProgressSize(downloaded: Int64, total: Int64?) -> String {
        guard let total else { return shortBytes(downloaded) }
        let (all, unit) = scaled(Double(max(0, total)))
        let done = Double(max(0, downloaded)) / pow(1024, Double(unit))
        let text = unit == 0 ? "\(max(0, downloaded))/\(max(0, total)) B" : "\(shortNumber(done))/\(shortNumber(all)) \(units[unit])"
        return text.count <= 13 ? text : shortBytes(downloaded)
    }

    /// `0:05`, `1:05`, `1:02:03`; `>99h` beyond that.
    public static func duration(seconds: Int) -> String {
        let seconds = max(0, seconds)
        let hours = seconds / 3600
        let minutes = seconds / 60 % 60
        let rest = seconds % 60
        if hours > 99 { return ">99h" }
        if hours > 0 { return "\(hours):\(twoDigits(minutes)):\(twoDigits(rest))" }
        return "\(minutes):\(twoDigits(rest))"
    }

    /// `14:03` on the day of `now`, `Mar 04 14:03` earlier in the year, `2024-03-04` before.
    public static func time(_ date: Date, now: Date, zone: CivilTime.Zone) -> String {
        let time = CivilTime(date, zone: zone)
        let today = CivilTime(now, zone: zone)
        let clock = self.clock(date, zone: zone)
        if time.isSameDay(as: today) { return clock }
        let month = months[max(0, min(11, time.month - 1))]
        if time.year == today.year { return "\(month) \(twoDigits(time.day)) \(clock)" }
        return time.text(to: .day)
    }

    /// `14:03` on `zone`'s clock, whatever the day: five cells.
    public static func clock(_ date: Date, zone: CivilTime.Zone) -> String {
        let time = CivilTime(date, zone: zone)
        return "\(twoDigits(time.hour)):\(twoDigits(time.minute))"
    }

    /// `2026-05-01 14:03:22` on `zone`'s clock.
    public static func timestamp(_ date: Date, zone: CivilTime.Zone) -> String {
        CivilTime(date, zone: zone).text(to: .second)
    }

    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    private static func scaled(_ value: Double) -> (Double, Int) {
        var value = value
        var unit = 0
        while value >= 1024, unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        // 1023.96 KiB would print as 1024.0 KiB: move up a unit instead.
        if unit > 0, unit < units.count - 1, (value * 10).rounded() >= 10240 {
            value /= 1024
            unit += 1
        }
        return (value, unit)
    }

    /// One decimal below 100 (`12.5`), none above (`612`).
    private static func shortNumber(_ value: Double) -> String {
        (value * 10).rounded() < 1000 ? oneDecimal(value) : String(Int(value.rounded(.down)))
    }

    private static func oneDecimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
