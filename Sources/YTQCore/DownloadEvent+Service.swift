import Foundation

extension DownloadEvent {
    /// What the service sends for this event: its `jsonObject` and its task.
    public var serviceBody: ServiceAPI.EventBody {
        ServiceAPI.EventBody(fields: jsonObject, task: task)
    }

    /// The event's task, but for a bare `changed`.
    public var task: DownloadTask? {
        switch self {
        case .started(let task), .progressUpdated(let task, _), .completed(let task, _), .failed(let task, _),
             .retrying(let task, _, _, _), .cancelled(let task), .queued(let task), .paused(let task), .resumed(let task),
             .recordingFailed(let task, _):
            return task
        case .changed:
            return nil
        }
    }

    /// The event a service's Server-Sent Event carries (`serviceBody`). A bare `QueueChanged`
    /// (another user's task moved), or an event this ytq does not know, is
    /// `.changed(taskID: 0)`: something changed, look again.
    public init(serviceBody body: ServiceAPI.EventBody) {
        let object = body.fields
        guard case .string(let name)? = object["event"], let kind = Kind(rawValue: name), let task = body.task else {
            self = .changed(taskID: Self.number(object["task_id"]).map(Int64.init) ?? 0)
            return
        }
        let reason = FailureReason(
            kind: Self.string(object["error_kind"]).flatMap(FailureReason.Kind.init(rawValue:)) ?? .transient,
            message: Self.string(object["error"]) ?? "", hint: Self.string(object["hint"]))
        switch kind {
        case .started: self = .started(task)
        case .progressUpdated:
            self = .progressUpdated(task, DownloadProgress(
                downloadedBytes: Self.number(object["downloaded_bytes"]).map(Int64.init) ?? 0,
                totalBytes: Self.number(object["total_bytes"]).map(Int64.init),
                speed: Self.number(object["speed"]), eta: Self.number(object["eta"]).map(Int.init),
                phase: Self.string(object["phase"]).map(DownloadPhase.init(rawValue:))))
        case .completed:
            self = .completed(task, downloadURL: URL(string: Self.string(object["download_url"]) ?? "") ?? URL(fileURLWithPath: task.filePath ?? "/"))
        case .failed: self = .failed(task, reason: reason)
        case .retrying:
            self = .retrying(task, attempt: Self.number(object["attempt"]).map(Int.init) ?? task.attempts, reason: reason,
                             delay: .seconds(Self.number(object["retry_in_seconds"]) ?? 0))
        case .cancelled: self = .cancelled(task)
        case .queued: self = .queued(task)
        case .paused: self = .paused(task)
        case .resumed: self = .resumed(task)
        case .recordingFailed: self = .recordingFailed(task, problem: Self.string(object["error"]) ?? "")
        case .changed: self = .changed(taskID: task.id)
        }
    }

    private static func string(_ value: JSONValue?) -> String? {
        if case .string(let text)? = value { return text }
        return nil
    }

    private static func number(_ value: JSONValue?) -> Double? {
        if case .number(let number)? = value, number.isFinite { return number }
        return nil
    }
}
