import Foundation
import Testing
import YTQTestSupport

/// Two workers sharing a system limit of 3: cancelling the running downloads frees their
/// slots only once their yt-dlp is gone (it may take its grace period), so the process table
/// never holds more than the limit, across processes.
@Suite("Slots after a cancel, across workers")
struct SlotAfterCancelTests {
    @Test("cancelling the running tasks under two workers never lets more yt-dlp run than the system limit")
    func limitHeld() async throws {
        let home = try TemporaryDirectory("ytq-slots")
        defer { home.remove() }
        let env = YTQBinary.isolatedEnvironment(home: home.path, extra: [
            "YTQ_DB": home.path + "/db/ytq.sqlite", "YTQ_DOWNLOAD_DIR": home.path + "/downloads",
            "YTQ_YTDLP": TestFixtures.fakeYtDlp,
        ])
        for index in 1...6 {
            let add = try await YTQBinary.run(["add", "https://fake.test/\(index)/slow-stop", "--per-user-limit", "10"], environment: env)
            #expect(add.status == 0, "\(add.stderr)")
        }
        let rules = ["--system-limit", "3", "--per-user-limit", "10"]
        let workers = [try WorkerProcess(rules, environment: env), try WorkerProcess(rules, environment: env)]
        defer { for worker in workers { worker.child.signal(SIGKILL) } }
        await eventually("three downloads running") { running(home.path) == 3 }

        let listed = try await YTQBinary.run(["list", "--json", "--status", "downloading"], environment: env)
        let first = ((try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]]) ?? []).compactMap { $0["id"] as? Int }
        #expect(first.count == 3, "\(listed.stdout)")
        for id in first {
            let cancel = try await YTQBinary.run(["cancel", String(id)], environment: env)
            #expect(cancel.status == 0, "\(cancel.stderr)")
        }
        // Sampled until the other three run: the cancelled ones wind down for 2 s meanwhile.
        var most = 0
        await eventually("the other three tasks running") {
            most = max(most, running(home.path))
            let now = try await YTQBinary.run(["list", "--json", "--status", "downloading"], environment: env)
            let ids = ((try JSONSerialization.jsonObject(with: Data(now.stdout.utf8)) as? [[String: Any]]) ?? []).compactMap { $0["id"] as? Int }
            most = max(most, running(home.path))
            return ids.count == 3 && Set(ids).isDisjoint(with: first) && running(home.path) == 3
        }
        #expect(most <= 3, "\(most) yt-dlp ran at once with a system limit of 3")
        for worker in workers { #expect(await worker.stop() == 0, "\(worker.stderr)") }
    }

    /// The fake yt-dlp runs under `folder`: matching processes whose parent is not one of them.
    func running(_ folder: String) -> Int {
        ProcessTable.runs { $0.contains("fake-yt-dlp") && $0.contains(folder) }
    }
}
