import Testing
@testable import YTQTerminal

/// What the terminal receives when stderr captured under curses is replayed.
@Suite("Replaying captured stderr")
struct ReplayFilterTests {
    private func replay(_ chunks: [[UInt8]]) -> [UInt8] {
        var filter = ReplayFilter()
        var out: [UInt8] = []
        for var chunk in chunks {
            chunk.withUnsafeMutableBytes { filter.filter($0) }
            out += chunk
        }
        return out
    }

    @Test("escape sequences, C0 and C1 controls and DEL become ?; text, newlines, tabs and UTF-8 stay")
    func controls() {
        let text = "error: \u{1B}]52;c;aGk=\u{07} title\u{1B}[2J\u{9B}31m\u{7F}\r\tcafé — 日本\n"
        let out = String(decoding: replay([Array(text.utf8)]), as: UTF8.self)
        #expect(out == "error: ?]52;c;aGk=? title?[2J??31m??\tcafé — 日本\n")
    }

    @Test("a C1 control split across two reads is caught too")
    func splitC1() {
        let out = replay([Array("a".utf8) + [0xC2], [0x9B] + Array("2J".utf8)])
        #expect(!out.contains(0x9B))
        #expect(!out.contains(0x1B))
        #expect(out.suffix(3) == Array("?2J".utf8))
    }
}
