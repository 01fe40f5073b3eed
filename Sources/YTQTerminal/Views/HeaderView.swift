import YTQCore

/// The top line: the name, task counts by status, and the total download speed.
enum HeaderView {
    static func draw(_ state: UIState, in rect: Rect, into screen: inout Screen) {
        guard !rect.isEmpty else { return }
        var spans = [Span(" ytq ", Style(.accent, bold: true, reverse: true)), Span(" ")]
        let total = state.page.totalCount
        spans.append(Span(total == 1 ? "1 task" : "\(total) tasks", .normal))
        let counts = state.page.statusCounts
        let parts: [(DownloadStatus, String)] = [
            (.downloading, "downloading"), (.pending, "queued"), (.failed, "failed"), (.completed, "done"),
        ]
        for (status, word) in parts {
            guard let count = counts[status], count > 0 else { continue }
            spans.append(Span(" · ", .muted))
            spans.append(Span("\(count) \(word)", TaskStatusText.style(status)))
        }
        screen.put(spans, row: rect.row, column: rect.column, width: rect.width)
        // Every download running here, whether the page shows it or not.
        let speed = state.progress.values.reduce(0.0) { $0 + ($1.speed ?? 0) }
        guard speed > 0 else { return }
        let text = "↓ " + HumanFormat.speed(speed) + " "
        let used = spans.reduce(0) { $0 + $1.width }
        let width = DisplayWidth.of(text)
        if used + width + 2 <= rect.width {
            screen.put(text, row: rect.row, column: rect.endColumn - width, width: width, style: Style.accent.bolded)
        }
    }
}
