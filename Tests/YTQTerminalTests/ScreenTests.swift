import Testing
@testable import YTQTerminal

@Suite("Screen")
struct ScreenTests {
    @Test("wide characters take two cells, the second a continuation")
    func wide() {
        var screen = Screen(size: TerminalSize(columns: 6, rows: 1))
        let used = screen.put("日本x", row: 0, column: 0)
        #expect(used == 5)
        #expect(screen[0, 0].character == "日")
        #expect(screen[0, 1].isContinuation)
        #expect(screen[0, 4].character == "x")
        #expect(screen.text == "日本x")
    }

    @Test("a wide character that does not fit leaves a space")
    func wideAtEdge() {
        var screen = Screen(size: TerminalSize(columns: 3, rows: 1))
        screen.put("a日本", row: 0, column: 0)
        #expect(screen.text == "a日")
        screen.put("ab日", row: 0, column: 0, width: 3)
        #expect(screen.line(0) == "ab")
        #expect(!screen[0, 2].isContinuation)
    }

    @Test("overwriting half of a wide character blanks the other half")
    func overwriteHalf() {
        var screen = Screen(size: TerminalSize(columns: 4, rows: 1))
        screen.put("日本", row: 0, column: 0)
        screen.put("x", row: 0, column: 1)
        #expect(screen.text == " x本")
        screen.put("y", row: 0, column: 2)
        #expect(screen.text == " xy")
        #expect(!screen[0, 3].isContinuation)
    }

    @Test("control characters cannot reach the terminal")
    func controls() {
        var screen = Screen(size: TerminalSize(columns: 10, rows: 1))
        screen.put("a\u{1B}[2Jb\tc", row: 0, column: 0)
        #expect(screen.text == "a\u{FFFD}[2Jb c")
    }

    @Test("drawing far outside the grid is clipped, not a crash")
    func clipping() {
        var screen = Screen(size: TerminalSize(columns: 3, rows: 2))
        screen.put("hello", row: -1, column: 0)
        screen.put("hello", row: 5, column: 0)
        screen.put("hello", row: 0, column: 10)
        screen.put("hello", row: 0, column: -2)
        screen.fill(Rect(row: -5, column: -5, width: 100, height: 100), with: "x")
        screen.drawBox(Rect(row: 1, column: 1, width: 50, height: 50))
        #expect(screen[9, 9] == .blank)
        let empty = Screen(size: TerminalSize(columns: 0, rows: 0))
        #expect(empty.text == "")
    }

    @Test("boxes with titles")
    func box() {
        var screen = Screen(size: TerminalSize(columns: 12, rows: 3))
        screen.drawBox(screen.bounds, title: [Span("日本語")])
        #expect(screen.lines == ["┌ 日本語 ──┐", "│          │", "└──────────┘"])
    }
}
