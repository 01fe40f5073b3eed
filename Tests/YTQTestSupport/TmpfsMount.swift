import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A small tmpfs mounted for one test (a disk that fills up), unmounted by `unmount()`.
/// Tests run as root in CI; where mounting is refused (no privilege, a container without
/// CAP_SYS_ADMIN) `isAvailable` is false and the tests that need one are skipped.
public final class TmpfsMount: @unchecked Sendable {
    public let path: String

    /// Mounts a tmpfs of `bytes` at `path` (created when missing).
    public init(at path: String, bytes: Int) throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        guard mount("tmpfs", path, "tmpfs", 0, "size=\(bytes),mode=0755") == 0 else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [
                NSFilePathErrorKey: path, NSLocalizedDescriptionKey: "mount tmpfs: \(String(cString: strerror(errno)))",
            ])
        }
        self.path = path
    }

    /// Whether this process may mount a tmpfs (tried once, on a scratch folder).
    public static let isAvailable: Bool = {
        guard let scratch = try? TemporaryDirectory("ytq-mount-probe") else { return false }
        defer { scratch.remove() }
        guard let probe = try? TmpfsMount(at: scratch.file("probe"), bytes: 64 << 10) else { return false }
        probe.unmount()
        return true
    }()

    /// Why tests that need a tmpfs are skipped where `isAvailable` is false.
    public static let skipReason: Comment = "skipped: mounting a tmpfs was refused (run the tests as root to fill a small disk)"

    /// Unmounts (lazily, if something still holds a file open there). Safe to call twice.
    public func unmount() {
        if umount2(path, 0) != 0 { _ = umount2(path, Int32(MNT_DETACH)) }
    }

    /// Bytes free on the mount now.
    public var freeBytes: Int {
        var stats = statvfs()
        guard statvfs(path, &stats) == 0 else { return 0 }
        return Int(stats.f_bavail) * Int(stats.f_frsize)
    }
}
