/// Turns the bytes a terminal sends into `Key`s: UTF-8 text, control keys, CSI/SS3 escape
/// sequences (arrows, Home/End, PgUp/PgDn, Delete, Shift-Tab, F1–F12), Alt-keys (ESC and a
/// key in one burst, `.meta`) and bracketed paste (`ESC [ 200 ~` … `ESC [ 201 ~`, delivered
/// as one `.paste`).
///
/// Pure and incremental: feed bytes as they arrive, in chunks of any size; a sequence split
/// across chunks is held until the rest comes. A lone ESC cannot be told from the start of a
/// sequence, so it stays pending until `flush()`, which the reader calls after a short quiet
/// time (about 25 ms) with no more bytes.
public struct KeyDecoder: Sendable {
    /// A paste longer than this is delivered in pieces instead of growing without bound.
    public static let maxPasteBytes = 1 << 20

    private(set) var pending: [UInt8] = []
    private var pasting = false
    private var pasteBytes: [UInt8] = []

    public init() {}

    /// Whether bytes are held back waiting for the rest of a sequence (or for `flush()`).
    public var hasPendingInput: Bool { !pending.isEmpty }

    /// Whether a bracketed paste has started and not yet ended.
    public var isInPaste: Bool { pasting }

    /// Decodes `bytes` after whatever was pending; returns the complete keys.
    public mutating func feed(_ bytes: some Sequence<UInt8>) -> [Key] {
        pending.append(contentsOf: bytes)
        return decode(final: false)
    }

    /// Gives up waiting: a pending ESC becomes `.escape`, a cut-off UTF-8 sequence `�`.
    public mutating func flush() -> [Key] {
        decode(final: true)
    }

    private mutating func decode(final: Bool) -> [Key] {
        var keys: [Key] = []
        var index = 0
        while index < pending.count {
            if pasting {
                guard let end = consumePaste(from: index, into: &keys) else { return keys }
                index = end
                continue
            }
            switch step(at: index, final: final) {
            case .key(let key, let next):
                if let key { keys.append(key) }
                index = next
            case .pasteStart(let next):
                pasting = true
                pasteBytes = []
                index = next
            case .incomplete:
                pending.removeFirst(index)
                return keys
            }
        }
        pending = []
        return keys
    }

    /// Collects paste bytes up to the end marker; returns the index after it, or nil (and
    /// keeps a possible partial marker pending) when the marker has not arrived yet.
    private mutating func consumePaste(from start: Int, into keys: inout [Key]) -> Int? {
        let marker: [UInt8] = [0x1B, 0x5B, 0x32, 0x30, 0x31, 0x7E]
        var index = start
        while index < pending.count {
            if pending[index] == 0x1B {
                let available = min(marker.count, pending.count - index)
                if Array(pending[index..<index + available]) == Array(marker[0..<available]) {
                    if available < marker.count {
                        pending = Array(pending[index...])
                        return nil
                    }
                    keys.append(.paste(String(decoding: pasteBytes, as: UTF8.self)))
                    pasteBytes = []
                    pasting = false
                    return index + marker.count
                }
            }
            pasteBytes.append(pending[index])
            if pasteBytes.count >= Self.maxPasteBytes {
                keys.append(.paste(String(decoding: pasteBytes, as: UTF8.self)))
                pasteBytes = []
            }
            index += 1
        }
        pending = []
        return nil
    }
}
