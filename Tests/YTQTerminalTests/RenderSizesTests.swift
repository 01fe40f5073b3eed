import Foundation
import Testing
@testable import YTQTerminal

@Suite("Rendering at every size")
struct RenderSizesTests {
    static func states(size: TerminalSize) -> [UIState] {
        var help = Fixtures.listState(size: size, row: 3)
        help.handle(.char("?"))
        var details = Fixtures.listState(size: size, row: 3)
        details.handle(.enter)
        var quit = Fixtures.listState(size: size)
        quit.handle(.char("q"))
        var filter = Fixtures.listState(size: size)
        filter.handle([.char("/"), .char("日")])
        return [UIState(size: size), Fixtures.busyState(size: size), Fixtures.listState(size: size, row: 7),
                help, details, quit, filter]
    }

    /// Every width up to 40 (where layouts switch), then every 9th up to 200.
    static let widths = Array(1...40) + Array(stride(from: 41, through: 200, by: 9)) + [200]

    @Test("every height from 1 to 60, widths from 1 to 200, render inside the grid", arguments: 1...60)
    func everySize(rows: Int) {
        do {
            for columns in Self.widths {
                let size = TerminalSize(columns: columns, rows: rows)
                // The busy list at every size; every state at small sizes and on a grid above.
                let all = (columns <= 24 && rows <= 16) || (columns % 13 == 0 && rows % 7 == 0) || (columns == 200 && rows % 10 == 0)
                let states = all ? Self.states(size: size) : [Fixtures.listState(size: size, row: 7)]
                for state in states {
                    let screen = RootView.render(state, now: Fixtures.now, zone: .utc)
                    #expect(screen.cells.count == columns * rows)
                    if let cursor = screen.cursor {
                        #expect(cursor.row >= 0 && cursor.row < rows && cursor.column >= 0 && cursor.column < columns,
                                "cursor \(cursor) outside \(size)")
                    }
                    for line in screen.lines where DisplayWidth.of(line) > columns {
                        Issue.record("line wider than \(size): \(line)")
                    }
                }
            }
        }
    }

    @Test("resizing keeps the cursor row on screen")
    func resize() {
        var state = Fixtures.listState(size: TerminalSize(columns: 120, rows: 40), row: 7)
        state.resize(to: TerminalSize(columns: 20, rows: 5))
        #expect(state.scrollOffset <= state.selectedRow && state.selectedRow < state.scrollOffset + state.listRows)
        state.resize(to: TerminalSize(columns: 1, rows: 1))
        state.resize(to: TerminalSize(columns: 80, rows: 24))
        #expect(state.selectedTask?.id == 5)
    }
}
