import Foundation
import Testing
import YTQTestSupport
@testable import YTQDownloader

/// Finding and stopping a yt-dlp that is not our child (left behind by a ytq that crashed).
@Suite("ProcessControl")
struct ProcessControlTests {
    @Test("start time identifies a process; a wrong one or a dead pid does not match")
    func identity() throws {
        let pid = getpid()
        let start = try #require(ProcessControl.startTime(pid: pid))
        #expect(ProcessControl.isSameProcess(pid: pid, startTime: start))
        #expect(!ProcessControl.isSameProcess(pid: pid, startTime: start + 1))
        #expect(ProcessControl.isRunning(pid: pid))
        #expect(ProcessControl.startTime(pid: 0) == nil)
        #expect(ProcessControl.startTime(pid: Int32.max) == nil)
        #expect(!ProcessControl.isSameProcess(pid: Int32.max, startTime: start))
        #expect(!ProcessControl.isRunning(pid: Int32.max))
    }

    @Test("an orphan that honours SIGINT is interrupted, and keeps its .part")
    func orphanInterrupted() async throws {
        let folder = try TemporaryDirectory("orphan-int")
        defer { folder.remove() }
        let pid = try await spawnOrphan(["-P", "home:\(folder.path)/dl", "-P", "temp:\(folder.path)/tmp", "--", "https://fake.test/hang"])
        defer { kill(-pid, SIGKILL) }
        #expect(await eventually("the .part file", timeout: .seconds(5)) { PartialFolder.hasPartialFiles(at: folder.path + "/tmp") })
        let start = try #require(ProcessControl.startTime(pid: pid))
        #expect(getpgid(pid) == pid, "the orphan leads its own group")
        let outcome = await ProcessControl.terminateProcessGroup(pid: pid, startTime: start, grace: .seconds(5))
        #expect(outcome == .interrupted)
        #expect(!ProcessControl.isGroupRunning(pgid: pid))
        #expect(PartialFolder.hasPartialFiles(at: folder.path + "/tmp"))
    }

    @Test("an orphan that ignores SIGINT is killed after the grace period")
    func orphanKilled() async throws {
        let pid = try await spawnOrphan(["--", "https://fake.test/ignore-sigint"])
        defer { kill(-pid, SIGKILL) }
        // A SIGINT before the fake's `trap '' INT` has run would end it the default way.
        #expect(await eventually("the orphan ignores SIGINT", timeout: .seconds(30)) { Self.ignoresSIGINT(pid) })
        let start = try #require(ProcessControl.startTime(pid: pid))
        let clock = ContinuousClock()
        let began = clock.now
        let outcome = await ProcessControl.terminateProcessGroup(pid: pid, startTime: start, grace: .milliseconds(400))
        #expect(outcome == .killed)
        #expect(clock.now - began >= .milliseconds(400))
        #expect(!ProcessControl.isGroupRunning(pgid: pid))
    }

    @Test("nothing is sent when the pid now belongs to another process")
    func reusedPID() async throws {
        let pid = try await spawnOrphan(["--", "https://fake.test/ignore-sigint"])
        defer { kill(-pid, SIGKILL) }
        let start = try #require(ProcessControl.startTime(pid: pid))
        let outcome = await ProcessControl.terminateProcessGroup(pid: pid, startTime: start &+ 12345, grace: .milliseconds(100))
        #expect(outcome == .notRunning)
        #expect(ProcessControl.isSameProcess(pid: pid, startTime: start))
    }

    @Test("removing a task's temp folder; refusing shallow or relative paths")
    func tempFolder() throws {
        let root = try TemporaryDirectory("partial-root")
        defer { root.remove() }
        let folder = PartialFolder.path(root: root.path + "/", taskID: 42)
        #expect(folder == root.path + "/42")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: folder + "/a.mp4.part", contents: Data([1, 2, 3]))
        #expect(PartialFolder.hasPartialFiles(at: folder))
        try PartialFolder.remove(at: folder)
        #expect(!FileManager.default.fileExists(atPath: folder))
        try PartialFolder.remove(at: folder)
        #expect(throws: PartialFolder.RemovalError.self) { try PartialFolder.remove(at: "/tmp") }
        #expect(throws: PartialFolder.RemovalError.self) { try PartialFolder.remove(at: "relative/path") }
        #expect(throws: PartialFolder.RemovalError.self) { try PartialFolder.remove(at: "/tmp/..") }
    }

    /// Starts the fake yt-dlp in its own session through a parent that exits at once, the way
    /// a crashed ytq leaves its child behind. Foundation's `Process` passes on the test thread's
    /// blocked-signal mask, so the spawner clears it first: SIGINT must reach the child.
    /// Whether `pid` ignores SIGINT now (`SigIgn` in /proc, bit 1 for signal 2).
    private static func ignoresSIGINT(_ pid: Int32) -> Bool {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("SigIgn:") }),
              let mask = UInt64(line.dropFirst("SigIgn:".count).trimmingCharacters(in: .whitespaces), radix: 16)
        else { return false }
        return mask & (1 << (UInt64(SIGINT) - 1)) != 0
    }

    private func spawnOrphan(_ arguments: [String]) async throws -> Int32 {
        let script = """
            import signal, subprocess, sys
            signal.pthread_sigmask(signal.SIG_SETMASK, [])
            signal.signal(signal.SIGINT, signal.SIG_DFL)
            child = subprocess.Popen(sys.argv[1:], start_new_session=True, stdin=subprocess.DEVNULL,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            print(child.pid, flush=True)
            """
        let parent = try ChildProcess(["python3", "-c", script, TestFixtures.fakeYtDlp] + arguments, stdout: .pipe)
        let text = String(decoding: parent.output?.readDataToEndOfFile() ?? Data(), as: UTF8.self)
        _ = await parent.wait()
        return try #require(Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)), "spawner printed '\(text)'")
    }


}
