import Foundation
import YTQCore

/// The one way text leaves ytq for a terminal (or a pipe): unbuffered, so a reader (a
/// script, a test) sees each line at once, and through `terminalSafeLines`, so no byte a
/// server, a file or an argument supplied reaches the terminal as a control sequence.
/// Callers escape each single-line field with `terminalSafe` first, so a newline inside a
/// title never starts a line of its own; this is the backstop for everything else.
enum StandardOutput {
    /// Writes one line to stdout; false when the reader has gone (a closed pipe).
    @discardableResult
    static func writeLine(_ line: String) -> Bool {
        write(line + "\n", to: .standardOutput)
    }

    /// Writes text that already ends its lines.
    @discardableResult
    static func write(_ text: String) -> Bool {
        write(text, to: .standardOutput)
    }

    /// Writes one line to stderr (messages: errors, kept files); a failed write (the terminal
    /// went away) is ignored, never fatal.
    static func writeErrorLine(_ line: String) {
        _ = write(line + "\n", to: .standardError)
    }

    private static func write(_ text: String, to handle: FileHandle) -> Bool {
        do {
            try handle.write(contentsOf: Data(text.terminalSafeLines.utf8))
            return true
        } catch {
            return false
        }
    }
}
