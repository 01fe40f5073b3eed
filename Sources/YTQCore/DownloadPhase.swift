/// What a download is doing after its bytes are in: merging video and audio, converting,
/// moving the file into place. Shown in place of speed and ETA ("merging…").
public struct DownloadPhase: Sendable, Hashable, Codable, RawRepresentable, CustomStringConvertible {
    /// A short lowercase phrase: `merging`, `converting to mp3`.
    public var rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public static let merging = DownloadPhase(rawValue: "merging")
    public static let converting = DownloadPhase(rawValue: "converting")
    public static let moving = DownloadPhase(rawValue: "moving into place")
    public static let finishing = DownloadPhase(rawValue: "finishing")

    /// Converting to an audio format: `converting to mp3`.
    public static func converting(to format: String) -> DownloadPhase {
        DownloadPhase(rawValue: "converting to \(format)")
    }

    /// `merging…`, `converting to mp3…`
    public var description: String { rawValue + "…" }

    /// The first word only, for a narrow column (at most 10 cells): `merging…`, `converting`.
    public var brief: String {
        let word = rawValue.split(separator: " ").first.map(String.init) ?? rawValue
        return word.count < 10 ? word + "…" : String(word.prefix(10))
    }
}
