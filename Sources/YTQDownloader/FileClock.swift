import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The clock file timestamps are taken from (the kernel's coarse wall clock), to tell a file
/// written during a run from one that was there before it, without racing yt-dlp's output.
public struct FileClock: Sendable, Comparable {
    public var seconds: Int
    public var nanoseconds: Int

    public init(seconds: Int, nanoseconds: Int) {
        self.seconds = seconds
        self.nanoseconds = nanoseconds
    }

    /// From `totalNanoseconds`.
    public init(totalNanoseconds: Int64) {
        self.init(seconds: Int(totalNanoseconds / 1_000_000_000), nanoseconds: Int(totalNanoseconds % 1_000_000_000))
    }

    /// Nanoseconds since the epoch, for storing.
    public var totalNanoseconds: Int64 { Int64(seconds) * 1_000_000_000 + Int64(nanoseconds) }

    /// Now, as a file written now would be stamped (or a little earlier, never later).
    public static func now() -> FileClock {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME_COARSE, &time)
        return FileClock(seconds: Int(time.tv_sec), nanoseconds: Int(time.tv_nsec))
    }

    /// When the file at `path` last changed (its ctime, which nobody can set back), or nil.
    public static func changeTime(of path: String) -> FileClock? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return FileClock(seconds: Int(info.st_ctim.tv_sec), nanoseconds: Int(info.st_ctim.tv_nsec))
    }

    public static func < (lhs: FileClock, rhs: FileClock) -> Bool {
        (lhs.seconds, lhs.nanoseconds) < (rhs.seconds, rhs.nanoseconds)
    }
}
