import Testing
import YTQCore

@Suite("TerminalSafeText")
struct TerminalSafeTextTests {
    @Test("C0, DEL and C1 controls become visible escapes; bidi controls and separators too")
    func escapes() {
        #expect("a\u{1B}]0;x\u{07}b".terminalSafe == "a\\e]0;x\\u{7}b")
        #expect("\u{9B}2J\u{7F}\u{0}".terminalSafe == "\\u{9B}2J\\u{7F}\\u{0}")
        #expect("clip\u{202E}4pm.exe\u{2066}\u{200F}\u{061C}".terminalSafe == "clip\\u{202E}4pm.exe\\u{2066}\\u{200F}\\u{61C}")
        #expect("one\ntwo\r\tthree\u{2028}".terminalSafe == "one\\ntwo\\r\\tthree\\u{2028}")
    }

    @Test("text without controls is returned as it is: accents, CJK, emoji, a backslash")
    func plain() {
        for text in ["", "Café 東京 🎬", "C:\\path", "100% [x] (y)"] {
            #expect(text.terminalSafe == text)
            #expect(text.terminalSafeLines == text)
        }
    }

    @Test("terminalSafeLines keeps newlines and tabs, nothing else")
    func lines() {
        #expect("usage:\n\tytq add\u{1B}[2J\r".terminalSafeLines == "usage:\n\tytq add\\e[2J\\r")
    }

    @Test("the result never holds a scalar a terminal would obey")
    func exhaustive() {
        var all = String.UnicodeScalarView()
        for value in UInt32(0)...0x2100 { if let scalar = Unicode.Scalar(value) { all.append(scalar) } }
        let safe = String(all).terminalSafe
        #expect(!safe.unicodeScalars.contains { TerminalSafeText.isUnsafe($0) })
        #expect(safe.terminalSafe == safe)
    }
}
