import YTQCore

/// The small centred box that asks before quitting with running downloads, removing a task,
/// or downloading a URL again.
enum ConfirmView {
    static func draw(_ state: UIState, in bounds: Rect, compact: Bool, into screen: inout Screen) {
        let (title, message, keys) = content(state)
        let width = compact ? bounds.width : min(64, bounds.width - 4)
        let textWidth = max(1, compact ? width : width - 4)
        let lines = DisplayWidth.wrap(message, width: textWidth)
        let keyLines = layOut(keys, width: textWidth)
        let height = compact ? bounds.height - 1 : min(bounds.height - 2, lines.count + keyLines.count + 3)
        let rect = compact ? bounds.droppingBottom(1) : bounds.centered(width: width, height: height)
        guard !rect.isEmpty else { return }
        if !compact {
            // The screen behind dims; the rows the box spans are cleared across (all but the
            // outer borders), so no piece of a row beneath shows beside it as if in the box.
            screen.restyle(bounds) { $0 = Style(.muted, dim: true) }
            screen.fill(Rect(row: rect.row - 1, column: bounds.column + 1, width: bounds.width - 2, height: rect.height + 2))
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
        guard inner.height > 0 else { return }
        // The keys always show (they are what the box asks for); the message gets the rows left.
        let shownKeys = keyLines.suffix(inner.height)
        let messageRows = max(0, inner.height - shownKeys.count - 1)
        for (offset, line) in lines.prefix(messageRows).enumerated() {
            screen.put(line, row: inner.row + offset, column: inner.column, width: inner.width)
        }
        for (offset, line) in shownKeys.enumerated() {
            screen.put(line, row: inner.endRow - shownKeys.count + offset, column: inner.column, width: inner.width)
        }
    }

    static func content(_ state: UIState) -> (String, String, [[Span]]) {
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
            // Not "n cancel": c cancels a download, and this box cancels nothing.
            return ("Remove task #\(id)?", message, keySpans(keys + [("Esc", "back")]))
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
        case .confirmDuplicate(let offer):
            return ("Download again?", offer.question, keySpans([("y", "download it again"), ("n", "keep the URL")]))
        default:
            // Only this process's downloads stop: another ytq's, or a service's, go on.
            let count = state.runningHere.count
            let downloads = count == 1 ? "1 download runs" : "\(count) downloads run"
            let message = "\(downloads) in this ytq. Quitting stops them; they resume the next time ytq starts."
            return ("Quit ytq?", message, keySpans([("y", "quit"), ("n", "stay")]))
        }
    }

    /// One group of spans per key: `y remove`.
    private static func keySpans(_ pairs: [(String, String)]) -> [[Span]] {
        pairs.map { [Span($0.0, Style.accent.bolded), Span(" " + $0.1)] }
    }

    /// The key groups in lines of at most `width` cells, three spaces apart, a group never
    /// split across lines (a group wider than a line is cut at its end).
    static func layOut(_ groups: [[Span]], width: Int) -> [[Span]] {
        var lines: [[Span]] = []
        var line: [Span] = []
        var used = 0
        for group in groups {
            let groupWidth = group.reduce(0) { $0 + $1.width }
            if !line.isEmpty, used + 3 + groupWidth > width {
                lines.append(line)
                line = []
                used = 0
            }
            if !line.isEmpty {
                line.append(Span("   "))
                used += 3
            }
            line += group
            used += groupWidth
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
