import Foundation

/// The characters a screen is drawn with: Unicode lines, blocks and punctuation, or ASCII where
/// the terminal's locale cannot encode them (LANG unset, as in a bare ssh session or a container).
///
/// `CursesTerminal` decides once, at start, from the locale's codeset (`Glyphs.forCodeset`);
/// the render takes the choice as a value, so both sets are tested without a terminal. On an
/// ASCII screen `Screen.put` turns every other character into a stand-in of the same width,
/// so layouts measured in cells hold either way.
public struct Glyphs: Sendable, Equatable {
    /// Whether only ASCII may reach the terminal.
    public let isASCII: Bool

    public static let unicode = Glyphs(isASCII: false)
    public static let ascii = Glyphs(isASCII: true)

    /// Unicode when the codeset (`nl_langinfo(CODESET)`) is UTF-8, else ASCII.
    public static func forCodeset(_ codeset: String) -> Glyphs {
        let name = codeset.uppercased().filter { $0.isLetter || $0.isNumber }
        return name == "UTF8" ? .unicode : .ascii
    }

    var horizontal: Character { isASCII ? "-" : "─" }
    var vertical: Character { isASCII ? "|" : "│" }
    var topLeft: Character { isASCII ? "+" : "┌" }
    var topRight: Character { isASCII ? "+" : "┐" }
    var bottomLeft: Character { isASCII ? "+" : "└" }
    var bottomRight: Character { isASCII ? "+" : "┘" }
    /// A full cell of a progress bar, and an empty one.
    var barFull: Character { isASCII ? "#" : "█" }
    var barEmpty: Character { isASCII ? "-" : "░" }
    /// One to seven eighths of a cell; none in ASCII, whose bars fill whole cells.
    var barEighths: [Character] { isASCII ? [] : ["▏", "▎", "▍", "▌", "▋", "▊", "▉"] }

    /// ASCII stand-ins for the punctuation, arrows and lines the views use (and that titles
    /// may hold): each one cell wide, like what it replaces.
    static let standIns: [Character: Character] = [
        "─": "-", "━": "-", "│": "|", "┃": "|", "┌": "+", "┐": "+", "└": "+", "┘": "+", "├": "+", "┤": "+",
        "┬": "+", "┴": "+", "┼": "+", "█": "#", "▉": "#", "▊": "#", "▋": "#", "▌": "#", "▍": "#", "▎": "#",
        "▏": "#", "░": "-", "▒": "-", "▓": "#", "▸": ">", "▶": ">", "►": ">", "→": ">", "◂": "<", "◀": "<",
        "◄": "<", "←": "<", "↑": "^", "↓": "v", "·": "|", "•": "*", "–": "-", "—": "-", "…": "~",
        "“": "\"", "”": "\"", "„": "\"", "‘": "'", "’": "'", "«": "\"", "»": "\"", "×": "x", "\u{A0}": " ",
    ]

    /// What to store for `character`, `width` cells wide: the character itself, or on an ASCII
    /// screen a stand-in of `width` cells (a listed one, the letter without its accents, else `?`).
    func drawable(_ character: Character, width: Int) -> [Character] {
        guard isASCII, !character.isASCII else { return [character] }
        if width == 1 {
            if let standIn = Self.standIns[character] { return [standIn] }
            let base = String(character).decomposedStringWithCanonicalMapping.unicodeScalars.first
            if let base, base.isASCII, base.value >= 0x20, base.value < 0x7F { return [Character(base)] }
        }
        return Array(repeating: "?", count: max(1, width))
    }
}
