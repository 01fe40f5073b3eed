/// One line printed by `YtDlpInvocation`'s templates: `{"type":"<kind>","<payload key>":<payload>}`.
/// Its coding keys and kinds also write the templates, so each name exists once.
struct YtDlpTemplateLine: Decodable {
    enum Kind: String, Decodable {
        case progress, info, done, postprocess
    }

    enum CodingKeys: String, CodingKey {
        case kind = "type"
        case progress = "p"
        case info
        case formats
        case filePath = "filepath"
        case postprocess = "pp"
    }

    var kind: Kind
    var progress: YtDlpProgressPayload?
    var info: YtDlpMediaInfo?
    /// Beside `info`: the formats of a merge (empty for a single file).
    var formats: [YtDlpRequestedFormat]?
    var filePath: String?
    var postprocess: YtDlpPostprocessStep?

    /// The payload that `kind` names, or nil when it is missing.
    var outputLine: YtDlpOutputLine? {
        switch kind {
        case .progress: progress.map { .progress($0.progress) }
        case .info: info.map { info in
            var info = info
            info.requestedFormats = formats ?? []
            return .info(info)
        }
        case .done: filePath.map { .done(filePath: $0) }
        case .postprocess: postprocess.map { .postprocess($0) }
        }
    }

    /// The JSON text of a `kind` line around `value`, a yt-dlp output template field such as
    /// `%(filepath)j`, with the `beside` fields after it (in key order).
    static func template(_ kind: Kind, value: String, beside: [CodingKeys: String] = [:]) -> String {
        let key: CodingKeys = switch kind {
        case .progress: .progress
        case .info: .info
        case .done: .filePath
        case .postprocess: .postprocess
        }
        let extra = beside.sorted { $0.key.stringValue < $1.key.stringValue }
            .map { #","\#($0.key.stringValue)":\#($0.value)"# }.joined()
        return #"{"\#(CodingKeys.kind.stringValue)":"\#(kind.rawValue)","\#(key.stringValue)":\#(value)\#(extra)}"#
    }
}
