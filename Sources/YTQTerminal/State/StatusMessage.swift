/// A one-line message under the list, such as "Started task #12".
public struct StatusMessage: Sendable, Equatable {
    /// How the message reads: neutral, good news, or a problem.
    public enum Kind: Sendable, Equatable {
        case info, success, failure
    }

    public var text: String
    public var kind: Kind

    public init(_ text: String, kind: Kind = .info) {
        self.text = text
        self.kind = kind
    }
}
