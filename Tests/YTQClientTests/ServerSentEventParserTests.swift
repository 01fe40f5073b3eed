import Testing
@testable import YTQClient

@Suite("Server-Sent Events parser")
struct ServerSentEventParserTests {
    @Test("events split at blank lines, in pieces of any size; comments and other fields skipped")
    func pieces() {
        let stream = ": ytq events\n\nevent: A\ndata: {\"a\":1}\n\nevent: B\r\ndata: x\r\ndata: y\r\n\r\nid: 3\n"
        for size in [1, 2, 7, stream.utf8.count] {
            var parser = ServerSentEventParser()
            var events: [String] = []
            let bytes = Array(stream.utf8)
            var start = 0
            while start < bytes.count {
                events += parser.feed(bytes[start..<min(start + size, bytes.count)])
                start += size
            }
            #expect(events == ["{\"a\":1}", "x\ny"], "piece size \(size)")
        }
    }

    @Test("an endless line is dropped with its event; the next event still arrives")
    func endlessLine() {
        var parser = ServerSentEventParser()
        var events = parser.feed(Array("data: ".utf8) + [UInt8](repeating: 65, count: ServerSentEventParser.maximumLine + 10))
        events += parser.feed(Array("\n\ndata: ok\n\n".utf8))
        #expect(events == ["ok"])
    }
}
