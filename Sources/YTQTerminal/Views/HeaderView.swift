import YTQCore

/// The top line: the name, task counts by status, and the total download speed. When not
/// every count fits beside the speed, the total goes first (the counts add up to it); then
/// counts are left off, least important (last) first.
enum HeaderView {
    static let parts: [(DownloadStatus, String)] = [
        (.downloading, "downloading"), (.pending, "waiting"), (.queued, "queued"), (.paused, "paused"),
        (.failed, "failed"), (.completed, "done"), (.cancelled, "cancelled"),
    ]

    static func draw(_ state: UIState, in rect: Rect, into screen: inout Screen) {
        guard !rect.isEmpty else { return }
        // Every download running here, whether the page shows it or not.
        let speed = state.progress.values.reduce(0.0) { $0 + ($1.speed ?? 0) }
        let speedText = speed > 0 ? "↓ " + HumanFormat.speed(speed) + " " : ""
        let reserved = speedText.isEmpty ? 0 : DisplayWidth.of(speedText) + 2
        let room = rect.width - reserved
        let counts = self.counts(state)
        let total = state.page.totalCount
        let totalSpan = Span(total == 1 ? "1 task" : "\(total) tasks", .normal)
        var spans = [Span(" ytq ", Style(.accent, bold: true, reverse: true)), Span(" ")]
        let withTotal = spans + [totalSpan] + counts.joined()
        if width(withTotal) <= room || counts.isEmpty {
            spans = withTotal
        } else {
            // " · " before the first count goes with the total.
            var first = true
            for part in counts {
                let piece = first ? Array(part.dropFirst()) : part
                guard width(spans + piece) <= room else { break }
                spans += piece
                first = false
            }
        }
        var used = width(spans)
        if state.sharedQueue, let everyone = state.page.everyone {
            let part = [Span(" · ", .muted), Span("shared: " + everyone.description, .muted)]
            if used + width(part) <= room {
                spans += part
                used += width(part)
            }
        }
        screen.put(spans, row: rect.row, column: rect.column, width: rect.width)
        guard !speedText.isEmpty else { return }
        let speedWidth = DisplayWidth.of(speedText)
        if used + speedWidth + 2 <= rect.width {
            screen.put(speedText, row: rect.row, column: rect.endColumn - speedWidth, width: speedWidth, style: Style.accent.bolded)
        }
    }

    /// ` · 2 downloading`, one per status that has tasks, in the order of `parts`.
    private static func counts(_ state: UIState) -> [[Span]] {
        parts.compactMap { status, word in
            guard let count = state.page.statusCounts[status], count > 0 else { return nil }
            return [Span(" · ", .muted), Span("\(count) \(word)", TaskStatusText.style(status))]
        }
    }

    private static func width(_ spans: [Span]) -> Int {
        spans.reduce(0) { $0 + $1.width }
    }
}
