import Foundation

/// Text for the terminal's clipboard, sent as OSC 52 (`ESC ] 52 ; c ; BASE64 ST`): it reaches
/// the clipboard of the terminal the user sits at, over SSH too, and through tmux when tmux
/// has `set-clipboard on`. The text travels base64-encoded, so nothing in it can act on the
/// terminal that relays it.
public struct ClipboardCopy: Sendable, Equatable {
    /// The most text sent: a path or a URL fits many times over, and terminals cap what
    /// OSC 52 may carry (xterm about 100 kB of base64; some far less).
    public static let maxBytes = 8 * 1024

    public let text: String

    /// Nil when `text` is empty or longer than `maxBytes` (cut short, a path is no use).
    public init?(_ text: String) {
        guard !text.isEmpty, text.utf8.count <= Self.maxBytes else { return nil }
        self.text = text
    }

    /// The sequence to write: OSC 52 for the clipboard (`c`), ended by ST (`ESC \`).
    public var escapes: String {
        "\u{1B}]52;c;" + Data(text.utf8).base64EncodedString() + "\u{1B}\\"
    }
}
