/// A piece of text in one style, the unit views compose lines from.
public struct Span: Sendable, Equatable {
    public var text: String
    public var style: Style

    public init(_ text: String, _ style: Style = .normal) {
        self.text = text
        self.style = style
    }

    /// The cells the text takes.
    public var width: Int { DisplayWidth.of(text) }
}

extension Screen {
    /// Draws spans one after another from (`row`, `column`), within `width` cells; the last
    /// span that does not fit is cut with an ellipsis. Returns the cells used.
    @discardableResult
    public mutating func put(_ spans: [Span], row: Int, column: Int, width: Int) -> Int {
        var used = 0
        for span in spans {
            let room = width - used
            guard room > 0 else { break }
            let text = DisplayWidth.truncate(span.text, to: room)
            used += put(text, row: row, column: column + used, width: room, style: span.style)
        }
        return used
    }

    /// Draws a box of light lines (`+-|` on an ASCII screen) around `rect` with an optional
    /// title on the top border. Needs at least 2x2 cells; smaller rectangles are left alone.
    public mutating func drawBox(_ rect: Rect, title: [Span] = [], style: Style = .muted) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let last = rect.endColumn - 1
        let horizontal = String(repeating: glyphs.horizontal, count: rect.width - 2)
        let vertical = String(glyphs.vertical)
        put(String(glyphs.topLeft) + horizontal + String(glyphs.topRight), row: rect.row, column: rect.column, width: rect.width,
            style: style)
        for row in rect.row + 1..<rect.endRow - 1 {
            put(vertical, row: row, column: rect.column, width: 1, style: style)
            put(vertical, row: row, column: last, width: 1, style: style)
        }
        put(String(glyphs.bottomLeft) + horizontal + String(glyphs.bottomRight), row: rect.endRow - 1, column: rect.column,
            width: rect.width, style: style)
        guard !title.isEmpty, rect.width >= 6 else { return }
        let room = rect.width - 4
        put(" ", row: rect.row, column: rect.column + 1, width: 1, style: style)
        let used = put(title, row: rect.row, column: rect.column + 2, width: room)
        put(" ", row: rect.row, column: rect.column + 2 + used, width: 1, style: style)
    }

    /// Draws `spans` into the bottom border of a box drawn with `drawBox`, right-aligned.
    public mutating func putOnBorder(_ spans: [Span], rect: Rect, bottom: Bool, style: Style = .muted) {
        guard rect.width >= 8, rect.height >= 2 else { return }
        let width = min(rect.width - 6, spans.reduce(0) { $0 + $1.width })
        guard width > 0 else { return }
        let row = bottom ? rect.endRow - 1 : rect.row
        let column = rect.endColumn - 3 - width
        put(" ", row: row, column: column - 1, width: 1, style: style)
        put(spans, row: row, column: column, width: width)
        put(" ", row: row, column: column + width, width: 1, style: style)
    }
}
