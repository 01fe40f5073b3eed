#if canImport(Glibc)
import Glibc
#endif

/// Grants one user read access to a file or folder with POSIX ACLs, written straight into the
/// `system.posix_acl_*` extended attributes (no libacl, no `setfacl`).
///
/// `ytq serve` runs as its own user and downloads into `<library>/<user>/`; this is how that
/// user gets to read what it downloaded, while everyone else (the service's group included)
/// gets nothing. A grant sets the whole ACL: any other named entries on the path are replaced.
public enum PosixACL {
    /// The access ACL of a file granted to `uid`: owner rw, `uid` r, group and other nothing.
    public static func fileEntries(for uid: uid_t) -> [PosixACLEntry] {
        entries(owner: [.read, .write], named: uid, [.read])
    }

    /// The access and default ACL of a folder granted to `uid`: owner rwx, `uid` r-x (list and
    /// traverse), group and other nothing.
    public static func folderEntries(for uid: uid_t) -> [PosixACLEntry] {
        entries(owner: [.read, .write, .execute], named: uid, [.read, .execute])
    }

    /// The mode that matches each ACL. Once an ACL has a named entry, the group bits of the mode
    /// *are* its mask (POSIX.1e): `ls -l` shows them, and any later chmod rewrites the mask from
    /// them. Linux already derives the mode from the ACL on a set; setting it ourselves to the
    /// same value keeps the two equal whatever the file system does, and documents that a chmod
    /// dropping the group bits (say 0600) would take the named user's access away.
    public static let fileMode: mode_t = 0o640
    public static let folderMode: mode_t = 0o750

    /// Grants `uid` read access to the regular file at `path`, or read and traverse access to
    /// the folder at `path` plus a default ACL, so files and folders created inside it later
    /// inherit the grant (the default ACL replaces the umask there: a file opened with 0666 gets
    /// mask r, one made 0600 gets none). A file created elsewhere and moved in (yt-dlp's temp
    /// folder) keeps its own mode and ACL: grant it too.
    /// A symbolic link is refused, never followed. Needs to be the owner of `path`, or root.
    public static func grantRead(to uid: uid_t, at path: String) throws(PosixACLError) {
        // O_NONBLOCK: opening a FIFO must not wait for a writer before we see it is one.
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        guard fd >= 0 else {
            let code = errno
            if code == ELOOP { throw .symbolicLink(path: path) }
            throw .from(errno: code, path: path, operation: "open")
        }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0 else { throw .from(errno: errno, path: path, operation: "stat") }
        switch status.st_mode & S_IFMT {
        case S_IFREG:
            try set(fileEntries(for: uid), attribute: accessAttribute, on: fd, path: path)
            try changeMode(fd, fileMode, path: path)
        case S_IFDIR:
            let entries = folderEntries(for: uid)
            try set(entries, attribute: accessAttribute, on: fd, path: path)
            try set(entries, attribute: defaultAttribute, on: fd, path: path)
            try changeMode(fd, folderMode, path: path)
        default:
            throw .notFileOrFolder(path: path)
        }
    }

    /// Whether `uid` may read the file at `path` through its ACL (a named entry with r, not
    /// masked off); for a folder, also traverse it, and files created inside inherit the grant.
    /// For tests and diagnostics. Does not follow a symbolic link.
    public static func isGranted(_ uid: uid_t, at path: String) throws(PosixACLError) -> Bool {
        var status = stat()
        guard lstat(path, &status) == 0 else { throw .from(errno: errno, path: path, operation: "stat") }
        switch status.st_mode & S_IFMT {
        case S_IFREG:
            return effective(for: uid, in: try entries(at: path)).contains(.read)
        case S_IFDIR:
            let access = effective(for: uid, in: try entries(at: path))
            let inherited = effective(for: uid, in: try entries(at: path, default: true))
            return access.isSuperset(of: [.read, .execute]) && inherited.contains(.read)
        case S_IFLNK:
            throw .symbolicLink(path: path)
        default:
            throw .notFileOrFolder(path: path)
        }
    }

    /// The stored access ACL of `path` (or its default ACL); empty when it has none, that is
    /// when only the mode bits apply. Does not follow a symbolic link.
    public static func entries(at path: String, default isDefault: Bool = false) throws(PosixACLError) -> [PosixACLEntry] {
        let name = isDefault ? defaultAttribute : accessAttribute
        while true {
            let size = systemLgetxattr(path, name, nil, 0)
            if size < 0 {
                if errno == ENODATA { return [] }
                throw .from(errno: errno, path: path, operation: "read the ACL of")
            }
            var bytes = [UInt8](repeating: 0, count: size)
            let read = bytes.withUnsafeMutableBytes { systemLgetxattr(path, name, $0.baseAddress, size) }
            if read < 0 {
                if errno == ERANGE { continue } // It grew between the two calls.
                if errno == ENODATA { return [] }
                throw .from(errno: errno, path: path, operation: "read the ACL of")
            }
            guard let entries = PosixACLEntry.decode(Array(bytes.prefix(read))) else { throw .malformed(path: path) }
            return entries
        }
    }

    static let accessAttribute = "system.posix_acl_access"
    static let defaultAttribute = "system.posix_acl_default"

    private static func entries(
        owner: PosixACLEntry.Permissions, named uid: uid_t, _ granted: PosixACLEntry.Permissions
    ) -> [PosixACLEntry] {
        [
            PosixACLEntry(.userObject, owner),
            PosixACLEntry(.user, granted, id: UInt32(uid)),
            PosixACLEntry(.groupObject, []),
            PosixACLEntry(.mask, granted),
            PosixACLEntry(.other, []),
        ]
    }

    /// What the named entry for `uid` allows once the mask applies.
    private static func effective(for uid: uid_t, in entries: [PosixACLEntry]) -> PosixACLEntry.Permissions {
        guard let named = entries.first(where: { $0.tag == .user && $0.id == UInt32(uid) }) else { return [] }
        let mask = entries.first(where: { $0.tag == .mask })?.permissions ?? [.read, .write, .execute]
        return named.permissions.intersection(mask)
    }

    private static func set(_ entries: [PosixACLEntry], attribute: String, on fd: Int32, path: String) throws(PosixACLError) {
        let bytes = PosixACLEntry.encode(entries)
        let result = bytes.withUnsafeBytes { systemFsetxattr(fd, attribute, $0.baseAddress, $0.count, 0) }
        guard result == 0 else { throw .from(errno: errno, path: path, operation: "set \(attribute) on") }
    }

    private static func changeMode(_ fd: Int32, _ mode: mode_t, path: String) throws(PosixACLError) {
        guard fchmod(fd, mode) == 0 else { throw .from(errno: errno, path: path, operation: "chmod") }
    }
}

/// lgetxattr(2), which Glibc's Swift overlay does not expose (<sys/xattr.h> is not in its
/// module map): reads an extended attribute without following a final symbolic link.
@_silgen_name("lgetxattr")
private func systemLgetxattr(
    _ path: UnsafePointer<CChar>, _ name: UnsafePointer<CChar>, _ value: UnsafeMutableRawPointer?, _ size: Int
) -> Int

/// fsetxattr(2), not exposed either: sets an extended attribute on an open descriptor.
@_silgen_name("fsetxattr")
private func systemFsetxattr(
    _ fd: Int32, _ name: UnsafePointer<CChar>, _ value: UnsafeRawPointer?, _ size: Int, _ flags: Int32
) -> Int32
