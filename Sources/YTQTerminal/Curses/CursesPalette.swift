import CNcursesShim

/// How `Style`s become curses attributes: colour pairs over the terminal's default
/// background (`use_default_colors`), or attributes alone when colour is off (`NO_COLOR`).
struct CursesPalette {
    private(set) var usesColor = false
    private var pairs: [StyleRole: Int16] = [:]

    /// Sets up colour pairs when `wanted` and the terminal has colours. Call after curses starts.
    init(colorWanted wanted: Bool) {
        guard wanted, has_colors() else { return }
        guard start_color() != ytq_err() else { return }
        let hasDefault = use_default_colors() != ytq_err()
        let background: Int16 = hasDefault ? -1 : ytq_color_black()
        let colors = PaletteChoice(colorCount: Int(ytq_colors())).colors
        for (index, role) in PaletteChoice.roles.enumerated() {
            guard let choice = colors[role] else { continue }
            let color = Self.number(of: choice)
            let pair = Int16(index + 1)
            guard Int(pair) < ytq_color_pairs(), init_pair(pair, color, background) != ytq_err() else { continue }
            pairs[role] = pair
        }
        usesColor = !pairs.isEmpty
    }

    /// curses' number for a colour.
    private static func number(of color: PaletteChoice.Color) -> Int16 {
        switch color {
        case .cyan: return ytq_color_cyan()
        case .green: return ytq_color_green()
        case .yellow: return ytq_color_yellow()
        case .red: return ytq_color_red()
        case .indexed(let number): return number
        }
    }

    /// The attributes and colour pair for a style.
    func attributes(for style: Style) -> (attr_t, Int16) {
        var attributes = ytq_attr_normal()
        if style.bold { attributes |= ytq_attr_bold() }
        if style.reverse { attributes |= ytq_attr_reverse() }
        if style.dim { attributes |= ytq_attr_dim() }
        switch style.role {
        case .selection:
            attributes |= ytq_attr_reverse()
        case .muted where pairs[.muted] == nil || !usesColor:
            // Eight colours have no grey: secondary text is dim instead.
            attributes |= ytq_attr_dim()
        case .accent, .error:
            if !usesColor { attributes |= ytq_attr_bold() }
        default:
            break
        }
        return (attributes, usesColor ? pairs[style.role] ?? 0 : 0)
    }
}
