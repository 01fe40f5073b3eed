import YTQCore

/// The `ytq show` text: one `field: value` line per column.
struct TaskDetails {
    let task: DownloadTask

    func render() -> String {
        var lines: [(String, String)] = [
            ("id", String(task.id)),
            ("status", task.status.rawValue),
            ("url", task.videoURL),
            ("format", task.format.storedValue),
            ("title", task.title ?? "-"),
            ("file", task.filePath ?? "-"),
            ("user", task.userID.map { "uid \($0)" } ?? "-"),
            ("address", task.ipAddress),
            ("created", CivilTime.iso8601(task.createdAt)),
            ("updated", CivilTime.iso8601(task.updatedAt)),
        ]
        if let error = task.errorMessage { lines.append(("error", error)) }
        lines += task.notes.map { ("note", $0) }
        if let done = task.entries.progressLabel {
            lines.append(("entries", "\(done) done"))
            for entry in task.entries {
                let what = entry.filePath ?? entry.title ?? entry.videoID ?? "-"
                lines.append(("entry \(entry.index)", "\(entry.status.rawValue) \(what)" + (entry.error.map { ": \($0)" } ?? "")))
            }
        }
        // One line per field: a newline or a control in a value shows as an escape.
        lines = lines.map { ($0.0, $0.1.terminalSafe) }
        if !task.metaData.isEmpty, let json = try? TaskJSON.encode(task.metaData) {
            lines.append(("meta_data", json))
        }
        let width = lines.map(\.0.count).max() ?? 0
        return lines.map { key, value in
            key + ":" + String(repeating: " ", count: width - key.count + 1) + value
        }.joined(separator: "\n") + "\n"
    }
}
