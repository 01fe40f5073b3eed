extension Screen {
    /// The screen as plain text: one line per row, wide clusters once, trailing spaces trimmed.
    /// Snapshot tests compare this.
    public var text: String {
        lines.joined(separator: "\n")
    }

    /// The rows as plain text lines with trailing spaces trimmed.
    public var lines: [String] {
        (0..<size.rows).map { line($0) }
    }

    /// One row as plain text with trailing spaces trimmed.
    public func line(_ row: Int) -> String {
        var text = ""
        for column in 0..<size.columns {
            if let character = self[row, column].character { text.append(character) }
        }
        while text.last == " " { text.removeLast() }
        return text
    }
}
