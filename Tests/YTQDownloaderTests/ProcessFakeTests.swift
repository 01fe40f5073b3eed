import Foundation
import Testing
import YTQCore
import YTQTestSupport
@testable import YTQDownloader

/// The runner against `Tests/Fixtures/fake-yt-dlp.sh`, whose behaviour the URL picks.
@Suite("YtDlpProcess with a fake yt-dlp")
struct ProcessFakeTests {
    @Test("progress, info and done arrive in order; the file is accepted")
    func success() async throws {
        let workspace = try Workspace("fake-success")
        defer { workspace.root.remove() }
        let run = await runToEnd(YtDlpProcess(invocation: workspace.fake("success")))
        #expect(!run.timedOut)
        guard case .started(let pid, let startTime) = run.events.first else {
            Issue.record("first event is not .started: \(run.events.first.map { "\($0)" } ?? "none")")
            return
        }
        #expect(pid > 0)
        #expect(startTime != nil)
        #expect(run.result.pid == pid)
        #expect(run.progress.map(\.progress.downloadedBytes) == [200, 400, 600, 800, 1000, 1000])
        #expect(run.progress.last?.status == .finished)
        #expect(run.result.info?.title == "Fake clip é")
        #expect(run.result.info?.duration == 12.5)
        let expectedPath = workspace.downloads + "/Fake clip [fake1].mp4"
        #expect(run.events.contains(.done(filePath: expectedPath)))
        #expect(run.result.exitStatus == .exited(0))
        let resolved = try #require(run.result.filePath)
        #expect(resolved.hasSuffix("/downloads/Fake clip [fake1].mp4"))
        #expect(FileManager.default.fileExists(atPath: resolved))
        #expect(run.result.lastProgress?.downloadedBytes == 1000)
        #expect(run.result.commandLine.hasSuffix(" -- https://fake.test/success"))
        #expect(!ProcessControl.isRunning(pid: pid))
    }

    @Test("an ERROR line on stderr becomes the reason, never 'exit code 1'")
    func errorLine() async throws {
        let workspace = try Workspace("fake-404")
        defer { workspace.root.remove() }
        let run = await runToEnd(YtDlpProcess(invocation: workspace.fake("fail-404")))
        let reason = try #require(run.result.failureReason)
        #expect(reason.kind == .permanent)
        #expect(reason.message == "unable to download video data: HTTP Error 404: Not Found")
        #expect(run.result.exitStatus == .exited(1))
        #expect(run.stderr.contains("ERROR: unable to download video data: HTTP Error 404: Not Found"))
        #expect(run.result.stderrTail.count == 2)
    }

    @Test("exit codes and signals without an ERROR line", arguments: [
        ("exit-7", YtDlpExitStatus.exited(7), "exit status 7"),
        ("stderr-only", .exited(3), "Traceback (most recent call last): boom"),
        ("sigterm", .signaled(SIGTERM), "killed by signal 15 (SIGTERM)"),
        ("ffmpeg-missing", .exited(1), "Postprocessing: ffprobe and ffmpeg not found"),
    ])
    func exits(scenario: String, status: YtDlpExitStatus, message: String) async throws {
        let workspace = try Workspace("fake-exit")
        defer { workspace.root.remove() }
        let run = await runToEnd(YtDlpProcess(invocation: workspace.fake(scenario)))
        #expect(run.result.exitStatus == status)
        let reason = try #require(run.result.failureReason)
        #expect(reason.message.contains(message), "\(reason)")
    }

    @Test("exit 0 is not enough: the reported file must exist inside the download folder", arguments: [
        ("no-file", "no such file exists"),
        ("outside", "outside the download folder"),
    ])
    func badFile(scenario: String, message: String) async throws {
        let workspace = try Workspace("fake-badfile")
        defer { workspace.root.remove() }
        let run = await runToEnd(YtDlpProcess(invocation: workspace.fake(scenario)))
        #expect(run.result.exitStatus == .exited(0))
        let reason = try #require(run.result.failureReason)
        #expect(reason.message.contains(message), "\(reason)")
        #expect(run.result.filePath == nil)
    }

    @Test("stop: SIGINT to the group; yt-dlp exits and its .part stays")
    func stopWithSIGINT() async throws {
        let workspace = try Workspace("fake-stop")
        defer { workspace.root.remove() }
        let process = YtDlpProcess(invocation: workspace.fake("hang"), stopGrace: .seconds(10))
        let run = await runToEnd(process) { event, process in
            if case .progress = event { process.stop() }
        }
        #expect(run.result.outcome == .stopped)
        #expect(run.result.exitStatus == .exited(1))
        #expect(!run.result.wasKilled)
        #expect(run.signals == [SIGINT])
        #expect(run.stderr.contains("ERROR: Interrupted by user"))
        #expect(PartialFolder.hasPartialFiles(at: workspace.temp))
        let pid = try #require(run.startedPID)
        // Its children (the fake's sleep) end a moment after it, reaped by init.
        #expect(await eventually("the process group is gone") { !ProcessControl.isGroupRunning(pgid: pid) })
    }

    @Test("stop: a child that ignores SIGINT gets SIGKILL after the grace period")
    func stopWithSIGKILL() async throws {
        let workspace = try Workspace("fake-kill")
        defer { workspace.root.remove() }
        let process = YtDlpProcess(invocation: workspace.fake("ignore-sigint"), stopGrace: .seconds(30))
        let clock = ContinuousClock()
        let start = clock.now
        let run = await runToEnd(process) { event, process in
            if case .progress = event { process.stop(grace: .milliseconds(600)) }
        }
        let elapsed = clock.now - start
        #expect(run.result.outcome == .stopped)
        #expect(run.result.exitStatus == .signaled(SIGKILL))
        #expect(run.result.wasKilled)
        #expect(run.signals == [SIGINT, SIGKILL])
        #expect(elapsed >= .milliseconds(600))
        let pid = try #require(run.startedPID)
        #expect(await eventually("the group's sleep children are gone too") { !ProcessControl.isGroupRunning(pgid: pid) })
    }

    @Test("a child that closed its output is still waited for, and can still be stopped")
    func closedPipes() async throws {
        let workspace = try Workspace("fake-quiet")
        defer { workspace.root.remove() }
        let run = await runToEnd(YtDlpProcess(invocation: workspace.fake("quiet-hang"))) { event, process in
            if case .info = event {
                Task {
                    try await Task.sleep(for: .milliseconds(300))
                    process.stop()
                }
            }
        }
        #expect(!run.timedOut)
        #expect(run.result.outcome == .stopped)
        #expect(run.result.exitStatus == .exited(1))
        #expect(run.signals == [SIGINT])
    }

    @Test("cancelling the task that awaits run() stops the child")
    func taskCancellation() async throws {
        let workspace = try Workspace("fake-cancel")
        defer { workspace.root.remove() }
        let process = YtDlpProcess(invocation: workspace.fake("hang"))
        let task = Task { await process.run() }
        var sawProgress = false
        for await event in process.events {
            if case .progress = event, !sawProgress {
                sawProgress = true
                task.cancel()
            }
        }
        let result = await task.value
        #expect(sawProgress)
        #expect(result.outcome == .stopped)
        #expect(result.exitStatus == .exited(1))
    }

    @Test("stop before run starts nothing")
    func stopBeforeRun() async throws {
        let workspace = try Workspace("fake-early")
        defer { workspace.root.remove() }
        let process = YtDlpProcess(invocation: workspace.fake("hang"))
        process.stop()
        let run = await runToEnd(process)
        #expect(run.result.outcome == .stopped)
        #expect(run.result.pid == nil)
        #expect(run.events.isEmpty)
    }

    @Test("a second run() is refused without touching the first")
    func runTwice() async throws {
        let workspace = try Workspace("fake-twice")
        defer { workspace.root.remove() }
        let process = YtDlpProcess(invocation: workspace.fake("success"))
        _ = await runToEnd(process)
        let second = await process.run()
        #expect(second.failureReason?.message.contains("only once") == true)
    }

    @Test("stdout and stderr are drained together: a flood of both loses nothing")
    func flood() async throws {
        let workspace = try Workspace("fake-flood")
        defer { workspace.root.remove() }
        let lines = 4000
        let invocation = workspace.fake("flood", extraEnvironment: ["FAKE_LINES": String(lines)])
        let run = await runToEnd(YtDlpProcess(invocation: invocation), timeout: 60)
        #expect(!run.timedOut)
        #expect(run.progress.count == lines)
        #expect(run.stderr.count == lines)
        #expect(run.result.stderrTail.count == YtDlpProcess.stderrTailLimit)
        #expect(run.result.stderrTail.last == "WARNING: noise line \(lines) on stderr")
    }

    @Test("the child gets the argv as an array and a filtered environment")
    func argvAndEnvironment() async throws {
        let workspace = try Workspace("fake-argv")
        defer { workspace.root.remove() }
        let argvFile = workspace.root.file("argv.txt")
        let invocation = workspace.fake("exit-0", extraEnvironment: ["FAKE_ARGV_FILE": argvFile])
        let parent = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "SECRET_TOKEN": "x"]
        _ = await runToEnd(YtDlpProcess(invocation: invocation, environment: parent))
        // One argument per line: an empty argument is an empty line.
        var lines = try String(contentsOfFile: argvFile, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        let argv = lines.filter { !$0.hasPrefix("env:") }
        #expect(Array(argv.dropFirst()) == invocation.arguments)
        #expect(lines.contains("env:YTDLP_NO_PLUGINS"))
        #expect(!lines.contains("env:SECRET_TOKEN"))
    }

    @Test("the child starts with no blocked signals and SIGINT not ignored, whatever ytq's threads block")
    func cleanSignalState() async throws {
        let workspace = try Workspace("fake-signals")
        defer { workspace.root.remove() }
        let script = TestFixtures.directory + "/signal-state.py"
        let run = await runToEnd(YtDlpProcess(invocation: workspace.invocation(executable: script, url: "https://fake.test/signals")))
        var masks: [String: UInt64] = [:]
        for case .output(let line) in run.events {
            let parts = line.split(separator: ":").map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.count == 2 { masks[parts[0]] = UInt64(parts[1], radix: 16) }
        }
        let blocked = try #require(masks["SigBlk"])
        let ignored = try #require(masks["SigIgn"])
        for signal in [SIGINT, SIGTERM] {
            let bit = UInt64(1) << UInt64(signal - 1)
            #expect(blocked & bit == 0, "signal \(signal) is blocked")
            #expect(ignored & bit == 0, "signal \(signal) is ignored")
        }
    }

    @Test("a missing or non-executable yt-dlp is a missing tool, with install advice", arguments: [
        "/nonexistent/bin/yt-dlp", "yt-dlp-not-installed-anywhere", "/etc/hostname",
    ])
    func missingBinary(executable: String) async throws {
        let workspace = try Workspace("fake-missing")
        defer { workspace.root.remove() }
        let invocation = workspace.invocation(executable: executable, url: "https://fake.test/success")
        let run = await runToEnd(YtDlpProcess(invocation: invocation))
        let reason = try #require(run.result.failureReason)
        #expect(reason.kind == .toolMissing)
        #expect(reason.message.contains(executable))
        #expect(reason.hint?.contains("pip install yt-dlp") == true)
        #expect(run.result.exitStatus == nil)
    }
}
