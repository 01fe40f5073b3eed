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

guard CommandLine.arguments.count == 2 else {
    FileHandle.standardError.write(Data("usage: ytq-bench DATABASE (seeded by scripts/seed_tasks.py) | ytq-bench --parse-only\n".utf8))
    exit(2)
}
if CommandLine.arguments[1] == "--parse-only" {
    ParseBenchmark.run()
    exit(0)
}
try await StoreBenchmark.run(path: CommandLine.arguments[1])
