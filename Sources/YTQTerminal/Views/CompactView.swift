/// The main screen below 60x14: the focused form field on one line, bare task rows,
/// the latest error and the status message, without boxes.
enum CompactView {
    static func draw(_ state: UIState, layout: Layout, context: RenderContext, into screen: inout Screen) {
        drawForm(state, in: layout.form, into: &screen)
        drawList(state, in: layout.list, into: &screen)
        if !layout.errors.isEmpty, let entry = state.errors.first {
            screen.put([Span("! ", Style.error.bolded)] + ErrorPaneView.spans(entry, width: layout.errors.width - 2, zone: context.zone), row: layout.errors.row,
                       column: 0, width: layout.errors.width)
        }
        StatusLineView.draw(state, in: layout.status, zone: context.zone, into: &screen)
    }

    private static func drawForm(_ state: UIState, in rect: Rect, into screen: inout Screen) {
        guard !rect.isEmpty else { return }
        let focused = state.focus != .list && state.overlay == .none
        let labelStyle: Style = focused ? Style.accent.bolded : .muted
        if state.focus == .format {
            screen.put("Fmt ", row: rect.row, column: 0, width: 4, style: labelStyle)
            let used = FormView.drawChooser(state, focused: focused, row: rect.row, column: 4, width: rect.width - 4,
                                            into: &screen)
            if state.selectedPreset == nil {
                let cursor = TextFieldView.draw(state.customFormat, placeholder: "-f expression", row: rect.row,
                                                column: 4 + used, width: rect.width - 4 - used, into: &screen)
                if focused { screen.cursor = cursor }
            }
            return
        }
        screen.put("URL ", row: rect.row, column: 0, width: 4, style: labelStyle)
        let cursor = TextFieldView.draw(state.url, placeholder: "paste a URL", row: rect.row, column: 4,
                                        width: rect.width - 4, into: &screen)
        if focused { screen.cursor = cursor }
    }

    private static func drawList(_ state: UIState, in rect: Rect, into screen: inout Screen) {
        guard !rect.isEmpty else { return }
        let tasks = state.tasks
        let count = state.rowCount
        guard count > 0 else {
            let note = state.filter.isEmpty ? "no downloads yet" : "no match"
            screen.put(DisplayWidth.pad(note, to: rect.width, alignment: .center), row: rect.row + rect.height / 2,
                       column: 0, width: rect.width, style: .muted)
            return
        }
        let idWidth = String(tasks.map(\.id).max() ?? 0).count
        let first = UIState.scroll(selected: state.selectedRow, offset: state.scrollOffset, rows: rect.height, count: count)
        for offset in 0..<max(0, min(rect.height, count - first)) {
            let index = first + offset
            guard let task = state.page.task(atRow: index) else { continue }
            let row = rect.row + offset
            let cursor = index == state.selectedRow
            let (label, style) = TaskStatusText.short(task, progress: state.progress(of: task), retry: state.retries[task.id])
            let spans = [
                Span(cursor ? "▸" : " ", Style.accent.bolded),
                Span(DisplayWidth.pad(String(task.id), to: idWidth, alignment: .right) + " ", .muted),
                Span(label, style),
                Span(" " + task.summary.displayName, task.title == nil ? .muted : .normal),
            ]
            screen.put(spans, row: row, column: 0, width: rect.width)
            if cursor, state.focus == .list, state.overlay == .none {
                screen.restyle(Rect(row: row, column: 0, width: rect.width, height: 1)) { style in
                    style = Style(.selection, bold: style.bold, reverse: true)
                }
            }
        }
    }
}
