import Foundation
import YTQCore

/// The entry point of the views: the whole screen as a pure function of the state.
public enum RootView {
    /// Draws `state` at `size` with the clock at `now`, in `glyphs` (ASCII where the locale
    /// cannot encode lines and blocks). Pure: the same input gives the same screen, at any
    /// size from 0x0 up.
    public static func render(
        _ state: UIState, size: TerminalSize, now: Date, zone: CivilTime.Zone = .local, glyphs: Glyphs = .unicode
    ) -> Screen {
        let context = RenderContext(now: now, zone: zone, glyphs: glyphs)
        var screen = Screen(size: size, glyphs: glyphs)
        let layout = Layout(size: size, state: state)
        switch layout.mode {
        case .tooSmall:
            drawTooSmall(into: &screen)
            return screen
        case .compact:
            CompactView.draw(state, layout: layout, context: context, into: &screen)
        case .full:
            HeaderView.draw(state, in: layout.header, into: &screen)
            FormView.draw(state, in: layout.form, into: &screen)
            TaskListView.draw(state, in: layout.list, rows: layout.listRows, context: context, into: &screen)
            ErrorPaneView.draw(state, in: layout.errors, zone: context.zone, into: &screen)
            StatusLineView.draw(state, in: layout.status, errorPaneShown: !layout.errors.isEmpty, zone: context.zone, into: &screen)
        }
        FooterView.draw(state, in: layout.footer, into: &screen)
        OverlayView.draw(state, context: context, compact: layout.mode != .full, into: &screen)
        return screen
    }

    /// Draws `state` at its own size.
    public static func render(_ state: UIState, now: Date, zone: CivilTime.Zone = .local, glyphs: Glyphs = .unicode) -> Screen {
        render(state, size: state.size, now: now, zone: zone, glyphs: glyphs)
    }

    private static func drawTooSmall(into screen: inout Screen) {
        let lines = ["ytq", "terminal too small", "^C quits"]
        let first = max(0, (screen.size.rows - lines.count) / 2)
        for (offset, line) in lines.enumerated() where first + offset < screen.size.rows {
            let text = DisplayWidth.pad(line, to: screen.size.columns, alignment: .center)
            screen.put(text, row: first + offset, column: 0, style: offset == 0 ? Style.accent.bolded : .muted)
        }
    }
}
