#if canImport(Glibc)
import Glibc
#endif

/// Why a POSIX ACL could not be set or read on a path, with what to do about it.
public enum PosixACLError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file system does not store POSIX ACLs (EOPNOTSUPP), e.g. mounted with `noacl`.
    case notSupported(path: String)
    /// Only the owner of the path (or root) may change its ACL and mode (EPERM).
    case notPermitted(path: String)
    /// The path is a symbolic link; it is never followed.
    case symbolicLink(path: String)
    /// The path is neither a regular file nor a folder (a FIFO, a device, a socket).
    case notFileOrFolder(path: String)
    /// The stored ACL is not in the Linux version-2 format.
    case malformed(path: String)
    /// Any other failure of `operation` (open, fsetxattr, …), with its errno.
    case system(path: String, operation: String, errno: Int32)

    public var description: String {
        switch self {
        case .notSupported(let path):
            return "the file system at \(path) does not support POSIX ACLs; mount it with ACL support or put the library on one that has it (ext4, xfs, btrfs, tmpfs)"
        case .notPermitted(let path):
            return "not allowed to change the permissions of \(path): only its owner or root may; the service user must own its library folder"
        case .symbolicLink(let path):
            return "\(path) is a symbolic link; access is granted only on real files and folders, never through a link"
        case .notFileOrFolder(let path):
            return "\(path) is neither a regular file nor a folder; access is granted only on those"
        case .malformed(let path):
            return "the POSIX ACL stored on \(path) is not in the format Linux uses (version 2); reset it with `setfacl -b \(path)`"
        case .system(let path, let operation, let code):
            return "could not \(operation) \(path): \(String(cString: strerror(code)))"
        }
    }

    /// The error for `code`, naming the cases with a specific remedy.
    static func from(errno code: Int32, path: String, operation: String) -> PosixACLError {
        switch code {
        case EOPNOTSUPP: return .notSupported(path: path)
        case EPERM: return .notPermitted(path: path)
        default: return .system(path: path, operation: operation, errno: code)
        }
    }
}
