import Foundation

/// POSIX shell quoting, for showing a command line to a person (ytq never runs a shell).
public enum ShellQuoting {
    /// Characters that never need quoting.
    private static let safe = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./:=,+@%".unicodeScalars)

    /// The word unchanged when it is made of safe characters, else in single quotes with any
    /// single quote written as `'\''`.
    public static func quote(_ word: String) -> String {
        if !word.isEmpty, word.unicodeScalars.allSatisfy(safe.contains) { return word }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
