import Foundation
import YTQCore

/// How a task's status reads and looks, shared by the list, the compact view and details.
enum TaskStatusText {
    /// The status word (or `retrying`) and its style: colour and text both carry it.
    static func label(_ task: DownloadTask, retry: RetryNote?) -> (String, Style) {
        if retry != nil, task.status.isActive { return ("retrying", Style.warning.bolded) }
        // A download with a note (already there, the preset fell back): details say which.
        if task.status == .completed, !task.notes.isEmpty { return (task.status.rawValue + " !", .warning) }
        return (task.status.rawValue, style(task.status))
    }

    static func style(_ status: DownloadStatus) -> Style {
        switch status {
        case .pending: return .warning
        case .downloading: return Style.accent.bolded
        case .completed: return .ok
        case .failed: return Style.error.bolded
        case .cancelled: return .muted
        case .queued: return .muted
        case .paused: return .warning
        }
    }

    /// Four cells for the compact view: `wait`, ` 45%`, `done`, `FAIL`, `stop`, `next`, `paus`, `rtry`.
    static func short(_ task: DownloadTask, progress: DownloadProgress?, retry: RetryNote?) -> (String, Style) {
        if retry != nil, task.status.isActive { return ("rtry", Style.warning.bolded) }
        switch task.status {
        case .pending: return ("wait", .warning)
        case .downloading:
            guard let percent = progress?.percentage else { return (" --%", Style.accent.bolded) }
            return (DisplayWidth.pad("\(Int(percent))%", to: 4, alignment: .right), Style.accent.bolded)
        case .completed: return ("done", .ok)
        case .failed: return ("FAIL", Style.error.bolded)
        case .cancelled: return ("stop", .muted)
        case .queued: return ("next", .muted)
        case .paused: return ("paus", .warning)
        }
    }

    /// The first line of the task's error message.
    static func reason(_ task: DownloadTask) -> String {
        let message = task.errorMessage ?? "failed"
        return message.split(separator: "\n", omittingEmptySubsequences: true).first.map(String.init) ?? message
    }

    /// A bar of `width` cells filled to `percent` with eighth blocks (whole `#` cells in ASCII).
    static func bar(percent: Double?, width: Int, glyphs: Glyphs = .unicode) -> String {
        guard width > 0 else { return "" }
        guard let percent else { return String(repeating: glyphs.barEmpty, count: width) }
        let partials = glyphs.barEighths
        let steps = partials.count + 1
        let filled = Int((min(100, max(0, percent)) / 100 * Double(width * steps)).rounded(.down))
        var text = String(repeating: glyphs.barFull, count: filled / steps)
        if filled % steps > 0 { text.append(partials[filled % steps - 1]) }
        return text + String(repeating: glyphs.barEmpty, count: max(0, width - DisplayWidth.of(text)))
    }

    /// `45%`, or `--%` when the total is unknown.
    static func percent(_ progress: DownloadProgress?) -> String {
        guard let value = progress?.percentage else { return "--%" }
        return "\(Int(value.rounded(.down)))%"
    }

    /// `retry 2 in 0:05`.
    static func retryText(_ retry: RetryNote, now: Date) -> String {
        let left = Int(retry.retryAt.timeIntervalSince(now).rounded(.up))
        return left > 0 ? "retry \(retry.attempt) in \(HumanFormat.duration(seconds: left))" : "retry \(retry.attempt) now"
    }
}
