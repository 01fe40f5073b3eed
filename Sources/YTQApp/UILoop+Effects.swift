import Foundation
import YTQCore
import YTQDownloader
import YTQScheduler
import YTQStore
import YTQTerminal

extension UILoop {
    /// Carries out what the UI state asked for. Every user action goes through `TaskActions`
    /// in a task of its own and reports back through the inbox, so the UI thread never waits
    /// for the database or for a process to stop.
    func carryOut(_ effects: [UIEffect]) {
        for effect in effects {
            switch effect {
            case .submit(let request, let whenBusy): submit(request, whenBusy: whenBusy)
            case .submitMany(let requests): submitMany(requests)
            case .pause(let id): pause(id)
            case .resume(let id, let whenBusy): resume(id, whenBusy: whenBusy)
            case .queue(let id): queue(id)
            case .move(let id, let move): self.move(id, move)
            case .cancel(let id): cancel(id)
            case .retry(let id): retry(id)
            case .remove(let id, let deleteFile): remove(id, deleteFile: deleteFile)
            case .openFolder(let id): openFolder(id)
            case .openFile(let path, let id): openFile(path, taskID: id)
            case .copy(let copy): terminal.signal(copy.escapes)
            case .checkDuplicate(let request): checkDuplicate(request)
            case .loadURLHistory: loadURLHistory()
            case .filterChanged: scheduleReload(immediately: true)
            case .orderChanged(let order): orderChanged(order)
            case .bulk(let action): bulk(action)
            case .reloadTask: scheduleReload()
            case .notify(let notice):
                if context.signals.bell { terminal.signal(TerminalNotice.bell) }
                if context.signals.desktopNotifications { terminal.signal(notice.escapes) }
            case .repaint: terminal.invalidate()
            case .quit: running = false
            }
        }
    }

    /// Runs `action` off the UI thread; what it returns is posted to the inbox.
    func background(_ action: @escaping @Sendable (any TaskActions, Requester) async -> AppInbox.Message) {
        Self.background(context, action)
    }

    /// Runs `action` off the UI thread with `context`'s actions and requester; what it returns
    /// is posted to `context`'s inbox (also before the loop exists: the first page).
    private static func background(_ context: Context, _ action: @escaping @Sendable (any TaskActions, Requester) async -> AppInbox.Message) {
        let actions = context.actions
        let requester = context.app.requester
        let inbox = context.inbox
        Task { inbox.post(await action(actions, requester)) }
    }

    private func submit(_ request: DownloadRequest, whenBusy: BusyPolicy) {
        let poke = context.poke
        background { actions, requester in
            do throws(ActionError) {
                let task = try await actions.add(request, by: requester, whenBusy: whenBusy)
                let time = Date()
                poke()
                return .submitted(task, at: time)
            } catch {
                return .submissionFailed(error, request)
            }
        }
    }

    /// Several pasted URLs, in order, each queued when a rule would refuse it now.
    private func submitMany(_ requests: [DownloadRequest]) {
        let poke = context.poke
        let inbox = context.inbox
        background { actions, requester in
            var added = 0
            for request in requests {
                do throws(ActionError) {
                    _ = try await actions.add(request, by: requester, whenBusy: .queue)
                    added += 1
                } catch {
                    inbox.post(.error(ErrorEntry(message: "\(request.url): \(error.description)")))
                }
            }
            poke()
            return .notice(StatusMessage(
                "Queued \(added) of \(requests.count) downloads", kind: added == requests.count ? .success : .failure, time: Date()))
        }
    }

    /// Runs one action on task `id` off the UI thread: its message goes to the status line; a
    /// refusal that `offer` would get around is offered for `Q`; any other failure goes to
    /// the error pane.
    private func act(
        on id: Int64, offer: QueueOffer? = nil,
        _ action: @escaping @Sendable (any TaskActions, Requester) async throws(ActionError) -> String
    ) {
        let poke = context.poke
        background { actions, requester in
            do throws(ActionError) {
                let message = try await action(actions, requester)
                let time = Date()
                poke()
                return .notice(StatusMessage(message, taskID: id, time: time))
            } catch {
                if case .refused(let violation) = error, let offer { return .refused(violation, offer: offer) }
                return .error(ErrorEntry(taskID: id, message: error.description))
            }
        }
    }

    private func pause(_ id: Int64) {
        act(on: id) { actions, requester throws(ActionError) in
            _ = try await actions.pause(id: id, by: requester)
            return "Paused task #\(id); Space resumes it"
        }
    }

    private func resume(_ id: Int64, whenBusy: BusyPolicy) {
        act(on: id, offer: .resume(taskID: id)) { actions, requester throws(ActionError) in
            let resumed = try await actions.resume(id: id, by: requester, whenBusy: whenBusy)
            let how = resumed.task.status == .queued ? "Queued task #\(id)" : "Resumed task #\(id)"
            return how + (resumed.startsOver ? "; its partial files were gone, it starts over" : "")
        }
    }

    private func queue(_ id: Int64) {
        act(on: id) { actions, requester throws(ActionError) in
            let task = try await actions.queue(id: id, by: requester)
            return task.status == .queued ? "Queued task #\(id)" : "Queued task #\(id); it starts now"
        }
    }

    private func move(_ id: Int64, _ move: BacklogMove) {
        act(on: id) { actions, requester throws(ActionError) in
            _ = try await actions.move(id: id, move, by: requester)
            return "Moved task #\(id) \(move.rawValue)"
        }
    }

    private func cancel(_ id: Int64) {
        act(on: id) { actions, requester throws(ActionError) in
            _ = try await actions.cancel(id: id, by: requester)
            return "Cancelled task #\(id)"
        }
    }

    private func retry(_ id: Int64) {
        act(on: id, offer: .retry(taskID: id)) { actions, requester throws(ActionError) in
            let task = try await actions.retry(id: id, by: requester)
            return task.status == .queued ? "Queued task #\(id)" : "Queued task #\(id) again"
        }
    }

    /// The form was accepted: clear it, and warn now when the format needs an ffmpeg that is missing.
    func submitted(_ task: DownloadTask, at time: Date) {
        state.submissionSucceeded(task, at: time)
        if task.format.needsFFmpeg, ExecutableSearch.find("ffmpeg", searchPath: context.app.environment["PATH"]) == nil {
            state.addError(ErrorEntry(
                taskID: task.id, message: "ffmpeg is not installed, and the \(task.format) format needs it",
                hint: "install it (sudo apt-get install ffmpeg), or the download will fail at the end", cause: .warning))
        }
    }

    private func remove(_ id: Int64, deleteFile: Bool) {
        let inbox = context.inbox
        background { actions, requester in
            do throws(ActionError) {
                let removal = try await actions.remove(id: id, deleteFile: deleteFile, by: requester)
                inbox.post(.removed(taskID: id))
                let time = Date()
                if let reason = removal.keptFileReason {
                    return .notice(StatusMessage("Removed task #\(id); kept the file: \(reason)", kind: .failure, taskID: id, time: time))
                }
                let files = removal.deletedFiles.isEmpty ? "" : removal.deletedFiles.count == 1 ? " and its file" : " and its \(removal.deletedFiles.count) files"
                return .notice(StatusMessage("Removed task #\(id)" + files, taskID: id, time: time))
            } catch {
                return .error(ErrorEntry(taskID: id, message: error.description))
            }
        }
    }

    /// Reads a window of the list (never the whole table) off the UI thread; it arrives as `.page`.
    static func loadPage(_ context: Context, filter: TaskFilter, order: TaskOrder, offset: Int, limit: Int) {
        background(context) { actions, requester in
            do throws(ActionError) {
                return .page(try await actions.page(filter: filter, order: order, offset: offset, limit: limit, fields: .listed, by: requester))
            } catch {
                return .pageFailed(StatusMessage("Could not read the task list: \(error)", kind: .failure, time: Date()))
            }
        }
    }

    /// The list's order changed: read the page in it now, and keep it for the next start (off
    /// the UI thread; a failure to keep it is said on the status line).
    private func orderChanged(_ order: TaskOrder) {
        scheduleReload(immediately: true)
        let preference = sortPreference
        let inbox = context.inbox
        Task {
            do throws(SortPreferenceError) {
                try preference.save(order)
            } catch {
                inbox.post(.notice(StatusMessage(
                    "Sorted \(order.label), for this session only: cannot keep it in \(error)", kind: .failure, time: Date())))
            }
        }
    }
}
