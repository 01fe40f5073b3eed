// ytq-bench: prints the figures behind ytq's speed targets (run: make bench).
//   - check-and-insert throughput on a file database of 100,000 tasks
//   - claim + progress + complete cycles per second
//   - yt-dlp progress lines parsed per second
// usage: ytq-bench DATABASE — a database seeded by scripts/seed_tasks.py (bench.sh makes one);
//        ytq-bench --parse-only — only the progress-parsing figures, no database.
import Foundation
import GRDB
import YTQCore
import YTQStore

func seconds(_ body: () async throws -> Void) async rethrows -> Double {
    let start = ContinuousClock.now
    try await body()
    return (ContinuousClock.now - start).seconds
}

guard CommandLine.arguments.count == 2 else {
    FileHandle.standardError.write(Data("usage: ytq-bench DATABASE (seeded by scripts/seed_tasks.py) | ytq-bench --parse-only\n".utf8))
    exit(2)
}
if CommandLine.arguments[1] == "--parse-only" {
    ParseBenchmark.run()
    exit(0)
}
let path = CommandLine.arguments[1]
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
try finisher.write { try $0.execute(sql: finishAll) }

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

ParseBenchmark.run()
