import Foundation
import YTQCore
import YTQDownloader

/// A user's folder in a shared library (`ytq serve`, `perUserFolders`): made by the service,
/// readable by that user through a POSIX ACL and by no other user. A path there that the
/// service did not make itself (a symbolic link, another owner, not a folder) is refused,
/// never followed.
enum LibraryFolder {
    /// Makes (or checks) `path` for `uid` and grants them read access; the reason it cannot, if any.
    static func prepare(_ path: String, for uid: Int) -> String? {
        if mkdir(path, 0o750) != 0, errno != EEXIST {
            return "could not make the download folder \(path): \(String(cString: strerror(errno)))"
        }
        var info = stat()
        guard lstat(path, &info) == 0 else { return "could not check \(path): \(String(cString: strerror(errno)))" }
        guard info.st_mode & S_IFMT == S_IFDIR else { return "\(path) is not a folder the service made (a link or a file is there); it is never followed" }
        guard info.st_uid == geteuid() else { return "\(path) belongs to uid \(info.st_uid), not to the service; it is not used" }
        do {
            try PosixACL.grantRead(to: uid_t(truncatingIfNeeded: uid), at: path)
        } catch {
            return error.description
        }
        return nil
    }

    /// Lets `uid` read a finished file (yt-dlp moved it in from the partial folder, so it did
    /// not inherit the folder's default ACL). A failure is left for `ytq show` to reveal: the
    /// file is there either way.
    static func grant(file path: String, to uid: Int) -> String? {
        do {
            try PosixACL.grantRead(to: uid_t(truncatingIfNeeded: uid), at: path)
            return nil
        } catch {
            return error.description
        }
    }
}
