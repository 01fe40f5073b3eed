/// The line above the footer: the latest status message ("Started task #12").
enum StatusLineView {
    static func draw(_ state: UIState, in rect: Rect, into screen: inout Screen) {
        guard !rect.isEmpty, let message = state.statusMessage else { return }
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
