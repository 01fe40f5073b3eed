/// Text made safe to write to a terminal: nothing in it can act as a control sequence.
///
/// Titles, URLs, error lines and paths come from servers, files and arguments; written raw,
/// an `ESC ] 0 ;` sets the window title, `ESC ] 52 ;` writes the clipboard, `ESC [ 2 J` clears
/// the screen, a C1 `U+009B` starts a CSI on its own, a right-to-left override reverses what
/// follows and a newline forges a line of output. Every text ytq writes to a terminal goes
/// through `terminalSafe` (one line: fields, summaries) or `terminalSafeLines` (a whole
/// message whose own newlines are meant).
///
/// C0 controls, DEL and C1 controls become visible escapes (`\e`, `\n`, `\r`, `\t`, `\u{9B}`);
/// bidi embeddings, overrides, isolates and marks, and the Unicode line and paragraph
/// separators, are shown escaped too (`\u{202E}`), never obeyed.
public enum TerminalSafeText {
    /// Whether `scalar` must not reach a terminal as it is.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00..<0x20, 0x7F..<0xA0: return true
        default: return isBidiControl(scalar) || scalar.value == 0x2028 || scalar.value == 0x2029
        }
    }

    /// Bidi controls: ALM (U+061C), LRM/RLM (U+200E/F), LRE…RLO (U+202A–U+202E), LRI…PDI
    /// (U+2066–U+2069). They reorder what a reader sees (`…\u{202E}4pm.exe` shows as `exe.mp4…`).
    public static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// The visible stand-in for an unsafe scalar: `\e`, `\n`, `\r`, `\t`, else `\u{hex}`.
    public static func escape(_ scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x1B: return "\\e"
        case 0x0A: return "\\n"
        case 0x0D: return "\\r"
        case 0x09: return "\\t"
        default: return "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        }
    }

    /// `text` with every unsafe scalar escaped; `keeping` lists scalars that pass as they are.
    public static func escaped(_ text: String, keeping kept: Set<Unicode.Scalar> = []) -> String {
        guard text.unicodeScalars.contains(where: { isUnsafe($0) && !kept.contains($0) }) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar) && !kept.contains(scalar) {
                out.append(contentsOf: escape(scalar).unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }
}

extension String {
    /// This text as one line a terminal shows and never obeys: every control, newline
    /// included, and every bidi control becomes a visible escape.
    public var terminalSafe: String { TerminalSafeText.escaped(self) }

    /// Like `terminalSafe`, but newlines and tabs stay: for a message of several lines.
    public var terminalSafeLines: String { TerminalSafeText.escaped(self, keeping: ["\n", "\t"]) }
}
