/// Input that ytq refuses before touching the database; each message says what to change.
public enum RequestError: Error, Equatable, Sendable, Codable, CustomStringConvertible {
    case emptyURL
    case urlTooLong(length: Int, limit: Int)
    case urlStartsWithDash(String)
    case urlHasWhitespaceOrControl(String)
    case urlNotHTTP(String)
    case urlBadPort(String)
    case emptyFormat
    case unknownPreset(String)
    case invalidFormatExpression(String, reason: String)

    public var description: String {
        switch self {
        case .emptyURL:
            return "no URL given: pass an http:// or https:// address, e.g. ytq add 'https://example.com/video'"
        case .urlTooLong(let length, let limit):
            return "the URL is \(length) characters long; ytq accepts at most \(limit)"
        case .urlStartsWithDash(let url):
            return "'\(Self.clip(Self.visible(url)))' begins with '-' and would be read as a yt-dlp option; pass an http(s) URL"
        case .urlHasWhitespaceOrControl(let url):
            return "the URL '\(Self.clip(Self.visible(url)))' contains whitespace or control characters; "
                + "percent-encode them (a space is %20) or check what was pasted"
        case .urlNotHTTP(let url):
            return "'\(Self.clip(Self.visible(url)))' is not an absolute http:// or https:// URL"
        case .urlBadPort(let url):
            return "'\(Self.clip(Self.visible(url)))' has a ':' with no port, or a port outside 1–65535: "
                + "leave the colon out or give the port number"
        case .emptyFormat:
            return "the format is empty: use a preset (\(FormatPreset.allNames)) or a yt-dlp -f expression"
        case .unknownPreset(let name):
            return "unknown format preset '\(Self.clip(Self.visible(name)))'; presets: \(FormatPreset.allNames). "
                + "For a yt-dlp -f expression write one with selectors (e.g. 'bv*+ba/b') or prefix it with 'raw:'"
        case .invalidFormatExpression(let expression, let reason):
            return "format '\(Self.clip(Self.visible(expression)))' is not usable: \(reason)"
        }
    }

    /// Shows control and bidi characters (`TerminalSafeText`), and whitespace other than a
    /// space, as escapes, so a message never garbles the terminal and shows what was pasted.
    static func visible(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if TerminalSafeText.isUnsafe(scalar) || scalar.properties.isWhitespace && scalar != " " {
                out.append(contentsOf: TerminalSafeText.escape(scalar).unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    static func clip(_ text: String) -> String {
        text.clipped(to: 120)
    }
}
