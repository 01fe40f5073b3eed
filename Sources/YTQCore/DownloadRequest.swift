import Foundation

/// A validated request for one download: an absolute http(s) URL and a format.
///
/// The only way to obtain one is `init(url:format:)`, which refuses bad input with a
/// `RequestError` whose message says what to fix. Nothing is written before it succeeds.
public struct DownloadRequest: Sendable, Equatable {
    public static let maxURLLength = 4096

    public let url: String
    public let format: FormatSpec

    public init(url rawURL: String, format rawFormat: String? = nil) throws(RequestError) {
        self.url = try Self.validate(url: rawURL)
        if let rawFormat {
            self.format = try FormatSpec(parsing: rawFormat)
        } else {
            self.format = .preset(.default)
        }
    }

    public init(url rawURL: String, format: FormatSpec) throws(RequestError) {
        self.url = try Self.validate(url: rawURL)
        self.format = format
    }

    /// Checks a URL as typed or pasted; surrounding spaces and newlines (a paste) are dropped.
    public static func validate(url rawURL: String) throws(RequestError) -> String {
        let url = rawURL.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !url.isEmpty else { throw .emptyURL }
        guard url.utf8.count <= maxURLLength else { throw .urlTooLong(length: url.utf8.count, limit: maxURLLength) }
        guard !url.hasPrefix("-") else { throw .urlStartsWithDash(url) }
        let bad = url.unicodeScalars.contains { scalar in
            scalar.properties.isWhitespace || scalar.properties.generalCategory == .control
                || scalar.properties.generalCategory == .format
        }
        guard !bad else { throw .urlHasWhitespaceOrControl(url) }
        guard let components = URLComponents(string: url),
              let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = components.host, !host.isEmpty,
              url.lowercased().hasPrefix(scheme + "://")
        else { throw .urlNotHTTP(url) }
        // `host:` with no number, or a port no connection can use: yt-dlp would fail later, and
        // less clearly. (A ':' inside user information or brackets is not a port.)
        let authority = url.dropFirst(scheme.count + 3).prefix { !"/?#".contains($0) }
        guard !authority.hasSuffix(":"), components.port.map({ (1...65535).contains($0) }) ?? true else { throw .urlBadPort(url) }
        return url
    }
}
