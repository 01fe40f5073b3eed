/// One line printed by `YtDlpInvocation`'s templates: `{"type":"<kind>","<payload key>":<payload>}`.
/// Its coding keys and kinds also write the templates, so each name exists once.
struct YtDlpTemplateLine: Decodable {
    enum Kind: String, Decodable {
        case progress, info, done
    }

    enum CodingKeys: String, CodingKey {
        case kind = "type"
        case progress = "p"
        case info
        case filePath = "filepath"
    }

    var kind: Kind
    var progress: YtDlpProgressPayload?
    var info: YtDlpMediaInfo?
    var filePath: String?

    /// The payload that `kind` names, or nil when it is missing.
    var outputLine: YtDlpOutputLine? {
        switch kind {
        case .progress: progress.map { .progress($0.progress) }
        case .info: info.map { .info($0) }
        case .done: filePath.map { .done(filePath: $0) }
        }
    }

    /// The JSON text of a `kind` line around `value`, a yt-dlp output template field such as `%(filepath)j`.
    static func template(_ kind: Kind, value: String) -> String {
        let key: CodingKeys = switch kind {
        case .progress: .progress
        case .info: .info
        case .done: .filePath
        }
        return #"{"\#(CodingKeys.kind.stringValue)":"\#(kind.rawValue)","\#(key.stringValue)":\#(value)}"#
    }
}
