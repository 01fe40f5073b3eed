import YTQCore

extension UIState {
    /// The row of the task the details overlay shows, as the page has it; nil when no details
    /// are open (or the page lost the task).
    public var detailsRow: DownloadTask? {
        guard case .details(let id) = overlay else { return nil }
        return task(id: id)
    }

    /// The task the details overlay shows: its row from the page, with the command line and
    /// metadata of its whole record (`complete`) once that was read.
    public func detailsTask(id: Int64) -> (task: DownloadTask, complete: Bool)? {
        guard let row = task(id: id) else { return nil }
        guard let whole = wholeTask, whole.id == id else { return (row, false) }
        var task = row
        task.commandLine = whole.commandLine
        task.metaData = whole.metaData
        return (task, true)
    }

    /// The task whose whole record the loop should read now, marked as asked: the details
    /// overlay's, when it opened since the last ask or its row's `updated_at` moved (a run
    /// recording its command line moves it too).
    public mutating func askForDetails() -> Int64? {
        guard let row = detailsRow else { return nil }
        if let asked = detailsAsked, asked.id == row.id, asked.updatedAt == row.updatedAt { return nil }
        detailsAsked = row
        detailsUnreadable = nil
        return row.id
    }

    /// The whole record read for the details overlay; dropped unless the overlay still shows
    /// that task, or when a newer record of it is here already (answers may cross).
    public mutating func receiveDetails(_ task: DownloadTask) {
        guard detailsRow?.id == task.id else { return }
        if let held = wholeTask, held.id == task.id, held.updatedAt > task.updatedAt { return }
        wholeTask = task
    }

    /// Reading the overlay's task failed: it says so rather than "reading…" until the next ask
    /// (the overlay opened again, or its row changed).
    public mutating func detailsReadFailed(_ id: Int64) {
        guard detailsRow?.id == id else { return }
        detailsUnreadable = id
    }
}
