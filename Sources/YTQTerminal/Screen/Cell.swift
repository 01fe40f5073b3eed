/// One cell of a `Screen`: a grapheme cluster and its style.
///
/// A wide cluster (CJK, emoji) occupies two cells: the first holds the cluster, the second
/// is a continuation cell whose `character` is nil.
public struct Cell: Sendable, Equatable, Hashable {
    /// The cluster drawn here, or nil for the right half of a wide cluster.
    public var character: Character?
    public var style: Style

    public init(_ character: Character?, style: Style = .normal) {
        self.character = character
        self.style = style
    }

    /// A space in the default style.
    public static let blank = Cell(" ")

    /// Whether this is the right half of a wide cluster.
    public var isContinuation: Bool { character == nil }
}
