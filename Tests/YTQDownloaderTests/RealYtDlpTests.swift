import Foundation
import Testing
import YTQCore
import YTQTestSupport
@testable import YTQDownloader

/// The runner with the real yt-dlp (on PATH) against `media_server.py` on loopback.
/// Each test starts its own server and stops it, and every yt-dlp, on every path out.
@Suite("YtDlpProcess with the real yt-dlp")
struct RealYtDlpTests {
    static let ytDlp = YtDlpExecutable.defaultName

    @Test("a completed download is byte-identical to the source; a second run finds it done")
    func completed() async throws {
        let server = try MediaServer()
        defer { server.stop() }
        let workspace = try Workspace("real-complete")
        defer { workspace.root.remove() }
        let size = 1_500_000
        let url = server.mediaURL(name: "clip.mp4", size: size, rate: 3_000_000)
        let invocation = workspace.invocation(executable: Self.ytDlp, url: url, format: .preset(.best))

        let run = await runToEnd(YtDlpProcess(invocation: invocation))
        #expect(!run.timedOut)
        #expect(run.result.exitStatus == .exited(0), "stderr: \(run.result.stderrTail)")
        let path = try #require(run.result.filePath, "outcome: \(run.result.outcome)")
        #expect(path.hasSuffix("/downloads/clip [clip].mp4"))
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(data.count == size)
        #expect([UInt8](data) == MediaPattern.bytes(name: "clip.mp4", size: size))
        #expect(run.result.info?.id == "clip")
        #expect(run.result.info?.extractorKey == "Generic")
        #expect(run.progress.last?.status == .finished)
        #expect(run.progress.last?.progress.totalBytes == Int64(size))
        #expect(!PartialFolder.hasPartialFiles(at: workspace.temp))

        let again = await runToEnd(YtDlpProcess(invocation: invocation))
        #expect(again.result.filePath == path)
        #expect(server.requests.filter { $0.complete && $0.sent == Int64(size) }.count == 1, "downloaded once")
    }

    @Test("a non-ASCII title survives: JSON-escaped on stdout, UTF-8 on disk")
    func unicodeTitle() async throws {
        let server = try MediaServer()
        defer { server.stop() }
        let workspace = try Workspace("real-unicode")
        defer { workspace.root.remove() }
        let url = server.url("/media/caf%C3%A9%20%E6%97%A5%E6%9C%AC%20%F0%9F%8E%B5.mp4?size=100000")
        let run = await runToEnd(YtDlpProcess(invocation: workspace.invocation(executable: Self.ytDlp, url: url)))
        #expect(run.result.info?.title == "café 日本 🎵")
        let path = try #require(run.result.filePath, "\(run.result.outcome)")
        #expect(path.hasSuffix("/café 日本 🎵 [café 日本 🎵].mp4"))
        #expect([UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) == MediaPattern.bytes(name: "café 日本 🎵.mp4", size: 100_000))
    }

    @Test("HTTP 404, connection refused and an unsupported URL fail with yt-dlp's own reason")
    func failures() async throws {
        let server = try MediaServer()
        defer { server.stop() }
        let workspace = try Workspace("real-fail")
        defer { workspace.root.remove() }
        let cases: [(String, FailureReason.Kind, String)] = [
            (server.url("/status/404"), .permanent, "[generic] 404: Unable to download webpage: HTTP Error 404: Not Found"),
            ("http://127.0.0.1:1/gone.mp4", .transient, "[Errno 111] Connection refused"),
            (server.url("/page.html"), .permanent, "Unsupported URL: \(server.url("/page.html"))"),
        ]
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (url, kind, message) in cases {
                group.addTask {
                    let run = await runToEnd(YtDlpProcess(invocation: workspace.invocation(executable: Self.ytDlp, url: url)))
                    #expect(run.result.exitStatus == .exited(1))
                    let reason = try #require(run.result.failureReason, "\(url): \(run.result.outcome)")
                    #expect(reason.kind == kind, "\(url): \(reason)")
                    #expect(reason.message.contains(message), "\(url): \(reason)")
                    #expect(!reason.message.hasPrefix("ERROR"))
                }
            }
            try await group.waitForAll()
        }
    }

    @Test("stop mid-download keeps the .part; the next run resumes it with a Range request")
    func stopAndResume() async throws {
        let server = try MediaServer()
        defer { server.stop() }
        let workspace = try Workspace("real-resume")
        defer { workspace.root.remove() }
        // Room to spare: in a full parallel test run the progress events have reached this
        // test up to 10 s late, after a 10 MB download at 1 MB/s had finished. 40 s of
        // download leaves room; only the capped first run is slow, and it is stopped early.
        let size = 40_000_000
        let slow = workspace.invocation(executable: Self.ytDlp, url: server.mediaURL(name: "res.mp4", size: size, rate: 1_000_000))

        let first = await runToEnd(YtDlpProcess(invocation: slow)) { event, process in
            if case .progress(let progress) = event, progress.progress.downloadedBytes >= 300_000 { process.stop() }
        }
        #expect(!first.timedOut)
        #expect(first.result.outcome == .stopped, "\(first.result.outcome) \(first.result.stderrTail)")
        #expect(first.result.exitStatus == .exited(1), "SIGINT makes yt-dlp exit 1")
        #expect(!first.result.wasKilled)
        #expect(first.stderr.contains { $0.contains("Interrupted by user") })
        #expect(PartialFolder.hasPartialFiles(at: workspace.temp))
        let stoppedAt = try #require(first.progress.last?.progress.downloadedBytes)
        #expect(stoppedAt < Int64(size))

        // Same file name (id "res"), no rate cap this time.
        var fast = slow
        fast.url = server.mediaURL(name: "res.mp4", size: size)
        let second = await runToEnd(YtDlpProcess(invocation: fast))
        let path = try #require(second.result.filePath, "\(second.result.outcome) \(second.result.stderrTail)")
        #expect([UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) == MediaPattern.bytes(name: "res.mp4", size: size))
        let resumed = try #require(server.requests.last { $0.range != nil && $0.status == 206 }, "\(server.requests)")
        let offset = try #require(resumed.range.flatMap { Int64($0.dropFirst("bytes=".count).dropLast()) })
        #expect(offset > 0)
        #expect(resumed.sent == Int64(size) - offset, "only the missing bytes were sent")
        #expect(resumed.sent < Int64(size))
        // With --print (quiet) yt-dlp does not say "Resuming download at byte N"; its first
        // progress line reports N instead.
        #expect((second.progress.first?.progress.downloadedBytes ?? 0) >= offset)
    }

    @Test("a stalled transfer can still be stopped promptly")
    func stall() async throws {
        let server = try MediaServer(stallTimeout: 20)
        defer { server.stop() }
        let workspace = try Workspace("real-stall")
        defer { workspace.root.remove() }
        let url = server.url("/stall/st.mp4?size=1000000&after=4096")
        let process = YtDlpProcess(invocation: workspace.invocation(executable: Self.ytDlp, url: url), stopGrace: .seconds(3))
        let clock = ContinuousClock()
        let stopAsked = LockedTime()
        let run = await runToEnd(process, timeout: 90) { event, process in
            if case .progress = event {
                stopAsked.set(clock.now)
                process.stop()
            }
        }
        #expect(!run.timedOut)
        #expect(run.result.outcome == .stopped)
        #expect(!run.result.wasKilled, "SIGINT interrupts a blocked read")
        #expect(stopAsked.value != nil)
        let pid = try #require(run.startedPID)
        #expect(await eventually("the process group is gone") { !ProcessControl.isGroupRunning(pgid: pid) })
    }
}

final class LockedTime: @unchecked Sendable {
    private let lock = NSLock()
    private var instant: ContinuousClock.Instant?

    func set(_ value: ContinuousClock.Instant) {
        lock.lock()
        if instant == nil { instant = value }
        lock.unlock()
    }

    var value: ContinuousClock.Instant? {
        lock.lock()
        defer { lock.unlock() }
        return instant
    }
}
