/// Makes captured stderr safe to replay on the terminal: every C0 control but newline and
/// tab, DEL, and every C1 control (UTF-8 `C2 80`–`C2 9F`) becomes `?`, so no escape sequence
/// in a message (a title, a URL, an error from yt-dlp) reaches the terminal.
///
/// It rewrites bytes in place and allocates nothing, because the replay runs in a signal
/// handler. A `C2` that ends one buffer goes out as it is and the C1 byte that would follow
/// it becomes `?`: a lone `C2` is invalid UTF-8, which a terminal shows, never obeys.
struct ReplayFilter {
    private var pendingLead = false

    /// Rewrites the unsafe bytes of `bytes` in place.
    mutating func filter(_ bytes: UnsafeMutableRawBufferPointer) {
        for index in bytes.indices {
            let byte = bytes[index]
            if pendingLead {
                pendingLead = false
                if (0x80...0x9F).contains(byte) {
                    bytes[index] = UInt8(ascii: "?")
                    continue
                }
            }
            switch byte {
            case 0x0A, 0x09:
                break
            case 0x00..<0x20, 0x7F:
                bytes[index] = UInt8(ascii: "?")
            case 0xC2:
                // The lead byte of U+0080–U+00BF: a C1 control when the next byte is 80–9F.
                if index + 1 < bytes.count {
                    if (0x80...0x9F).contains(bytes[index + 1]) {
                        bytes[index] = UInt8(ascii: "?")
                        bytes[index + 1] = UInt8(ascii: "?")
                    }
                } else {
                    pendingLead = true
                }
            default:
                break
            }
        }
    }
}
