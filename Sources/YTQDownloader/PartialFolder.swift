import Foundation

/// A task's partial folder: where yt-dlp keeps its `.part` and intermediate files (`-P temp:`).
///
/// One folder per task makes cleanup a single delete once the task completes or is removed;
/// keep it after a stop or a transient failure so the next run resumes.
public enum PartialFolder {
    /// `<root>/<taskID>`, e.g. `~/.local/share/ytq/partial/42`.
    public static func path(root: String, taskID: Int64) -> String {
        (root.hasSuffix("/") ? String(root.dropLast()) : root) + "/\(taskID)"
    }

    /// Whether the folder holds a `.part` file (something a new run can resume).
    public static func hasPartialFiles(at path: String) -> Bool {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.contains { $0.hasSuffix(".part") }
    }

    /// Why a partial folder could not be removed.
    public struct RemovalError: Error, Sendable, Equatable, CustomStringConvertible {
        public var path: String
        public var reason: String

        public var description: String {
            "could not remove the partial-download folder \(path): \(reason); remove it by hand if it is no longer needed"
        }
    }

    /// Deletes the folder and everything in it; a missing folder is fine. Refuses relative
    /// paths and paths less than two levels deep (`/`, `/tmp`) as a guard against bad input.
    public static func remove(at path: String) throws(RemovalError) {
        let standardized = (path as NSString).standardizingPath
        guard standardized.hasPrefix("/"), standardized.split(separator: "/").count >= 2 else {
            throw RemovalError(path: path, reason: "it is not an absolute path at least two folders deep")
        }
        guard FileManager.default.fileExists(atPath: standardized) else { return }
        do {
            try FileManager.default.removeItem(atPath: standardized)
        } catch {
            throw RemovalError(path: standardized, reason: error.localizedDescription)
        }
    }
}
