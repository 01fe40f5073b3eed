import Foundation

/// The one way ytq deletes a downloaded file: only a regular file inside the download
/// folder, checked on the resolved path, with no symbolic link followed.
///
/// The path comes from the database, which a tampered file could have pointed anywhere
/// (`/etc/passwd`, `~/.ssh`, a link in the download folder to either).
extension DownloadedFile {
    /// What a deletion found.
    public enum RemovalCheck: Sendable, Equatable {
        /// A regular file in the download folder: `folder` (resolved, opened without following
        /// links) and `name` inside it.
        case deletable(folder: String, name: String)
        /// Nothing is there any more.
        case missing
        /// Not deleted, and why (a complete clause: "… is outside the download folder …").
        case refused(String)
    }

    /// Whether `path` may be deleted as a file downloaded into `downloadFolder`.
    public static func checkRemoval(_ path: String, downloadFolder: String) -> RemovalCheck {
        let components = path.split(separator: "/", omittingEmptySubsequences: true)
        guard path.hasPrefix("/"), let name = components.last.map(String.init),
              !components.contains(where: { $0 == ".." || $0 == "." }) else {
            return .refused("\(path) is not an absolute path to a file")
        }
        guard let folder = realPath(downloadFolder) else {
            return .refused("the download folder \(downloadFolder) does not exist, so \(path) cannot be inside it")
        }
        let parent = "/" + components.dropLast().joined(separator: "/")
        guard let resolvedParent = realPath(parent) else { return .missing }
        guard resolvedParent == folder || resolvedParent.hasPrefix(folder == "/" ? "/" : folder + "/") else {
            return .refused("\(path) is outside the download folder \(downloadFolder); ytq deletes only files inside it")
        }
        var info = stat()
        guard lstat(resolvedParent + "/" + name, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .deletable(folder: resolvedParent, name: name)
        case S_IFLNK: return .refused("\(path) is a symbolic link; ytq does not follow it")
        default: return .refused("\(path) is not a regular file")
        }
    }

    /// Deletes the file `check` allowed, through a descriptor of its folder opened without
    /// following links, after checking again that the name is a regular file.
    /// - Returns: nil once deleted, else why not.
    public static func delete(folder: String, name: String) -> String? {
        let directory = open(folder, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard directory >= 0 else { return "cannot open \(folder): \(String(cString: strerror(errno)))" }
        defer { close(directory) }
        var info = stat()
        guard fstatat(directory, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else {
            return "cannot examine \(folder)/\(name): \(String(cString: strerror(errno)))"
        }
        guard info.st_mode & S_IFMT == S_IFREG else { return "\(folder)/\(name) is no longer a regular file" }
        guard unlinkat(directory, name, 0) == 0 else {
            return "could not delete \(folder)/\(name): \(String(cString: strerror(errno)))"
        }
        return nil
    }
}
