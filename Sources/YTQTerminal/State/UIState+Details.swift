import YTQCore

extension UIState {
    /// The row of the task the details overlay shows, as the page has it; nil when no details
    /// are open (or the page lost the task). The loop reads its whole record again whenever
    /// this row changes, and hands it to `receiveDetails`.
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

    /// The whole record read for the details overlay; dropped unless the overlay still shows
    /// that task.
    public mutating func receiveDetails(_ task: DownloadTask) {
        guard case .details(let id) = overlay, id == task.id else { return }
        wholeTask = task
    }
}
