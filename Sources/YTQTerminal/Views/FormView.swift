import YTQCore

/// The boxed form: the URL field and the format chooser (presets plus a custom expression).
enum FormView {
    static let labelWidth = 8
    static let urlPlaceholder = "paste a video URL (or type one), then press Enter"
    static let customPlaceholder = "type a yt-dlp -f expression, e.g. bv*+ba/b"

    static func draw(_ state: UIState, in rect: Rect, into screen: inout Screen) {
        guard rect.width >= 4, rect.height >= 4 else { return }
        let focused = state.focus != .list && state.overlay == .none
        let titleStyle = focused ? Style.accent.bolded : Style.normal.bolded
        screen.drawBox(rect, title: [Span("New download", titleStyle)], style: focused ? .accent : .muted)
        if let folder = state.downloadFolder {
            // Where the files go, its end kept when it must be cut (the folder's own name).
            let lead = "files go to "
            let room = rect.width - 6 - DisplayWidth.of(lead)
            if room >= 8 {
                screen.putOnBorder([Span(lead, .muted), Span(DisplayWidth.truncateLeading(folder, to: room), .normal)],
                                   rect: rect, bottom: true)
            }
        }
        let inner = rect.inset(rows: 1, columns: 2)
        let fieldColumn = inner.column + labelWidth
        let fieldWidth = inner.width - labelWidth

        let urlFocused = state.focus == .form && state.overlay == .none
        screen.put("URL", row: inner.row, column: inner.column, width: labelWidth, style: label(urlFocused))
        let urlCursor = TextFieldView.draw(state.url, placeholder: urlPlaceholder, row: inner.row, column: fieldColumn,
                                           width: fieldWidth, into: &screen)
        if urlFocused { screen.cursor = urlCursor }

        let formatFocused = state.focus == .format && state.overlay == .none
        let row = inner.row + 1
        screen.put("Format", row: row, column: inner.column, width: labelWidth, style: label(formatFocused))
        let used = drawChooser(state, focused: formatFocused, row: row, column: fieldColumn, width: fieldWidth,
                               into: &screen)
        let rest = fieldWidth - used
        guard rest > 0 else { return }
        if let preset = state.selectedPreset {
            screen.put(DisplayWidth.truncate(preset.summary, to: rest), row: row, column: fieldColumn + used, width: rest,
                       style: .muted)
        } else {
            let cursor = TextFieldView.draw(state.customFormat, placeholder: customPlaceholder, row: row,
                                            column: fieldColumn + used, width: rest, into: &screen)
            if formatFocused { screen.cursor = cursor }
        }
    }

    /// `◂ 720p ▸`: the choice name between arrows, padded so the summary stays put.
    static func drawChooser(
        _ state: UIState, focused: Bool, row: Int, column: Int, width: Int, into screen: inout Screen
    ) -> Int {
        let name = state.selectedPreset?.rawValue ?? "custom"
        let nameWidth = FormatPreset.allCases.map { DisplayWidth.of($0.rawValue) }.max() ?? 6
        let arrows: Style = focused ? Style.accent.bolded : .muted
        let spans = [
            Span("◂ ", arrows),
            Span(name, focused ? Style(.accent, bold: true, reverse: true) : Style.normal.bolded),
            Span(" ▸", arrows),
            Span(DisplayWidth.spaces(nameWidth - DisplayWidth.of(name) + 2)),
        ]
        return screen.put(spans, row: row, column: column, width: width)
    }

    private static func label(_ focused: Bool) -> Style {
        focused ? Style.accent.bolded : .muted
    }
}
