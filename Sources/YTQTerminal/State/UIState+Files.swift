import YTQCore

extension UIState {
    /// `O`: open the finished file in the default player; a playlist's first finished file.
    mutating func openFile(_ task: DownloadTask) -> [UIEffect] {
        guard let path = Self.playableFile(of: task) else {
            say("Task #\(task.id) has no finished file yet", kind: .failure, about: task.id)
            return []
        }
        return [.openFile(path: path, taskID: task.id)]
    }

    /// `y`: copy the file's path, or the URL when there is no file, to the terminal's clipboard.
    mutating func copyToClipboard(_ task: DownloadTask) -> [UIEffect] {
        let (text, what) = task.filePath.map { ($0, "file path") } ?? (task.videoURL, "URL")
        guard let copy = ClipboardCopy(text) else {
            say("The \(what) of #\(task.id) is too long to copy (over \(ClipboardCopy.maxBytes / 1024) kB)", kind: .failure, about: task.id)
            return []
        }
        say("Copied the \(what) of #\(task.id)", kind: .success, about: task.id)
        return [.copy(copy)]
    }

    /// The file `O` opens: a completed task's file, or a playlist's first finished entry.
    static func playableFile(of task: DownloadTask) -> String? {
        let firstEntry = task.entries.first { $0.status == .completed && $0.filePath != nil }?.filePath
        return firstEntry ?? (task.status == .completed ? task.filePath : nil)
    }
}
