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
    /// paths and paths less than two levels deep (`/`, `/tmp`) as a guard against bad input,
    /// and a folder (or partial root) that is a symbolic link or another user's: it is never
    /// followed.
    public static func remove(at path: String) throws(RemovalError) {
        // Not `standardizingPath`: it resolves symbolic links, and the link is what must not
        // be followed.
        let components = path.split(separator: "/")
        guard path.hasPrefix("/"), components.count >= 2, !components.contains(where: { $0 == ".." || $0 == "." }) else {
            throw RemovalError(path: path, reason: "it is not an absolute path at least two folders deep")
        }
        let standardized = "/" + components.joined(separator: "/")
        var info = stat()
        guard lstat(standardized, &info) == 0 else { return }
        let root = (standardized as NSString).deletingLastPathComponent
        for folder in [root, standardized] {
            if let refusal = refusal(of: folder) { throw RemovalError(path: standardized, reason: refusal) }
        }
        do {
            try FileManager.default.removeItem(atPath: standardized)
        } catch {
            throw RemovalError(path: standardized, reason: error.localizedDescription)
        }
    }

    /// Why a partial folder (or the partial root) cannot be used, or nil.
    public struct Refusal: Error, Sendable, Equatable, CustomStringConvertible {
        public var path: String
        public var reason: String

        public var description: String {
            "refused the partial-download folder \(path): \(reason); ytq uses only folders it created itself "
                + "(mode 0700, owned by this user). Remove it if it is not yours to keep"
        }
    }

    /// Makes the task's folder `path` (and the partial root above it) ready for yt-dlp:
    /// creates what is missing with mode 0700, and refuses, without following it, anything
    /// there that ytq could not have created: a symbolic link, something not a folder, a
    /// folder of another user or one that others may write in. A folder of this user that
    /// only it can write (a resumable download's) is kept, its mode tightened to 0700.
    public static func prepare(at path: String) throws(Refusal) {
        let root = (path as NSString).deletingLastPathComponent
        let base = (root as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
        } catch {
            throw Refusal(path: base, reason: "it cannot be created (\(error.localizedDescription))")
        }
        for folder in [root, path] {
            if mkdir(folder, 0o700) == 0 { continue }
            guard errno == EEXIST else {
                throw Refusal(path: folder, reason: "it cannot be created (\(String(cString: strerror(errno))))")
            }
            if let reason = refusal(of: folder) { throw Refusal(path: folder, reason: reason) }
            var info = stat()
            if lstat(folder, &info) == 0, info.st_mode & 0o077 != 0 { _ = chmod(folder, 0o700) }
        }
    }

    /// What makes `folder` unsafe to use or delete, or nil: it must be a real folder, not a
    /// symbolic link, owned by this user (root's own too), and not writable by anyone else.
    static func refusal(of folder: String) -> String? {
        var info = stat()
        guard lstat(folder, &info) == 0 else { return "it cannot be examined (\(String(cString: strerror(errno))))" }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: break
        case S_IFLNK: return "it is a symbolic link, which ytq does not follow"
        default: return "it is not a folder"
        }
        if info.st_uid != geteuid() { return "it belongs to uid \(info.st_uid), not to this user (uid \(geteuid()))" }
        if info.st_mode & 0o022 != 0 { return "other users may write in it (mode \(String(info.st_mode & 0o7777, radix: 8)))" }
        return nil
    }
}
