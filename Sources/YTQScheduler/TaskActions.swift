import Foundation
import YTQCore
import YTQDownloader
import YTQStore

/// Everything a user can do to the queue — add, cancel, retry, remove, and the reads that
/// show it — in one place, for the command line and the screen alike. Whoever asks is an
/// argument of every action, so the ownership check has one home (the store's transaction);
/// every failure is one `ActionError`.
///
/// A cancel or remove revokes the task's claim; a live worker notices within a second and
/// stops yt-dlp itself. When the worker that ran the task is gone, the action stops the
/// orphaned yt-dlp and removes the partial files here.
public struct TaskActions: Sendable {
    public let database: AppDatabase
    public let configuration: SchedulerConfiguration
    public let limits: ConcurrencyLimits

    public init(database: AppDatabase, configuration: SchedulerConfiguration, limits: ConcurrencyLimits) {
        self.database = database
        self.configuration = configuration
        self.limits = limits
    }

    /// Validates the URL and format as typed, then adds the download as `add(_:by:)` does.
    public func add(url: String, format: String?, by requester: Requester) async throws(ActionError) -> DownloadTask {
        let request: DownloadRequest
        do {
            request = try DownloadRequest(url: url, format: format)
        } catch {
            throw .invalid(error)
        }
        return try await add(request, by: requester)
    }

    /// Adds a download as `pending`, or refuses it by the concurrency rules; nothing is
    /// written unless it returns.
    public func add(_ request: DownloadRequest, by requester: Requester) async throws(ActionError) -> DownloadTask {
        try await database.createTask(request, by: requester, limits: limits)
    }

    /// Cancels a pending or running task.
    public func cancel(id: Int64, by requester: Requester) async throws(ActionError) -> DownloadTask {
        let result = try await database.cancelTask(id: id, by: requester)
        await cleanUpIfOrphaned(result.previous)
        return result.task
    }

    /// Puts a failed or cancelled task back in the queue, under the concurrency rules.
    public func retry(id: Int64, by requester: Requester) async throws(ActionError) -> DownloadTask {
        try await database.retryTask(id: id, by: requester, limits: limits)
    }

    /// What `remove` did.
    public struct Removal: Sendable, Equatable {
        public var task: DownloadTask
        /// The file that was deleted, if any.
        public var deletedFile: String?
        /// Why the file was kept although deleting it was asked for.
        public var keptFileReason: String?
    }

    /// Deletes a task; with `deleteFile`, its downloaded file too unless another task records
    /// the same file. Only a regular file inside the download folder is deleted (resolved
    /// path, no symbolic link followed): a recorded path anywhere else refuses the whole
    /// action before anything changes (`ActionError.fileRefused`).
    public func remove(id: Int64, deleteFile: Bool, by requester: Requester) async throws(ActionError) -> Removal {
        if deleteFile, let recorded = try await recordedFile(id: id),
           case .refused(let reason) = DownloadedFile.checkRemoval(recorded, downloadFolder: configuration.downloadDirectory) {
            throw .fileRefused(taskID: id, reason: reason)
        }
        let result = try await database.removeTask(id: id, by: requester)
        let previous = result.previous
        await cleanUpIfOrphaned(previous)
        if previous.status.isFinished {
            configuration.removePartialFolder(for: id)
        }
        var removal = Removal(task: previous)
        guard deleteFile else { return removal }
        guard previous.status == .completed, let path = previous.filePath else {
            removal.keptFileReason = "task #\(id) had no finished file"
            return removal
        }
        let sharers: Int
        do {
            sharers = try await database.taskCount(withFilePath: path)
        } catch {
            throw .store(error)
        }
        if sharers > 0 {
            removal.keptFileReason = "another task records the same file, \(path)"
            return removal
        }
        // Checked again: the file may have changed since the check before the removal.
        switch DownloadedFile.checkRemoval(path, downloadFolder: configuration.downloadDirectory) {
        case .missing:
            removal.keptFileReason = "\(path) is no longer there"
        case .refused(let reason):
            removal.keptFileReason = reason
        case .deletable(let folder, let name):
            if let failure = DownloadedFile.delete(folder: folder, name: name) {
                removal.keptFileReason = failure
            } else {
                removal.deletedFile = path
            }
        }
        return removal
    }

    /// The file a completed task records, if any (nil for another user's task: the removal
    /// itself refuses that).
    private func recordedFile(id: Int64) async throws(ActionError) -> String? {
        let task: DownloadTask?
        do {
            task = try await database.task(id: id)
        } catch {
            throw .store(error)
        }
        guard let task, task.status == .completed else { return nil }
        return task.filePath
    }

    /// The tasks `requester` may see, newest first, optionally of one status.
    public func list(status: DownloadStatus? = nil, limit: Int? = nil, by requester: Requester) async throws(ActionError) -> [DownloadTask] {
        do {
            return try await database.tasks(status: status, limit: limit)
        } catch {
            throw .store(error)
        }
    }

    /// One task, by id.
    public func show(id: Int64, by requester: Requester) async throws(ActionError) -> DownloadTask {
        let task: DownloadTask?
        do {
            task = try await database.task(id: id)
        } catch {
            throw .store(error)
        }
        guard let task else { throw .notFound(taskID: id) }
        return task
    }

    /// The screen's page: the newest `limit` tasks matching `filter`, with the counts.
    public func page(filter: String, limit: Int, by requester: Requester) async throws(ActionError) -> AppDatabase.TaskPage {
        do {
            return try await database.taskPage(filter: filter, limit: limit)
        } catch {
            throw .store(error)
        }
    }

    /// When no live worker holds the task any more, stop its yt-dlp and drop its partials.
    private func cleanUpIfOrphaned(_ previous: DownloadTask) async {
        guard previous.status.isActive else { return }
        if let owner = previous.claim?.owner, ProcessControl.isSameProcess(pid: owner.pid, startTime: owner.startTime) {
            return  // The owner notices the revoked claim and cleans up itself.
        }
        if let child = previous.child {
            _ = await ProcessControl.terminateProcessGroup(pid: child.pid, startTime: child.startTime, grace: configuration.stopGrace)
        }
        configuration.removePartialFolder(for: previous.id)
    }
}
