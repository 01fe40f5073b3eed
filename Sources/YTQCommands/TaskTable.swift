import YTQCore

/// The readable table `ytq list` prints: one line per task, the title or URL last. Every
/// cell is `terminalSafe`, so a newline in a title never starts a line of its own.
struct TaskTable {
    let tasks: [DownloadTask]
    /// Queued tasks' places in their user's backlog.
    var queuePlaces: [Int64: Int] = [:]

    func render() -> String {
        guard !tasks.isEmpty else { return "no tasks\n" }
        let header = ["ID", "STATUS", "DONE", "FORMAT", "CREATED", "TITLE / URL"]
        let rows = tasks.map { task in
            [String(task.id), status(task), Self.done(task), task.format.storedValue.clipped(to: 16), Timestamp.local(task.createdAt),
             (task.entries.progressLabel.map { "[\($0)] " } ?? "") + task.summary.displayName].map(\.terminalSafe)
        }
        let widths = (0..<header.count - 1).map { column in
            ([header] + rows).map { $0[column].count }.max() ?? 0
        }
        return ([header] + rows).map { cells in
            let padded = zip(cells.dropLast(), widths).map { cell, width in
                cell + String(repeating: " ", count: width - cell.count)
            }
            return (padded + [cells.last ?? ""]).joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }

    /// The status, and a queued task's place: `queued (2nd)`.
    func status(_ task: DownloadTask) -> String {
        // A note (already downloaded, a preset that fell back) is marked; `ytq show` gives it.
        if task.status == .completed, !task.notes.isEmpty { return "completed !" }
        guard let place = queuePlaces[task.id] else { return task.status.rawValue }
        return "queued (\(Ordinal.text(place)))"
    }

    /// How far the download came: `100%` when completed, else the last recorded percentage.
    static func done(_ task: DownloadTask) -> String {
        if task.status == .completed { return "100%" }
        guard let downloaded = task.downloadedBytes else { return "-" }
        let progress = DownloadProgress(downloadedBytes: downloaded, totalBytes: task.totalBytes)
        guard let percentage = progress.percentage else { return "-" }
        return "\(Int(percentage))%"
    }
}
