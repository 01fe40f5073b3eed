/// A size in bytes as people write it: `1048576`, `500K`, `700M`, `2G`, `1.5G`, `1T`
/// (binary multiples, as yt-dlp reads them; a trailing `B` or `iB` is allowed).
public enum ByteSize {
    /// The number of bytes, or nil when `text` is not a positive size.
    public static func parse(_ text: String) -> Int64? {
        var body = Substring(text.trimmingSpaces())
        if body.uppercased().hasSuffix("IB") { body = body.dropLast(2) } else if body.uppercased().hasSuffix("B"), body.count > 1 { body = body.dropLast() }
        let multipliers: [Character: Double] = ["K": 1024, "M": 1024 * 1024, "G": 1024 * 1024 * 1024, "T": 1024 * 1024 * 1024 * 1024]
        var multiplier: Double = 1
        if let last = body.last?.uppercased().first, let factor = multipliers[last] {
            multiplier = factor
            body = body.dropLast()
        }
        guard !body.isEmpty, body.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
              body.filter({ $0 == "." }).count <= 1, let number = Double(body) else { return nil }
        let bytes = (number * multiplier).rounded()
        guard bytes >= 1, bytes < 9.0e18 else { return nil }
        return Int64(bytes)
    }

    /// `5000 bytes`, `700 MiB`, `1.5 GiB`: for messages.
    public static func describe(_ bytes: Int64) -> String {
        let units = [("TiB", 1 << 40), ("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)]
        for (unit, size) in units where bytes >= Int64(size) {
            let value = Double(bytes) / Double(size)
            let text = value.rounded() == value ? String(Int64(value)) : String((value * 10).rounded() / 10)
            return "\(text) \(unit)"
        }
        return bytes == 1 ? "1 byte" : "\(bytes) bytes"
    }
}
