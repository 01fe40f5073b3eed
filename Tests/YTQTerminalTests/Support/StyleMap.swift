@testable import YTQTerminal

extension Screen {
    /// One letter per cell for its style, for snapshots of colour: `.` normal, `a` accent,
    /// `o` ok, `w` warning, `e` error, `m` muted, `s` selection; upper case when bold.
    /// Trailing normal cells are trimmed.
    var styleMap: String {
        (0..<size.rows).map { row in
            var line = ""
            for column in 0..<size.columns {
                let style = self[row, column].style
                let letter: Character
                switch style.role {
                case .normal: letter = style.bold ? "N" : "."
                case .accent: letter = style.bold ? "A" : "a"
                case .ok: letter = style.bold ? "O" : "o"
                case .warning: letter = style.bold ? "W" : "w"
                case .error: letter = style.bold ? "E" : "e"
                case .muted: letter = style.bold ? "M" : "m"
                case .selection: letter = style.bold ? "S" : "s"
                }
                line.append(letter)
            }
            while line.last == "." { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }
}
