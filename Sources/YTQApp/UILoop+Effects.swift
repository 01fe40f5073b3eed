import Foundation
import YTQCore
import YTQDownloader
import YTQScheduler
import YTQStore
import YTQTerminal

extension UILoop {
    var actions: TaskActions {
        TaskActions(database: context.app.database, configuration: context.app.configuration, limits: context.app.limits)
    }

    /// Carries out what the UI state asked for. Quick database writes run here; actions that
    /// may wait for a process to stop run in the background and report through the inbox.
    func perform(_ effects: [UIEffect]) {
        for effect in effects {
            switch effect {
            case .submit(let request): submit(request)
            case .cancel(let id): cancel(id)
            case .retry(let id): retry(id)
            case .remove(let id, let deleteFile): remove(id, deleteFile: deleteFile)
            case .openFolder(let id): openFolder(id)
            case .filterChanged: scheduleReload(immediately: true)
            case .reloadTask: scheduleReload()
            case .repaint: terminal.invalidate()
            case .quit: running = false
            }
        }
    }

    private func submit(_ request: DownloadRequest) {
        let app = context.app
        let create = CreateDownload(database: app.database, limits: app.limits, requester: app.requester)
        do {
            let task = try create(request)
            state.submissionSucceeded(task)
            context.scheduler.poke()
            if request.format.needsFFmpeg, (try? YtDlpExecutable.resolve("ffmpeg", searchPath: app.environment["PATH"])) == nil {
                state.addError(ErrorEntry(
                    taskID: task.id, message: "ffmpeg is not installed, and the \(task.format) format needs it",
                    hint: "install it (sudo apt-get install ffmpeg), or the download will fail at the end"))
            }
        } catch {
            state.submissionFailed(error.description)
        }
    }

    private func cancel(_ id: Int64) {
        let actions = actions
        let inbox = context.inbox
        Task {
            do {
                _ = try await actions.cancel(id: id)
                inbox.post(.notice(StatusMessage("Cancelled task #\(id)")))
            } catch {
                inbox.post(.error(ErrorEntry(taskID: id, message: "\(error)")))
            }
        }
    }

    private func retry(_ id: Int64) {
        do {
            switch try actions.retry(id: id) {
            case .success(let task):
                state.upsert(task)
                state.setStatus(StatusMessage("Queued task #\(id) again", kind: .success))
                context.scheduler.poke()
            case .failure(let violation):
                state.addError(ErrorEntry(taskID: id, message: violation.description))
            }
        } catch {
            state.addError(ErrorEntry(taskID: id, message: error.description))
        }
    }

    private func remove(_ id: Int64, deleteFile: Bool) {
        let actions = actions
        let inbox = context.inbox
        Task {
            do {
                let removal = try await actions.remove(id: id, deleteFile: deleteFile)
                inbox.post(.removed(taskID: id))
                if let reason = removal.keptFileReason {
                    inbox.post(.notice(StatusMessage("Removed task #\(id); kept the file: \(reason)", kind: .failure)))
                } else {
                    inbox.post(.notice(StatusMessage("Removed task #\(id)" + (removal.deletedFile == nil ? "" : " and its file"))))
                }
            } catch {
                inbox.post(.error(ErrorEntry(taskID: id, message: "\(error)")))
            }
        }
    }

    /// Opens the folder in the desktop's file manager when there is a desktop (and not over
    /// SSH); otherwise shows the path.
    private func openFolder(_ id: Int64) {
        guard let task = state.task(id: id), let path = task.filePath else {
            state.setStatus(StatusMessage("Task #\(id) has no file yet", kind: .failure))
            return
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let environment = context.app.environment
        let desktop = environment["DISPLAY"] != nil || environment["WAYLAND_DISPLAY"] != nil
        let remote = environment["SSH_CONNECTION"] != nil || environment["SSH_CLIENT"] != nil
        if desktop, !remote, let opener = try? YtDlpExecutable.resolve("xdg-open", searchPath: environment["PATH"]) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: opener)
            process.arguments = [folder]
            process.standardInput = FileHandle.nullDevice
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            if (try? process.run()) != nil {
                state.setStatus(StatusMessage("Opened \(folder)"))
                return
            }
        }
        state.setStatus(StatusMessage("File: \(path)"))
    }
}
