// ytq-bench: prints the figures behind ytq's speed targets (run: make bench).
//   - check-and-insert (CreateDownload) throughput on a file database of 100,000 tasks
//   - claim + complete cycles per second
//   - yt-dlp progress lines parsed per second
import Foundation
import GRDB
import YTQCore
import YTQDownloader
import YTQStore

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = ContinuousClock.now
    try body()
    return (ContinuousClock.now - start).seconds
}

let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ytq-bench-\(getpid())").path
try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: folder) }
let path = folder + "/ytq.sqlite"
let database = try AppDatabase.open(path: path)

// Seed 100,000 finished tasks directly (the rules only count active ones).
let seed = try DatabaseQueue(path: path)
try seed.write { db in
    let statement = try db.makeStatement(sql: """
        INSERT INTO download_tasks (user_id, ip_address, video_url, format, status, created_at, updated_at)
        VALUES (?, '127.0.0.1', ?, 'best', ?, '2026-01-01 00:00:00.000', '2026-01-01 00:00:00.000')
        """)
    for index in 0..<100_000 {
        try statement.execute(arguments: [index % 500, "https://example.com/\(index)", ["completed", "failed", "cancelled"][index % 3]])
    }
}
try seed.close()

// Real traffic keeps at most `system` tasks active: each batch of 10 users adds one task each
// (filling the system limit), then the batch finishes, as downloads do.
let inserts = 5_000
let finisher = try DatabaseQueue(path: path)
var finishTime = 0.0
let insertTime = try seconds {
    for index in 0..<inserts {
        let create = CreateDownload(database: database, limits: .default, requester: Requester(userID: 10_000 + index))
        _ = try create(url: "https://example.com/bench/\(index)")
        if index % 10 == 9 {
            finishTime += try seconds {
                try finisher.write { try $0.execute(sql: "UPDATE download_tasks SET status = 'completed' WHERE status = 'pending'") }
            }
        }
    }
}
let pureInsert = insertTime - finishTime
print(String(format: "check-and-insert: %d in %.2f s = %.0f per second (file database, 100,000 tasks, WAL; finishing batches excluded)", inserts, pureInsert, Double(inserts) / pureInsert))
let refusals = 2_000
let refused = CreateDownload(database: database, limits: .default, requester: Requester(userID: 77))
_ = try refused(url: "https://example.com/holder")
let refuseTime = seconds {
    for index in 0..<refusals { _ = try? refused(url: "https://example.com/again/\(index)") }
}
print(String(format: "check-and-refuse (per-user rule): %d in %.2f s = %.0f per second", refusals, refuseTime, Double(refusals) / refuseTime))
try finisher.write { try $0.execute(sql: "UPDATE download_tasks SET status = 'completed' WHERE status = 'pending'") }

let owner = ProcessIdentity(pid: getpid(), startTime: 1)
let cycles = 2_000
try finisher.write { db in
    for index in 0..<cycles {
        try db.execute(sql: """
            INSERT INTO download_tasks (user_id, ip_address, video_url, format, status, created_at, updated_at)
            VALUES (?, '127.0.0.1', 'https://example.com/q', 'best', 'pending', '2026-01-01 00:00:00.000', '2026-01-01 00:00:00.000')
            """, arguments: [index])
    }
}
var claimed = 0
let cycleTime = try seconds {
    for _ in 0..<cycles {
        guard let claim = try database.claimNextTask(owner: owner, systemLimit: 10)?.claim else { break }
        _ = try database.recordProgress(claim, DownloadProgress(downloadedBytes: 1, totalBytes: 2))
        _ = try database.completeTask(claim, filePath: "/tmp/x", title: "x", metaData: [:])
        claimed += 1
    }
}
print(String(format: "claim + progress + complete: %d in %.2f s = %.0f per second", claimed, cycleTime, Double(claimed) / cycleTime))

let line = #"{"type":"progress","p":{"status": "downloading", "downloaded_bytes": 123456789, "total_bytes": 987654321, "speed": 2345678.5, "eta": 42, "elapsed": 12.5}}"#
let lines = 500_000
var parsed = 0
let parseTime = seconds {
    for _ in 0..<lines {
        if case .progress = YtDlpOutputParser.parse(line) { parsed += 1 }
    }
}
print(String(format: "progress lines parsed: %d in %.2f s = %.0f per second", parsed, parseTime, Double(parsed) / parseTime))
