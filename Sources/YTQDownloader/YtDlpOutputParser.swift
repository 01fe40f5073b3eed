import Foundation

/// Turns one stdout line of a `YtDlpInvocation` run into a `YtDlpOutputLine`.
///
/// Template lines decode with `JSONDecoder` into `YtDlpTemplateLine` (JSON5 mode, so the `NaN`
/// and `Infinity` Python's json module can print still decode). `make bench` prints its speed.
public enum YtDlpOutputParser {
    private static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.allowsJSON5 = true
        return decoder
    }()

    /// Parses one line (without its newline). Lines that are not ours, or are malformed,
    /// come back as `.other` with the text unchanged.
    public static func parse(_ line: String) -> YtDlpOutputLine {
        guard line.utf8.first == UInt8(ascii: "{"),
              let decoded = try? decoder.decode(YtDlpTemplateLine.self, from: Data(line.utf8)),
              let parsed = decoded.outputLine
        else { return .other(line) }
        return parsed
    }
}
