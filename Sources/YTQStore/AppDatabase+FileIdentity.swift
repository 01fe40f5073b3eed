import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Which file a path named at one moment: its device and inode.
struct FileIdentity: Sendable, Equatable {
    var device: UInt64
    var inode: UInt64

    /// The identity of the file at `path` now, or nil when there is none.
    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }
}

extension AppDatabase {
    /// Why the file at the database's path is no longer the one this value opened — deleted,
    /// or replaced by another file (a restore, a `mv`) — or nil while it still is (and for a
    /// database in memory). A process that goes on would write into a file nobody else
    /// sees, while new tasks reuse its ids in the new one: it must stop.
    public func fileReplacement() -> String? {
        guard let path, let openedFile else { return nil }
        guard let current = FileIdentity(path: path) else {
            return "the database \(path) was deleted while this ytq was using it"
        }
        guard current == openedFile else {
            return "the database \(path) was replaced by another file while this ytq was using it"
        }
        return nil
    }
}
