import YTQCore

/// A grid of styled cells: what one frame of the terminal shows.
///
/// Views draw into a `Screen` without touching the terminal; `CursesTerminal` copies it
/// out, and tests compare `text` with snapshots. Every drawing call clips to the grid, so
/// no position, however far off, can index out of bounds.
public struct Screen: Sendable, Equatable {
    public let size: TerminalSize
    /// What the screen may hold: on an ASCII screen, `put` stores ASCII stand-ins.
    public let glyphs: Glyphs
    /// Row-major cells, `size.rows * size.columns` of them.
    public private(set) var cells: [Cell]
    /// Where the terminal's cursor should blink (a text field being edited), or nil to hide it.
    public var cursor: Position?

    /// A blank screen.
    public init(size: TerminalSize, glyphs: Glyphs = .unicode) {
        self.size = size
        self.glyphs = glyphs
        self.cells = Array(repeating: .blank, count: size.rows * size.columns)
    }

    /// The whole screen as a rectangle.
    public var bounds: Rect { Rect(size) }

    /// The cell at a position; a blank cell outside the grid.
    public subscript(row: Int, column: Int) -> Cell {
        guard contains(row: row, column: column) else { return .blank }
        return cells[row * size.columns + column]
    }

    func contains(row: Int, column: Int) -> Bool {
        row >= 0 && row < size.rows && column >= 0 && column < size.columns
    }

    /// Draws `text` from (`row`, `column`) in at most `width` cells (default: to the right edge),
    /// one grapheme cluster at a time. A wide cluster that would not fit leaves a space instead.
    /// Control characters show as `�` (tabs and newlines as spaces), so text can never move the
    /// terminal's cursor; on an ASCII screen every other character becomes an ASCII stand-in
    /// of the same width (`Glyphs.drawable`). Returns the number of cells drawn over.
    @discardableResult
    public mutating func put(_ text: some StringProtocol, row: Int, column: Int, width: Int? = nil, style: Style = .normal) -> Int {
        guard row >= 0, row < size.rows, column < size.columns else { return 0 }
        let room = min(max(0, width ?? size.columns), size.columns)
        let limit = min(size.columns, column + room)
        var at = column
        for character in text {
            guard at < limit else { break }
            let (glyph, cellWidth) = Self.printable(character)
            if cellWidth == 0 { continue }
            if at + cellWidth > limit {
                while at < limit {
                    set(Cell(" ", style: style), row: row, column: at)
                    at += 1
                }
                break
            }
            if at >= 0, glyphs.isASCII, !glyph.isASCII {
                // Only an ASCII screen, and only for a character it cannot show, builds a stand-in.
                let stored = glyphs.drawable(glyph, width: cellWidth)
                for (offset, character) in stored.enumerated() {
                    set(Cell(character, style: style), row: row, column: at + offset)
                }
                if stored.count == 1, cellWidth == 2 { set(Cell(nil, style: style), row: row, column: at + 1) }
            } else if at >= 0 {
                set(Cell(glyph, style: style), row: row, column: at)
                if cellWidth == 2 { set(Cell(nil, style: style), row: row, column: at + 1) }
            } else if at + cellWidth > 0 {
                set(Cell(" ", style: style), row: row, column: 0)
            }
            at += cellWidth
        }
        return max(0, at - max(0, column))
    }

    /// Fills a rectangle (clipped to the grid) with `character` in `style`.
    public mutating func fill(_ rect: Rect, with character: Character = " ", style: Style = .normal) {
        let glyph = DisplayWidth.of(character) == 1 ? glyphs.drawable(character, width: 1)[0] : " "
        for row in max(0, rect.row)..<min(size.rows, max(0, rect.endRow)) {
            for column in max(0, rect.column)..<min(size.columns, max(0, rect.endColumn)) {
                set(Cell(glyph, style: style), row: row, column: column)
            }
        }
    }

    /// Changes the style of every cell in a rectangle, keeping the text.
    public mutating func restyle(_ rect: Rect, _ change: (inout Style) -> Void) {
        for row in max(0, rect.row)..<min(size.rows, max(0, rect.endRow)) {
            for column in max(0, rect.column)..<min(size.columns, max(0, rect.endColumn)) {
                change(&cells[row * size.columns + column].style)
            }
        }
    }

    /// Stores one cell, first blanking the other half of any wide cluster it cuts in two.
    private mutating func set(_ cell: Cell, row: Int, column: Int) {
        guard contains(row: row, column: column) else { return }
        let index = row * size.columns + column
        if cells[index].isContinuation, column > 0, !cell.isContinuation {
            cells[index - 1].character = " "
        }
        if !cells[index].isContinuation, column + 1 < size.columns, cells[index + 1].isContinuation {
            cells[index + 1].character = " "
        }
        cells[index] = cell
    }

    /// The cluster to draw for `character` and its width: controls become visible stand-ins.
    static func printable(_ character: Character) -> (Character, Int) {
        let cells = DisplayWidth.of(character)
        guard cells == 0 else { return (character, cells) }
        guard let first = character.unicodeScalars.first else { return (character, 0) }
        switch first.value {
        case 0x09, 0x0A, 0x0D: return (" ", 1)
        case 0x00..<0x20, 0x7F..<0xA0: return ("\u{FFFD}", 1)
        default:
            // Bidi controls and line separators would be obeyed by the terminal.
            return TerminalSafeText.isUnsafe(first) ? ("\u{FFFD}", 1) : (character, 0)
        }
    }
}
