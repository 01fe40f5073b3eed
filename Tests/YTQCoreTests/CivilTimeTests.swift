import Foundation
import Testing
import YTQCore

@Suite("CivilTime")
struct CivilTimeTests {
    @Test("UTC fields of a known instant, to the millisecond")
    func utcFields() {
        // 2026-05-01 14:30:05.250 UTC
        let date = Date(timeIntervalSince1970: 1_777_645_805.25)
        #expect(CivilTime(date, zone: .utc) == CivilTime(year: 2026, month: 5, day: 1, hour: 14, minute: 30, second: 5, millisecond: 250))
    }

    @Test("fields and back give the same instant, across years, leap days and before 1970")
    func roundTrip() {
        for seconds in [0.0, 1.001, 951_782_400.999, 1_709_164_800.123, 4_102_444_799.5, -86_400.75] {
            let date = Date(timeIntervalSince1970: seconds)
            let back = CivilTime(date, zone: .utc).utcDate
            #expect(abs(back.timeIntervalSince1970 - seconds) < 0.0005, "\(seconds) came back as \(back.timeIntervalSince1970)")
        }
        #expect(CivilTime(Date(timeIntervalSince1970: 1_709_164_800), zone: .utc).day == 29, "2024-02-29")
    }

    @Test("ISO 8601 in UTC with milliseconds, as the service's JSON, `list --json` and `show` write it")
    func iso8601() {
        #expect(CivilTime.iso8601(Date(timeIntervalSince1970: 1_777_645_805.25)) == "2026-05-01T14:30:05.250Z")
        #expect(CivilTime.iso8601(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00.000Z")
    }

    @Test("reads back what it writes: ISO 8601 with Z, the database's text, a date alone")
    func parse() {
        let cases: [(String, CivilTime)] = [
            ("2026-05-01T14:30:05.250Z", CivilTime(year: 2026, month: 5, day: 1, hour: 14, minute: 30, second: 5, millisecond: 250)),
            ("2026-05-01 14:30:05.25", CivilTime(year: 2026, month: 5, day: 1, hour: 14, minute: 30, second: 5, millisecond: 250)),
            ("2026-05-01 14:30", CivilTime(year: 2026, month: 5, day: 1, hour: 14, minute: 30)),
            ("2026-05-01", CivilTime(year: 2026, month: 5, day: 1)),
        ]
        for (text, time) in cases {
            #expect(CivilTime.parse(text) == time, "\(text)")
        }
        for seconds in [0.0, 951_782_400.999, 1_777_645_805.25, -86_400.75] {
            let date = Date(timeIntervalSince1970: seconds)
            let back = CivilTime.parse(CivilTime.iso8601(date))?.utcDate
            #expect(back.map { abs($0.timeIntervalSince1970 - seconds) < 0.0005 } == true, "\(seconds)")
        }
        for text in ["", "2026-05-01Z", "2026-05-01T14:30:05.250ZZ", "2026-05-01T14:30:05+01:00", "2026-13-01T00:00Z", "2026-05-01 14"] {
            #expect(CivilTime.parse(text) == nil, "\(text)")
        }
    }

    @Test("a millisecond that rounds up carries into the second")
    func carry() {
        let time = CivilTime(Date(timeIntervalSince1970: 59.9996), zone: .utc)
        #expect(time == CivilTime(year: 1970, month: 1, day: 1, hour: 0, minute: 1, second: 0, millisecond: 0))
    }

    @Test("the local clock is the UTC clock moved by the zone's offset")
    func local() {
        let date = Date(timeIntervalSince1970: 1_777_645_805)
        let offset = CivilTime(date, zone: .local).utcDate.timeIntervalSince(date)
        #expect(abs(offset) <= 14 * 3600)
        #expect(offset.truncatingRemainder(dividingBy: 15 * 60) == 0, "offset \(offset) s")
    }
}
