import Foundation
import YTQCore
import YTQDownloader
import YTQStore

/// The one rule for deleting a task's downloaded file, used by `remove --delete-file`, by a
/// run that finished after its task was cancelled and by recovery: the file goes only if it
/// is a regular file inside the download folder (resolved, no link followed) and no other
/// task records it (two tasks for one URL share one file; yt-dlp reports the existing file
/// as "already downloaded").
public enum TaskFile {
    /// What `delete` did.
    public enum Outcome: Sendable, Equatable {
        case deleted(String)
        /// Kept, and why (for the user).
        case kept(reason: String)
    }

    /// Deletes `path`, the file of task `taskID`, unless another task records it or it is
    /// not a regular file inside `downloadFolder`.
    public static func delete(_ path: String, of taskID: Int64, downloadFolder: String, database: AppDatabase) async throws(StoreError) -> Outcome {
        if try await database.taskCount(withFilePath: path, excluding: taskID) > 0 {
            return .kept(reason: "another task records the same file, \(path)")
        }
        switch DownloadedFile.checkRemoval(path, downloadFolder: downloadFolder) {
        case .missing:
            return .kept(reason: "\(path) is no longer there")
        case .refused(let reason):
            return .kept(reason: reason)
        case .deletable(let folder, let name):
            if let failure = DownloadedFile.delete(folder: folder, name: name) { return .kept(reason: failure) }
            return .deleted(path)
        }
    }
}
