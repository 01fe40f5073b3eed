import Foundation

extension DownloadEvent {
    /// The event as one JSON object: `event` (its name), `channel` (`download.{id}`),
    /// `task_id`, and the fields of its kind. `ytq worker --json` prints it as a line; the
    /// service sends it as a Server-Sent Event.
    public var jsonObject: [String: JSONValue] {
        let event = self
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
            if let phase = progress.phase { object["phase"] = .string(phase.rawValue) }
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
        return object
    }
}
