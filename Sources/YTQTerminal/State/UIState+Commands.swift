import YTQCore

extension UIState {
    /// Runs one command from the `CommandTable`.
    mutating func perform(_ command: Command) -> [UIEffect] {
        // A match report waits for its row only until the next command.
        matchReportPending = false
        switch command {
        case .focusNext, .focusPrevious:
            let areas = FocusArea.allCases
            let before = focus
            let index = areas.firstIndex(of: focus) ?? 0
            let step = command == .focusNext ? 1 : areas.count - 1
            focus = areas[(index + step) % areas.count]
            return focusEffects(from: before)
        case .leaveField:
            focus = .list
        case .submit:
            return submit()
        case .nextFormat:
            formatIndex = (formatIndex + 1) % Self.formatChoiceCount
        case .previousFormat:
            formatIndex = (formatIndex + Self.formatChoiceCount - 1) % Self.formatChoiceCount
        case .moveUp: move(by: -1)
        case .moveDown: move(by: 1)
        case .pageUp: move(by: -max(1, pageSize - 1))
        case .pageDown: move(by: max(1, pageSize - 1))
        case .top: move(by: -Int(Int32.max))
        case .bottom: move(by: Int(Int32.max))
        case .openDetails:
            if let task = selectedTask {
                overlay = .details(taskID: task.id)
                overlayScroll = 0
                // Each opening reads the whole record again (`askForDetails`).
                detailsAsked = nil
            }
        case .cancel, .retry, .remove, .openFolder, .pauseOrResume, .moveQueuedUp, .moveQueuedDown, .moveQueuedTop, .openFile, .copy:
            return act(command)
        case .historyOlder, .historyNewer:
            recallURL(older: command == .historyOlder)
        case .nextMatch, .previousMatch:
            jumpToMatch(forward: command == .nextMatch)
        case .queueRefused:
            return queueRefused()
        case .filter:
            isEditingFilter = true
        case .applyFilter:
            isEditingFilter = false
        case .clearFilter:
            isEditingFilter = false
            guard !filter.isEmpty else { return [] }
            filter = TextField()
            keepSelectionVisible()
            return [.filterChanged]
        case .cycleSort:
            return sort(by: order.next)
        case .openCommandLine:
            openCommandLine()
        case .leaveCommandLine:
            leaveCommandLine()
        case .completeCommandLine:
            completeCommandLine()
        case .runCommandLine:
            return runCommandLine()
        case .dismissError:
            dismissNewestError()
        case .clearErrors:
            clearErrors()
        case .help:
            overlay = .help
            overlayScroll = 0
        case .closeOverlay, .deny:
            if case .confirmDuplicate(let offer) = overlay {
                // The "Adding …" said on Enter is not true any more.
                say("Not added: #\(offer.existing.id) has this URL already; it stays in the field", about: offer.existing.id)
            }
            overlay = .none
        case .confirm, .confirmDeleteFile:
            return confirm(deleteFile: command == .confirmDeleteFile)
        case .quit:
            return requestQuit()
        case .interrupt:
            return overlay == .confirmQuit ? [.quit] : requestQuit()
        case .redraw:
            return [.repaint]
        }
        return []
    }

    /// The task a task command acts on: the one in the details overlay, else the selected one.
    var targetTask: DownloadTask? {
        if case .details(let id) = overlay { return task(id: id) }
        return selectedTask
    }

    private var pageSize: Int {
        switch overlay {
        case .help, .details: return max(1, size.rows - 4)
        default: return max(1, listRows)
        }
    }

    private mutating func move(by delta: Int) {
        switch overlay {
        case .help, .details:
            overlayScroll = max(0, min(overlayScroll + delta, OverlayView.maxScroll(self, size: size)))
        default:
            moveSelection(by: delta)
        }
    }

    private mutating func act(_ command: Command) -> [UIEffect] {
        guard let task = targetTask else {
            say("No task selected", kind: .failure)
            return []
        }
        let name = "Task #\(task.id)"
        switch command {
        case .openFile:
            return openFile(task)
        case .copy:
            return copyToClipboard(task)
        case .cancel:
            guard UserAction.cancel.permits(task.status) else {
                say("\(name) is \(task.status.rawValue); nothing to cancel", kind: .failure, about: task.id)
                return []
            }
            overlay = .confirmCancel(taskID: task.id)
            return []
        case .pauseOrResume:
            if UserAction.resume.permits(task.status) {
                say("Resuming task #\(task.id)…", about: task.id)
                return [.resume(taskID: task.id, whenBusy: .refuse)]
            }
            guard UserAction.pause.permits(task.status) else {
                say("\(name) is \(task.status.rawValue); only a waiting, running or queued download pauses",
                                              kind: .failure, about: task.id)
                return []
            }
            say("Pausing task #\(task.id)…", about: task.id)
            return [.pause(taskID: task.id)]
        case .moveQueuedUp, .moveQueuedDown, .moveQueuedTop:
            guard UserAction.move.permits(task.status) else {
                say("\(name) is \(task.status.rawValue); only queued tasks move in the queue", kind: .failure, about: task.id)
                return []
            }
            let move: BacklogMove = command == .moveQueuedUp ? .up : command == .moveQueuedDown ? .down : .top
            return [.move(taskID: task.id, move)]
        case .retry:
            guard task.status.isRetryable else {
                say("\(name) is \(task.status.rawValue); only failed or cancelled tasks are retried",
                                              kind: .failure, about: task.id)
                return []
            }
            say("Retrying task #\(task.id)…", about: task.id)
            return [.retry(taskID: task.id)]
        case .remove:
            overlay = .confirmRemove(taskID: task.id)
            return []
        default:
            guard task.filePath != nil else {
                say("\(name) has no file yet", kind: .failure, about: task.id)
                return []
            }
            return [.openFolder(taskID: task.id)]
        }
    }

    private mutating func confirm(deleteFile: Bool) -> [UIEffect] {
        switch overlay {
        case .confirmQuit:
            return [.quit]
        case .confirmRemove(let id):
            overlay = .none
            say(deleteFile ? "Removing task #\(id) and its file…" : "Removing task #\(id)…", about: id)
            return [.remove(taskID: id, deleteFile: deleteFile)]
        case .confirmCancel(let id):
            overlay = .none
            say("Cancelling task #\(id)…", about: id)
            return [.cancel(taskID: id)]
        case .confirmDuplicate(let offer):
            overlay = .none
            say("Adding \(offer.request.url) again…")
            return [.submit(offer.request, whenBusy: .refuse)]
        case .confirmQueueMany(let urls):
            overlay = .none
            let format = (selectedPreset.map(FormatSpec.preset)) ?? (try? FormatSpec(parsing: customFormat.text)) ?? .preset(.default)
            let requests = urls.compactMap { try? DownloadRequest(url: $0, format: format) }
            say("Queueing \(requests.count) downloads…")
            return [.submitMany(requests)]
        default:
            return []
        }
    }

    /// `Q`: queue what a rule just refused.
    private mutating func queueRefused() -> [UIEffect] {
        guard let offer = queueOffer else {
            say("Nothing to queue: Q queues a download a rule just refused", kind: .failure)
            return []
        }
        queueOffer = nil
        switch offer {
        case .request(let request):
            say("Queueing \(request.url)…")
            return [.submit(request, whenBusy: .queue)]
        case .resume(let id):
            say("Queueing task #\(id)…", about: id)
            return [.resume(taskID: id, whenBusy: .queue)]
        case .retry(let id):
            say("Queueing task #\(id)…", about: id)
            return [.queue(taskID: id)]
        }
    }

    /// Quit, asking first while this process runs downloads (a quit stops only those; a
    /// shared queue's and other processes' go on).
    private mutating func requestQuit() -> [UIEffect] {
        guard !runningHere.isEmpty, !sharedQueue else { return [.quit] }
        overlay = .confirmQuit
        return []
    }

    /// Validates the form; a valid request is checked for a task that has its URL already
    /// (`.checkDuplicate`, then `duplicateChecked`), a bad one becomes an error-pane entry.
    private mutating func submit() -> [UIEffect] {
        let format: FormatSpec
        if let preset = selectedPreset {
            format = .preset(preset)
        } else {
            do {
                format = try FormatSpec(parsing: customFormat.text)
            } catch {
                submissionFailed(error.description, hint: "press ↑ or ↓ for a preset, or fix the yt-dlp -f expression")
                return []
            }
        }
        do {
            let request = try DownloadRequest(url: url.text, format: format)
            guard submitting != request else {
                say("Already adding \(request.url)…")
                return []
            }
            submitting = request
            say("Adding \(request.url)…")
            return [.checkDuplicate(request)]
        } catch {
            submissionFailed(error.description)
            return []
        }
    }
}
