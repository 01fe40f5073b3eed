import Foundation
import YTQCore
import YTQDownloader

/// Times progress-line parsing and prints lines per second (target: 50,000 per second).
enum ParseBenchmark {
    /// A progress line as yt-dlp prints it with `YtDlpInvocation.progressTemplate`.
    static let line = #"{"type":"progress","p":{"status": "downloading", "downloaded_bytes": 123456789, "total_bytes": 987654321, "speed": 2345678.5, "eta": 42, "elapsed": 12.5}}"#
    static let lines = 500_000

    static func run() {
        var parsed = 0
        let parseTime = seconds {
            for _ in 0..<lines {
                if case .progress = YtDlpOutputParser.parse(line) { parsed += 1 }
            }
        }
        report("progress lines parsed", parsed, parseTime)
    }

    private static func report(_ what: String, _ count: Int, _ time: (wall: Double, cpu: Double)) {
        print(String(
            format: "%@: %d in %.2f s = %.0f per second; %.0f per second of this thread's CPU time (target: 50,000 per second)",
            what, count, time.wall, Double(count) / time.wall, Double(count) / time.cpu
        ))
    }

    /// Wall-clock and thread CPU seconds (the CPU figure holds up when other work shares the cores).
    private static func seconds(_ body: () -> Void) -> (wall: Double, cpu: Double) {
        let start = ContinuousClock.now
        let cpuStart = threadCPUSeconds()
        body()
        return ((ContinuousClock.now - start).seconds, threadCPUSeconds() - cpuStart)
    }

    private static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

}
