import YTQCore

/// What the screen tells the desktop when a download of this user's finishes or fails: a
/// title and a line, sent as the terminal's bell and notification sequences (`escapes`).
public struct TerminalNotice: Sendable, Equatable {
    public var title: String
    public var body: String

    public init(title: String, body: String) {
        self.title = title
        self.body = body
    }

    /// The bell.
    public static let bell = "\u{07}"

    /// OSC 777 (`notify;title;body`: foot, WezTerm, urxvt, VTE) then OSC 9 (`title: body`:
    /// iTerm2, kitty, WezTerm, Windows Terminal). Text from outside (a title from the site)
    /// loses its control characters, and `;`, which would end a field, becomes `,`.
    public var escapes: String {
        let title = Self.field(title), body = Self.field(body)
        return "\u{1B}]777;notify;\(title);\(body)\u{07}" + "\u{1B}]9;\(title): \(body)\u{07}"
    }

    /// OSC 2: the window title, made safe the same way.
    public static func windowTitle(_ text: String) -> String {
        "\u{1B}]2;\(field(text))\u{07}"
    }

    /// Saves the window title on the terminal's stack (xterm, VTE, tmux), and restores it.
    public static let saveTitle = "\u{1B}[22;0t"
    public static let restoreTitle = "\u{1B}[23;0t"

    /// At most 200 characters: each one `TerminalSafeText` finds unsafe (controls, bidi
    /// overrides) becomes a space, and `;` a comma. Spaces rather than the visible escapes of
    /// `terminalSafe`: a desktop notification shows them to a person, not a log.
    static func field(_ text: String) -> String {
        var kept = String.UnicodeScalarView()
        for scalar in text.unicodeScalars.prefix(200) {
            if TerminalSafeText.isUnsafe(scalar) {
                kept.append(" ")
            } else {
                kept.append(scalar == ";" ? "," : scalar)
            }
        }
        return String(kept)
    }
}
