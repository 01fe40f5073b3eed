import Foundation
import YTQCore

extension UIState {
    /// Newest first: by creation time, then by id.
    static func newestFirst(_ a: DownloadTask, _ b: DownloadTask) -> Bool {
        a.createdAt != b.createdAt ? a.createdAt > b.createdAt : a.id > b.id
    }

    /// Replaces the loaded tasks (a fresh read of the store); the cursor stays on its task.
    public mutating func replaceTasks(_ newTasks: [DownloadTask], totalCount: Int? = nil) {
        let selectedID = selectedTask?.id
        tasks = newTasks.sorted(by: Self.newestFirst)
        totalTaskCount = totalCount
        let ids = Set(tasks.map(\.id))
        progress = progress.filter { ids.contains($0.key) }
        retries = retries.filter { ids.contains($0.key) }
        reselect(selectedID)
    }

    /// Adds a task or replaces the loaded task with the same id; the cursor stays on its task.
    public mutating func upsert(_ task: DownloadTask) {
        if let index = tasks.firstIndex(where: { $0.id == task.id }) {
            guard tasks[index] != task else { return }
            // Keep the store-wide counts in step until the next reload replaces them.
            if statusCounts != nil, tasks[index].status != task.status {
                statusCounts?[tasks[index].status, default: 1] -= 1
                statusCounts?[task.status, default: 0] += 1
            }
            // A progress update keeps the task's place and visibility: replace it, no re-sort.
            if tasks[index].createdAt == task.createdAt, tasks[index].status == task.status, filter.text.isEmpty {
                tasks[index] = task
                needsRedraw = true
                return
            }
            let selectedID = selectedTask?.id
            tasks.remove(at: index)
            insertSorted(task)
            reselect(selectedID)
        } else {
            let selectedID = selectedTask?.id
            insertSorted(task)
            if let total = totalTaskCount { totalTaskCount = total + 1 }
            if statusCounts != nil { statusCounts?[task.status, default: 0] += 1 }
            reselect(selectedID)
        }
    }

    /// Forgets a task (removed, here or by another process).
    public mutating func removeTask(id: Int64) {
        guard let index = tasks.firstIndex(where: { $0.id == id }) else { return }
        let selectedID = selectedTask?.id
        tasks.remove(at: index)
        progress[id] = nil
        retries[id] = nil
        if let total = totalTaskCount { totalTaskCount = max(0, total - 1) }
        if overlay == .details(taskID: id) || overlay == .confirmRemove(taskID: id) { overlay = .none }
        reselect(selectedID == id ? nil : selectedID)
    }

    /// Applies a scheduler event. `now` dates a retry countdown. Returns `.reloadTask` for
    /// `.changed`, which the loop answers by reading the store.
    @discardableResult
    public mutating func handle(event: DownloadEvent, now: Date = Date()) -> [UIEffect] {
        switch event {
        case .started(let task):
            retries[task.id] = nil
            upsert(task)
        case .progressUpdated(let task, let update):
            if progress[task.id] != update {
                progress[task.id] = update
                needsRedraw = true
            }
            upsert(task)
        case .completed(let task, _):
            retries[task.id] = nil
            upsert(task)
            statusMessage = StatusMessage("Finished task #\(task.id): \(task.summary.displayName)", kind: .success)
        case .failed(let task, let reason):
            retries[task.id] = nil
            progress[task.id] = nil
            upsert(task)
            addError(ErrorEntry(taskID: task.id, reason: reason))
        case .retrying(let task, let attempt, let reason, let delay):
            retries[task.id] = RetryNote(attempt: attempt, reason: reason, retryAt: now.addingTimeInterval(delay.seconds))
            upsert(task)
            needsRedraw = true
        case .cancelled(let task):
            retries[task.id] = nil
            progress[task.id] = nil
            upsert(task)
        case .changed(let id):
            return [.reloadTask(taskID: id)]
        }
        return []
    }

    /// Puts an error at the top of the error pane.
    public mutating func addError(_ entry: ErrorEntry) {
        errors.insert(entry, at: 0)
        if errors.count > Self.maxErrors { errors.removeLast(errors.count - Self.maxErrors) }
        keepSelectionVisible()
        needsRedraw = true
    }

    /// Shows a message on the status line (nil clears it).
    public mutating func setStatus(_ message: StatusMessage?) {
        statusMessage = message
        needsRedraw = true
    }

    /// The loop added the task from `.submit`: say so, clear the URL, and point at the task.
    public mutating func submissionSucceeded(_ task: DownloadTask) {
        upsert(task)
        url = TextField()
        statusMessage = StatusMessage("Started task #\(task.id) (\(task.format))", kind: .success)
        if let row = visibleTasks.firstIndex(where: { $0.id == task.id }) {
            selectedRow = row
            keepSelectionVisible()
        }
        needsRedraw = true
    }

    /// The store refused the `.submit` (a rule, a bad URL): show why and keep what was typed.
    public mutating func submissionFailed(_ message: String, hint: String? = nil) {
        addError(ErrorEntry(message: message, hint: hint))
        statusMessage = StatusMessage("Not started: see the error pane", kind: .failure)
    }

    private mutating func insertSorted(_ task: DownloadTask) {
        let index = tasks.firstIndex { Self.newestFirst(task, $0) } ?? tasks.count
        tasks.insert(task, at: index)
    }

    /// Puts the cursor back on the task with `id` (or keeps the row in range) after a change.
    private mutating func reselect(_ id: Int64?) {
        if let id, let row = visibleTasks.firstIndex(where: { $0.id == id }) {
            selectedRow = row
        }
        keepSelectionVisible()
        needsRedraw = true
    }
}
