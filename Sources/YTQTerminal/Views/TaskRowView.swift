import YTQCore

/// One line of the task list: id, title, format, status, and either the live progress
/// (bar, size, speed, ETA) or how the task ended.
enum TaskRowView {
    static func draw(
        _ task: DownloadTask, state: UIState, columns: TaskColumns, row: Int, rect: Rect,
        cursor: Bool, context: RenderContext, into screen: inout Screen
    ) {
        let x = rect.column
        if cursor { screen.put("▸", row: row, column: x, width: 1, style: Style.accent.bolded) }
        let retry = state.retries[task.id]
        let progress = state.progress(of: task)
        // A download with progress fills PROGRESS, SPEED and ETA; any other task has its
        // finish time, reason or place there instead.
        let live = task.status == .downloading && progress != nil
        for column in columns.columns {
            if !live, [.progress, .speed, .eta].contains(column.kind) { continue }
            if column.kind == .progress {
                drawProgress(progress, barWidth: columns.barWidth, row: row, column: x + column.start, width: column.width,
                             into: &screen)
                continue
            }
            let (text, style) = cell(column.kind, task: task, progress: progress, retry: retry, columns: columns)
            let alignment: DisplayWidth.Alignment = TaskColumns.isRightAligned(column.kind) ? .right : .left
            screen.put(DisplayWidth.pad(text, to: column.width, alignment: alignment), row: row,
                       column: x + column.start, width: column.width, style: style)
        }
        if !live, let start = columns.trailingStart {
            let spans = trailing(task, retry: retry, progress: progress, place: state.page.queuePlaces[task.id],
                                 sizeColumn: columns.column(.size) != nil, context: context)
            screen.put(spans, row: row, column: x + start, width: (columns.trailingEnd ?? rect.width) - start)
        }
        if cursor, state.focus == .list, state.overlay == .none {
            screen.restyle(Rect(row: row, column: x, width: rect.width, height: 1)) { style in
                style = Style(.selection, bold: style.bold, reverse: true)
            }
        }
    }

    private static func cell(
        _ kind: TaskColumns.Kind, task: DownloadTask, progress: DownloadProgress?, retry: RetryNote?, columns: TaskColumns
    ) -> (String, Style) {
        switch kind {
        case .id: return (String(task.id), .muted)
        case .title:
            let style: Style = task.title == nil ? .muted : .normal
            // A playlist says how many of its entries are done: `[3/12] Lectures`.
            let entries = task.entries.progressLabel.map { "[\($0)] " } ?? ""
            return (entries + task.summary.displayName, task.status == .cancelled ? .muted : style)
        case .format: return (task.format.storedValue, .normal)
        case .status: return TaskStatusText.label(task, retry: retry)
        case .progress: return ("", .normal)
        case .size: return (size(task, progress: progress), task.status == .downloading ? .normal : .muted)
        case .speed:
            if let phase = progress?.phase, task.status == .downloading { return (phase.brief, .accent) }
            guard let speed = progress?.speed else { return ("-", .muted) }
            return (HumanFormat.shortSpeed(speed), .normal)
        case .eta:
            guard let eta = progress?.eta else { return ("-", .muted) }
            return (HumanFormat.duration(seconds: eta), .normal)
        }
    }

    /// The SIZE column: downloaded of total while a download runs or is paused, the file's
    /// size (as the store recorded it) once completed, nothing otherwise.
    static func size(_ task: DownloadTask, progress: DownloadProgress?) -> String {
        guard let progress else { return "" }
        switch task.status {
        case .downloading, .paused:
            return HumanFormat.shortProgressSize(downloaded: progress.downloadedBytes, total: progress.totalBytes)
        case .completed:
            return HumanFormat.shortBytes(progress.totalBytes ?? progress.downloadedBytes)
        case .pending, .queued, .failed, .cancelled:
            return ""
        }
    }

    private static func drawProgress(
        _ progress: DownloadProgress?, barWidth: Int, row: Int, column: Int, width: Int, into screen: inout Screen
    ) {
        let percent = DisplayWidth.pad(TaskStatusText.percent(progress), to: 4, alignment: .right)
        guard barWidth > 0 else {
            screen.put(percent, row: row, column: column, width: width, style: .accent)
            return
        }
        let bar = TaskStatusText.bar(percent: progress?.percentage, width: barWidth, glyphs: screen.glyphs)
        let filled = bar.prefix { $0 != screen.glyphs.barEmpty }
        screen.put(filled, row: row, column: column, width: barWidth, style: .accent)
        let drawn = DisplayWidth.of(filled)
        screen.put(bar.dropFirst(filled.count), row: row, column: column + drawn, width: barWidth - drawn, style: .muted)
        screen.put(" " + percent, row: row, column: column + barWidth, width: width - barWidth, style: .normal)
    }

    /// What replaces the progress, speed and ETA columns when the task is not downloading. The
    /// size goes in its own column; only where the width leaves no SIZE column (`sizeColumn`
    /// false) does it follow the finish time here.
    static func trailing(
        _ task: DownloadTask, retry: RetryNote?, progress: DownloadProgress?, place: Int?, sizeColumn: Bool,
        context: RenderContext
    ) -> [Span] {
        let time = HumanFormat.time(task.updatedAt, now: context.now, zone: context.zone)
        if let retry, task.status.isActive {
            return [Span(TaskStatusText.retryText(retry, now: context.now), .warning),
                    Span(" · " + retry.reason.message, .muted)]
        }
        switch task.status {
        case .pending:
            return [Span("waiting for a free slot", .muted)]
        case .downloading:
            return [Span("starting yt-dlp…", .muted)]
        case .completed:
            var spans = [Span("finished ", .ok), Span(time, .normal)]
            if !sizeColumn, let size = progress?.totalBytes ?? progress?.downloadedBytes {
                spans.append(Span("  " + HumanFormat.bytes(size), .muted))
            }
            return spans
        case .failed:
            return [Span(time + "  ", .muted), Span(TaskStatusText.reason(task), .error)]
        case .cancelled:
            return [Span("cancelled ", .muted), Span(time, .muted)]
        case .queued:
            return [Span(place.map(Ordinal.queuePlace) ?? "in your queue", .muted)]
        case .paused:
            var spans = [Span("paused ", .warning), Span(time, .muted)]
            if !sizeColumn, let downloaded = progress?.downloadedBytes {
                spans.append(Span("  " + HumanFormat.progressSize(downloaded: downloaded, total: progress?.totalBytes), .muted))
            }
            return spans
        }
    }
}
