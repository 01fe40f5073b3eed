/// Where each part of the main screen goes at a given size.
///
/// - full (at least 60x14): header, a boxed form, a boxed task list, a boxed error pane when
///   there are errors (at most `ErrorPaneView.maxLines` rows of them), a status line and the footer;
/// - compact (smaller): the URL on one line, bare task rows, the latest error, the footer;
/// - too small (under 12x3): a short note.
struct Layout {
    enum Mode: Equatable {
        case tooSmall, compact, full
    }

    static let fullMinimum = TerminalSize(columns: 60, rows: 14)
    static let compactMinimum = TerminalSize(columns: 12, rows: 3)

    var mode: Mode
    var header = Rect(row: 0, column: 0, width: 0, height: 0)
    var form = Rect(row: 0, column: 0, width: 0, height: 0)
    var list = Rect(row: 0, column: 0, width: 0, height: 0)
    var errors = Rect(row: 0, column: 0, width: 0, height: 0)
    var status = Rect(row: 0, column: 0, width: 0, height: 0)
    var footer = Rect(row: 0, column: 0, width: 0, height: 0)
    /// How many task rows the list shows.
    var listRows = 0

    init(size: TerminalSize, state: UIState) {
        let all = Rect(size)
        if size.columns >= Self.fullMinimum.columns, size.rows >= Self.fullMinimum.rows {
            mode = .full
            header = all.top(1)
            form = all.droppingTop(1).top(4)
            footer = all.bottom(1)
            status = all.droppingBottom(1).bottom(1)
            let middle = all.droppingTop(5).droppingBottom(2)
            let wanted = ErrorPaneView.lines(state, width: size.columns - 4).count
            let errorLines = min(wanted, middle.height - 6 - 2)
            if errorLines > 0 {
                errors = middle.bottom(errorLines + 2)
                list = middle.droppingBottom(errorLines + 2)
            } else {
                list = middle
            }
            listRows = max(0, list.height - 3)
        } else if size.columns >= Self.compactMinimum.columns, size.rows >= Self.compactMinimum.rows {
            mode = .compact
            form = all.top(1)
            footer = all.bottom(1)
            var rest = all.droppingTop(1).droppingBottom(1)
            if !state.errors.isEmpty, size.rows >= 6 {
                errors = rest.bottom(1)
                rest = rest.droppingBottom(1)
            }
            if state.visibleStatus != nil, size.rows >= 8 {
                status = rest.bottom(1)
                rest = rest.droppingBottom(1)
            }
            list = rest
            listRows = rest.height
        } else {
            mode = .tooSmall
        }
    }
}
