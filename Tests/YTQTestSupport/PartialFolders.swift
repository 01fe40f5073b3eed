import Foundation

/// Where `ytq` (the binary) keeps a task's partial files: `<db folder>/partial/<database id>/<task id>`.
public enum PartialFolders {
    /// The partial folders of task `taskID` that exist under `databaseFolder`, one per database
    /// that has one.
    public static func existing(databaseFolder: String, taskID: Int64) -> [String] {
        let root = databaseFolder + "/partial"
        let databases = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        return databases.map { "\(root)/\($0)/\(taskID)" }.filter { FileManager.default.fileExists(atPath: $0) }
    }

    /// The files in task `taskID`'s partial folders under `databaseFolder`.
    public static func files(databaseFolder: String, taskID: Int64) -> [String] {
        existing(databaseFolder: databaseFolder, taskID: taskID).flatMap { folder in
            ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).map { folder + "/" + $0 }
        }
    }
}
