import Foundation
import YTQCore
import YTQStore

/// The one rule for deleting a task's downloaded file, used by `remove --delete-file` and by
/// a run that finished after its task was cancelled: the file goes only if it is a regular
/// file and no other task records it (two tasks for one URL share one file; yt-dlp reports
/// the existing file as "already downloaded").
public enum TaskFile {
    /// What `delete` did.
    public enum Outcome: Sendable, Equatable {
        case deleted(String)
        /// Kept, and why (for the user).
        case kept(reason: String)
    }

    /// Deletes `path`, the file of task `taskID`, unless another task records it.
    public static func delete(_ path: String, of taskID: Int64, database: AppDatabase) async throws(StoreError) -> Outcome {
        if try await database.taskCount(withFilePath: path, excluding: taskID) > 0 {
            return .kept(reason: "another task records the same file, \(path)")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            return .kept(reason: "\(path) is no longer there")
        }
        do {
            try FileManager.default.removeItem(atPath: path)
            return .deleted(path)
        } catch {
            return .kept(reason: "could not delete \(path): \(error.localizedDescription)")
        }
    }
}
