import Foundation
import Synchronization
import YTQCore
import YTQStore
import YTQTerminal

/// The one way into the UI loop from other threads: messages queue here and the loop's
/// `poll` is woken, so the loop alone owns the screen state.
final class AppInbox: Sendable {
    /// Something for the UI loop to apply.
    enum Message: Sendable {
        /// A scheduler event (this process's downloads).
        case download(DownloadEvent)
        /// The database file changed (any process): reload the visible page soon.
        case databaseChanged
        /// SIGTERM, SIGHUP or SIGINT: quit now, leaving downloads resumable.
        case signal(Int32)
        /// A background action finished: say so on the status line (the message is dated
        /// when the action's outcome was known, so a newer event about its task wins).
        case notice(StatusMessage)
        /// A background action failed: show it in the error pane.
        case error(ErrorEntry)
        /// A task was removed by this process.
        case removed(taskID: Int64)
        /// The terminal changed size (SIGWINCH).
        case resized
        /// A new download was added (the submitted form is cleared), `at` when the store said so.
        case submitted(DownloadTask, at: Date)
        /// Adding the download failed: the form keeps what was typed.
        case submissionFailed(ActionError, DownloadRequest)
        /// A rule refused a resume or retry; `Q` can queue it.
        case refused(RuleViolation, offer: QueueOffer)
        /// A page of tasks read for the screen.
        case page(TaskPage)
        /// Reading the page failed (the service is away, the store is busy): say so, and try
        /// again in a while.
        case pageFailed(StatusMessage)
        /// The URLs this user added, newest first, for ↑ ↓ in the URL field.
        case urlHistory([String])
        /// What the store holds of the request's URL: a task of this user's that has it, or nil.
        case duplicateChecked(DownloadRequest, existing: DownloadTask?)
        /// The whole record of the task the details overlay shows.
        case details(DownloadTask)
        /// Reading it failed: say why on the status line.
        case detailsFailed(taskID: Int64, StatusMessage)
    }

    let wakeup: TerminalWakeup
    private let queue = Mutex<[Message]>([])

    init(wakeup: TerminalWakeup) {
        self.wakeup = wakeup
    }

    func post(_ message: Message) {
        queue.withLock { $0.append(message) }
        wakeup.wake()
    }

    /// Everything posted since the last call, oldest first.
    func drain() -> [Message] {
        queue.withLock { queue in
            defer { queue.removeAll(keepingCapacity: true) }
            return queue
        }
    }
}
