/// The bottom line: the keys that apply where the focus is, from the `CommandTable` (or the
/// `:` command line while it is open).
/// Quit and help keep their places at the right end; the others fill from the left while they fit.
enum FooterView {
    static let pinned = ["quit", "help"]

    static func draw(_ state: UIState, in rect: Rect, into screen: inout Screen) {
        guard !rect.isEmpty else { return }
        if state.keyContext == .commandLine {
            CommandLineView.draw(state, in: rect, into: &screen)
            return
        }
        var seen: Set<String> = []
        let entries = CommandTable.standard.footer(in: state.keyContext).filter { seen.insert($0.label).inserted }
        var end = rect.endColumn
        for label in pinned.reversed() {
            guard let entry = entries.first(where: { $0.label == label }) else { continue }
            let width = self.width(entry)
            guard end - width - 1 >= rect.column else { break }
            end -= width + 1
            put(entry, row: rect.row, column: end, into: &screen)
            end -= 1
        }
        var column = rect.column + 1
        for entry in entries where !pinned.contains(entry.label) {
            let width = self.width(entry)
            guard column + width < end else { break }
            put(entry, row: rect.row, column: column, into: &screen)
            column += width + 2
        }
    }

    private static func width(_ entry: (keys: String, label: String)) -> Int {
        DisplayWidth.of(entry.keys) + 1 + DisplayWidth.of(entry.label)
    }

    private static func put(_ entry: (keys: String, label: String), row: Int, column: Int, into screen: inout Screen) {
        screen.put(entry.keys, row: row, column: column, style: Style.accent.bolded)
        screen.put(entry.label, row: row, column: column + DisplayWidth.of(entry.keys) + 1, style: .normal)
    }
}
