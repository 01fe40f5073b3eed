import Foundation
import YTQCore
import YTQTerminal

extension UILoop {
    /// How many tasks one read of a bulk action brings (the service allows up to 1000).
    static let bulkPageSize = 500

    /// Carries out a `:` bulk command off the UI thread, through `TaskActions` only (so it acts
    /// the same on a shared queue): acts on each of the user's own tasks of the action's status
    /// (`forEachOwnTask`), and posts a summary to the status line. A task that cannot be acted
    /// on goes to the error pane; the others go on.
    func bulk(_ action: BulkAction) {
        let poke = context.poke
        let inbox = context.inbox
        background { actions, requester in
            var done = 0, queued = 0, failed = 0
            do throws(ActionError) {
                try await actions.forEachOwnTask(status: action.status, by: requester, pageSize: Self.bulkPageSize) { task in
                    do throws(ActionError) {
                        if try await Self.act(action, on: task.id, actions: actions, requester: requester) == .queued { queued += 1 }
                        if action != .retryFailed { inbox.post(.removed(taskID: task.id)) }
                        done += 1
                    } catch {
                        failed += 1
                        inbox.post(.error(ErrorEntry(taskID: task.id, message: error.description)))
                    }
                }
            } catch {
                failed += 1
                inbox.post(.error(ErrorEntry(message: "could not read the \(action.status.rawValue) tasks: \(error.description)")))
            }
            if done > 0 { poke() }
            return .notice(StatusMessage(
                action.summary(done: done, queued: queued, failed: failed), kind: failed == 0 ? .success : .failure, time: Date()))
        }
    }

    /// One task of a bulk action; the status the task has after it.
    private static func act(
        _ action: BulkAction, on id: Int64, actions: any TaskActions, requester: Requester
    ) async throws(ActionError) -> DownloadStatus? {
        switch action {
        case .retryFailed:
            return try await actions.retry(id: id, by: requester, whenBusy: .queue).status
        case .clearCompleted, .removeFailed:
            _ = try await actions.remove(id: id, deleteFile: false, by: requester)
            return nil
        }
    }
}
