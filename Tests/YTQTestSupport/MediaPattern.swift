/// The deterministic bytes `media_server.py` serves at `/media/NAME?size=N`.
///
/// A 64 KiB block of xorshift64 output (low byte of each step) seeded by FNV-1a-64 of the
/// name; byte `i` of the file is `block[i % 65536] ^ UInt8((i / 65536) & 0xFF)`.
public enum MediaPattern {
    static let blockSize = 65536

    /// The first `size` bytes of the file called `name` (e.g. `clip.mp4`).
    public static func bytes(name: String, size: Int) -> [UInt8] {
        let block = self.block(name: name)
        var out = [UInt8](repeating: 0, count: max(0, size))
        for index in 0..<out.count {
            out[index] = block[index & (blockSize - 1)] ^ UInt8(truncatingIfNeeded: index >> 16)
        }
        return out
    }

    static func block(name: String) -> [UInt8] {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in name.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        var state = hash == 0 ? 1 : hash
        var block = [UInt8](repeating: 0, count: blockSize)
        for index in 0..<blockSize {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            block[index] = UInt8(truncatingIfNeeded: state)
        }
        return block
    }
}
