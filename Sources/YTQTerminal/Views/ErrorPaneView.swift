import YTQCore

/// The boxed error pane: the latest errors, each with its time, its task, the reason and a
/// hint, in at most `maxLines` rows so the list keeps its room.
enum ErrorPaneView {
    /// The most rows of errors the pane shows (inside its box).
    static let maxLines = 3

    static func draw(_ state: UIState, in rect: Rect, zone: CivilTime.Zone, into screen: inout Screen) {
        guard rect.width >= 4, rect.height >= 3 else { return }
        let title = [Span("Errors", Style.error.bolded), Span(" \(state.errors.count)", .muted)]
        screen.drawBox(rect, title: title, style: .muted)
        screen.putOnBorder([Span("x", Style.accent.bolded), Span(" dismiss  ", .muted), Span("X", Style.accent.bolded),
                            Span(" clear all", .muted)], rect: rect, bottom: true)
        let inner = rect.inset(rows: 1, columns: 2)
        for (offset, line) in lines(state, width: inner.width, limit: inner.height, zone: zone).enumerated() {
            screen.put(line, row: inner.row + offset, column: inner.column, width: inner.width)
        }
    }

    /// The pane's lines, at most `limit` (and `maxLines`): the newest error in full (its
    /// reason wrapped, then its hint), the older ones one line each, and `+N more` in the last
    /// line when they do not all fit. Every time is five cells wide, so `zone` changes the
    /// digits, never the count the layout asks for.
    static func lines(_ state: UIState, width: Int, limit: Int = maxLines, zone: CivilTime.Zone = .utc) -> [[Span]] {
        let limit = min(limit, maxLines)
        guard let newest = state.errors.first, width > 0, limit > 0 else { return [] }
        let olderCount = state.errors.count - 1
        var lines = full(newest, width: width, limit: olderCount > 0 ? max(1, limit - 1) : limit, zone: zone)
        let room = limit - lines.count
        let shown = olderCount <= room ? olderCount : max(0, room - 1)
        for entry in state.errors.dropFirst().prefix(shown) {
            lines.append(spans(entry, width: width, zone: zone))
        }
        if shown < olderCount, room > 0 {
            lines.append([Span("+\(olderCount - shown) more", Style.muted.bolded),
                          Span(" (x dismisses the newest, X clears all)", .muted)])
        }
        return lines
    }

    /// The newest error over up to `limit` lines: `14:32 #9 reason…` wrapped, then `→ hint`.
    private static func full(_ entry: ErrorEntry, width: Int, limit: Int, zone: CivilTime.Zone) -> [[Span]] {
        let prefix = self.prefix(entry, zone: zone)
        let prefixWidth = prefix.reduce(0) { $0 + $1.width }
        let indent = Span(DisplayWidth.spaces(prefixWidth))
        let room = max(1, width - prefixWidth)
        let hintLines = entry.hint != nil && limit > 1 ? 1 : 0
        let messageLines = limit - hintLines
        if messageLines == 1, hintLines == 0 { return [spans(entry, width: width, zone: zone)] }
        let message = entry.message.replacingOccurrences(of: "\n", with: " ")
        let wrapped = DisplayWidth.wrap(message, width: room)
        var lines: [[Span]] = []
        for (index, text) in wrapped.prefix(messageLines).enumerated() {
            var line = text
            if index == messageLines - 1, wrapped.count > messageLines { line = DisplayWidth.truncate(text + " …", to: room) }
            lines.append((index == 0 ? prefix : [indent]) + [Span(line, .error)])
        }
        if hintLines > 0, let hint = entry.hint {
            lines.append([indent, Span(DisplayWidth.truncate("→ " + hint, to: room), .warning)])
        }
        return lines
    }

    /// `14:32 #9 ` in muted bold: the time on `zone`'s clock, then the task.
    private static func prefix(_ entry: ErrorEntry, zone: CivilTime.Zone) -> [Span] {
        [Span(HumanFormat.clock(entry.time, zone: zone) + " ", .muted)] + (entry.taskID.map { [Span("#\($0) ", Style.muted.bolded)] } ?? [])
    }

    /// `14:32 #9 reason → hint` in `width` cells: the hint keeps up to half the line.
    static func spans(_ entry: ErrorEntry, width: Int, zone: CivilTime.Zone) -> [Span] {
        var spans = prefix(entry, zone: zone)
        let room = width - spans.reduce(0) { $0 + $1.width }
        let message = entry.message.split(separator: "\n").first.map(String.init) ?? entry.message
        guard let hint = entry.hint else { return spans + [Span(message, .error)] }
        let hintText = " → " + hint
        let hintWidth = min(DisplayWidth.of(hintText), max(0, room / 2))
        let messageWidth = max(0, room - hintWidth)
        spans.append(Span(DisplayWidth.truncate(message, to: messageWidth), .error))
        spans.append(Span(hintText, .warning))
        return spans
    }
}
