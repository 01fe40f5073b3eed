/// A minimal reader for one flat JSON object (string, number, bool and null values only),
/// fast enough for every progress line yt-dlp prints: only the wanted keys are kept, matched
/// byte by byte, and whole numbers are read without creating strings. Nested values or any
/// malformed input make it give up (nil).
struct FlatJSONObject {
    enum Value: Equatable {
        case string(String)
        case number(Double)
        case bool(Bool)
        case null
    }

    /// The wanted keys' UTF-8 bytes; `values` is indexed like this list.
    struct Keys {
        let names: [[UInt8]]

        init(_ names: [String]) {
            self.names = names.map { Array($0.utf8) }
        }

        func index(of bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int? {
            let count = end - start
            outer: for (index, name) in names.enumerated() where name.count == count {
                for offset in 0..<count where name[offset] != bytes[start + offset] { continue outer }
                return index
            }
            return nil
        }
    }

    private(set) var values: [Value?]

    subscript(index: Int) -> Value? { values[index] }

    func double(_ index: Int) -> Double? {
        if case .number(let value)? = values[index], value.isFinite { return value }
        return nil
    }

    func int64(_ index: Int) -> Int64? {
        guard let value = double(index), value >= -9.0e18, value <= 9.0e18 else { return nil }
        return Int64(value.rounded(.down))
    }

    func string(_ index: Int) -> String? {
        if case .string(let value)? = values[index] { return value }
        return nil
    }

    /// Parses `bytes[start..<end]`, which must hold exactly one object and optional whitespace.
    init?(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, keys: Keys) {
        values = Array(repeating: nil, count: keys.names.count)
        var reader = Reader(bytes: bytes, index: start, end: end)
        reader.skipSpaces()
        guard reader.take(UInt8(ascii: "{")) else { return nil }
        reader.skipSpaces()
        if !reader.take(UInt8(ascii: "}")) {
            while true {
                reader.skipSpaces()
                guard let key = reader.readKey() else { return nil }
                reader.skipSpaces()
                guard reader.take(UInt8(ascii: ":")) else { return nil }
                reader.skipSpaces()
                let slot = keys.index(of: bytes, from: key.lowerBound, to: key.upperBound)
                guard let value = reader.readValue(keep: slot != nil) else { return nil }
                if let slot { values[slot] = value }
                reader.skipSpaces()
                if reader.take(UInt8(ascii: ",")) { continue }
                guard reader.take(UInt8(ascii: "}")) else { return nil }
                break
            }
        }
        reader.skipSpaces()
        guard reader.atEnd else { return nil }
    }

    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var index: Int
        let end: Int

        var atEnd: Bool { index >= end }

        mutating func skipSpaces() {
            while index < end, bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0A || bytes[index] == 0x0D {
                index += 1
            }
        }

        mutating func take(_ byte: UInt8) -> Bool {
            guard index < end, bytes[index] == byte else { return false }
            index += 1
            return true
        }

        /// A key without escapes, as a byte range (keys with escapes never match ours).
        mutating func readKey() -> Range<Int>? {
            guard take(UInt8(ascii: "\"")) else { return nil }
            let start = index
            while index < end, bytes[index] != UInt8(ascii: "\"") {
                if bytes[index] == UInt8(ascii: "\\") { return nil }
                index += 1
            }
            guard index < end else { return nil }
            index += 1
            return start..<(index - 1)
        }

        /// A value; when `keep` is false a string is only skipped over (still validated).
        mutating func readValue(keep: Bool = true) -> Value? {
            guard index < end else { return nil }
            switch bytes[index] {
            case UInt8(ascii: "\""):
                if keep { return readString().map(Value.string) }
                return readString() == nil ? nil : .null
            case UInt8(ascii: "t"): return readWord("true") ? .bool(true) : nil
            case UInt8(ascii: "f"): return readWord("false") ? .bool(false) : nil
            case UInt8(ascii: "n"): return readWord("null") ? .null : nil
            case UInt8(ascii: "N"): return readWord("NaN") ? .number(.nan) : nil
            case UInt8(ascii: "I"): return readWord("Infinity") ? .number(.infinity) : nil
            default: return readNumber()
            }
        }

        mutating func readWord(_ word: StaticString) -> Bool {
            let count = word.utf8CodeUnitCount
            guard end - index >= count else { return false }
            for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] { return false }
            index += count
            return true
        }

        mutating func readNumber() -> Value? {
            let start = index
            while index < end {
                switch bytes[index] {
                case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"),
                     UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"):
                    index += 1
                default:
                    return number(from: start)
                }
            }
            return number(from: start)
        }

        private func number(from start: Int) -> Value? {
            guard index > start else { return nil }
            // Whole numbers (byte counts, eta, indexes) without making a string.
            var negative = false
            var position = start
            if bytes[position] == UInt8(ascii: "-") {
                negative = true
                position += 1
            }
            if position < index, index - position <= 18 {
                var whole: Int64 = 0
                var digitsOnly = true
                for offset in position..<index {
                    let digit = bytes[offset] &- UInt8(ascii: "0")
                    guard digit < 10 else {
                        digitsOnly = false
                        break
                    }
                    whole = whole * 10 + Int64(digit)
                }
                if digitsOnly { return .number(Double(negative ? -whole : whole)) }
            }
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
            return Double(text).map(Value.number)
        }

        /// A JSON string; `\uXXXX` escapes (with surrogate pairs) are decoded.
        mutating func readString() -> String? {
            guard take(UInt8(ascii: "\"")) else { return nil }
            var scalars = String.UnicodeScalarView()
            var runStart = index
            var plain = true
            while index < end {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    let run = String(decoding: UnsafeBufferPointer(rebasing: bytes[runStart..<index]), as: UTF8.self)
                    index += 1
                    if plain { return run }
                    scalars.append(contentsOf: run.unicodeScalars)
                    return String(scalars)
                }
                if byte == UInt8(ascii: "\\") {
                    let run = String(decoding: UnsafeBufferPointer(rebasing: bytes[runStart..<index]), as: UTF8.self)
                    scalars.append(contentsOf: run.unicodeScalars)
                    plain = false
                    index += 1
                    guard let scalar = readEscape() else { return nil }
                    scalars.append(scalar)
                    runStart = index
                    continue
                }
                index += 1
            }
            return nil
        }

        private mutating func readEscape() -> Unicode.Scalar? {
            guard index < end else { return nil }
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): return Unicode.Scalar(byte)
            case UInt8(ascii: "b"): return "\u{08}"
            case UInt8(ascii: "f"): return "\u{0C}"
            case UInt8(ascii: "n"): return "\n"
            case UInt8(ascii: "r"): return "\r"
            case UInt8(ascii: "t"): return "\t"
            case UInt8(ascii: "u"):
                guard let high = readHex4() else { return nil }
                if (0xD800..<0xDC00).contains(high) {
                    guard take(UInt8(ascii: "\\")), take(UInt8(ascii: "u")), let low = readHex4(),
                          (0xDC00..<0xE000).contains(low)
                    else { return "\u{FFFD}" }
                    return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
                }
                return Unicode.Scalar(high) ?? "\u{FFFD}"
            default: return nil
            }
        }

        private mutating func readHex4() -> UInt32? {
            guard end - index >= 4 else { return nil }
            var value: UInt32 = 0
            for _ in 0..<4 {
                let byte = bytes[index]
                let digit: UInt32
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
                default: return nil
                }
                value = value * 16 + digit
                index += 1
            }
            return value
        }
    }
}
