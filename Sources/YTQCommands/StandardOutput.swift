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
}
