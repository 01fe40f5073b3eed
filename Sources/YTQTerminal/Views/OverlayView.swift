import Foundation

/// Draws the open overlay (help, details, a confirmation) over the main screen.
enum OverlayView {
    static func draw(_ state: UIState, context: RenderContext, compact: Bool, into screen: inout Screen) {
        switch state.overlay {
        case .none:
            return
        case .confirmQuit, .confirmRemove, .confirmCancel, .confirmQueueMany, .confirmDuplicate:
            ConfirmView.draw(state, in: screen.bounds, compact: compact, into: &screen)
        case .help, .details:
            guard let panel = panel(state, in: screen.bounds, compact: compact, context: context) else { return }
            drawPanel(title: panel.title, lines: panel.lines, scroll: state.overlayScroll, in: panel.rect, compact: compact,
                      into: &screen)
        }
    }

    /// The scrolling panel of the help or details overlay: its title, lines and rectangle.
    private static func panel(
        _ state: UIState, in bounds: Rect, compact: Bool, context: RenderContext
    ) -> (title: [Span], lines: [[Span]], rect: Rect)? {
        let rect = panelRect(in: bounds, compact: compact)
        let width = contentWidth(rect, compact: compact)
        switch state.overlay {
        case .help:
            return ([Span("Help", Style.accent.bolded), Span("  ytq keys", .muted)], HelpContent.lines(width: width, downloadFolder: state.downloadFolder), rect)
        case .details(let id):
            guard let (task, complete) = state.detailsTask(id: id) else { return nil }
            return ([Span("Task #\(id)", Style.accent.bolded)],
                    DetailsContent.lines(task, complete: complete, state: state, context: context, width: width), rect)
        case .none, .confirmQuit, .confirmRemove, .confirmCancel, .confirmQueueMany, .confirmDuplicate:
            return nil
        }
    }

    /// The overlay's rectangle: everything between the header and the footer (tig's full views).
    static func panelRect(in bounds: Rect, compact: Bool) -> Rect {
        compact ? bounds.droppingBottom(1) : bounds.droppingTop(1).droppingBottom(1)
    }

    static func contentWidth(_ rect: Rect, compact: Bool) -> Int {
        compact ? rect.width : max(0, rect.width - 4)
    }

    /// How far an overlay can scroll at `size`: its lines minus the rows that show them.
    static func maxScroll(_ state: UIState, size: TerminalSize) -> Int {
        let compact = Layout(size: size, state: state).mode != .full
        let context = RenderContext(now: Date(timeIntervalSince1970: 0), zone: .utc)
        guard let panel = panel(state, in: Rect(size), compact: compact, context: context) else { return 0 }
        return max(0, panel.lines.count - (compact ? panel.rect.height - 1 : panel.rect.height - 2))
    }

    /// A box with a title, scrollable lines, and the scroll position on the bottom border.
    static func drawPanel(
        title: [Span], lines: [[Span]], scroll: Int, in rect: Rect, compact: Bool, into screen: inout Screen
    ) {
        guard !rect.isEmpty else { return }
        screen.fill(rect)
        let inner: Rect
        if compact {
            screen.put(title, row: rect.row, column: 0, width: rect.width)
            inner = rect.droppingTop(1)
        } else {
            screen.drawBox(rect, title: title, style: .accent)
            inner = rect.inset(rows: 1, columns: 2)
        }
        let first = min(max(0, scroll), max(0, lines.count - inner.height))
        for (offset, line) in lines.dropFirst(first).prefix(inner.height).enumerated() {
            screen.put(line, row: inner.row + offset, column: inner.column, width: inner.width)
        }
        if !compact, lines.count > inner.height {
            let last = min(lines.count, first + inner.height)
            screen.putOnBorder([Span("\(first + 1)–\(last) of \(lines.count) ↑↓", .muted)], rect: rect, bottom: true)
        }
    }
}
