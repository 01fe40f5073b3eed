import Foundation
import YTQCore

extension UIState {
    /// Puts an error at the top of the error pane, stamped with the state's clock, its advice
    /// naming keys rather than commands (`ScreenHint`).
    public mutating func addError(_ entry: ErrorEntry) {
        var entry = entry
        entry.time = clock
        entry.message = ScreenHint.forScreen(entry.message)
        entry.hint = entry.hint.map(ScreenHint.forScreen)
        errors.insert(entry, at: 0)
        if errors.count > Self.maxErrors { errors.removeLast(errors.count - Self.maxErrors) }
        keepSelectionVisible()
    }

    /// A background action on a task failed: the error pane says why, and the status line
    /// stops saying what was being tried ("Retrying task #3…").
    public mutating func actionFailed(_ entry: ErrorEntry) {
        addError(entry)
        say(entry.taskID.map { "Task #\($0): see the error pane" } ?? "See the error pane", kind: .failure, about: entry.taskID)
    }

    /// `x`: the newest error goes.
    mutating func dismissNewestError() {
        guard !errors.isEmpty else { return }
        errors.removeFirst()
        keepSelectionVisible()
    }

    /// `X`: every error goes.
    mutating func clearErrors() {
        errors.removeAll()
        keepSelectionVisible()
    }

    /// Drops the errors `event` resolves (see `ErrorEntry.Cause`).
    mutating func resolveErrors(after event: DownloadEvent) {
        removeErrors { $0.isResolved(by: event) }
    }

    /// Drops refusals whose blocking task the page shows no longer active, or all of them
    /// when nothing is active any more.
    mutating func resolveRefusals(by page: TaskListPage) {
        let nothingActive = activeCount == 0
        removeErrors { entry in
            guard let blocker = entry.blockingTaskID else { return false }
            if nothingActive { return true }
            return page.tasks.first { $0.id == blocker }.map { !$0.status.isActive } ?? false
        }
    }

    /// The task is gone (removed here): its errors and the refusals it caused go with it.
    public mutating func taskRemoved(_ taskID: Int64) {
        forgetLiveState(of: taskID)
        removeErrors { $0.taskID == taskID || $0.blockingTaskID == taskID }
    }

    private mutating func removeErrors(where resolved: (ErrorEntry) -> Bool) {
        let before = errors.count
        errors.removeAll(where: resolved)
        if errors.count != before { keepSelectionVisible() }
    }
}
