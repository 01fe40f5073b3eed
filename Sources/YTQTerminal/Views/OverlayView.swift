import Foundation

/// Draws the open overlay (help, details, a confirmation) over the main screen.
enum OverlayView {
    static func draw(_ state: UIState, context: RenderContext, compact: Bool, into screen: inout Screen) {
        let bounds = screen.bounds
        switch state.overlay {
        case .none:
            return
        case .help:
            let rect = panelRect(in: bounds, compact: compact)
            let lines = HelpContent.lines(width: contentWidth(rect, compact: compact))
            drawPanel(title: [Span("Help", Style.accent.bolded), Span("  ytq keys", .muted)], lines: lines,
                      scroll: state.overlayScroll, in: rect, compact: compact, into: &screen)
        case .details(let id):
            guard let task = state.task(id: id) else { return }
            let rect = panelRect(in: bounds, compact: compact)
            let lines = DetailsContent.lines(task, state: state, context: context,
                                             width: contentWidth(rect, compact: compact))
            drawPanel(title: [Span("Task #\(id)", Style.accent.bolded)], lines: lines, scroll: state.overlayScroll,
                      in: rect, compact: compact, into: &screen)
        case .confirmQuit, .confirmRemove:
            ConfirmView.draw(state, in: bounds, compact: compact, into: &screen)
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
        let lines: Int
        let rect: Rect
        switch state.overlay {
        case .help:
            rect = panelRect(in: Rect(size), compact: compact)
            lines = HelpContent.lines(width: contentWidth(rect, compact: compact)).count
        case .details(let id):
            guard let task = state.task(id: id) else { return 0 }
            rect = panelRect(in: Rect(size), compact: compact)
            lines = DetailsContent.lines(task, state: state, context: context, width: contentWidth(rect, compact: compact)).count
        default:
            return 0
        }
        return max(0, lines - (compact ? rect.height - 1 : rect.height - 2))
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
