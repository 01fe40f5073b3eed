/// JSON text that is safe to print: what the command line and the service write.
public enum JSONText {
    /// Encoded JSON with every scalar a terminal could obey written as a `\uXXXX` escape:
    /// `JSONEncoder` escapes C0 controls but leaves DEL, C1 controls (U+009B starts a CSI),
    /// bidi controls and U+2028/U+2029 raw. They can only occur inside strings, where the
    /// escape means the same; the newlines of pretty printing stay.
    public static func escapingControls(_ json: String) -> String {
        guard json.unicodeScalars.contains(where: { $0 != "\n" && TerminalSafeText.isUnsafe($0) }) else { return json }
        var out = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            if scalar != "\n" && TerminalSafeText.isUnsafe(scalar) {
                let hex = String(scalar.value, radix: 16)
                out.append(contentsOf: ("\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex).unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }
}
