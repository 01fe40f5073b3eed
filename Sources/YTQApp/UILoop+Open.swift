import Foundation
import YTQCore
import YTQDownloader
import YTQTerminal

extension UILoop {
    /// `o`: opens the folder in the desktop's file manager when there is a desktop (and not
    /// over SSH); otherwise shows the path.
    func openFolder(_ id: Int64) {
        guard let task = state.task(id: id), let path = task.filePath else {
            state.setStatus(StatusMessage("Task #\(id) has no file yet", kind: .failure, taskID: id, time: state.clock))
            return
        }
        open(URL(fileURLWithPath: path).deletingLastPathComponent().path, orShow: path, taskID: id)
    }

    /// `O`: opens the file in the desktop's default player, the way `o` opens a folder;
    /// otherwise shows the path.
    func openFile(_ path: String, taskID id: Int64) {
        open(path, orShow: path, taskID: id)
    }

    /// Opens `target` with `launchOpener` and says so, or shows `path` where nothing can open it.
    private func open(_ target: String, orShow path: String, taskID id: Int64) {
        let message = launchOpener(on: target) ? "Opened \(target)" : "File: \(path)"
        state.setStatus(StatusMessage(message, taskID: id, time: state.clock))
    }

    /// Starts `xdg-open target` (detached from the terminal: no input, output discarded)
    /// when there is a desktop and the session is not over SSH; whether it started.
    private func launchOpener(on target: String) -> Bool {
        let environment = context.app.environment
        let desktop = environment["DISPLAY"] != nil || environment["WAYLAND_DISPLAY"] != nil
        let remote = environment["SSH_CONNECTION"] != nil || environment["SSH_CLIENT"] != nil
        guard desktop, !remote, let opener = ExecutableSearch.find("xdg-open", searchPath: environment["PATH"]) else {
            return false
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: opener)
        process.arguments = [target]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        return (try? process.run()) != nil
    }
}
