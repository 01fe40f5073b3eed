import YTQCore

/// The boxed task list: a header row, one row per task (in the store's order) with a cursor,
/// the filter in the title, the order at the right of the top border and the scroll position
/// on the bottom border.
enum TaskListView {
    static func draw(_ state: UIState, in rect: Rect, rows: Int, context: RenderContext, into screen: inout Screen) {
        guard rect.width >= 4, rect.height >= 3 else { return }
        let focused = state.focus == .list && state.overlay == .none
        let tasks = state.tasks
        let title = title(state, focused: focused)
        screen.drawBox(rect, title: title, style: focused ? .accent : .muted)
        drawOrder(state, in: rect, after: title, into: &screen)
        let inner = rect.inset(rows: 1, columns: 1)
        if state.isEditingFilter, state.overlay == .none {
            screen.cursor = Position(row: rect.row, column: min(rect.endColumn - 3, rect.column + 2 + filterCursorOffset(state)))
        }
        let idWidth = max(2, String(tasks.map(\.id).max() ?? 0).count)
        let columns = TaskColumns(width: inner.width - 1, idWidth: idWidth)
        for column in columns.columns {
            let label = TaskColumns.title(of: column.kind)
            let alignment: DisplayWidth.Alignment = TaskColumns.isRightAligned(column.kind) ? .right : .left
            screen.put(DisplayWidth.pad(label, to: column.width, alignment: alignment), row: inner.row,
                       column: inner.column + column.start, width: column.width, style: Style.muted.bolded)
        }
        guard state.rowCount > 0 else {
            drawEmpty(state, in: inner.droppingTop(1), into: &screen)
            return
        }
        // Rows are counted among all the matching tasks; one the page does not hold yet stays
        // blank until the page the loop is reading arrives.
        let count = state.rowCount
        let first = UIState.scroll(selected: state.selectedRow, offset: state.scrollOffset, rows: rows, count: count)
        for offset in 0..<max(0, min(rows, count - first)) {
            let index = first + offset
            guard let task = state.page.task(atRow: index) else { continue }
            TaskRowView.draw(task, state: state, columns: columns, row: inner.row + 1 + offset,
                             rect: Rect(row: inner.row, column: inner.column, width: inner.width - 1, height: inner.height),
                             cursor: index == state.selectedRow, context: context, into: &screen)
        }
        if count > rows {
            let last = min(count, first + rows)
            screen.putOnBorder([Span("\(first + 1)–\(last) of \(count)", .muted)], rect: rect, bottom: true)
        }
    }

    /// "Downloads" and how many tasks the store holds, or with a filter how many match it of
    /// them: `Downloads 71 matching of 530  / lecture`. Both counts are the page's.
    private static func title(_ state: UIState, focused: Bool) -> [Span] {
        var spans = [Span("Downloads", focused ? Style.accent.bolded : Style.normal.bolded)]
        if filtering(state) {
            spans.append(Span(countText(state), .muted))
            spans.append(Span("  / ", .accent))
            spans.append(Span(state.filter.text, Style.normal.bolded))
        } else {
            spans.append(Span(countText(state), .muted))
        }
        return spans
    }

    /// The list's order at the right of the top border (`sort: by title`), where it fits
    /// beside the title.
    private static func drawOrder(_ state: UIState, in rect: Rect, after title: [Span], into screen: inout Screen) {
        let order = [Span("sort: ", .muted), Span(state.order.label, state.order == .default ? .muted : Style.normal.bolded)]
        let titleWidth = title.reduce(0) { $0 + $1.width }
        let orderWidth = order.reduce(0) { $0 + $1.width }
        guard 2 + titleWidth + 3 + orderWidth + 3 <= rect.width else { return }
        screen.putOnBorder(order, rect: rect, bottom: false)
    }

    private static func filtering(_ state: UIState) -> Bool {
        !state.filter.isEmpty || state.isEditingFilter
    }

    /// ` 71 matching of 530` under a filter, else ` 530`.
    private static func countText(_ state: UIState) -> String {
        filtering(state) ? " \(state.page.matchingCount) matching of \(state.page.totalCount)" : " \(state.page.totalCount)"
    }

    /// Cells from the title's start to the filter cursor.
    private static func filterCursorOffset(_ state: UIState) -> Int {
        let prefix = "Downloads" + countText(state) + "  / "
        return DisplayWidth.of(prefix) + DisplayWidth.of(String(state.filter.text.prefix(state.filter.cursor)))
    }

    private static func drawEmpty(_ state: UIState, in rect: Rect, into screen: inout Screen) {
        guard rect.height > 0 else { return }
        let message = state.filter.isEmpty
            ? "No downloads yet: paste a URL above and press Enter."
            : "No task matches “\(state.filter.text)”. Esc in the filter clears it."
        let lines = DisplayWidth.wrap(message, width: max(1, rect.width - 4))
        let top = rect.row + max(0, (rect.height - lines.count) / 2)
        for (offset, line) in lines.enumerated() where top + offset < rect.endRow {
            screen.put(DisplayWidth.pad(line, to: rect.width, alignment: .center), row: top + offset, column: rect.column,
                       width: rect.width, style: .muted)
        }
    }
}
