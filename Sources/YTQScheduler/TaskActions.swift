import Foundation
import YTQCore
import YTQDownloader
import YTQStore

/// Cancel, retry and remove, usable with or without a running worker.
///
/// The database change revokes the task's claim; a live worker notices within a second and
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

    /// Cancels a pending or running task.
    public func cancel(id: Int64) async throws(StoreError) -> DownloadTask {
        let result = try database.cancelTask(id: id)
        await cleanUpIfOrphaned(result)
        return result.task
    }

    /// Puts a failed or cancelled task back in the queue, under the concurrency rules.
    public func retry(id: Int64) throws(StoreError) -> Result<DownloadTask, RuleViolation> {
        try database.retryTask(id: id, limits: limits)
    }

    /// What `remove` did.
    public struct Removal: Sendable {
        public var task: DownloadTask
        /// The file that was deleted, if any.
        public var deletedFile: String?
        /// Why the file was kept although deleting it was asked for.
        public var keptFileReason: String?
    }

    /// Deletes a task; with `deleteFile`, its downloaded file too (the path a completed run
    /// recorded after checking it lay inside the download folder) unless another task
    /// records the same file.
    public func remove(id: Int64, deleteFile: Bool) async throws(StoreError) -> Removal {
        let result = try database.removeTask(id: id)
        await cleanUpIfOrphaned(result)
        if result.previousStatus.isFinished {
            configuration.removePartialFolder(for: id)
        }
        var removal = Removal(task: result.task)
        guard deleteFile else { return removal }
        guard result.previousStatus == .completed, let path = result.task.filePath else {
            removal.keptFileReason = "task #\(id) had no finished file"
            return removal
        }
        if try database.taskCount(withFilePath: path) > 0 {
            removal.keptFileReason = "another task records the same file, \(path)"
            return removal
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            removal.keptFileReason = "\(path) is no longer there"
            return removal
        }
        do {
            try FileManager.default.removeItem(atPath: path)
            removal.deletedFile = path
        } catch {
            removal.keptFileReason = "could not delete \(path): \(error.localizedDescription)"
        }
        return removal
    }

    /// When no live worker holds the task any more, stop its yt-dlp and drop its partials.
    private func cleanUpIfOrphaned(_ result: AppDatabase.ActionResult) async {
        guard result.previousStatus.isActive else { return }
        if let owner = result.previousOwner, ProcessControl.isSameProcess(pid: owner.pid, startTime: owner.startTime) {
            return  // The owner notices the revoked claim and cleans up itself.
        }
        if let child = result.child {
            _ = await ProcessControl.terminateProcessGroup(pid: child.pid, startTime: child.startTime, grace: configuration.stopGrace)
        }
        configuration.removePartialFolder(for: result.task.id)
    }
}
