import Foundation
import YTQCore

extension UIState {
    /// Replaces the page with a fresh read of the store. The cursor stays on its task (or
    /// goes to the task just submitted), else on its row; an overlay about a task the page no
    /// longer holds closes. Live progress and countdowns belong to the events, not to the page: a task
    /// the filter hides keeps them.
    public mutating func replacePage(_ newPage: TaskListPage) {
        let selectedID = pendingSelection ?? selectedTask?.id
        pendingSelection = nil
        page = newPage
        resolveRefusals(by: newPage)
        let ids = Set(newPage.tasks.map(\.id))
        switch overlay {
        case .details(let id), .confirmRemove(let id), .confirmCancel(let id):
            if !ids.contains(id) { overlay = .none }
        default:
            break
        }
        if let selectedID, let index = tasks.firstIndex(where: { $0.id == selectedID }) {
            selectedRow = newPage.offset + index
        }
        keepSelectionVisible()
        reportMatch()
    }

    /// The task's run here is over (it ended, was retried by hand, or was removed): drop its
    /// live progress and countdown. Its row waits for the reload the store's change feed brings.
    public mutating func forgetLiveState(of taskID: Int64) {
        progress[taskID] = nil
        retries[taskID] = nil
        runningHere.remove(taskID)
    }

    /// The progress to show for a task: the live one from this process's events, else what
    /// the store recorded (a task another process downloads, or one that ended).
    public func progress(of task: DownloadTask) -> DownloadProgress? {
        if let live = progress[task.id] { return live }
        guard let downloaded = task.downloadedBytes else { return nil }
        return DownloadProgress(downloadedBytes: downloaded, totalBytes: task.totalBytes)
    }

    /// Applies a scheduler event at the state's clock (which dates a retry countdown).
    /// Progress only updates the live progress; a lifecycle event says so on the status line,
    /// resolves the errors it makes out of date, and returns `.reloadTask`, so the row and the
    /// counts change when the store says so, never by a patch here.
    @discardableResult
    public mutating func handle(event: DownloadEvent) -> [UIEffect] {
        resolveErrors(after: event)
        report(event)
        switch event {
        case .progressUpdated(let task, let update):
            progress[task.id] = update
            runningHere.insert(task.id)
            return []
        case .started(let task):
            retries[task.id] = nil
            runningHere.insert(task.id)
        case .completed(let task, _):
            forgetLiveState(of: task.id)
            return [.reloadTask, .notify(TerminalNotice(title: "ytq: download finished", body: "#\(task.id) \(task.summary.displayName)"))]
        case .failed(let task, let reason):
            forgetLiveState(of: task.id)
            addError(ErrorEntry(taskID: task.id, reason: reason))
            return [.reloadTask, .notify(TerminalNotice(
                title: "ytq: download failed", body: "#\(task.id) \(task.summary.displayName): \(reason.message)"))]
        case .retrying(let task, let attempt, let reason, let delay):
            progress[task.id] = nil
            runningHere.remove(task.id)
            var reason = reason
            reason.hint = reason.hint.map(ScreenHint.forScreen)
            retries[task.id] = RetryNote(attempt: attempt, reason: reason, retryAt: clock.addingTimeInterval(delay.seconds))
        case .cancelled(let task), .paused(let task):
            forgetLiveState(of: task.id)
        case .recordingFailed(let task, let problem):
            progress[task.id] = nil
            addError(ErrorEntry(taskID: task.id, message: problem, hint: "ytq keeps trying to record how #\(task.id) ended"))
            return []
        case .queued, .resumed, .changed:
            break
        }
        return [.reloadTask]
    }

    /// The loop added the task from `.submit` (`at` when the store said so): say so, unless
    /// a newer event about the task did already, clear the URL, and have the cursor go to the
    /// task when the next page holds it.
    public mutating func submissionSucceeded(_ task: DownloadTask, at time: Date? = nil) {
        submitting = nil
        url = TextField()
        urlHistory.record(task.videoURL)
        let verb = task.status == .queued ? "Queued" : "Started"
        setStatus(StatusMessage("\(verb) task #\(task.id) (\(task.format))", kind: .success, taskID: task.id, time: time ?? clock))
        pendingSelection = task.id
        if case .request = queueOffer { queueOffer = nil }
    }

    /// A rule refused a request that queueing would get around: say why, and offer `Q`.
    public mutating func refused(_ violation: RuleViolation, offer: QueueOffer) {
        if case .request(let request) = offer, request == submitting { submitting = nil }
        let taskID = offer.taskID
        guard violation.canQueue else {
            addError(ErrorEntry(taskID: taskID, message: violation.description, cause: .refusal(blockingTaskID: nil)))
            say("Not started: see the error pane", kind: .failure, about: taskID)
            return
        }
        queueOffer = offer
        let holder: String
        var blocker: Int64?
        switch violation {
        case .perUserLimitReached(_, _, let blocking):
            holder = "#\(blocking.id) is \(blocking.status.rawValue)"
            blocker = blocking.id
        default:
            holder = "every slot is busy"
        }
        addError(ErrorEntry(taskID: taskID, message: violation.reason, hint: "\(holder): press Q to queue this after it",
                            cause: .refusal(blockingTaskID: blocker)))
        say("Not started: \(holder); Q queues it", kind: .failure, about: taskID)
    }

    /// The store refused the `.submit` (a rule, a bad URL): show why and keep what was typed.
    public mutating func submissionFailed(_ message: String, hint: String? = nil) {
        submitting = nil
        addError(ErrorEntry(message: message, hint: hint))
        say("Not started: see the error pane", kind: .failure)
    }
}
