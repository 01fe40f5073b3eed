/// The bottom line: the keys that apply where the focus is, from the `CommandTable`.
/// The help key keeps its place at the right end; the others fill from the left while they fit.
enum FooterView {
    static func draw(_ state: UIState, in rect: Rect, into screen: inout Screen) {
        guard !rect.isEmpty else { return }
        var seen: Set<String> = []
        var entries = CommandTable.standard.footer(in: state.keyContext).filter { seen.insert($0.label).inserted }
        var end = rect.endColumn
        if let help = entries.firstIndex(where: { $0.label == "help" }) {
            let entry = entries.remove(at: help)
            let width = DisplayWidth.of(entry.keys) + 1 + DisplayWidth.of(entry.label)
            if width + 1 <= rect.width {
                end -= width + 1
                put(entry, row: rect.row, column: end, into: &screen)
            }
        }
        var column = rect.column + 1
        for entry in entries {
            let width = DisplayWidth.of(entry.keys) + 1 + DisplayWidth.of(entry.label)
            guard column + width < end else { break }
            put(entry, row: rect.row, column: column, into: &screen)
            column += width + 2
        }
    }

    private static func put(_ entry: (keys: String, label: String), row: Int, column: Int, into screen: inout Screen) {
        screen.put(entry.keys, row: row, column: column, style: Style.accent.bolded)
        screen.put(entry.label, row: row, column: column + DisplayWidth.of(entry.keys) + 1, style: .normal)
    }
}
