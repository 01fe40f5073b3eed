/// What a piece of text means, which the terminal turns into a colour of its own palette.
///
/// Views never choose raw colours: `CursesTerminal` maps roles to colour pairs (or, with
/// `NO_COLOR`, to attributes only), so status stays readable with and without colour.
public enum StyleRole: String, Sendable, CaseIterable, Hashable {
    /// The terminal's default foreground.
    case normal
    /// Titles, keys, the focused border, running downloads.
    case accent
    /// Completed downloads, success messages.
    case ok
    /// Waiting or retrying downloads.
    case warning
    /// Failures and the error pane.
    case error
    /// Secondary text: placeholders, unfocused borders, cancelled tasks.
    case muted
    /// The list cursor when the list has focus.
    case selection
}

/// How one cell is drawn: a role for the colour plus bold, reverse and dim attributes.
public struct Style: Sendable, Equatable, Hashable {
    public var role: StyleRole
    public var bold: Bool
    public var reverse: Bool
    public var dim: Bool

    public init(_ role: StyleRole = .normal, bold: Bool = false, reverse: Bool = false, dim: Bool = false) {
        self.role = role
        self.bold = bold
        self.reverse = reverse
        self.dim = dim
    }

    public static let normal = Style()
    public static let accent = Style(.accent)
    public static let ok = Style(.ok)
    public static let warning = Style(.warning)
    public static let error = Style(.error)
    public static let muted = Style(.muted)
    public static let selection = Style(.selection, reverse: true)

    /// The same style in bold.
    public var bolded: Style {
        var copy = self
        copy.bold = true
        return copy
    }
}
