/// A named format choice and the yt-dlp arguments it stands for.
public enum FormatPreset: String, CaseIterable, Sendable {
    case best
    case p1080 = "1080p"
    case p720 = "720p"
    case p480 = "480p"
    case mp4
    case audioM4A = "audio-m4a"
    case audioMP3 = "audio-mp3"
    case audioOpus = "audio-opus"

    public static let `default` = FormatPreset.best

    /// The preset names, comma-separated, for help and error messages.
    public static var allNames: String { allCases.map(\.rawValue).joined(separator: ", ") }

    /// The yt-dlp arguments this preset maps to (the README documents the same table). A height
    /// preset falls back to the smallest video there is when nothing fits, and the task says so
    /// (`shortfall`).
    public var ytDlpArguments: [String] {
        if let limit = heightLimit { return ["-f", "bv*[height<=\(limit)]+ba/b[height<=\(limit)]/wv*+ba/w"] }
        if let audioFormat { return ["-f", "ba/b", "-x", "--audio-format", audioFormat] }
        switch self {
        case .mp4:
            return ["-f", "bv*[vcodec^=avc]+ba[ext=m4a]/b[ext=mp4]/bv*+ba/b", "--merge-output-format", "mp4"]
        default:
            // `best`; the height and audio presets were answered above.
            return ["-f", "bv*+ba/b"]
        }
    }

    /// One line for the help overlay and `--help`.
    public var summary: String {
        switch self {
        case .best: return "best video+audio (merged by ffmpeg), else best single file"
        case .p1080: return "best up to 1080 lines high"
        case .p720: return "best up to 720 lines high"
        case .p480: return "best up to 480 lines high"
        case .mp4: return "H.264 + AAC in MP4, plays almost anywhere"
        case .audioM4A: return "audio only, AAC in .m4a (needs ffmpeg)"
        case .audioMP3: return "audio only, .mp3 (needs ffmpeg)"
        case .audioOpus: return "audio only, .opus (needs ffmpeg)"
        }
    }

    /// The most lines a height preset allows.
    public var heightLimit: Int? {
        switch self {
        case .p1080: return 1080
        case .p720: return 720
        case .p480: return 480
        default: return nil
        }
    }

    /// The audio format yt-dlp converts to (`-x --audio-format`), for an audio preset.
    public var audioFormat: String? {
        switch self {
        case .audioM4A: return "m4a"
        case .audioMP3: return "mp3"
        case .audioOpus: return "opus"
        default: return nil
        }
    }

    /// Whether yt-dlp needs ffmpeg to produce this preset's file.
    public var needsFFmpeg: Bool { audioFormat != nil }
}
