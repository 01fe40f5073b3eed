import Foundation
import YTQCore

/// The lines of the details overlay: every field of a task, wrapped to the overlay's width —
/// what a user looks for first (status, the full error, the file) above the fold, the yt-dlp
/// command line and the metadata last.
enum DetailsContent {
    static let labelWidth = 11

    /// - Parameter complete: `task` has its command line and metadata (its whole record was
    ///   read); until then they show as being read.
    static func lines(_ task: DownloadTask, complete: Bool, state: UIState, context: RenderContext, width: Int) -> [[Span]] {
        // Narrow screens put each label on a line of its own, above its value.
        let stacked = width < 40
        let valueWidth = stacked ? max(1, width) : max(1, width - labelWidth)
        var lines: [[Span]] = []
        func field(_ label: String, _ value: String, _ style: Style = .normal) {
            let wrapped = DisplayWidth.wrap(value, width: valueWidth)
            if stacked {
                lines.append([Span(label.trimmingCharacters(in: .whitespaces), Style.muted.bolded)])
                lines += wrapped.map { [Span($0, style)] }
                return
            }
            for (index, line) in wrapped.enumerated() {
                let head = index == 0 ? DisplayWidth.pad(label, to: labelWidth) : DisplayWidth.spaces(labelWidth)
                lines.append([Span(head, Style.muted.bolded), Span(line, style)])
            }
        }
        let retry = state.retries[task.id]
        let progress = state.progress(of: task)
        field("Title", task.title ?? "not known yet", task.title == nil ? .muted : Style.normal.bolded)
        field("URL", task.videoURL)
        var (status, statusStyle) = TaskStatusText.label(task, retry: retry)
        if let retry { status += " (" + TaskStatusText.retryText(retry, now: context.now) + ")" }
        field("Status", status, statusStyle)
        field("Format", task.format.storedValue)
        if let progress {
            var parts = [TaskStatusText.percent(progress),
                         HumanFormat.progressSize(downloaded: progress.downloadedBytes, total: progress.totalBytes)]
            if let phase = progress.phase, task.status == .downloading { parts.append(phase.description) }
            if let speed = progress.speed { parts.append(HumanFormat.speed(speed)) }
            if let eta = progress.eta, task.status == .downloading { parts.append("ETA " + HumanFormat.duration(seconds: eta)) }
            let bar = TaskStatusText.bar(percent: progress.percentage, width: min(20, max(0, valueWidth / 4)), glyphs: context.glyphs)
            lines.append([Span(DisplayWidth.pad("Progress", to: labelWidth), Style.muted.bolded), Span(bar, .accent),
                          Span((bar.isEmpty ? "" : " ") + parts.joined(separator: " · "))])
        }
        if let message = task.errorMessage ?? retry?.reason.message {
            field("Error", message, .error)
        }
        if let hint = retry?.reason.hint ?? state.errors.first(where: { $0.taskID == task.id })?.hint {
            field("Hint", hint, .warning)
        }
        field("File", task.filePath ?? "not written yet", task.filePath == nil ? .muted : .normal)
        for note in task.notes { field("Note", note, .warning) }
        if let done = task.entries.progressLabel {
            field("Entries", "\(done) done")
            for entry in task.entries {
                let name = entry.title ?? entry.videoID ?? "not started yet"
                let outcome: String
                switch entry.status {
                case .completed: outcome = (entry.filePath ?? name) + (entry.size.map { " · " + HumanFormat.bytes($0) } ?? "")
                case .failed: outcome = name + " · failed: " + (entry.error ?? "no reason recorded")
                case .downloading, .pending: outcome = name + " · " + entry.status.rawValue
                }
                field("  #\(entry.index)", outcome, entry.status == .failed ? .error : entry.status == .completed ? .normal : .muted)
            }
        }
        if let place = state.page.queuePlaces[task.id] { field("Queue", Ordinal.queuePlace(place)) }
        field("Attempts", attempts(task))
        field("Requester", task.userID.map { "uid \($0) from \(task.ipAddress)" } ?? task.ipAddress)
        field("Created", HumanFormat.timestamp(task.createdAt, zone: context.zone))
        field("Updated", HumanFormat.timestamp(task.updatedAt, zone: context.zone)
              + (task.status.hasEnded ? "  (" + HumanFormat.duration(seconds: Int(task.updatedAt.timeIntervalSince(task.createdAt))) + " after it was added)" : ""))
        let commandLine = task.commandLine
        lines.append([])
        let unread = state.detailsUnreadable == task.id ? "could not be read (see the status line)" : "reading…"
        field("Command", commandLine ?? (complete ? "not recorded yet" : unread), commandLine == nil ? .muted : .normal)
        if complete, !task.metaData.isEmpty {
            lines.append([])
            lines.append([Span("Metadata", Style.muted.bolded)])
            for key in task.metaData.keys.sorted() {
                let text = "\(key): \(describe(task.metaData[key] ?? .null))"
                lines += DisplayWidth.wrap(text, width: max(1, width - 2)).map { [Span("  "), Span($0)] }
            }
        }
        return lines
    }

    /// `2 runs`, with the worker crashes when there were any.
    static func attempts(_ task: DownloadTask) -> String {
        guard task.attempts > 0 || task.crashCount > 0 else { return "not run yet" }
        var text = task.attempts == 1 ? "1 run" : "\(task.attempts) runs"
        if task.crashCount > 0 { text += task.crashCount == 1 ? ", 1 worker crash" : ", \(task.crashCount) worker crashes" }
        return text
    }

    /// A short, readable form of a metadata value.
    static func describe(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let number):
            if number.rounded() == number, abs(number) < 1e15 { return String(Int64(number)) }
            return String(number)
        case .string(let text): return text
        case .array(let items): return "[" + items.map(describe).joined(separator: ", ") + "]"
        case .object(let fields):
            return "{" + fields.keys.sorted().map { "\($0): \(describe(fields[$0] ?? .null))" }.joined(separator: ", ") + "}"
        }
    }
}
