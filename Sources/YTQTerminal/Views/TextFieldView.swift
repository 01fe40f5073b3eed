/// Draws a one-line text field, scrolled so that the cursor is always visible.
enum TextFieldView {
    /// Draws `field` (or `placeholder` when empty) and returns the cursor position.
    @discardableResult
    static func draw(
        _ field: TextField, placeholder: String, row: Int, column: Int, width: Int, style: Style = .normal,
        into screen: inout Screen
    ) -> Position {
        guard width > 0 else { return Position(row: row, column: column) }
        if field.isEmpty {
            screen.put(DisplayWidth.truncate(placeholder, to: width), row: row, column: column, width: width, style: .muted)
            return Position(row: row, column: column)
        }
        let (visible, offset) = window(field, width: width)
        screen.put(visible, row: row, column: column, width: width, style: style)
        return Position(row: row, column: column + offset)
    }

    /// The part of the text to show in `width` cells and the cursor's cell within it.
    static func window(_ field: TextField, width: Int) -> (String, Int) {
        guard width > 1 else { return ("", 0) }
        let characters = Array(field.text)
        let cursor = min(field.cursor, characters.count)
        let before = DisplayWidth.of(String(characters[..<cursor]))
        if before < width {
            return (DisplayWidth.truncate(field.text, to: width), before)
        }
        var start = cursor
        var used = 0
        while start > 0 {
            let cells = DisplayWidth.of(characters[start - 1])
            if used + cells > width - 2 { break }
            used += cells
            start -= 1
        }
        let shown = DisplayWidth.truncate("…" + String(characters[start...]), to: width)
        return (shown, min(width - 1, 1 + used))
    }
}
