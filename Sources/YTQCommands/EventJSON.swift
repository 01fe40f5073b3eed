import Foundation
import YTQCore

/// One JSON line per event for `ytq worker --json`: name, channel, task id, and the fields.
enum EventJSON {
    static func line(_ event: DownloadEvent) -> String {
        var object: [String: JSONValue] = [
            "event": .string(event.name),
            "channel": .string(event.channel),
            "task_id": .number(Double(event.taskID)),
        ]
        switch event {
        case .started(let task):
            object["status"] = .string(task.status.rawValue)
            object["url"] = .string(task.videoURL)
            object["attempt"] = .number(Double(task.attempts))
        case .progressUpdated(let task, let progress):
            object["status"] = .string(task.status.rawValue)
            object["downloaded_bytes"] = .number(Double(progress.downloadedBytes))
            object["total_bytes"] = progress.totalBytes.map { .number(Double($0)) } ?? .null
            object["percentage"] = progress.percentage.map { .number(($0 * 10).rounded() / 10) } ?? .null
            object["speed"] = progress.speed.map { .number($0.rounded()) } ?? .null
            object["eta"] = progress.eta.map { .number(Double($0)) } ?? .null
            if let title = task.title { object["title"] = .string(title) }
        case .completed(let task, let downloadURL):
            object["status"] = .string(task.status.rawValue)
            object["download_url"] = .string(downloadURL.absoluteString)
            object["file_path"] = task.filePath.map(JSONValue.string) ?? .null
            object["title"] = task.title.map(JSONValue.string) ?? .null
        case .failed(let task, let reason):
            object["status"] = .string(task.status.rawValue)
            object["error"] = .string(reason.message)
            object["error_kind"] = .string(reason.kind.rawValue)
            object["hint"] = reason.hint.map(JSONValue.string) ?? .null
            object["attempts"] = .number(Double(task.attempts))
        case .retrying(let task, let attempt, let reason, let delay):
            object["status"] = .string(task.status.rawValue)
            object["attempt"] = .number(Double(attempt))
            object["error"] = .string(reason.message)
            object["error_kind"] = .string(reason.kind.rawValue)
            object["retry_in_seconds"] = .number(Double(delay.components.seconds))
        case .cancelled(let task), .queued(let task), .paused(let task), .resumed(let task):
            object["status"] = .string(task.status.rawValue)
        case .recordingFailed(let task, let problem):
            object["status"] = .string(task.status.rawValue)
            object["error"] = .string(problem)
        case .changed:
            break
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(object) else { return "{\"event\":\"\(event.name)\"}" }
        return TaskJSON.escapingControls(String(decoding: data, as: UTF8.self))
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
