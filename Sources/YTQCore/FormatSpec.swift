/// What the user asked to download: a named preset or a raw yt-dlp `-f` expression.
///
/// Stored in the `format` column as the preset's name, or as `raw:EXPR` for an expression
/// that could be mistaken for a preset name; parsing the stored text gives the same value back.
/// Parsed once, where it enters (the command line, the screen, the database row), and carried
/// as this value to the yt-dlp argv.
public enum FormatSpec: Sendable, Equatable, Hashable, CustomStringConvertible {
    case preset(FormatPreset)
    case expression(String)

    public static let maxExpressionLength = 512
    static let rawPrefix = "raw:"

    /// Characters that only occur in yt-dlp selector expressions, never in a preset name.
    private static let selectorCharacters: Set<Character> = ["[", "]", "+", "/", "*", ",", "(", ")", "<", ">", "=", "!", "?", "^", "$", "~", ":"]
    /// yt-dlp's own single-word selectors.
    private static let selectorWords: Set<String> = [
        "b", "w", "bv", "ba", "wv", "wa", "worst", "bestvideo", "bestaudio", "worstvideo", "worstaudio",
        "mergeall", "all", "best*", "b*", "bv*", "wv*", "worst*", "w*",
    ]

    /// Parses user input: a preset name, `raw:EXPR`, or an expression recognisable as yt-dlp
    /// selector syntax (selector characters, a built-in selector word, or a numeric format id).
    public init(parsing input: String) throws(RequestError) {
        let text = input.trimmingSpaces()
        guard !text.isEmpty else { throw .emptyFormat }
        if let preset = FormatPreset(rawValue: text.lowercased()) {
            self = .preset(preset)
            return
        }
        if text.hasPrefix(Self.rawPrefix) {
            let expression = String(text.dropFirst(Self.rawPrefix.count))
            try Self.validate(expression: expression)
            self = .expression(expression)
            return
        }
        let looksLikeSelector = text.contains(where: Self.selectorCharacters.contains)
            || Self.selectorWords.contains(text)
            || text.allSatisfy(\.isNumber)
        guard looksLikeSelector else { throw .unknownPreset(text) }
        try Self.validate(expression: text)
        self = .expression(text)
    }

    private static func validate(expression: String) throws(RequestError) {
        guard !expression.isEmpty else { throw .emptyFormat }
        if expression.count > maxExpressionLength {
            throw .invalidFormatExpression(expression, reason: "longer than \(maxExpressionLength) characters")
        }
        if expression.hasPrefix("-") {
            throw .invalidFormatExpression(expression, reason: "it begins with '-' and would be read as a yt-dlp option")
        }
        if expression.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.properties.generalCategory == .control }) {
            throw .invalidFormatExpression(expression, reason: "it contains whitespace or control characters")
        }
    }

    /// The text stored in the database and shown to the user.
    public var storedValue: String {
        switch self {
        case .preset(let preset): return preset.rawValue
        case .expression(let expression):
            // Keep the prefix when the bare expression would not parse back as an expression.
            if (try? FormatSpec(parsing: expression)) == .expression(expression) { return expression }
            return Self.rawPrefix + expression
        }
    }

    /// The preset, when it is one.
    public var preset: FormatPreset? {
        if case .preset(let preset) = self { return preset }
        return nil
    }

    /// The yt-dlp arguments that select this format.
    public var ytDlpArguments: [String] {
        switch self {
        case .preset(let preset): return preset.ytDlpArguments
        case .expression(let expression): return ["-f", expression]
        }
    }

    /// Whether yt-dlp needs ffmpeg to produce the file.
    public var needsFFmpeg: Bool {
        switch self {
        case .preset(let preset): return preset.needsFFmpeg
        case .expression(let expression): return expression.contains("+")
        }
    }

    public var description: String { storedValue }
}

/// Encodes as its stored text; decoding parses that text again, so a value that is not a
/// valid format never enters (a JSON document or a database row alike).
extension FormatSpec: Codable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do {
            self = try FormatSpec(parsing: text)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(storedValue)
    }
}
