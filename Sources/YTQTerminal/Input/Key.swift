/// One key press (or paste, or resize) as the UI state machine sees it.
public enum Key: Sendable, Equatable, Hashable {
    /// A printable grapheme cluster (letters, digits, punctuation, CJK, emoji).
    case char(Character)
    case enter, tab, backTab
    case up, down, left, right
    case pageUp, pageDown, home, end
    case backspace, delete, insert, escape
    /// Ctrl-C: quit from anywhere.
    case ctrlC
    /// Ctrl with a letter other than C, as the lowercase letter (`.ctrl("u")` is Ctrl-U).
    case ctrl(Character)
    /// F1…F12.
    case function(Int)
    /// Alt (Meta) with a key: the terminal sends ESC and the key together. Bound to nothing, so
    /// it never runs what the bare key does (Alt-C in the URL field must not cancel a download).
    case meta(Character)
    /// Text pasted with bracketed paste, whole.
    case paste(String)
    /// The terminal changed size; read the new size from the terminal.
    case resize

    /// How the key is written in the help and the footer: `q`, `Enter`, `S-Tab`, `↑`, `^C`.
    public var label: String {
        switch self {
        case .char(" "): return "Space"
        case .char(let character): return String(character)
        case .enter: return "Enter"
        case .tab: return "Tab"
        case .backTab: return "S-Tab"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .backspace: return "Bksp"
        case .delete: return "Del"
        case .insert: return "Ins"
        case .escape: return "Esc"
        case .ctrlC: return "^C"
        case .ctrl(let character): return "^" + String(character).uppercased()
        case .function(let number): return "F\(number)"
        case .meta(let character): return "M-" + String(character)
        case .paste: return "paste"
        case .resize: return "resize"
        }
    }
}
