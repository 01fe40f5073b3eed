import Foundation
import YTQCore

/// One JSON line per event for `ytq worker --json`: name, channel, task id, and the fields.
enum EventJSON {
    static func line(_ event: DownloadEvent) -> String {
        let object = event.jsonObject
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(object) else { return "{\"event\":\"\(event.name)\"}" }
        return JSONText.escapingControls(String(decoding: data, as: UTF8.self))
    }

    /// A one-line human summary, for `ytq worker` without `--json` (progress is left out);
    /// `terminalSafe`, so a title or an error line from a server stays one visible line.
    static func summary(_ event: DownloadEvent) -> String? {
        text(event)?.terminalSafe
    }

    private static func text(_ event: DownloadEvent) -> String? {
        switch event {
        case .started(let task): return "#\(task.id) started: \(task.videoURL)"
        case .completed(let task, let url): return "#\(task.id) completed: \(url.path) (\(task.summary.displayName))"
        case .failed(let task, let reason): return "#\(task.id) failed: \(reason)"
        case .retrying(let task, let attempt, let reason, let delay):
            return "#\(task.id) attempt \(attempt) failed (\(reason.message)); retrying in \(delay.components.seconds) s"
        case .cancelled(let task): return "#\(task.id) cancelled"
        case .queued(let task): return "#\(task.id) queued"
        case .paused(let task): return "#\(task.id) paused"
        case .resumed(let task): return "#\(task.id) resumed"
        case .recordingFailed(let task, let problem): return "#\(task.id) could not be recorded: \(problem)"
        case .progressUpdated, .changed: return nil
        }
    }
}
