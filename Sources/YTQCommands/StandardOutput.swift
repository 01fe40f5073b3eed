import Foundation

/// Unbuffered line output, so a pipe reader (a script, a test) sees each event at once.
enum StandardOutput {
    static func writeLine(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}
