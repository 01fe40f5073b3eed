import Foundation
import GRDB
import Testing
import YTQTestSupport

/// `ytq worker` as a process, killed with SIGKILL at the worst moments and started again:
/// every task must end completed exactly once with a byte-identical file, or failed with a
/// reason; no orphan yt-dlp, no stray partial file.
@Suite("ytq worker survives kill -9")
struct WorkerFaultTests {
    let home: TemporaryDirectory
    let env: [String: String]
    let server: MediaServer

    init() throws {
        home = try TemporaryDirectory("ytq-fault")
        env = YTQBinary.isolatedEnvironment(home: home.path, extra: [
            "YTQ_DB": home.path + "/db/ytq.sqlite", "YTQ_DOWNLOAD_DIR": home.path + "/downloads",
        ])
        server = try MediaServer()
    }

    func cleanUp() {
        server.stop()
        killStrays()
        home.remove()
    }

    func add(_ url: String) async throws -> Int64 {
        let result = try await YTQBinary.run(["add", url], environment: env)
        #expect(result.status == 0, "\(result.stderr)")
        return Int64(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }

    /// A yt-dlp wrapper that SIGKILLs the worker (its parent) at `moment` — `start` (right
    /// after the claim, before yt-dlp runs), `after-exit` (yt-dlp finished, status not yet
    /// written) or `always` (every run, at start) — once unless `always`.
    func killingWrapper(_ moment: String) throws -> String {
        let path = home.file("yt-dlp-\(moment).sh")
        let mark = home.file("killed-\(moment)")
        try TestFixtures.writeExecutable("""
            #!/bin/bash
            if [ "\(moment)" = always ] || { [ "\(moment)" = start ] && [ ! -e "\(mark)" ]; }; then
                touch "\(mark)"; kill -9 $PPID; exit 1
            fi
            yt-dlp "$@"; rc=$?
            if [ "\(moment)" = after-exit ] && [ ! -e "\(mark)" ]; then touch "\(mark)"; kill -9 $PPID; sleep 1; fi
            exit $rc
            """, to: path)
        return path
    }

    func task(_ id: Int64) async throws -> [String: Any] {
        let result = try await YTQBinary.run(["show", String(id), "--json"], environment: env)
        return (try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]) ?? [:]
    }

    func expectIdentical(_ id: Int64, name: String, size: Int) async throws {
        let record = try await task(id)
        #expect(record["status"] as? String == "completed", "\(record)")
        let path = try #require(record["file_path"] as? String)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(MediaPattern.bytes(name: name, size: size)))
        let partials = PartialFolders.files(databaseFolder: home.path + "/db", taskID: id)
        #expect(partials.isEmpty, "stray partial files: \(partials)")
        #expect(strayYtDlp().isEmpty, "orphan yt-dlp: \(strayYtDlp())")
    }

    /// yt-dlp processes (or wrappers) started for this test's folders.
    func strayYtDlp() -> [String] {
        ProcessTable.commands(containing: home.path + "/downloads")
    }

    func killStrays() {
        ProcessTable.kill(containing: home.path)
    }

    func completedEvents(_ workers: [WorkerProcess], id: Int64) -> Int {
        workers.flatMap(\.events).filter { $0["event"] as? String == "DownloadCompleted" && $0["task_id"] as? Int == Int(id) }.count
    }

    @Test("kill -9 mid-download: the next worker stops the orphan and resumes from the partial file")
    func midDownload() async throws {
        defer { cleanUp() }
        // Big enough that the orphan cannot finish before the next worker stops it, even on a
        // loaded machine.
        let size = 20_000_000
        let id = try await add(server.mediaURL(name: "resume.mp4", size: size, rate: 2_000_000))
        let first = try WorkerProcess([], environment: env)
        let halfway = await first.waitFor { ($0["downloaded_bytes"] as? Int ?? 0) > 1_500_000 }
        #expect(halfway != nil, "no progress: \(first.stderr)")
        await first.stop(signal: SIGKILL)
        let second = try WorkerProcess(["--until-idle"], environment: env)
        #expect(await second.wait() == 0, "\(second.stderr)")
        try await expectIdentical(id, name: "resume.mp4", size: size)
        #expect(completedEvents([first, second], id: id) == 1)
        let resumed = server.requests.contains { ($0.range ?? "").hasPrefix("bytes=") && $0.range != "bytes=0-" }
        #expect(resumed, "no Range request resumed the download: \(server.requests.map { $0.range ?? "-" })")
    }

    @Test("kill -9 while yt-dlp waits on a silent server: the orphan is found and stopped on restart")
    func orphanStopped() async throws {
        defer { cleanUp() }
        // A stalled transfer: yt-dlp writes nothing, so it does not die of a broken pipe
        // when its worker is killed; only the next worker can stop it.
        let id = try await add(server.url("/stall/orphan.mp4?size=1000000&after=2048"))
        let first = try WorkerProcess([], environment: env)
        #expect(await first.waitFor { $0["event"] as? String == "DownloadProgressUpdated" } != nil)
        // The worker has recorded its yt-dlp: what the next worker looks for.
        var readOnly = Configuration()
        readOnly.readonly = true
        let database = try DatabaseQueue(path: try #require(env["YTQ_DB"]), configuration: readOnly)
        await eventually("the yt-dlp recorded") {
            try await database.read { try Int64.fetchOne($0, sql: "SELECT child_pid FROM download_tasks WHERE id = ?", arguments: [id]) } != nil
        }
        try database.close()
        await first.stop(signal: SIGKILL)
        let orphans = strayYtDlp()
        #expect(!orphans.isEmpty, "the stalled yt-dlp outlives its killed worker")
        let second = try WorkerProcess([], environment: env)
        let restarted = await second.waitFor { $0["event"] as? String == "DownloadStarted" && $0["task_id"] as? Int == Int(id) }
        #expect(restarted != nil, "the task is claimed again: \(second.stderr)")
        #expect((restarted?["attempt"] as? Int ?? 0) >= 2)
        await second.stop(signal: SIGTERM)
        let left = strayYtDlp()
        #expect(left.isEmpty, "orphan still running: \(left)")
        let record = try await task(id)
        #expect(record["status"] as? String == "pending", "left resumable by the graceful stop")
        #expect(record["crash_count"] as? Int == 1)
    }

    @Test("kill -9 right after the claim: the task runs again and completes once")
    func afterClaim() async throws {
        defer { cleanUp() }
        let size = 500_000
        let id = try await add(server.mediaURL(name: "claim.mp4", size: size))
        let wrapper = try killingWrapper("start")
        let first = try WorkerProcess(["--yt-dlp", wrapper], environment: env)
        #expect(await first.wait(timeout: 30) == 128 + SIGKILL, "the wrapper killed its worker")
        #expect(try await task(id)["status"] as? String == "downloading", "the dead worker's claim is left behind")
        let second = try WorkerProcess(["--until-idle", "--yt-dlp", wrapper], environment: env)
        #expect(await second.wait() == 0, "\(second.stderr)")
        try await expectIdentical(id, name: "claim.mp4", size: size)
        #expect(completedEvents([first, second], id: id) == 1)
    }

    @Test("kill -9 after yt-dlp exits but before the status is written: completed exactly once")
    func afterExit() async throws {
        defer { cleanUp() }
        let size = 500_000
        let id = try await add(server.mediaURL(name: "exit.mp4", size: size))
        let wrapper = try killingWrapper("after-exit")
        let first = try WorkerProcess(["--yt-dlp", wrapper], environment: env)
        await first.wait(timeout: 60)
        #expect(try await task(id)["status"] as? String == "downloading")
        let second = try WorkerProcess(["--until-idle", "--yt-dlp", wrapper], environment: env)
        #expect(await second.wait() == 0, "\(second.stderr)")
        try await expectIdentical(id, name: "exit.mp4", size: size)
        #expect(completedEvents([first, second], id: id) == 1)
        let files = try FileManager.default.contentsOfDirectory(atPath: home.path + "/downloads")
        #expect(files.count == 1, "one file, not a duplicate: \(files)")
    }

    @Test("kill -9 in the middle of yt-dlp's move: the recovery removes the truncated file, so the next run does not take it for done")
    func midMove() async throws {
        defer { cleanUp() }
        // The first run names its file, writes half of it in its home, the task's staging
        // folder (a copy across filesystems under way), and kills the worker. Later runs do
        // what yt-dlp does: a file already in its home is "already downloaded"; else the whole
        // file is written.
        let wrapper = home.file("yt-dlp-move.sh")
        let mark = home.file("killed-move")
        try TestFixtures.writeExecutable("""
            #!/bin/bash
            while [ $# -gt 0 ]; do
                case "$1" in -P) shift; case "$1" in home:*) home="${1#home:}" ;; temp:*) temp="${1#temp:}" ;; esac ;; esac
                shift
            done
            final="$home/Fake clip [fake1].mp4"
            printf '{"type":"info","info":{"id":"fake1","title":"Fake clip","ext":"mp4","filename":"%s"}}\\n' "$final"
            mkdir -p "$home"
            if [ ! -e "\(mark)" ]; then
                touch "\(mark)"
                head -c 500 /dev/zero > "$final"
                kill -9 $PPID
                exit 1
            fi
            [ -e "$final" ] || head -c 1000 /dev/zero > "$final"
            printf '{"type":"done","filepath":"%s"}\\n' "$final"
            exit 0
            """, to: wrapper)
        let id = try await add("https://fake.test/video/move")
        let first = try WorkerProcess(["--yt-dlp", wrapper], environment: env)
        #expect(await first.wait(timeout: 60) == 128 + SIGKILL, "the wrapper killed its worker: \(first.stderr)")
        let second = try WorkerProcess(["--until-idle", "--yt-dlp", wrapper], environment: env)
        #expect(await second.wait() == 0, "\(second.stderr)")
        let record = try await task(id)
        #expect(record["status"] as? String == "completed", "\(record)")
        let path = try #require(record["file_path"] as? String)
        let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue
        #expect(size == 1000, "the completed file is the whole file, not the 500-byte prefix the dead run left")
        #expect(!FileManager.default.fileExists(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path + "/.ytq-incoming"))
    }

    @Test("a task that keeps killing its worker is failed after a few tries instead of looping")
    func crashLoop() async throws {
        defer { cleanUp() }
        let id = try await add(server.mediaURL(name: "loop.mp4", size: 1000))
        let wrapper = try killingWrapper("always")
        for _ in 0..<3 {
            let worker = try WorkerProcess(["--yt-dlp", wrapper], environment: env)
            await worker.wait(timeout: 30)
        }
        let last = try WorkerProcess(["--until-idle", "--yt-dlp", wrapper], environment: env)
        #expect(await last.wait() == 0)
        let record = try await task(id)
        #expect(record["status"] as? String == "failed")
        #expect((record["error_message"] as? String)?.contains("stopped unexpectedly 3 times") == true, "\(record)")
    }

    @Test("SIGTERM stops the worker gracefully (exit 0); the download resumes on the next start")
    func gracefulStop() async throws {
        defer { cleanUp() }
        // Large and slow enough (12 s) that it cannot finish between the progress seen and the
        // SIGTERM, even on a loaded machine.
        let size = 12_000_000
        let id = try await add(server.mediaURL(name: "term.mp4", size: size, rate: 1_000_000))
        let first = try WorkerProcess([], environment: env)
        #expect(await first.waitFor { ($0["downloaded_bytes"] as? Int ?? 0) > 500_000 } != nil)
        #expect(await first.stop(signal: SIGTERM) == 0, "\(first.stderr)")
        let paused = try await task(id)
        #expect(paused["status"] as? String == "pending")
        #expect((paused["downloaded_bytes"] as? Int ?? 0) > 0)
        #expect(strayYtDlp().isEmpty)
        let second = try WorkerProcess(["--until-idle"], environment: env)
        #expect(await second.wait() == 0)
        try await expectIdentical(id, name: "term.mp4", size: size)
    }

    @Test("ytq cancel from another process stops a running download")
    func cancelFromAnotherProcess() async throws {
        defer { cleanUp() }
        let id = try await add(server.mediaURL(name: "cancel.mp4", size: 20_000_000, rate: 500_000))
        let worker = try WorkerProcess([], environment: env)
        #expect(await worker.waitFor { $0["event"] as? String == "DownloadProgressUpdated" } != nil)
        let cancel = try await YTQBinary.run(["cancel", String(id)], environment: env)
        #expect(cancel.status == 0, "\(cancel.stderr)")
        #expect(await worker.waitFor(timeout: 60) { $0["event"] as? String == "DownloadCancelled" } != nil)
        #expect(try await task(id)["status"] as? String == "cancelled")
        #expect(await worker.stop() == 0)
        #expect(strayYtDlp().isEmpty)
        #expect(PartialFolders.existing(databaseFolder: home.path + "/db", taskID: id).isEmpty)
    }

    @Test("a reader that goes away (ytq worker | head) stops the worker gracefully, not by SIGPIPE")
    func closedPipe() async throws {
        defer { cleanUp() }
        let id = try await add(server.mediaURL(name: "pipe.mp4", size: 20_000_000, rate: 500_000))
        let shell = try await runShell("\"\(YTQBinary.path)\" worker --json | head -c 1 >/dev/null; echo \"${PIPESTATUS[0]}\"")
        #expect(shell.trimmingCharacters(in: .whitespacesAndNewlines) == "0", "worker exit status: \(shell)")
        #expect(strayYtDlp().isEmpty)
        #expect(try await task(id)["status"] as? String == "pending", "left resumable")
    }

    func runShell(_ script: String) async throws -> String {
        try await ChildProcess.run(["/bin/bash", "-c", script], environment: env).stdout
    }

}
