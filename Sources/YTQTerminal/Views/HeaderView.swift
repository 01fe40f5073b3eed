import YTQCore

/// The top line: the name, task counts by status, and the total download speed.
enum HeaderView {
    static func draw(_ state: UIState, in rect: Rect, into screen: inout Screen) {
        guard !rect.isEmpty else { return }
        var spans = [Span(" ytq ", Style(.accent, bold: true, reverse: true)), Span(" ")]
        let total = state.totalTaskCount ?? state.tasks.count
        spans.append(Span(total == 1 ? "1 task" : "\(total) tasks", .normal))
        var counts: [DownloadStatus: Int] = state.statusCounts ?? [:]
        if state.statusCounts == nil {
            for task in state.tasks { counts[task.status, default: 0] += 1 }
        }
        let parts: [(DownloadStatus, String)] = [
            (.downloading, "downloading"), (.pending, "queued"), (.failed, "failed"), (.completed, "done"),
        ]
        for (status, word) in parts {
            guard let count = counts[status], count > 0 else { continue }
            spans.append(Span(" · ", .muted))
            spans.append(Span("\(count) \(word)", TaskStatusText.style(status)))
        }
        screen.put(spans, row: rect.row, column: rect.column, width: rect.width)
        let speed = state.tasks.reduce(0.0) { sum, task in
            task.status == .downloading ? sum + (state.progress[task.id]?.speed ?? 0) : sum
        }
        guard speed > 0 else { return }
        let text = "↓ " + HumanFormat.speed(speed) + " "
        let used = spans.reduce(0) { $0 + $1.width }
        let width = DisplayWidth.of(text)
        if used + width + 2 <= rect.width {
            screen.put(text, row: rect.row, column: rect.endColumn - width, width: width, style: Style.accent.bolded)
        }
    }
}
