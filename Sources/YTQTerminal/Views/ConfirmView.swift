import YTQCore

/// The small centred box that asks before quitting with running downloads or removing a task.
enum ConfirmView {
    static func draw(_ state: UIState, in bounds: Rect, compact: Bool, into screen: inout Screen) {
        let (title, message, keys) = content(state)
        let width = compact ? bounds.width : min(64, bounds.width - 4)
        let textWidth = compact ? width : width - 4
        let lines = DisplayWidth.wrap(message, width: max(1, textWidth))
        let height = compact ? bounds.height - 1 : min(bounds.height - 2, lines.count + 4)
        let rect = compact ? bounds.droppingBottom(1) : bounds.centered(width: width, height: height)
        guard !rect.isEmpty else { return }
        if !compact {
            screen.restyle(bounds) { $0 = Style(.muted, dim: true) }
            screen.fill(Rect(row: rect.row - 1, column: rect.column - 2, width: rect.width + 4, height: rect.height + 2))
        }
        screen.fill(rect)
        let inner: Rect
        if compact {
            screen.put(title, row: rect.row, column: rect.column, width: rect.width, style: Style.warning.bolded)
            inner = rect.droppingTop(1)
        } else {
            screen.drawBox(rect, title: [Span(title, Style.warning.bolded)], style: .warning)
            inner = rect.inset(rows: 1, columns: 2)
        }
        for (offset, line) in lines.prefix(max(0, inner.height - 1)).enumerated() {
            screen.put(line, row: inner.row + offset, column: inner.column, width: inner.width)
        }
        guard inner.height > 0 else { return }
        screen.put(keys, row: inner.endRow - 1, column: inner.column, width: inner.width)
    }

    static func content(_ state: UIState) -> (String, String, [Span]) {
        switch state.overlay {
        case .confirmRemove(let id):
            let task = state.task(id: id)
            var message = "Remove task #\(id)"
            if let task { message += " “\(task.summary.displayName)”" }
            message += " from the list?"
            if task?.status.isActive == true { message += " It is still running and will be cancelled." }
            var keys = [("y", "remove")]
            if let path = task?.filePath {
                message += " Its file: \(path)"
                keys = [("y", "remove, keep the file"), ("f", "delete the file too")]
            }
            return ("Remove task #\(id)?", message, keySpans(keys + [("n", "cancel")]))
        case .confirmCancel(let id):
            let task = state.task(id: id)
            var message = "Cancel task #\(id)"
            if let task { message += " “\(task.summary.displayName)”" }
            if let task, let downloaded = state.progress(of: task)?.downloadedBytes, downloaded > 0 {
                message += " and delete the \(HumanFormat.bytes(downloaded)) downloaded?"
            } else {
                message += "?"
            }
            message += " Space pauses it instead, keeping what it has."
            return ("Cancel task #\(id)?", message, keySpans([("y", "cancel it"), ("n", "keep it")]))
        case .confirmQueueMany(let urls):
            let message = "Queue \(urls.count) downloads? They start one after another as slots free; the first at once if one is free."
            return ("Queue \(urls.count) downloads?", message, keySpans([("y", "queue them"), ("n", "drop the paste")]))
        default:
            let count = state.activeCount
            let downloads = count == 1 ? "1 download is" : "\(count) downloads are"
            let message = "\(downloads) still running or queued. Quitting stops them; they resume the next time ytq starts."
            return ("Quit ytq?", message, keySpans([("y", "quit"), ("n", "stay")]))
        }
    }

    private static func keySpans(_ pairs: [(String, String)]) -> [Span] {
        pairs.enumerated().flatMap { index, pair in
            [Span(index == 0 ? "" : "   "), Span(pair.0, Style.accent.bolded), Span(" " + pair.1)]
        }
    }
}
