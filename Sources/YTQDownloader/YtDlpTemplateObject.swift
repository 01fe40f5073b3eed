/// A `Decodable` object printed by one of `YtDlpInvocation`'s templates: its coding keys are
/// the only list of its fields, read by the decoder and written into the template.
protocol YtDlpTemplateObject: Decodable {
    associatedtype CodingKeys: CodingKey & CaseIterable
}

extension YtDlpTemplateObject {
    /// The keys in declaration order, comma-separated: the `a,b,c` of `%(progress.{a,b,c})j`.
    static var templateFields: String {
        CodingKeys.allCases.map(\.stringValue).joined(separator: ",")
    }
}
