/// Splits a Server-Sent Events stream into the data of each event (`data:` lines, joined by
/// newlines, dispatched at a blank line); comments (`:`) and other fields are skipped. Fed
/// bytes as they arrive, in pieces of any size.
struct ServerSentEventParser {
    private var line: [UInt8] = []
    private var data: [String] = []
    /// A line longer than this is dropped (with its event): the stream stays bounded.
    static let maximumLine = 1 << 20

    /// The data of every event completed by `bytes`.
    mutating func feed<Bytes: Sequence>(_ bytes: Bytes) -> [String] where Bytes.Element == UInt8 {
        var events: [String] = []
        for byte in bytes {
            guard byte == UInt8(ascii: "\n") else {
                if line.count < Self.maximumLine {
                    line.append(byte)
                } else {
                    line = []
                    data = []
                }
                continue
            }
            if line.last == UInt8(ascii: "\r") { line.removeLast() }
            if line.isEmpty {
                if !data.isEmpty { events.append(data.joined(separator: "\n")) }
                data = []
            } else if line.starts(with: Array("data:".utf8)) {
                var value = line.dropFirst(5)
                if value.first == UInt8(ascii: " ") { value = value.dropFirst() }
                data.append(String(decoding: value, as: UTF8.self))
            }
            line = []
        }
        return events
    }
}
