extension DisplayWidth {
    /// `text` broken into lines of at most `width` cells: at spaces where it can, inside a
    /// word when a word alone is too wide, and at every newline in the text.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lines += wrapParagraph(String(paragraph), width: width)
        }
        return lines
    }

    private static func wrapParagraph(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            var word = Substring(word)
            let wordWidth = of(word)
            let needed = lineWidth == 0 ? wordWidth : lineWidth + 1 + wordWidth
            if needed <= width {
                if lineWidth > 0 {
                    line += " "
                    lineWidth += 1
                }
                line += word
                lineWidth += wordWidth
                continue
            }
            if lineWidth > 0 {
                lines.append(line)
                line = ""
                lineWidth = 0
            }
            // A word wider than a line is cut into line-sized pieces.
            while of(word) > width {
                let (head, rest) = split(word, at: width)
                if head.isEmpty { break }
                lines.append(String(head))
                word = rest
            }
            line = String(word)
            lineWidth = of(word)
        }
        lines.append(line)
        return lines
    }

    /// The longest prefix of `text` within `width` cells, and the rest.
    static func split(_ text: Substring, at width: Int) -> (Substring, Substring) {
        var used = 0
        var index = text.startIndex
        while index < text.endIndex {
            let cells = of(text[index])
            if used + cells > width { break }
            used += cells
            index = text.index(after: index)
        }
        return (text[..<index], text[index...])
    }
}
