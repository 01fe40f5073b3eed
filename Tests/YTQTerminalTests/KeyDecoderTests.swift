import Testing
@testable import YTQTerminal

@Suite("Key decoder")
struct KeyDecoderTests {
    func decode(_ bytes: [UInt8]) -> [Key] {
        var decoder = KeyDecoder()
        return decoder.feed(bytes) + decoder.flush()
    }

    func decode(_ text: String) -> [Key] { decode(Array(text.utf8)) }

    @Test("printable ASCII and control keys")
    func basics() {
        #expect(decode("aQ?") == [.char("a"), .char("Q"), .char("?")])
        #expect(decode([0x0D, 0x09, 0x7F, 0x08, 0x03, 0x15, 0x0C]) ==
            [.enter, .tab, .backspace, .backspace, .ctrlC, .ctrl("u"), .ctrl("l")])
    }

    @Test("CSI and SS3 sequences", arguments: [
        ("\u{1B}[A", Key.up), ("\u{1B}[B", .down), ("\u{1B}[C", .right), ("\u{1B}[D", .left),
        ("\u{1B}OA", .up), ("\u{1B}[H", .home), ("\u{1B}[F", .end), ("\u{1B}[1~", .home), ("\u{1B}[4~", .end),
        ("\u{1B}[5~", .pageUp), ("\u{1B}[6~", .pageDown), ("\u{1B}[3~", .delete), ("\u{1B}[2~", .insert),
        ("\u{1B}[Z", .backTab), ("\u{1B}OP", .function(1)), ("\u{1B}[15~", .function(5)),
        ("\u{1B}[24~", .function(12)), ("\u{1B}[1;5A", .up),
    ])
    func sequences(text: String, key: Key) {
        #expect(decode(text) == [key])
    }

    @Test("UTF-8 multibyte characters, also split across reads")
    func utf8() {
        #expect(decode("日本🎬é") == [.char("日"), .char("本"), .char("🎬"), .char("é")])
        var decoder = KeyDecoder()
        let bytes = Array("日🎬".utf8)
        var keys: [Key] = []
        for byte in bytes { keys += decoder.feed([byte]) }
        #expect(keys == [.char("日"), .char("🎬")])
        #expect(!decoder.hasPendingInput)
    }

    @Test("invalid UTF-8 becomes a replacement character")
    func invalid() {
        #expect(decode([0xFF, 0x61]) == [.char("\u{FFFD}"), .char("a")])
        #expect(decode([0xE6, 0x97]) == [.char("\u{FFFD}")])
    }

    @Test("a lone ESC waits for flush; Esc typed, then a key, is Esc and the key; ESC and a key in one burst is Alt-key")
    func escape() {
        var decoder = KeyDecoder()
        #expect(decoder.feed([0x1B]) == [])
        #expect(decoder.hasPendingInput)
        #expect(decoder.flush() == [.escape])
        #expect(decoder.feed(Array("q".utf8)) == [.char("q")], "Esc, a pause, then q")
        #expect(decode("\u{1B}c") == [.meta("c")], "Alt-c arrives as ESC c in one write")
        #expect(decode("\u{1B}Q\u{1B}d") == [.meta("Q"), .meta("d")])
        #expect(decode("\u{1B}é") == [.meta("é")])
        #expect(decode("\u{1B}\u{1B}") == [.escape, .escape])
        #expect(decode("\u{1B}\r") == [.escape, .enter])
        var split = KeyDecoder()
        #expect(split.feed([0x1B, 0x5B]) == [])
        #expect(split.feed([0x41]) == [.up])
    }

    @Test("bracketed paste arrives whole, even split across reads")
    func paste() {
        let text = "\u{1B}[200~https://example.com/a?b=1\nnext\u{1B}[201~x"
        #expect(decode(text) == [.paste("https://example.com/a?b=1\nnext"), .char("x")])
        var decoder = KeyDecoder()
        var keys: [Key] = []
        for byte in Array(text.utf8) {
            keys += decoder.feed([byte])
            if byte == 0x0A { #expect(decoder.isInPaste) }
        }
        #expect(keys == [.paste("https://example.com/a?b=1\nnext"), .char("x")])
        #expect(decode("\u{1B}[200~日本\u{1B}q\u{1B}[201~") == [.paste("日本\u{1B}q")])
    }

    @Test("unknown sequences are skipped")
    func unknown() {
        #expect(decode("\u{1B}[99xa") == [.char("a")])
        #expect(decode("\u{1B}[I\u{1B}[O") == [])
    }
}
