import Foundation
import Testing
import YTQTestSupport

/// `ytq worker` with its database folder on a small tmpfs that a download fills: the space is
/// freed (the partial files go) before the failure is recorded, a write that still cannot be
/// made is reported and retried, and no task is left claiming to run with nothing running.
@Suite("A full disk under the database folder", .serialized, .enabled(if: TmpfsMount.isAvailable, TmpfsMount.skipReason))
struct DiskFullTests {
    let home: TemporaryDirectory
    let disk: TmpfsMount
    let env: [String: String]

    init() throws {
        home = try TemporaryDirectory("ytq-full")
        disk = try TmpfsMount(at: home.file("db"), bytes: 2 << 20)
        env = YTQBinary.isolatedEnvironment(home: home.path, extra: [
            "YTQ_DB": home.path + "/db/ytq.sqlite", "YTQ_DOWNLOAD_DIR": home.path + "/downloads",
            "YTQ_YTDLP": TestFixtures.fakeYtDlp,
        ])
    }

    func cleanUp() {
        killStrays()
        disk.unmount()
        home.remove()
    }

    func add(_ url: String) async throws -> Int64 {
        let result = try await YTQBinary.run(["add", url], environment: env)
        #expect(result.status == 0, "\(result.stderr)")
        return Int64(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }

    func task(_ id: Int64) async throws -> [String: Any] {
        let result = try await YTQBinary.run(["show", String(id), "--json"], environment: env)
        return (try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]) ?? [:]
    }

    func partialFolderExists(_ id: Int64) -> Bool { !PartialFolders.existing(databaseFolder: home.path + "/db", taskID: id).isEmpty }

    /// The fake yt-dlp processes started for this test's folders.
    func strayYtDlp() -> [String] {
        ProcessTable.commands(containing: "fake-yt-dlp", home.path)
    }

    func killStrays() {
        ProcessTable.kill(containing: home.path)
    }

    func isEvent(_ name: String, _ id: Int64) -> ([String: Any]) -> Bool {
        { $0["event"] as? String == name && $0["task_id"] as? Int == Int(id) }
    }

    @Test("a download fills the disk: its partial file goes first, then the failure is recorded with the reason")
    func partialFillsDisk() async throws {
        defer { cleanUp() }
        let id = try await add("https://fake.test/video/fill-disk")
        let worker = try WorkerProcess([], environment: env)
        let failed = await worker.waitFor(isEvent("DownloadFailed", id))
        #expect(failed?["error_kind"] as? String == "diskFull", "no failure recorded: \(worker.stderr)")
        #expect(!partialFolderExists(id), "the partial file that filled the disk is gone")
        let record = try await task(id)
        #expect(record["status"] as? String == "failed", "\(record)")
        #expect((record["error_message"] as? String)?.contains("No space left on device") == true, "\(record)")
        #expect(strayYtDlp().isEmpty)
        #expect(await worker.stop() == 0, "\(worker.stderr)")
        // The disk has room again: the next add is written.
        let next = try await YTQBinary.run(["add", "--queue", "https://fake.test/video/success"], environment: env)
        #expect(next.status == 0, "\(next.stderr)")
    }

    @Test("the disk stays full: the worker says so on stderr, keeps trying, and records the failure once there is room")
    func recordingRetried() async throws {
        defer { cleanUp() }
        let id = try await add("https://fake.test/video/fill-beside")
        let worker = try WorkerProcess([], environment: env)
        let stuck = await worker.waitFor(isEvent("RecordingFailed", id))
        #expect(stuck != nil, "no RecordingFailed event: \(worker.stderr)")
        await eventually("the problem on stderr") {
            worker.stderr.contains("#\(id) could not be recorded") && worker.stderr.contains("disk holding the database is full")
        }
        #expect(!partialFolderExists(id), "the partial files are freed first")
        #expect(strayYtDlp().isEmpty, "nothing runs for the task")
        #expect(try await task(id)["status"] as? String == "downloading", "not written yet")
        // Someone frees the space: the retried write goes through.
        try FileManager.default.removeItem(atPath: home.path + "/db/ballast")
        let failed = await worker.waitFor(isEvent("DownloadFailed", id))
        #expect(failed?["error_kind"] as? String == "diskFull", "\(worker.stderr)")
        #expect(try await task(id)["status"] as? String == "failed")
        #expect(await worker.stop() == 0, "\(worker.stderr)")
    }

    @Test("ytq add and ytq list on a full database disk exit 1 saying the disk is full, not 'check the permissions'")
    func commandsOnFullDisk() async throws {
        defer { cleanUp() }
        #expect(try await YTQBinary.run(["list"], environment: env).status == 0, "the database is made")
        let ballast = FileManager.default.createFile(atPath: home.path + "/db/ballast", contents: nil)
        #expect(ballast)
        let handle = try #require(FileHandle(forWritingAtPath: home.path + "/db/ballast"))
        let block = Data(count: 64 << 10)
        while (try? handle.write(contentsOf: block)) != nil {}
        try? handle.close()
        for arguments in [["add", "https://example.com/full"], ["list"]] {
            let result = try await YTQBinary.run(arguments, environment: env)
            #expect(result.status == 1, "\(arguments): \(result.stdout)")
            #expect(result.stderr.contains("the disk holding the database is full"), "\(arguments): \(result.stderr)")
            #expect(!result.stderr.contains("permissions"), "\(arguments): \(result.stderr)")
        }
    }

    @Test("a worker killed after its download filled the disk: the next worker frees that space, recovers the task and runs it")
    func deadWorkerFilledDisk() async throws {
        defer { cleanUp() }
        // First run: the partial file fills the disk, then the worker dies (kill -9), so
        // nothing is recorded and nothing freed. Later runs: the fake's success.
        let wrapper = home.file("yt-dlp-fill-die.sh")
        let mark = home.file("filled")
        try TestFixtures.writeExecutable("""
            #!/bin/bash
            temp=""
            for arg in "$@"; do case "$arg" in temp:*) temp="${arg#temp:}" ;; esac; done
            if [ ! -e "\(mark)" ]; then
                touch "\(mark)"
                mkdir -p "$temp" && head -c 1G /dev/zero > "$temp/Fake clip [fake1].mp4.part" 2>/dev/null
                kill -9 $PPID
                exit 1
            fi
            exec "\(TestFixtures.fakeYtDlp)" "$@"
            """, to: wrapper)
        let id = try await add("https://fake.test/video/success")
        let first = try WorkerProcess(["--yt-dlp", wrapper], environment: env)
        #expect(await first.wait(timeout: 60) == 128 + SIGKILL, "the wrapper killed its worker: \(first.stderr)")
        #expect(disk.freeBytes < 64 << 10, "the disk is full")
        let second = try WorkerProcess(["--until-idle", "--yt-dlp", wrapper], environment: env)
        #expect(await second.wait(timeout: 60) == 0, "\(second.stderr)")
        let record = try await task(id)
        #expect(record["status"] as? String == "completed", "\(record)")
        #expect(disk.freeBytes > 1 << 20, "the dead run's partial file is gone")
    }

    @Test("SIGTERM while the outcome cannot be written: the worker still exits, promptly and with 0")
    func shutdownWhileStuck() async throws {
        defer { cleanUp() }
        let id = try await add("https://fake.test/video/fill-beside")
        let worker = try WorkerProcess([], environment: env)
        #expect(await worker.waitFor(isEvent("RecordingFailed", id)) != nil, "\(worker.stderr)")
        let started = ContinuousClock.now
        #expect(await worker.stop(signal: SIGTERM, timeout: 30) == 0, "\(worker.stderr)")
        #expect(ContinuousClock.now - started < .seconds(20))
        #expect(strayYtDlp().isEmpty)
    }
}
