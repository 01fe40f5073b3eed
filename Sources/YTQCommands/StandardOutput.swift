import Foundation

/// Unbuffered line output, so a pipe reader (a script, a test) sees each event at once.
enum StandardOutput {
    /// Writes one line; false when the reader has gone (a closed pipe).
    @discardableResult
    static func writeLine(_ line: String) -> Bool {
        do {
            try FileHandle.standardOutput.write(contentsOf: Data((line + "\n").utf8))
            return true
        } catch {
            return false
        }
    }

    /// Writes one line to stderr; a failed write (the terminal went away) is ignored, never fatal.
    static func writeError(_ line: String) {
        try? FileHandle.standardError.write(contentsOf: Data((line + "\n").utf8))
    }
}
