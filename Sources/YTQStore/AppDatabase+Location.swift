import Foundation
import YTQCore

/// Where the database may live: a folder only this user can write (created 0700), a
/// regular file of this user's that nobody else can write (created 0600), no link followed.
///
/// A database another user can write lets that user rewrite what ytq runs and deletes; a
/// link lets it point ytq at any file. Sharing a database between users is not supported
/// (issue 8's `ytq serve` will share one queue instead).
enum DatabaseLocation {
    /// Makes the folder and the file when missing, and refuses a location that is not safe.
    static func prepare(path: String) throws(StoreError) {
        let folder = (path as NSString).deletingLastPathComponent
        let parent = (folder as NSString).deletingLastPathComponent
        var info = stat()
        if stat(folder, &info) != 0 {
            do {
                try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
            } catch {
                throw .cannotOpen(path: path, reason: "cannot create the folder \(parent): \(error.localizedDescription)")
            }
            guard mkdir(folder, 0o700) == 0 || errno == EEXIST else {
                throw .cannotOpen(path: path, reason: "cannot create the folder \(folder): \(String(cString: strerror(errno)))")
            }
        }
        try checkFolder(folder, database: path)
        for (file, isDatabase) in [(path, true), (path + "-wal", false), (path + "-shm", false)] {
            try checkFile(file, database: path, create: isDatabase)
        }
    }

    /// The folder (a link to a folder is the user's choice) must belong to this user or root
    /// and let nobody else write in it: another user could plant `-wal`/`-shm` files there.
    private static func checkFolder(_ folder: String, database: String) throws(StoreError) {
        var info = stat()
        guard stat(folder, &info) == 0 else {
            throw .cannotOpen(path: database, reason: "cannot examine the folder \(folder): \(String(cString: strerror(errno)))")
        }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            throw .cannotOpen(path: database, reason: "\(folder) is not a folder")
        }
        if info.st_uid != geteuid() && info.st_uid != 0 {
            throw .unsafeLocation(path: database, reason: "its folder \(folder) belongs to uid \(info.st_uid), not to this user (uid \(geteuid()))", shared: true)
        }
        if info.st_mode & 0o022 != 0 {
            throw .unsafeLocation(
                path: database, reason: "other users may write in its folder \(folder) (mode \(octal(info.st_mode)))", shared: true)
        }
    }

    /// The file, when there, must be a regular file (never a link) of this user that no one
    /// else may write; a missing database file is created 0600.
    private static func checkFile(_ file: String, database: String, create: Bool) throws(StoreError) {
        var info = stat()
        if lstat(file, &info) != 0 {
            guard errno == ENOENT else {
                throw .cannotOpen(path: database, reason: "cannot examine \(file): \(String(cString: strerror(errno)))")
            }
            guard create else { return }
            let descriptor = open(file, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            guard descriptor >= 0 else {
                if errno == EEXIST { return try checkFile(file, database: database, create: false) }
                throw .cannotOpen(path: database, reason: "cannot create \(file): \(String(cString: strerror(errno)))")
            }
            close(descriptor)
            return
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFLNK:
            throw .unsafeLocation(path: database, reason: "\(file) is a symbolic link, which ytq does not follow; point --db at the file itself", shared: false)
        default:
            throw .cannotOpen(path: database, reason: "\(file) is not a regular file")
        }
        if info.st_uid != geteuid() {
            throw .unsafeLocation(path: database, reason: "\(file) belongs to uid \(info.st_uid), not to this user (uid \(geteuid()))", shared: true)
        }
        if info.st_mode & 0o022 != 0 {
            throw .unsafeLocation(path: database, reason: "other users may write \(file) (mode \(octal(info.st_mode)))", shared: true)
        }
    }

    private static func octal(_ mode: mode_t) -> String {
        "0" + String(mode & 0o7777, radix: 8)
    }
}
