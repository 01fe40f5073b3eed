import Foundation
import YTQCore

extension UIState {
    /// The status message to show now: the latest one, until it ages out by the state's clock.
    public var visibleStatus: StatusMessage? {
        guard let message = statusMessage, clock < message.expiry else { return nil }
        return message
    }

    /// When the screen next changes with time alone (a status message ages out), if ever:
    /// the loop wakes then and calls `advanceClock(to:)`.
    public var nextDeadline: Date? {
        visibleStatus?.expiry
    }

    /// Moves the state's clock to `now` (the loop does, before it applies what a turn brought):
    /// messages and errors are stamped with it, and status messages age by it.
    public mutating func advanceClock(to now: Date) {
        let shown = visibleStatus != nil
        clock = now
        if shown != (visibleStatus != nil) { keepSelectionVisible() }
    }

    /// Shows a message on the status line, unless a newer one about the same task shows
    /// already (a reply that arrives after an event about its task says something older).
    public mutating func setStatus(_ message: StatusMessage) {
        if let current = statusMessage, !message.replaces(current) { return }
        let shown = visibleStatus != nil
        statusMessage = message
        if shown != (visibleStatus != nil) { keepSelectionVisible() }
    }

    /// A message that happens now, by the state's clock.
    mutating func say(_ text: String, kind: StatusMessage.Kind = .info, about taskID: Int64? = nil) {
        setStatus(StatusMessage(text, kind: kind, taskID: taskID, time: clock))
    }

    /// What a lifecycle event says on the status line. A completion or a failure always
    /// speaks; the others only replace a message about their own task, which they make out of
    /// date ("Retrying task #3…" once #3 started), so a busy queue does not flood the line.
    mutating func report(_ event: DownloadEvent) {
        let id = event.taskID
        let ownTask = statusMessage?.taskID == id
        switch event {
        case .completed(let task, _):
            say("Finished task #\(id): \(task.summary.displayName)", kind: .success, about: id)
        case .failed:
            say("Task #\(id) failed: see the error pane", kind: .failure, about: id)
        case .started where ownTask:
            say("Started task #\(id)", kind: .success, about: id)
        case .retrying(_, let attempt, _, _) where ownTask:
            say("Task #\(id) failed; attempt \(attempt) waits (see its row)", kind: .failure, about: id)
        case .cancelled where ownTask:
            say("Cancelled task #\(id)", about: id)
        case .paused where ownTask:
            say("Paused task #\(id)", about: id)
        case .queued where ownTask:
            say("Queued task #\(id)", about: id)
        case .resumed where ownTask:
            say("Resumed task #\(id)", about: id)
        default:
            break
        }
    }
}
