import Foundation
import YTQCore
@testable import YTQTerminal

/// A fixed clock, time zone and set of tasks for view and reducer tests.
enum Fixtures {
    /// 2026-05-01 14:30:00 UTC.
    static let now = Date(timeIntervalSince1970: 1_777_645_800)
    static let mebibyte: Int64 = 1024 * 1024

    static func minutesAgo(_ minutes: Double) -> Date { now.addingTimeInterval(-minutes * 60) }

    static func task(
        _ id: Int64, _ status: DownloadStatus, title: String?, format: String = "best",
        url: String? = nil, created: Double, updated: Double? = nil, error: String? = nil, file: String? = nil,
        commandLine: String? = nil, bytes: Int64? = nil
    ) -> DownloadTask {
        DownloadTask(
            id: id, userID: 1000, ipAddress: "127.0.0.1",
            videoURL: url ?? "https://videos.example.com/watch?v=clip\(id)", format: (try? FormatSpec(parsing: format)) ?? .preset(.best), status: status,
            filePath: file, title: title, errorMessage: error,
            createdAt: minutesAgo(created), updatedAt: minutesAgo(updated ?? created), downloadedBytes: bytes, totalBytes: bytes,
            commandLine: commandLine
        )
    }

    static let longReason = "ERROR: [youtube] dQw4w9WgXcQ: Video unavailable. This video is no longer available "
        + "because the YouTube account associated with this video has been terminated."

    static let tasks: [DownloadTask] = [
        task(12, .downloading, title: "日本語のタイトル 🎬 テスト", format: "720p", created: 2, commandLine:
             "yt-dlp --newline --progress-template '%(progress)j' -f 'bv*[height<=720]+ba/b[height<=720]/b' "
             + "-o '/home/ada/Downloads/ytq/%(title)s [%(id)s].%(ext)s' https://videos.example.com/watch?v=clip12"),
        task(11, .downloading, title: nil, url: "https://media.example.org/streams/2026/keynote-live.m3u8", created: 5),
        task(10, .pending, title: "Lecture 3: Fourier transforms", format: "audio-mp3", created: 6),
        task(9, .failed, title: "A very long video title that goes on and on about many different things indeed",
             format: "1080p", created: 20, updated: 18, error: longReason),
        task(8, .completed, title: "Big Buck Bunny 4K", format: "mp4", created: 45, updated: 31,
             file: "/home/ada/Downloads/ytq/Big Buck Bunny 4K [aqz-KE-bpKQ].mp4", bytes: 612 * mebibyte),
        task(7, .cancelled, title: "Cat compilation 2025 😺", created: 70, updated: 66),
        task(6, .completed, title: "Ünïcödé Ñame — café ☕ live", format: "audio-opus", created: 60 * 26, updated: 60 * 25.5,
             file: "/home/ada/Downloads/ytq/cafe.opus"),
        task(5, .pending, title: "Conference talk: Swift concurrency in practice", format: "bv*+ba/b", created: 60 * 30),
    ]

    /// Every fixture task on one page, as the store returns them (newest id first).
    static let page = TaskListPage(tasks: tasks)

    /// The page the store returns for the filter "ca": two of the eight tasks match.
    static let pageMatchingCa = TaskListPage(
        tasks: tasks.filter { [7, 6].contains($0.id) }, matchingCount: 2, statusCounts: page.statusCounts)

    static let progress: [Int64: DownloadProgress] = [
        12: DownloadProgress(downloadedBytes: 18 * mebibyte, totalBytes: 40 * mebibyte, speed: 2.3 * 1024 * 1024, eta: 65),
        11: DownloadProgress(downloadedBytes: 5 * mebibyte + 300_000, totalBytes: nil, speed: 1_150_000, eta: nil),
    ]

    /// A busy screen: tasks in every state, progress, a retry, two errors, some typed URL.
    static func busyState(size: TerminalSize) -> UIState {
        var state = UIState(size: size, clock: now)
        state.replacePage(page)
        // This process runs #12 and #11: their progress arrives as events.
        for (id, update) in progress.sorted(by: { $0.key > $1.key }) {
            if let task = tasks.first(where: { $0.id == id }) { state.handle(event: .progressUpdated(task, update)) }
        }
        state.retries[5] = RetryNote(
            attempt: 2, reason: FailureReason(kind: .transient, message: "HTTP Error 503: Service Unavailable"),
            retryAt: now.addingTimeInterval(42))
        state.addError(ErrorEntry(taskID: 9, reason: FailureReason(
            kind: .permanent, message: longReason, hint: "the video is gone; nothing to retry")))
        state.submissionFailed(
            "refused: ada may have 1 active download at a time (per-user limit 1); task #12 is downloading.",
            hint: "wait for #12 or cancel it with c")
        state.setStatus(StatusMessage("Started task #12 (720p)", kind: .success, taskID: 12, time: now))
        state.url = TextField("https://www.youtube.com/watch?v=aqz-KE-bpKQ")
        state.formatIndex = 2
        return state
    }

    /// The busy state with the focus on the list and the cursor on `row`.
    static func listState(size: TerminalSize, row: Int = 0) -> UIState {
        var state = busyState(size: size)
        state.focus = .list
        for _ in 0..<row { state.handle(.down) }
        return state
    }
}
