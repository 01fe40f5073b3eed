/// How many terminal cells text takes, measured by grapheme cluster without the C locale.
///
/// East Asian Wide and Fullwidth characters and emoji take two cells, combining marks and
/// other zero-width characters none, everything else one. A cluster (a base and its marks,
/// an emoji ZWJ sequence, a flag) takes the width of its first visible scalar, or two when it
/// asks for emoji presentation with U+FE0F. The results are pure, so views are testable.
public enum DisplayWidth {
    /// The cells `text` takes on a terminal.
    public static func of(_ text: some StringProtocol) -> Int {
        var total = 0
        for character in text { total += of(character) }
        return total
    }

    /// The cells one grapheme cluster takes: 0, 1 or 2.
    public static func of(_ character: Character) -> Int {
        if let ascii = character.asciiValue { return ascii >= 0x20 && ascii < 0x7F ? 1 : 0 }
        var baseWidth = 0
        var baseIsEmoji = false
        var asksForEmoji = false
        for scalar in character.unicodeScalars {
            if scalar.value == 0xFE0F {
                asksForEmoji = true
                continue
            }
            let width = of(scalar)
            if baseWidth == 0, width > 0 {
                baseWidth = width
                baseIsEmoji = scalar.properties.isEmoji
            }
        }
        if asksForEmoji, baseIsEmoji { return 2 }
        return baseWidth
    }

    /// The cells one scalar takes on its own: 0 for controls, marks and format characters.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x20 || (value >= 0x7F && value < 0xA0) { return 0 }
        if value < 0x300 { return 1 }
        if isWide(value) { return 2 }
        // Hangul medial vowels and final consonants join the syllable before them.
        if (0x1160...0x11FF).contains(value) || (0xD7B0...0xD7FF).contains(value) { return 0 }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if properties.isDefaultIgnorableCodePoint { return 0 }
        if properties.isEmojiPresentation { return 2 }
        return 1
    }

    /// `text` cut to at most `width` cells; when it had to be cut, the last cell is `…`.
    public static func truncate(_ text: String, to width: Int, ellipsis: Character = "…") -> String {
        guard width > 0 else { return "" }
        if of(text) <= width { return text }
        let room = width - of(ellipsis)
        var used = 0
        var result = ""
        for character in text {
            let cells = of(character)
            if used + cells > room { break }
            used += cells
            result.append(character)
        }
        return room >= 0 ? result + String(ellipsis) : ""
    }

    /// Where `pad` puts the text inside its width.
    public enum Alignment: Sendable {
        case left, right, center
    }

    /// `text` truncated to `width` cells and padded with spaces to exactly `width` cells.
    public static func pad(_ text: String, to width: Int, alignment: Alignment = .left) -> String {
        guard width > 0 else { return "" }
        let cut = truncate(text, to: width)
        let gap = max(0, width - of(cut))
        switch alignment {
        case .left: return cut + spaces(gap)
        case .right: return spaces(gap) + cut
        case .center: return spaces(gap / 2) + cut + spaces(gap - gap / 2)
        }
    }

    /// The last cells of `text` that fit in `width`, with `…` in front when it had to be cut.
    public static func truncateLeading(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        if of(text) <= width { return text }
        var used = 1
        var kept: [Character] = []
        for character in text.reversed() {
            let cells = of(character)
            if used + cells > width { break }
            used += cells
            kept.append(character)
        }
        return "…" + String(kept.reversed())
    }

    static func spaces(_ count: Int) -> String {
        String(repeating: " ", count: max(0, count))
    }
}
