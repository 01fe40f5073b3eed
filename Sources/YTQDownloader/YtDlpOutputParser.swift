import YTQCore

/// Turns one stdout line of a `YtDlpInvocation` run into a `YtDlpOutputLine`.
///
/// The three JSON shapes come from the invocation's templates. Parsing is a single pass over
/// the line's UTF-8 bytes without Foundation, so progress lines cost next to nothing.
public enum YtDlpOutputParser {
    private static let progressPrefix = Array(#"{"type":"progress","p":"#.utf8)
    private static let infoPrefix = Array(#"{"type":"info","info":"#.utf8)
    private static let donePrefix = Array(#"{"type":"done","filepath":"#.utf8)

    private enum ProgressKey: Int {
        case status, downloadedBytes, totalBytes, totalBytesEstimate, speed, eta, elapsed, fragmentIndex, fragmentCount
    }
    private static let progressKeys = FlatJSONObject.Keys([
        "status", "downloaded_bytes", "total_bytes", "total_bytes_estimate", "speed", "eta", "elapsed",
        "fragment_index", "fragment_count",
    ])
    private enum InfoKey: Int {
        case id, title, ext, formatID, duration, webpageURL, extractorKey
    }
    private static let infoKeys = FlatJSONObject.Keys(["id", "title", "ext", "format_id", "duration", "webpage_url", "extractor_key"])
    private static let doneKeys = FlatJSONObject.Keys(["type", "filepath"])

    /// Parses one line (without its newline). Lines that are not ours, or are malformed,
    /// come back as `.other` with the text unchanged.
    public static func parse(_ line: String) -> YtDlpOutputLine {
        let parsed = line.utf8.withContiguousStorageIfAvailable { parse(bytes: $0) }
            ?? Array(line.utf8).withUnsafeBufferPointer { parse(bytes: $0) }
        return parsed ?? .other(line)
    }

    private static func parse(bytes: UnsafeBufferPointer<UInt8>) -> YtDlpOutputLine? {
        var end = bytes.count
        while end > 0, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x0D || bytes[end - 1] == 0x0A { end -= 1 }
        guard end > 2, bytes[0] == UInt8(ascii: "{") else { return nil }
        if hasPrefix(bytes, progressPrefix) {
            guard bytes[end - 1] == UInt8(ascii: "}"),
                  let object = FlatJSONObject(bytes, from: progressPrefix.count, to: end - 1, keys: progressKeys)
            else { return nil }
            return progress(from: object).map(YtDlpOutputLine.progress)
        }
        if hasPrefix(bytes, infoPrefix) {
            guard bytes[end - 1] == UInt8(ascii: "}"),
                  let object = FlatJSONObject(bytes, from: infoPrefix.count, to: end - 1, keys: infoKeys)
            else { return nil }
            return .info(info(from: object))
        }
        if hasPrefix(bytes, donePrefix) {
            guard let object = FlatJSONObject(bytes, from: 0, to: end, keys: doneKeys), let path = object.string(1) else {
                return nil
            }
            return .done(filePath: path)
        }
        return nil
    }

    private static func hasPrefix(_ bytes: UnsafeBufferPointer<UInt8>, _ prefix: [UInt8]) -> Bool {
        guard bytes.count >= prefix.count else { return false }
        for index in prefix.indices where bytes[index] != prefix[index] { return false }
        return true
    }

    private static func progress(from object: FlatJSONObject) -> YtDlpProgress? {
        typealias Key = ProgressKey
        guard let status = object.string(Key.status.rawValue) else { return nil }
        let downloaded = object.int64(Key.downloadedBytes.rawValue) ?? 0
        let total = object.int64(Key.totalBytes.rawValue) ?? object.int64(Key.totalBytesEstimate.rawValue)
        let eta = object.double(Key.eta.rawValue).flatMap { $0 >= 0 && $0 < 1e9 ? Int($0) : nil }
        return YtDlpProgress(
            status: YtDlpProgress.Status(status),
            progress: DownloadProgress(
                downloadedBytes: downloaded, totalBytes: total, speed: object.double(Key.speed.rawValue), eta: eta
            ),
            elapsed: object.double(Key.elapsed.rawValue),
            fragmentIndex: object.int64(Key.fragmentIndex.rawValue).map { Int($0) },
            fragmentCount: object.int64(Key.fragmentCount.rawValue).map { Int($0) }
        )
    }

    private static func info(from object: FlatJSONObject) -> YtDlpMediaInfo {
        typealias Key = InfoKey
        return YtDlpMediaInfo(
            id: text(object, Key.id.rawValue), title: object.string(Key.title.rawValue),
            ext: object.string(Key.ext.rawValue), formatID: text(object, Key.formatID.rawValue),
            duration: object.double(Key.duration.rawValue), webpageURL: object.string(Key.webpageURL.rawValue),
            extractorKey: object.string(Key.extractorKey.rawValue)
        )
    }

    /// A string field, or a number written as text (some extractors give numeric ids).
    private static func text(_ object: FlatJSONObject, _ key: Int) -> String? {
        switch object[key] {
        case .string(let value)?: return value
        case .number(let value)?:
            if value.rounded() == value, abs(value) < 9.0e15 { return String(Int64(value)) }
            return String(value)
        default: return nil
        }
    }
}
