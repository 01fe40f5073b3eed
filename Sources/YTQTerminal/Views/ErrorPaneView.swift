/// The boxed error pane: the latest errors, each with its task, the reason and a hint.
enum ErrorPaneView {
    static func draw(_ state: UIState, in rect: Rect, into screen: inout Screen) {
        guard rect.width >= 4, rect.height >= 3 else { return }
        let title = [Span("Errors", Style.error.bolded), Span(" \(state.errors.count)", .muted)]
        screen.drawBox(rect, title: title, style: .muted)
        screen.putOnBorder([Span("x", Style.accent.bolded), Span(" clears", .muted)], rect: rect, bottom: true)
        let inner = rect.inset(rows: 1, columns: 2)
        for (offset, entry) in state.errors.prefix(inner.height).enumerated() {
            screen.put(spans(entry, width: inner.width), row: inner.row + offset, column: inner.column, width: inner.width)
        }
    }

    /// `#9 reason → hint` in `width` cells: the hint keeps up to half the line.
    static func spans(_ entry: ErrorEntry, width: Int) -> [Span] {
        var spans: [Span] = []
        var room = width
        if let id = entry.taskID {
            spans.append(Span("#\(id) ", Style.muted.bolded))
            room -= spans[0].width
        }
        let message = entry.message.split(separator: "\n").first.map(String.init) ?? entry.message
        guard let hint = entry.hint else { return spans + [Span(message, .error)] }
        let hintText = " → " + hint
        let hintWidth = min(DisplayWidth.of(hintText), max(0, room / 2))
        let messageWidth = max(0, room - hintWidth)
        spans.append(Span(DisplayWidth.truncate(message, to: messageWidth), .error))
        spans.append(Span(hintText, .warning))
        return spans
    }
}
