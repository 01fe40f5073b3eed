extension KeyDecoder {
    /// What one decoding step found at an index of the pending bytes.
    enum Step {
        /// A key (or nothing, for a sequence ytq ignores) and the index after it.
        case key(Key?, next: Int)
        /// `ESC [ 200 ~`: a bracketed paste begins at `next`.
        case pasteStart(next: Int)
        /// The bytes from here on are the start of something longer; wait for more.
        case incomplete
    }

    func step(at index: Int, final: Bool) -> Step {
        let byte = pending[index]
        switch byte {
        case 0x1B: return escape(at: index, final: final)
        case 0x0D, 0x0A: return .key(.enter, next: index + 1)
        case 0x09: return .key(.tab, next: index + 1)
        case 0x7F, 0x08: return .key(.backspace, next: index + 1)
        case 0x03: return .key(.ctrlC, next: index + 1)
        case 0x01...0x1A:
            return .key(.ctrl(Character(Unicode.Scalar(byte + 0x60))), next: index + 1)
        case 0x00, 0x1C...0x1F: return .key(nil, next: index + 1)
        case 0x20..<0x7F: return .key(.char(Character(Unicode.Scalar(byte))), next: index + 1)
        default: return utf8(at: index, final: final)
        }
    }

    private func escape(at index: Int, final: Bool) -> Step {
        guard index + 1 < pending.count else { return final ? .key(.escape, next: index + 1) : .incomplete }
        switch pending[index + 1] {
        case 0x5B: // [
            return csi(at: index, final: final)
        case 0x4F: // O
            guard index + 2 < pending.count else { return final ? .key(.escape, next: index + 1) : .incomplete }
            return .key(Self.ss3Key(pending[index + 2]), next: index + 3)
        case 0x20..<0x7F:
            // ESC and a printable key in one burst: the terminal's Alt-key. (A person pressing
            // Esc and then a key is slower than `flush()`'s quiet time: that is Esc, then the key.)
            return .key(.meta(Character(Unicode.Scalar(pending[index + 1]))), next: index + 2)
        case 0xC2...0xF4:
            switch utf8(at: index + 1, final: final) {
            case .key(.char(let character)?, let next): return .key(.meta(character), next: next)
            case .incomplete: return .incomplete
            default: return .key(.escape, next: index + 1)
            }
        default:
            // ESC then a control key (another ESC, Enter, …): Esc, and that key after it.
            return .key(.escape, next: index + 1)
        }
    }

    /// `ESC [ params intermediates final`.
    private func csi(at index: Int, final: Bool) -> Step {
        var cursor = index + 2
        while cursor < pending.count, (0x20...0x3F).contains(pending[cursor]) { cursor += 1 }
        guard cursor < pending.count else { return final ? .key(.escape, next: index + 1) : .incomplete }
        let terminator = pending[cursor]
        guard (0x40...0x7E).contains(terminator) else { return .key(nil, next: cursor) }
        let parameters = String(decoding: pending[(index + 2)..<cursor], as: UTF8.self)
        let first = Int(parameters.split(separator: ";").first ?? "") ?? 0
        if terminator == 0x7E, first == 200 { return .pasteStart(next: cursor + 1) }
        return .key(Self.csiKey(terminator, first: first), next: cursor + 1)
    }

    private func utf8(at index: Int, final: Bool) -> Step {
        let lead = pending[index]
        let length: Int
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return .key(.char("\u{FFFD}"), next: index + 1)
        }
        guard index + length <= pending.count else {
            return final ? .key(.char("\u{FFFD}"), next: pending.count) : .incomplete
        }
        let bytes = pending[index..<index + length]
        guard bytes.dropFirst().allSatisfy({ $0 & 0xC0 == 0x80 }) else {
            return .key(.char("\u{FFFD}"), next: index + 1)
        }
        let text = String(decoding: bytes, as: UTF8.self)
        return .key(text.first.map(Key.char), next: index + length)
    }

    static func ss3Key(_ byte: UInt8) -> Key? {
        switch byte {
        case 0x4D: return .enter
        case 0x50...0x53: return .function(Int(byte) - 0x50 + 1)
        default: return cursorKey(byte)
        }
    }

    static func csiKey(_ terminator: UInt8, first: Int) -> Key? {
        switch terminator {
        case 0x5A: return .backTab
        case 0x50...0x53 where first <= 1: return .function(Int(terminator) - 0x50 + 1)
        case 0x7E: return tildeKey(first)
        default: return cursorKey(terminator)
        }
    }

    /// The final byte both `ESC O x` and `ESC [ x` use for arrows, Home and End.
    private static func cursorKey(_ byte: UInt8) -> Key? {
        switch byte {
        case 0x41: return .up
        case 0x42: return .down
        case 0x43: return .right
        case 0x44: return .left
        case 0x48: return .home
        case 0x46: return .end
        default: return nil
        }
    }

    private static func tildeKey(_ number: Int) -> Key? {
        switch number {
        case 1, 7: return .home
        case 2: return .insert
        case 3: return .delete
        case 4, 8: return .end
        case 5: return .pageUp
        case 6: return .pageDown
        case 11...15: return .function(number - 10)
        case 17...21: return .function(number - 11)
        case 23, 24: return .function(number - 12)
        default: return nil
        }
    }
}
