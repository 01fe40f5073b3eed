import Foundation

/// Where yt-dlp puts a finished file before ytq moves it into the download folder: a folder
/// of the task's own inside the download folder (`.ytq-incoming/<name>`), so on the same
/// filesystem. yt-dlp's copy from the partial folder (across filesystems, cut short by a full
/// disk or a stop) lands there; only a whole file is then renamed under its final name, which
/// never holds an incomplete file and is never overwritten.
public enum StagingFolder {
    /// The folder inside the download folder that holds the tasks' staging folders.
    public static let parentName = ".ytq-incoming"

    /// `<downloadFolder>/.ytq-incoming/<name>`.
    public static func path(downloadFolder: String, name: String) -> String {
        downloadFolder + "/" + parentName + "/" + name
    }

    /// What `publish` did.
    public enum Publication: Sendable, Equatable {
        /// The file is in the download folder under this path.
        case published(String)
        /// A file of that name was already there; it was kept and the staged one dropped.
        case alreadyThere(String)
        /// It could not be moved; the staged file stays.
        case failed(String)
    }

    /// Where `staged` goes in `downloadFolder`: the same name.
    public static func destination(of staged: String, in downloadFolder: String) -> String {
        downloadFolder + "/" + URL(fileURLWithPath: staged).lastPathComponent
    }

    /// Moves `staged` into `downloadFolder` under its own name, never replacing a file there.
    public static func publish(_ staged: String, into downloadFolder: String) -> Publication {
        let target = destination(of: staged, in: downloadFolder)
        // A hard link fails on a name in use, so nothing there is ever replaced.
        if link(staged, target) == 0 {
            unlink(staged)
            return .published(target)
        }
        var failure = errno
        if failure == EPERM || failure == EOPNOTSUPP || failure == EMLINK {
            // No hard links here (vfat, some FUSE): look, then rename.
            if FileManager.default.fileExists(atPath: target) {
                failure = EEXIST
            } else if rename(staged, target) == 0 {
                return .published(target)
            } else {
                failure = errno
            }
        }
        if failure == EEXIST {
            unlink(staged)
            return .alreadyThere(target)
        }
        return .failed("cannot move the finished file into \(downloadFolder): \(String(cString: strerror(failure)))")
    }

    /// Deletes a staging folder and what is in it, then the parent if nothing else is there.
    public static func remove(at path: String) {
        try? FileManager.default.removeItem(atPath: path)
        rmdir(URL(fileURLWithPath: path).deletingLastPathComponent().path)
    }
}
