import Testing
@testable import YTQTerminal

@Suite("Display width")
struct DisplayWidthTests {
    @Test("ASCII, CJK, fullwidth, emoji, combining marks, zero-width", arguments: [
        ("hello", 5),
        ("", 0),
        ("日本語", 6),
        ("ｆｕｌｌ", 8),
        ("한국어", 6),
        ("🎬", 2),
        ("😺", 2),
        ("👨‍👩‍👧", 2),
        ("👩‍💻", 2),
        ("🏳️‍🌈", 2),
        ("❤️‍🔥", 2),
        ("🧑🏽‍🚀", 2),
        ("🇯🇵", 2),
        ("👍🏽", 2),
        ("❤️", 2),
        ("☕", 2),
        ("1️⃣", 2),
        ("e\u{301}", 1),
        ("café", 4),
        ("a\u{200B}b", 2),
        ("\u{FEFF}", 0),
        ("Ñame — café", 11),
        ("日本語のタイトル 🎬 テスト", 26),
        ("\u{1100}\u{1161}\u{11A8}", 2),
        ("tab\there", 7),
    ])
    func width(text: String, expected: Int) {
        #expect(DisplayWidth.of(text) == expected, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
    }

    @Test("truncation never exceeds the width and ends with an ellipsis when cut")
    func truncate() {
        #expect(DisplayWidth.truncate("hello world", to: 8) == "hello w…")
        #expect(DisplayWidth.truncate("hello", to: 5) == "hello")
        #expect(DisplayWidth.truncate("日本語のタイトル", to: 7) == "日本語…")
        #expect(DisplayWidth.truncate("日本語のタイトル", to: 6) == "日本…")
        #expect(DisplayWidth.truncate("abc", to: 1) == "…")
        #expect(DisplayWidth.truncate("abc", to: 0) == "")
        for width in 0...30 {
            #expect(DisplayWidth.of(DisplayWidth.truncate("日本語のタイトル 🎬 テスト", to: width)) <= width)
        }
    }

    @Test("truncating from the front keeps the end")
    func truncateLeading() {
        #expect(DisplayWidth.truncateLeading("https://example.com/video", to: 8) == "…m/video")
        #expect(DisplayWidth.truncateLeading("short", to: 8) == "short")
    }

    @Test("padding by display width")
    func pad() {
        #expect(DisplayWidth.pad("日本", to: 6) == "日本  ")
        #expect(DisplayWidth.pad("日本", to: 6, alignment: .right) == "  日本")
        #expect(DisplayWidth.pad("ab", to: 6, alignment: .center) == "  ab  ")
        #expect(DisplayWidth.of(DisplayWidth.pad("日本語のタイトル", to: 9)) == 9)
    }

    @Test("wrapping at spaces, cutting long words, keeping newlines")
    func wrap() {
        #expect(DisplayWidth.wrap("the quick brown fox", width: 9) == ["the quick", "brown fox"])
        #expect(DisplayWidth.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
        #expect(DisplayWidth.wrap("one\ntwo", width: 10) == ["one", "two"])
        #expect(DisplayWidth.wrap("日本語のタイトル", width: 5) == ["日本", "語の", "タイ", "トル"])
        #expect(DisplayWidth.wrap("", width: 5) == [""])
        #expect(DisplayWidth.wrap("anything", width: 0) == [])
    }

    @Test("titles with emoji ZWJ sequences keep the list's rows aligned: one 2-cell glyph each")
    func zwjRows() {
        var state = UIState(size: TerminalSize(columns: 80, rows: 24), clock: Fixtures.now)
        state.replacePage(TaskListPage(tasks: [
            Fixtures.task(3, .completed, title: "👩‍💻 live coding 👨‍👩‍👧", created: 3),
            Fixtures.task(2, .completed, title: "🏳️‍🌈❤️‍🔥🧑🏽‍🚀 parade", created: 2),
            Fixtures.task(1, .completed, title: "plain title", created: 1),
        ]))
        let screen = RootView.render(state, now: Fixtures.now, zone: .utc)
        let rows = screen.lines.filter { $0.contains("live coding") || $0.contains("parade") || $0.contains("plain title") }
        #expect(rows.count == 3)
        for row in rows {
            #expect(DisplayWidth.of(row) == 80, "\(row)")
            #expect(row.hasSuffix("│"), "\(row)")
        }
        // The status column starts in the same cell on every row.
        let columns = rows.compactMap { row -> Int? in
            guard let range = row.range(of: "completed") else { return nil }
            return DisplayWidth.of(row[..<range.lowerBound])
        }
        #expect(Set(columns).count == 1, "\(rows)")
    }
}
