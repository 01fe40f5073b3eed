import Foundation
import YTQCore
import YTQDownloader
import YTQStore

extension Scheduler {
    /// Claims the tasks of dead (or silent) workers. On a full disk the claim itself cannot be
    /// written — and what filled the disk is, more often than not, the partial files of the
    /// dead worker's runs: those are freed first (their orphaned yt-dlp stopped, so the space
    /// really comes back), and the claim is tried once more.
    func takeOverAbandonedTasks() async -> [AppDatabase.AbandonedTask]? {
        let isAlive: @Sendable (ProcessIdentity) -> Bool = { ProcessControl.isSameProcess(pid: $0.pid, startTime: $0.startTime) }
        for attempt in 0..<2 {
            do {
                return try await database.takeOverAbandonedTasks(
                    owner: identity, running: Set(jobs.keys), leaseTimeout: configuration.leaseTimeout.seconds, isAlive: isAlive)
            } catch .diskFull {
                guard attempt == 0, await freeSpaceOfDeadRuns(isAlive: isAlive) > 0 else { return nil }
            } catch {
                return nil
            }
        }
        return nil
    }

    /// For every task still `downloading` under a worker that is gone: stops the yt-dlp it
    /// left and removes the task's partial files, without a claim (none can be written). The
    /// task stays `downloading` until a claim can be written; it then starts over. Returns
    /// how many tasks had their files removed.
    private func freeSpaceOfDeadRuns(isAlive: @Sendable (ProcessIdentity) -> Bool) async -> Int {
        guard let running = try? await database.tasks(status: .downloading) else { return 0 }
        var freed = 0
        for task in running where jobs[task.id] == nil {
            guard let owner = task.claim?.owner, !isAlive(owner) else { continue }
            if let orphan = task.child,
               await ProcessControl.terminateProcessGroup(pid: orphan.pid, startTime: orphan.startTime, grace: configuration.stopGrace) == .stillRunning {
                continue
            }
            configuration.removeWorkingFolders(for: task)
            freed += 1
        }
        return freed
    }
}
