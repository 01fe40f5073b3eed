import Foundation
import YTQCore
import YTQDownloader
import YTQStore

/// `TaskActions` in this process, over the database: personal mode's door to the queue, and
/// what `ytq serve` runs each client's request through. The ownership check has one home
/// (the store's transaction); the reads show only what the requester may see.
///
/// A cancel, pause or remove revokes the task's claim; a live worker notices within a second
/// and stops yt-dlp itself. When the worker that ran the task is gone, the action stops the
/// orphaned yt-dlp here (and, but for a pause, removes the partial files).
public struct EngineActions: TaskActions {
    public let database: AppDatabase
    /// The folders, the yt-dlp grace period and the rules (`configuration.limits`).
    public let configuration: SchedulerConfiguration
    /// Where transitions made here are announced (the screen's own scheduler), if anywhere.
    public let events: EventBus?

    public init(database: AppDatabase, configuration: SchedulerConfiguration, events: EventBus? = nil) {
        self.database = database
        self.configuration = configuration
        self.events = events
    }

    /// The same actions, announcing what they do on `bus`.
    public func publishing(to bus: EventBus) -> EngineActions {
        EngineActions(database: database, configuration: configuration, events: bus)
    }

    var limits: ConcurrencyLimits { configuration.limits }

    /// Adds a download as `pending`, or refuses it by the concurrency rules — or, with
    /// `whenBusy: .queue`, puts it in the requester's backlog instead. Nothing is written
    /// unless it returns.
    public func add(_ request: DownloadRequest, by requester: Requester, whenBusy: BusyPolicy) async throws(ActionError) -> DownloadTask {
        let task = try await database.createTask(request, by: requester, limits: limits, whenBusy: whenBusy)
        if task.status == .queued { events?.publish(.queued(task)) }
        return task
    }

    /// Cancels a task that has not ended (pending, running, queued or paused); its partial
    /// files are deleted.
    public func cancel(id: Int64, by requester: Requester) async throws(ActionError) -> DownloadTask {
        let result = try await database.cancelTask(id: id, by: requester, limits: limits)
        if result.previous.status.isActive {
            await stopOrphan(result.previous, keepPartials: false)
        } else {
            configuration.removeWorkingFolders(for: result.previous)
        }
        return result.task
    }

    /// Pauses a pending, running or queued task: yt-dlp stops gracefully and its partial
    /// files stay for `resume`.
    public func pause(id: Int64, by requester: Requester) async throws(ActionError) -> DownloadTask {
        let result = try await database.pauseTask(id: id, by: requester, limits: limits)
        await stopOrphan(result.previous, keepPartials: true)
        events?.publish(.paused(result.task))
        return result.task
    }

    /// Resumes a paused task under the rules: admitted as `pending` (it continues from its
    /// partial files, or starts over when they are gone), or refused — or queued, with
    /// `whenBusy: .queue`.
    public func resume(id: Int64, by requester: Requester, whenBusy: BusyPolicy) async throws(ActionError) -> Resumption {
        let startsOver = !PartialFolder.hasPartialFiles(at: configuration.partialFolder(for: id))
        let task = try await database.resumeTask(id: id, by: requester, limits: limits, whenBusy: whenBusy, startOver: startsOver)
        events?.publish(task.status == .queued ? .queued(task) : .resumed(task))
        return Resumption(task: task, startsOver: startsOver)
    }

    /// Puts a failed or cancelled task back in the queue, under the concurrency rules (or in
    /// the backlog, with `whenBusy: .queue`).
    public func retry(id: Int64, by requester: Requester, whenBusy: BusyPolicy) async throws(ActionError) -> DownloadTask {
        let task = try await database.retryTask(id: id, by: requester, limits: limits, whenBusy: whenBusy)
        if task.status == .queued { events?.publish(.queued(task)) }
        return task
    }

    /// Puts a failed, cancelled or paused task at the end of the requester's backlog.
    public func queue(id: Int64, by requester: Requester) async throws(ActionError) -> DownloadTask {
        let task = try await database.queueTask(id: id, by: requester, limits: limits)
        events?.publish(task.status == .queued ? .queued(task) : .resumed(task))
        return task
    }

    /// Moves a queued task within the requester's backlog.
    public func move(id: Int64, _ move: BacklogMove, by requester: Requester) async throws(ActionError) -> DownloadTask {
        let task = try await database.moveTask(id: id, move, by: requester)
        events?.publish(.changed(taskID: id))
        return task
    }

    /// Deletes a task; with `deleteFile`, its downloaded file too unless another task records
    /// the same file. Only a regular file inside the download folder is deleted (resolved
    /// path, no symbolic link followed): a recorded path anywhere else refuses the whole
    /// action before anything changes (`ActionError.fileRefused`).
    public func remove(id: Int64, deleteFile: Bool, by requester: Requester) async throws(ActionError) -> Removal {
        // A playlist's entries go with their task: their files are read first.
        let entryFiles = deleteFile ? try await stored { () async throws(StoreError) in
            try await database.entries(of: id).filter { $0.status == .completed }.compactMap(\.filePath)
        } : []
        if deleteFile, let recorded = try await finishedTask(id: id, by: requester) {
            for path in Set([recorded.filePath].compactMap { $0 } + entryFiles) {
                if case .refused(let reason) = DownloadedFile.checkRemoval(path, downloadFolder: configuration.downloadFolder(for: recorded)) {
                    throw .fileRefused(taskID: id, reason: reason)
                }
            }
        }
        try await stopBeforeRemoving(id: id, by: requester)
        let result = try await database.removeTask(id: id, by: requester, limits: limits)
        let previous = result.previous
        if previous.status.isActive {
            await stopOrphan(previous, keepPartials: false)
        } else {
            configuration.removeWorkingFolders(for: previous)
        }
        var removal = Removal(task: previous)
        guard deleteFile else { return removal }
        var files = previous.status == .completed ? [previous.filePath].compactMap { $0 } : []
        files += entryFiles.filter { !files.contains($0) }
        guard !files.isEmpty else {
            removal.keptFileReason = "task #\(id) had no finished file"
            return removal
        }
        var kept: [String] = []
        for path in files {
            switch try await stored({ () async throws(StoreError) in
                try await TaskFile.delete(path, of: id, downloadFolder: configuration.downloadFolder(for: previous), database: database)
            }) {
            case .deleted(let path): removal.deletedFiles.append(path)
            case .kept(let reason): kept.append(reason)
            }
        }
        if !kept.isEmpty { removal.keptFileReason = kept.joined(separator: "; ") }
        return removal
    }

    /// A task still active is cancelled first, and forgotten only once its yt-dlp is gone (or
    /// after the grace period and a little more): like a cancel, its slot stays taken until
    /// then, so a remove never lets another download start beside a yt-dlp still running.
    private func stopBeforeRemoving(id: Int64, by requester: Requester) async throws(ActionError) {
        let current = try await stored { () async throws(StoreError) in try await database.task(id: id) }
        guard let current, current.status.isActive, requester.mayManage(tasksOf: current.requester) else { return }
        let cancelled = try await database.cancelTask(id: id, by: requester, limits: limits)
        await stopOrphan(cancelled.previous, keepPartials: false)
        let deadline = ContinuousClock.now + configuration.stopGrace + .seconds(3)
        var exitedAt: ContinuousClock.Instant?
        while ContinuousClock.now < deadline {
            let task = try await stored { () async throws(StoreError) in try await database.task(id: id) }
            guard let child = task?.child else { return }
            // The worker that ran it releases the child once it has exited (and tells its
            // observers the download was cancelled); a child that is gone and that no worker
            // releases within 2 s (a dead worker's) is released here.
            if !ProcessControl.isSameProcess(pid: child.pid, startTime: child.startTime) {
                let exited = exitedAt ?? ContinuousClock.now
                exitedAt = exited
                if ContinuousClock.now - exited >= .seconds(2) {
                    try? await database.releaseChild(taskID: id, child: child)
                    return
                }
            }
            try? await Task.sleep(for: .milliseconds(100))
        }
    }

    /// The task if it completed (nil for another user's task: the removal itself refuses that).
    private func finishedTask(id: Int64, by requester: Requester) async throws(ActionError) -> DownloadTask? {
        let task = try await stored { () async throws(StoreError) in try await database.task(id: id) }
        guard let task, task.status == .completed, requester.mayManage(tasksOf: task.requester) else { return nil }
        return task
    }

    /// The tasks `requester` may see, newest first, optionally of one status; with `before`,
    /// only those older than that task id (the next page).
    public func list(status: DownloadStatus?, limit: Int?, before: Int64?, by requester: Requester) async throws(ActionError) -> [DownloadTask] {
        try await stored { () async throws(StoreError) in try await database.tasks(status: status, limit: limit, before: before, visibleTo: requester) }
    }

    /// The URLs `requester` added, newest first, each once, at most `limit`.
    public func urlHistory(limit: Int, by requester: Requester) async throws(ActionError) -> [String] {
        try await stored { () async throws(StoreError) in try await database.recentURLs(of: requester, limit: limit) }
    }

    /// Each queued task's place in its user's backlog (1: next to start), for `tasks`.
    public func queuePlaces(of tasks: [DownloadTask], by requester: Requester) async throws(ActionError) -> [Int64: Int] {
        let visible = tasks.filter { requester.mayManage(tasksOf: $0.requester) }
        return try await stored { () async throws(StoreError) in try await database.queuePlaces(of: visible) }
    }

    /// One task, by id; another user's is `forbidden` (and shows nothing of it).
    public func show(id: Int64, by requester: Requester) async throws(ActionError) -> DownloadTask {
        let task = try await stored { () async throws(StoreError) in try await database.task(id: id) }
        guard let task else { throw .notFound(taskID: id) }
        guard requester.mayManage(tasksOf: task.requester) else { throw .forbidden(taskID: id, requester: requester) }
        return task
    }

    /// The screen's page: `limit` tasks matching `filter` that the requester may see, from the
    /// `offset`th in `order`, each with `fields`, with their counts and everyone's slot counts.
    public func page(
        filter: TaskFilter, order: TaskOrder, offset: Int, limit: Int, fields: TaskFields, by requester: Requester
    ) async throws(ActionError) -> TaskPage {
        try await stored { () async throws(StoreError) in
            try await database.taskPage(
                filter: filter, order: order, offset: offset, limit: limit, fields: fields, visibleTo: requester, systemLimit: limits.system)
        }
    }

    /// When no live worker holds the (formerly active) task any more, stop its yt-dlp here,
    /// and drop its partial files unless they are kept for a resume.
    private func stopOrphan(_ previous: DownloadTask, keepPartials: Bool) async {
        guard previous.status.isActive else { return }
        if let owner = previous.claim?.owner, ProcessControl.isSameProcess(pid: owner.pid, startTime: owner.startTime) {
            return  // The owner notices the revoked claim and cleans up itself.
        }
        if let child = previous.child,
           await ProcessControl.terminateProcessGroup(pid: child.pid, startTime: child.startTime, grace: configuration.stopGrace) != .stillRunning {
            // Gone: its slot is free (a removed task's row is gone with it).
            try? await database.releaseChild(taskID: previous.id, child: child)
        }
        if !keepPartials { configuration.removeWorkingFolders(for: previous) }
    }

    /// A read or write of the store for an action: its failure is the action's `.store`.
    private func stored<T>(_ body: () async throws(StoreError) -> T) async throws(ActionError) -> T {
        do {
            return try await body()
        } catch {
            throw .store(error)
        }
    }
}
