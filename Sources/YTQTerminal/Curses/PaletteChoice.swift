/// Which colour each `StyleRole` gets, from the number of colours the terminal has (curses'
/// `COLORS`): decided once, as a pure function, so each palette size is testable.
///
/// 8 colours: the basic ones, and no colour for muted text (it is drawn dim, since the
/// palette has no grey). 16: bright black for muted text. 256: softer shades of the same
/// hues and a mid grey, so a 256-colour terminal does not look like a 16-colour one.
struct PaletteChoice: Equatable {
    /// A colour: one of the eight basic ones (curses' `COLOR_*`, mapped by `CursesPalette`),
    /// or a number in a 16- or 256-colour palette.
    enum Color: Equatable {
        case cyan, green, yellow, red
        case indexed(Int16)
    }

    /// The roles that get a colour pair, in pair order (pair 1 is the first).
    static let roles: [StyleRole] = [.accent, .ok, .warning, .error, .muted]

    /// The colour of each role that has one; a role without one is drawn without a pair.
    let colors: [StyleRole: Color]

    init(colorCount: Int) {
        switch colorCount {
        case 256...:
            colors = [.accent: .indexed(74), .ok: .indexed(71), .warning: .indexed(179), .error: .indexed(167),
                      .muted: .indexed(244)]
        case 16...:
            colors = [.accent: .cyan, .ok: .green, .warning: .yellow, .error: .red, .muted: .indexed(8)]
        case 8...:
            colors = [.accent: .cyan, .ok: .green, .warning: .yellow, .error: .red]
        default:
            colors = [:]
        }
    }
}
