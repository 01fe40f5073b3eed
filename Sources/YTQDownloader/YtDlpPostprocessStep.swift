/// A `postprocess:` progress line: one of yt-dlp's post-processors (Merger, ExtractAudio,
/// MoveFiles…) started or finished.
public struct YtDlpPostprocessStep: Sendable, Equatable, YtDlpTemplateObject {
    public var status: String
    /// yt-dlp's name for the post-processor, e.g. `Merger` or `ExtractAudio`.
    public var postprocessor: String

    public init(status: String, postprocessor: String) {
        self.status = status
        self.postprocessor = postprocessor
    }

    /// In template order; `templateFields` turns them into the template's field list.
    enum CodingKeys: String, CodingKey, CaseIterable {
        case status, postprocessor
    }

    /// The step has begun (as opposed to `finished`).
    public var started: Bool { status == "started" }
}
