import Foundation
import YTQCore

/// Checks the file yt-dlp reported: it must exist, be a regular file, and lie inside the
/// download folder once symlinks and `..` are resolved.
public enum DownloadedFile {
    /// The resolved path of `reportedPath`.
    /// - Throws: a `.permanent` reason naming the path and the problem.
    public static func verify(reportedPath: String, downloadFolder: String) throws(FailureReason) -> String {
        guard let folder = realPath(downloadFolder) else {
            throw FailureReason(kind: .permanent, message: "the download folder \(downloadFolder) does not exist")
        }
        let absolute = reportedPath.hasPrefix("/") ? reportedPath : folder + "/" + reportedPath
        guard let file = realPath(absolute) else {
            throw FailureReason(
                kind: .permanent, message: "yt-dlp reported \(reportedPath), but no such file exists",
                hint: "if the format merges video and audio, install ffmpeg (apt-get install ffmpeg)"
            )
        }
        let base = folder == "/" ? "/" : folder + "/"
        guard file.hasPrefix(base), file != folder else {
            throw FailureReason(
                kind: .permanent,
                message: "yt-dlp wrote \(file), which is outside the download folder \(folder); ytq does not accept it"
            )
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw FailureReason(kind: .permanent, message: "yt-dlp reported \(file), which is not a regular file")
        }
        return file
    }

    /// Whether `path` names an entry directly in `folder` (symlinks and `..` in the folder
    /// resolved; the entry itself need not exist).
    public static func isDirectlyInside(_ path: String, folder: String) -> Bool {
        let url = URL(fileURLWithPath: path)
        let name = url.lastPathComponent
        guard !name.isEmpty, name != ".", name != "..", let parent = realPath(url.deletingLastPathComponent().path),
              let base = realPath(folder) else { return false }
        return parent == base
    }

    /// The size of the file at `path` in bytes, or nil when it cannot be read.
    public static func size(at path: String) -> Int64? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Int64(info.st_size)
    }

    /// `realpath(3)`: absolute, symlinks and `..` resolved; nil when the path does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
