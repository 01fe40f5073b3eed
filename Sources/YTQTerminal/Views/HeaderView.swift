import YTQCore

/// The top line: the name, task counts by status, and the total download speed. Counts that
/// do not fit beside the speed are left off, least important (last) first.
enum HeaderView {
    static let parts: [(DownloadStatus, String)] = [
        (.downloading, "downloading"), (.pending, "waiting"), (.queued, "queued"), (.paused, "paused"),
        (.failed, "failed"), (.completed, "done"), (.cancelled, "cancelled"),
    ]

    static func draw(_ state: UIState, in rect: Rect, into screen: inout Screen) {
        guard !rect.isEmpty else { return }
        var spans = [Span(" ytq ", Style(.accent, bold: true, reverse: true)), Span(" ")]
        let total = state.page.totalCount
        spans.append(Span(total == 1 ? "1 task" : "\(total) tasks", .normal))
        // Every download running here, whether the page shows it or not.
        let speed = state.progress.values.reduce(0.0) { $0 + ($1.speed ?? 0) }
        let speedText = speed > 0 ? "↓ " + HumanFormat.speed(speed) + " " : ""
        let reserved = speedText.isEmpty ? 0 : DisplayWidth.of(speedText) + 2
        var used = spans.reduce(0) { $0 + $1.width }
        let counts = state.page.statusCounts
        for (status, word) in parts {
            guard let count = counts[status], count > 0 else { continue }
            let part = [Span(" · ", .muted), Span("\(count) \(word)", TaskStatusText.style(status))]
            let width = part.reduce(0) { $0 + $1.width }
            guard used + width + reserved <= rect.width else { break }
            spans += part
            used += width
        }
        if state.sharedQueue, let everyone = state.page.everyone {
            let part = [Span(" · ", .muted), Span("shared: " + everyone.description, .muted)]
            let width = part.reduce(0) { $0 + $1.width }
            if used + width + reserved <= rect.width {
                spans += part
                used += width
            }
        }
        screen.put(spans, row: rect.row, column: rect.column, width: rect.width)
        guard !speedText.isEmpty else { return }
        let width = DisplayWidth.of(speedText)
        if used + width + 2 <= rect.width {
            screen.put(speedText, row: rect.row, column: rect.endColumn - width, width: width, style: Style.accent.bolded)
        }
    }
}
