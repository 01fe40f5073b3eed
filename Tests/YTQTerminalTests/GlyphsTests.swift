import Foundation
import Testing
import YTQCore
@testable import YTQTerminal

/// Issue 13, defect 7: without a UTF-8 locale the screen draws in ASCII.
@Suite("ASCII drawing")
struct GlyphsTests {
    func ascii(_ state: UIState) -> Screen {
        RootView.render(state, now: Fixtures.now, zone: .utc, glyphs: .ascii)
    }

    @Test("the codeset decides: UTF-8 draws lines and blocks, anything else ASCII",
          arguments: [("UTF-8", false), ("utf8", false), ("ANSI_X3.4-1968", true), ("ISO-8859-1", true), ("", true)])
    func codeset(name: String, isASCII: Bool) {
        #expect(Glyphs.forCodeset(name).isASCII == isASCII)
    }

    @Test("an ASCII screen: +-| boxes, # bars, | between the header's counts, and nothing but ASCII")
    func busyScreen() {
        let screen = ascii(Fixtures.listState(size: TerminalSize(columns: 120, rows: 40), row: 3))
        let text = screen.text
        #expect(screen.line(0).contains("8 tasks | 2 downloading | 2 waiting | 1 failed | 2 done | 1 cancelled"), "\(screen.line(0))")
        #expect(text.contains("+ New download ---"), "\(text)")
        #expect(text.contains("| URL     https://www.youtube.com/watch?v=aqz-KE-bpKQ"), "\(text)")
        #expect(text.contains("< 720p >"), "\(text)")
        let running = screen.lines.first { $0.contains("| 12 ") } ?? ""
        #expect(running.contains("####------  45%"), "\(running)")
        #expect(screen.lines.contains { $0.contains("|> 9 A very long video title") }, "\(text)")
        #expect(text.contains("Unicode Name - cafe"), "accents dropped, wide characters as ??: \(text)")
        #expect(text.contains("+--"), "\(text)")
        for cell in screen.cells {
            if let character = cell.character { #expect(character.isASCII, "\(character) on an ASCII screen") }
        }
        assertSnapshot(text, named: "busy-list-ascii-120x40")
    }

    @Test("every view at every kind of size stays ASCII and keeps the Unicode screen's cells",
          arguments: [TerminalSize(columns: 20, rows: 5), TerminalSize(columns: 40, rows: 10), TerminalSize(columns: 60, rows: 14),
                      TerminalSize(columns: 80, rows: 24), TerminalSize(columns: 200, rows: 60)])
    func everyView(size: TerminalSize) {
        for state in RenderSizesTests.states(size: size) {
            let plain = ascii(state)
            let unicode = RootView.render(state, now: Fixtures.now, zone: .utc)
            #expect(plain.cursor == unicode.cursor)
            for (index, cell) in plain.cells.enumerated() {
                let character = cell.character ?? " "
                #expect(character.isASCII, "\(character) at \(index) at \(size)")
                // A stand-in takes the cells of what it replaces: the layout is the same.
                #expect((unicode.cells[index].character == " ") == (character == " ") || unicode.cells[index].isContinuation,
                        "cell \(index) at \(size)")
            }
        }
    }

    @Test("text from outside stays inert on an ASCII screen: controls show as ?")
    func controls() {
        var screen = Screen(size: TerminalSize(columns: 20, rows: 1), glyphs: .ascii)
        screen.put("a\u{1B}[2Jb\u{202E}c日", row: 0, column: 0)
        #expect(screen.line(0) == "a?[2Jb?c??")
    }
}
