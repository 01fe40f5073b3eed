#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Identifies and stops yt-dlp processes by pid, including ones left behind by a ytq that
/// crashed (they are not our children, so only signals and `/proc` reach them).
///
/// A pid alone is not an identity: it is paired with the process start time (field 22 of
/// `/proc/<pid>/stat`, in clock ticks since boot), so a reused pid is never signalled.
public enum ProcessControl {
    /// What `terminateProcessGroup` found and did.
    public enum TerminationOutcome: Sendable, Equatable {
        /// No such process (or a different one now holds the pid).
        case notRunning
        /// It ended after SIGINT, within the grace period.
        case interrupted
        /// It ignored SIGINT and was killed with SIGKILL.
        case killed
        /// It was still there after SIGKILL (e.g. stuck in the kernel, or not ours to signal).
        case stillRunning
    }

    /// The start time of `pid` in clock ticks since boot, or nil when it does not exist
    /// (or on systems without `/proc`).
    public static func startTime(pid: Int32) -> UInt64? {
        guard let fields = statFields(pid: pid), fields.count > 19 else { return nil }
        return UInt64(fields[19])
    }

    /// Whether `pid` is still the process that started at `startTime` (and is not a zombie).
    public static func isSameProcess(pid: Int32, startTime: UInt64) -> Bool {
        guard pid > 0, let fields = statFields(pid: pid), fields.count > 19 else { return false }
        return fields[0] != "Z" && UInt64(fields[19]) == startTime
    }

    /// Whether `pid` exists and has not exited (a zombie counts as exited).
    public static func isRunning(pid: Int32) -> Bool {
        guard pid > 0 else { return false }
        if let fields = statFields(pid: pid) { return fields.first != "Z" }
        return kill(pid, 0) == 0 || errno == EPERM
    }

    /// Stops the process group led by `pid` (or `pid` alone when it leads none): SIGINT, up to
    /// `grace` for it to exit, then SIGKILL. With `startTime`, nothing is sent unless `pid`
    /// is still that process.
    public static func terminateProcessGroup(
        pid: Int32, startTime: UInt64? = nil, grace: Duration = .seconds(5)
    ) async -> TerminationOutcome {
        guard pid > 1 else { return .notRunning }
        if let startTime, !isSameProcess(pid: pid, startTime: startTime) { return .notRunning }
        guard isRunning(pid: pid) else { return .notRunning }
        let target = getpgid(pid) == pid ? -pid : pid
        _ = kill(target, SIGINT)
        if await waitUntilGone(pid: pid, group: target < 0, within: grace) { return .interrupted }
        _ = kill(target, SIGKILL)
        if await waitUntilGone(pid: pid, group: target < 0, within: .seconds(2)) { return .killed }
        return .stillRunning
    }

    /// Sends `signal` to the process group `pgid` (normally the leader's pid).
    @discardableResult
    public static func signalGroup(_ pgid: Int32, _ signal: Int32) -> Bool {
        guard pgid > 1 else { return false }
        return kill(-pgid, signal) == 0
    }

    /// Polls until the process (and, for a group, every live member) is gone.
    static func waitUntilGone(pid: Int32, group: Bool, within limit: Duration) async -> Bool {
        let clock = ContinuousClock()
        let deadline = clock.now + limit
        while true {
            let alive = group ? isGroupRunning(pgid: pid) : isRunning(pid: pid)
            if !alive { return true }
            if clock.now >= deadline { return false }
            do { try await Task.sleep(for: .milliseconds(20)) } catch { return !isRunning(pid: pid) }
        }
    }

    /// Whether any non-zombie process is in group `pgid`.
    static func isGroupRunning(pgid: Int32) -> Bool {
        #if os(Linux)
        guard let directory = opendir("/proc") else { return kill(-pgid, 0) == 0 }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard let pid = Int32(name), let fields = statFields(pid: pid), fields.count > 2 else { continue }
            if fields[2] == String(pgid), fields[0] != "Z" { return true }
        }
        return false
        #else
        return kill(-pgid, 0) == 0
        #endif
    }

    /// The fields of `/proc/<pid>/stat` after the `(comm)` field: index 0 is field 3 (state),
    /// index 2 is field 5 (pgrp), index 19 is field 22 (starttime).
    static func statFields(pid: Int32) -> [Substring]? {
        guard let text = readSmallFile("/proc/\(pid)/stat"), let close = text.lastIndex(of: ")") else { return nil }
        return text[text.index(after: close)...].split(separator: " ", omittingEmptySubsequences: true)
    }

    static func readSmallFile(_ path: String) -> String? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while bytes.count < 65536 {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self)
    }
}
