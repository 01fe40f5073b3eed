import Foundation
import Testing
@testable import YTQCommands
import YTQCore

@Suite("Timestamp text")
struct TimestampTests {
    @Test("local time to the minute, for the table")
    func local() {
        let date = Date(timeIntervalSince1970: 1_777_645_805.25)
        let text = Timestamp.local(date)
        #expect(text.wholeMatch(of: /\d{4}-\d{2}-\d{2} \d{2}:\d{2}/) != nil, "\(text)")
        let time = CivilTime(date, zone: .local)
        #expect(text.hasSuffix(String(format: "%02d:%02d", time.hour, time.minute)))
    }
}
