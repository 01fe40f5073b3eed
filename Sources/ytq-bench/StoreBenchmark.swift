import Foundation
import GRDB
import YTQCore
import YTQStore

/// The store's throughput on a seeded database: check-and-insert, check-and-refuse, and
/// claim + progress + complete cycles. Runs off the main actor, on the cooperative pool, as
/// the scheduler actor and the command line do.
enum StoreBenchmark {
    static func run(path: String) async throws {
        let database = try await AppDatabase.open(path: path)

        // Real traffic keeps at most `system` tasks active: each batch of 10 users adds one task each
        // (filling the system limit), then the batch finishes, as downloads do.
        let inserts = 5_000
        let finisher = try DatabaseQueue(path: path)
        let finishAll = "UPDATE download_tasks SET status = 'completed' WHERE status = 'pending'"
        var finishTime = 0.0
        let insertTime = try await seconds {
            for index in 0..<inserts {
                let request = try DownloadRequest(url: "https://example.com/bench/\(index)")
                _ = try await database.createTask(request, by: Requester(userID: 10_000 + index), limits: .default)
                if index % 10 == 9 {
                    let start = ContinuousClock.now
                    try await finisher.write { try $0.execute(sql: finishAll) }
                    finishTime += (ContinuousClock.now - start).seconds
                }
            }
        }
        let pureInsert = insertTime - finishTime
        print(String(format: "check-and-insert: %d in %.2f s = %.0f per second (file database, 100,000 tasks, WAL; finishing batches excluded)", inserts, pureInsert, Double(inserts) / pureInsert))
        let refusals = 2_000
        let holder = Requester(userID: 77)
        _ = try await database.createTask(try DownloadRequest(url: "https://example.com/holder"), by: holder, limits: .default)
        let refuseTime = await seconds {
            for index in 0..<refusals {
                _ = try? await database.createTask(try DownloadRequest(url: "https://example.com/again/\(index)"), by: holder, limits: .default)
            }
        }
        print(String(format: "check-and-refuse (per-user rule): %d in %.2f s = %.0f per second", refusals, refuseTime, Double(refusals) / refuseTime))
        try await finisher.write { try $0.execute(sql: finishAll) }

        // The price of one awaited round trip to GRDB's queues (a read that touches one row).
        let trips = 5_000
        let tripTime = try await seconds {
            for _ in 0..<trips { _ = try await database.task(id: 1) }
        }
        let direct = try DatabaseQueue(path: path)
        let directTime = try await seconds {
            for _ in 0..<trips { _ = try direct.read { try Row.fetchOne($0, sql: "SELECT * FROM download_tasks WHERE id = 1") } }
        }
        try direct.close()
        print(String(format: "one task read: %.0f µs awaited through AppDatabase (hop to GRDB's queue, typed record); %.0f µs as a plain synchronous row read",
                     tripTime / Double(trips) * 1e6, directTime / Double(trips) * 1e6))

        let owner = ProcessIdentity(pid: getpid(), startTime: 1)
        let cycles = 2_000
        for index in 0..<cycles {
            _ = try await database.createTask(try DownloadRequest(url: "https://example.com/q"), by: Requester(userID: 20_000 + index),
                                              limits: ConcurrencyLimits(perUser: 1, system: cycles))
        }
        var claimed = 0
        let cycleTime = try await seconds {
            for _ in 0..<cycles {
                guard let claim = try await database.claimNextTask(owner: owner, systemLimit: 10)?.claim else { break }
                _ = try await database.recordProgress(claim, DownloadProgress(downloadedBytes: 1, totalBytes: 2))
                _ = try await database.completeTask(claim, filePath: "/tmp/x", title: "x", metaData: [:], limits: .default)
                claimed += 1
            }
        }
        print(String(format: "claim + progress + complete: %d in %.2f s = %.0f per second", claimed, cycleTime, Double(claimed) / cycleTime))

        try await playlistPage(database, owner: owner)

        ParseBenchmark.run()
    }

    /// What a 500-entry playlist costs the screen: a page of 40 rows read with it on the page
    /// and without, and recording its entries as a run does.
    static func playlistPage(_ database: AppDatabase, owner: ProcessIdentity) async throws {
        let viewer = Requester(userID: 0)
        let reads = 200
        let plain = try await seconds {
            for _ in 0..<reads { _ = try await database.taskPage(limit: 40, visibleTo: viewer, systemLimit: 10) }
        }
        _ = try await database.createTask(try DownloadRequest(url: "https://example.com/playlist"), by: Requester(userID: 30_000),
                                          limits: ConcurrencyLimits(perUser: 1, system: 100))
        guard let claim = try await database.claimNextTask(owner: owner, systemLimit: 10)?.claim else { return }
        let entries = 500
        let recording = try await seconds {
            for index in 1...entries {
                _ = try await database.recordEntryStarted(claim, TaskEntry(index: index, title: "Entry \(index)"), total: index == 1 ? entries : nil)
                _ = try await database.recordEntryCompleted(claim, index: index, filePath: "/tmp/e\(index)", size: 1000)
            }
        }
        let withPlaylist = try await seconds {
            for _ in 0..<reads { _ = try await database.taskPage(limit: 40, visibleTo: viewer, systemLimit: 10) }
        }
        print(String(format: "a 500-entry playlist: recording an entry's start and end %.2f ms; a 40-row page %.2f ms with it on the page, %.2f ms without",
                     recording / Double(entries) * 1000, withPlaylist / Double(reads) * 1000, plain / Double(reads) * 1000))
    }
}

/// How long `body` took, in seconds.
func seconds(_ body: () async throws -> Void) async rethrows -> Double {
    let start = ContinuousClock.now
    try await body()
    return (ContinuousClock.now - start).seconds
}
