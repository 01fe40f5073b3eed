import Foundation
import Testing
import YTQTestSupport

/// The database file deleted or replaced under a running `ytq worker`: the worker notices
/// (the file's device and inode changed), stops its downloads and exits with a message,
/// instead of recording into a file nobody sees while new tasks reuse its ids.
@Suite("A database deleted or replaced under a running worker")
struct DatabaseReplacedTests {
    let home: TemporaryDirectory
    let env: [String: String]
    var databasePath: String { home.path + "/db/ytq.sqlite" }

    init() throws {
        home = try TemporaryDirectory("ytq-dbgone")
        env = YTQBinary.isolatedEnvironment(home: home.path, extra: [
            "YTQ_DB": home.path + "/db/ytq.sqlite", "YTQ_DOWNLOAD_DIR": home.path + "/downloads",
            "YTQ_YTDLP": TestFixtures.fakeYtDlp,
        ])
    }

    func cleanUp() {
        killStrays()
        home.remove()
    }

    func killStrays() {
        ProcessTable.kill(containing: home.path)
    }

    func strayYtDlp() -> [String] {
        ProcessTable.commands(containing: "fake-yt-dlp", home.path)
    }

    func startDownloading() async throws -> WorkerProcess {
        let add = try await YTQBinary.run(["add", "https://fake.test/video/hang"], environment: env)
        #expect(add.status == 0, "\(add.stderr)")
        let worker = try WorkerProcess([], environment: env)
        #expect(await worker.waitFor { $0["event"] as? String == "DownloadProgressUpdated" } != nil, "\(worker.stderr)")
        return worker
    }

    func deleteDatabase() throws {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: databasePath + suffix) }
    }

    @Test("deleted: the worker stops its download and exits 1, saying why")
    func deleted() async throws {
        defer { cleanUp() }
        let worker = try await startDownloading()
        try deleteDatabase()
        #expect(await worker.wait(timeout: 30) == 1, "the worker went on: \(worker.stderr)")
        #expect(worker.stderr.contains("ytq: the database \(databasePath) was deleted"), "\(worker.stderr)")
        #expect(strayYtDlp().isEmpty, "yt-dlp left running: \(strayYtDlp())")
    }

    @Test("replaced by a new database (ytq add after a delete): the worker stops; the new task is not mixed up with the old")
    func replaced() async throws {
        defer { cleanUp() }
        let worker = try await startDownloading()
        try deleteDatabase()
        let add = try await YTQBinary.run(["add", "https://fake.test/video/success"], environment: env)
        #expect(add.status == 0, "\(add.stderr)")
        #expect(await worker.wait(timeout: 30) == 1, "the worker went on: \(worker.stderr)")
        #expect(worker.stderr.contains(databasePath), "\(worker.stderr)")
        #expect(!worker.events.contains { $0["event"] as? String == "DownloadCompleted" }, "the old worker ran the new database's task")
        #expect(strayYtDlp().isEmpty)
    }
}
