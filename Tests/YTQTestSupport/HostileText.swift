import Foundation

/// Text a hostile server, file or argument supplies, and the check that none of it reaches
/// a terminal raw.
public enum HostileText {
    /// OSC 0: sets the window title.
    public static let osc0 = "\u{1B}]0;pwned\u{07}"
    /// OSC 52: writes the clipboard (here `echo pwned`, waiting to be pasted).
    public static let osc52 = "\u{1B}]52;c;ZWNobyBwd25lZAo=\u{07}"
    /// CSI 2J: clears the screen.
    public static let clearScreen = "\u{1B}[2J"
    /// A C1 CSI (U+009B) starting a colour change without ESC.
    public static let c1 = "\u{9B}31m"
    /// A right-to-left override: `clip\u{202E}4pm.exe` reads as `clipexe.mp4`.
    public static let bidi = "\u{202E}4pm.exe\u{2066}"
    /// A newline that would forge a line of its own.
    public static let forgedLine = "\nssh-ed25519 AAAAC3forged attacker@evil"
    /// All of them, with a carriage return and DEL.
    public static let all = "title" + osc0 + osc52 + clearScreen + c1 + bidi + forgedLine + "\r\u{7F}end"

    /// The scalars in `output` a terminal would obey: C0 controls other than newline, DEL,
    /// C1 controls, bidi controls, line and paragraph separators. Empty when the output is safe.
    public static func obeyedScalars(in output: String) -> [Unicode.Scalar] {
        output.unicodeScalars.filter { scalar in
            switch scalar.value {
            case 0x0A: return false
            case 0x00..<0x20, 0x7F..<0xA0, 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029:
                return true
            default: return false
            }
        }
    }

    /// What is wrong with `output` as terminal text, or nil: scalars a terminal would obey,
    /// or U+FFFD (ytq never writes it; it stands for bytes that were not UTF-8, such as a lone
    /// C1 byte, once a test decoded them).
    public static func violation(in output: String) -> String? {
        let obeyed = obeyedScalars(in: output)
        if !obeyed.isEmpty { return "raw controls \(obeyed.map { String($0.value, radix: 16) }) in \(output.debugDescription)" }
        if output.contains("\u{FFFD}") { return "bytes that are not UTF-8 in \(output.debugDescription)" }
        if hasRawControlBytes(Data(output.utf8)) { return "raw control bytes in \(output.debugDescription)" }
        return nil
    }

    /// Whether the raw bytes hold ESC, a C1 control (UTF-8 `C2 80`–`C2 9F`, or a lone byte
    /// `80`–`9F` a Latin-1 terminal would take as one), or a bidi control's UTF-8 form.
    public static func hasRawControlBytes(_ bytes: Data) -> Bool {
        let array = [UInt8](bytes)
        for (index, byte) in array.enumerated() {
            if byte == 0x1B || byte == 0x7F || byte < 0x20 && byte != 0x0A { return true }
            if byte == 0xC2, index + 1 < array.count, (0x80...0x9F).contains(array[index + 1]) { return true }
            if byte == 0xE2, index + 2 < array.count, array[index + 1] == 0x80,
               (0x8E...0x8F).contains(array[index + 2]) || (0xAA...0xAE).contains(array[index + 2]) { return true }
            if byte == 0xE2, index + 2 < array.count, array[index + 1] == 0x81, (0xA6...0xA9).contains(array[index + 2]) { return true }
        }
        return false
    }
}
