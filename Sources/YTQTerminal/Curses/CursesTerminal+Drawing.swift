import CNcursesShim

extension CursesTerminal {
    /// Copies a frame to the terminal: only the cells that changed since the last frame
    /// (all of them after a resize or `invalidate()`), then the cursor, then one refresh.
    public func draw(_ screen: Screen) {
        guard isActive else { return }
        let previous = lastFrame?.size == screen.size && screen.size == size ? lastFrame : nil
        if previous == nil { _ = ytq_erase() }
        for row in 0..<screen.size.rows {
            for column in 0..<screen.size.columns {
                let cell = screen[row, column]
                if let previous, previous[row, column] == cell, previous[row, column + 1] == screen[row, column + 1] {
                    continue
                }
                guard let character = cell.character else { continue }
                let wide = screen[row, column + 1].isContinuation && column + 1 < screen.size.columns
                let (attributes, pair) = palette.attributes(for: cell.style)
                if wide {
                    // Clear the right half first, in case the terminal's wcwidth says 1.
                    put([0x20, 0], row: row, column: column + 1, attributes: attributes, pair: pair)
                }
                put(Self.characters(of: character), row: row, column: column, attributes: attributes, pair: pair)
            }
        }
        if let cursor = screen.cursor, cursor.row < screen.size.rows, cursor.column < screen.size.columns {
            _ = curs_set(1)
            _ = ytq_move(Int32(cursor.row), Int32(cursor.column))
        } else {
            _ = curs_set(0)
        }
        _ = ytq_refresh()
        lastFrame = screen
    }

    /// Whether the screen shows no frame the next `draw` can build on: nothing drawn yet, or
    /// the frame was lost (`invalidate()`, a resize). The loop then draws even when its state
    /// is the one it drew last.
    public var needsRepaint: Bool { isActive && lastFrame == nil }

    /// Makes the next `draw` repaint every cell (Ctrl-L, or after another program wrote).
    public func invalidate() {
        lastFrame = nil
        _ = ytq_clearok(true)
    }

    private func put(_ text: [wchar_t], row: Int, column: Int, attributes: attr_t, pair: Int16) {
        let drawn = text.withUnsafeBufferPointer { buffer in
            ytq_put_cell(Int32(row), Int32(column), buffer.baseAddress, attributes, pair)
        }
        // curses refuses some clusters (a mark it thinks is spacing): fall back to the base.
        if drawn == ytq_err(), text.count > 2 {
            put([text[0], 0], row: row, column: column, attributes: attributes, pair: pair)
        }
    }

    /// A cluster as curses takes it: the first visible scalar and up to four zero-width ones
    /// after it (a ZWJ sequence keeps its first emoji), 0-terminated.
    static func characters(of character: Character) -> [wchar_t] {
        var result: [wchar_t] = []
        for scalar in character.unicodeScalars {
            let width = DisplayWidth.of(scalar)
            if result.isEmpty {
                guard width > 0 || scalar.value == 0xFE0F else { continue }
                result.append(wchar_t(bitPattern: scalar.value))
            } else if width == 0, result.count < 5 {
                result.append(wchar_t(bitPattern: scalar.value))
            } else {
                break
            }
        }
        if result.isEmpty { result = [0x20] }
        return result + [0]
    }
}
