extension FormatPreset {
    /// What the preset promised and the file does not have, as a note for the task ("720p
    /// asked, 1080p is the smallest available"), or nil when it fits or nothing is known.
    /// yt-dlp falls back to the nearest format when the source has nothing that fits; this is
    /// how the user learns that it did.
    /// - Parameters:
    ///   - height: the video's lines; `videoCodec` as yt-dlp names it (`avc1.64001f`, `vp9`,
    ///     `none`); `container` the file's extension.
    public func shortfall(height: Int?, videoCodec: String?, container: String?) -> String? {
        switch self {
        case .p1080, .p720, .p480:
            guard let limit = heightLimit, let height, height > limit else { return nil }
            return "\(rawValue) asked, \(height)p is the smallest available"
        case .mp4:
            let codec = videoCodec.flatMap { $0 == "none" ? nil : $0.split(separator: ".").first.map(String.init) }
            let isH264 = codec.map { ["avc1", "avc3", "h264"].contains($0.lowercased()) }
            guard container.map({ $0.lowercased() != "mp4" }) == true || isH264 == false else { return nil }
            let got = [container, codec].compactMap { $0 }.joined(separator: ", ")
            return "mp4 asked, the source has no H.264 in MP4: got \(got)"
        case .best, .audioM4A, .audioMP3, .audioOpus:
            return nil
        }
    }
}
