/// The `:` command line on the bottom line, in place of the footer: the typed command with its
/// cursor, and the command line's keys at the right while they fit.
enum CommandLineView {
    static func draw(_ state: UIState, in rect: Rect, into screen: inout Screen) {
        guard !rect.isEmpty else { return }
        let keys = CommandTable.standard.footer(in: .commandLine).map { [Span($0.keys, Style.accent.bolded), Span(" " + $0.label)] }
        let hints = keys.reduce([Span]()) { line, entry in line.isEmpty ? entry : line + [Span("  ")] + entry }
        let hintWidth = hints.reduce(0) { $0 + $1.width }
        let showHints = rect.width - hintWidth - 1 >= 20
        let fieldWidth = rect.width - 1 - (showHints ? hintWidth + 2 : 0)
        screen.put(":", row: rect.row, column: rect.column, width: 1, style: Style.accent.bolded)
        let cursor = TextFieldView.draw(state.commandLine, placeholder: "command (Tab lists them)", row: rect.row,
                                        column: rect.column + 1, width: fieldWidth, into: &screen)
        if showHints {
            screen.put(hints, row: rect.row, column: rect.endColumn - hintWidth - 1, width: hintWidth)
        }
        if state.overlay == .none { screen.cursor = cursor }
    }
}
