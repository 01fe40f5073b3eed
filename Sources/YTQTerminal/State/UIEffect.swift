import YTQCore

/// What the app loop must do after the UI state handled a key or an event.
///
/// The state machine never does I/O: it returns these, and the loop carries them out and
/// feeds the outcome back (`submissionSucceeded`, `submissionFailed`, `replacePage`, …).
public enum UIEffect: Sendable, Equatable {
    /// Add a download (through `TaskActions.add`); the request is already validated.
    /// `whenBusy: .queue` puts it in the backlog when a rule refuses it now.
    case submit(DownloadRequest, whenBusy: BusyPolicy)
    /// Add several downloads: the first as `submit` does, the rest queued after it.
    case submitMany([DownloadRequest])
    /// Look for a task of this user's with exactly this URL (done, running or queued), then
    /// hand what was found to `duplicateChecked`, which asks or submits.
    case checkDuplicate(DownloadRequest)
    /// Read the URLs this user added (newest first) for ↑ ↓ in the URL field, and hand them
    /// to `replaceURLHistory`.
    case loadURLHistory
    case pause(taskID: Int64)
    /// Resume a paused task (or queue it when a rule refuses it now and `whenBusy` says so).
    case resume(taskID: Int64, whenBusy: BusyPolicy)
    /// Put a failed, cancelled or paused task in the backlog.
    case queue(taskID: Int64)
    case move(taskID: Int64, BacklogMove)
    case cancel(taskID: Int64)
    /// Retry a failed or cancelled task.
    case retry(taskID: Int64)
    /// Remove the task, and its file too when `deleteFile` (cancel it first if it runs).
    case remove(taskID: Int64, deleteFile: Bool)
    /// Open the folder holding the task's file, or say its path where nothing can open it.
    case openFolder(taskID: Int64)
    /// Open the finished file in the default player, or say its path where nothing can open it.
    case openFile(path: String, taskID: Int64)
    /// Put text on the terminal's clipboard (OSC 52).
    case copy(ClipboardCopy)
    /// The list filter changed: read the page again now, with `UIState.filter`.
    case filterChanged
    /// The list's order changed (`UIState.order`): read the page again now, and keep the order
    /// for the next start.
    case orderChanged(TaskOrder)
    /// Act on every task of the user's that the action names, and report a summary.
    case bulk(BulkAction)
    /// A task started, ended, or was changed by another process: read the page again (a
    /// loop may coalesce these) and hand it to `replacePage`.
    case reloadTask
    /// Tell the desktop (bell, notification) that a download of this user's ended; the loop
    /// sends what the config allows (`ScreenSignals`).
    case notify(TerminalNotice)
    /// Repaint the whole terminal (Ctrl-L), not only the changed cells.
    case repaint
    /// Quit: stop the downloads gracefully (they resume on the next start) and restore the terminal.
    case quit
}
