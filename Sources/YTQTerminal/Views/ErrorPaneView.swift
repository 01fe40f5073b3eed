/// The boxed error pane: the latest errors, each with its task, the reason and a hint.
enum ErrorPaneView {
    static func draw(_ state: UIState, in rect: Rect, into screen: inout Screen) {
        guard rect.width >= 4, rect.height >= 3 else { return }
        let title = [Span("Errors", Style.error.bolded), Span(" \(state.errors.count)", .muted)]
        screen.drawBox(rect, title: title, style: .muted)
        screen.putOnBorder([Span("x", Style.accent.bolded), Span(" clears", .muted)], rect: rect, bottom: true)
        let inner = rect.inset(rows: 1, columns: 2)
        for (offset, line) in lines(state, width: inner.width, limit: inner.height).enumerated() {
            screen.put(line, row: inner.row + offset, column: inner.column, width: inner.width)
        }
    }

    /// The pane's first `limit` lines: the newest error in full (its reason wrapped over up to
    /// three lines, then its hint), the older ones one line each. The layout asks for a few
    /// on every turn of the loop, so older errors past `limit` are not even looked at.
    static func lines(_ state: UIState, width: Int, limit: Int = .max) -> [[Span]] {
        guard let newest = state.errors.first, width > 0 else { return [] }
        var lines: [[Span]] = []
        let prefix = newest.taskID.map { "#\($0) " } ?? ""
        let message = newest.message.replacingOccurrences(of: "\n", with: " ")
        let wrapped = DisplayWidth.wrap(message, width: max(1, width - DisplayWidth.of(prefix)))
        for (index, text) in wrapped.prefix(3).enumerated() {
            let head = index == 0 ? prefix : DisplayWidth.spaces(DisplayWidth.of(prefix))
            var line = text
            if index == 2, wrapped.count > 3 { line = DisplayWidth.truncate(text + " …", to: max(1, width - DisplayWidth.of(prefix))) }
            lines.append([Span(head, Style.muted.bolded), Span(line, .error)])
        }
        if let hint = newest.hint {
            lines.append([Span(DisplayWidth.spaces(DisplayWidth.of(prefix))), Span(DisplayWidth.truncate("→ " + hint, to: max(1, width - DisplayWidth.of(prefix))), .warning)])
        }
        for entry in state.errors.dropFirst().prefix(max(0, limit - lines.count)) {
            lines.append(spans(entry, width: width))
        }
        return Array(lines.prefix(limit))
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
