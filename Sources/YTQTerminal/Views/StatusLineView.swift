import YTQCore

/// The line above the footer: the latest status message ("Started task #12") until it ages
/// out, or the newest error when the screen is too short for the error pane.
enum StatusLineView {
    static func draw(_ state: UIState, in rect: Rect, errorPaneShown: Bool = true, zone: CivilTime.Zone, into screen: inout Screen) {
        guard !rect.isEmpty else { return }
        if !errorPaneShown, let entry = state.errors.first {
            screen.put([Span(" ! ", Style.error.bolded)] + ErrorPaneView.spans(entry, width: rect.width - 3, zone: zone),
                       row: rect.row, column: rect.column, width: rect.width)
            return
        }
        guard let message = state.visibleStatus else { return }
        screen.put([Span(" "), Span(message.text, style(message.kind))], row: rect.row, column: rect.column,
                   width: rect.width)
    }

    static func style(_ kind: StatusMessage.Kind) -> Style {
        switch kind {
        case .info: return .normal
        case .success: return .ok
        case .failure: return .error
        }
    }
}
