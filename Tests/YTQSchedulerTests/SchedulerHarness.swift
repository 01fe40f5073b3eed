import Foundation
import Testing
import YTQCore
import YTQDownloader
import YTQTestSupport
@testable import YTQScheduler
@testable import YTQStore

/// A scheduler on a real SQLite file in a temp folder, running in the background, with every
/// event it publishes recorded for the test to wait on.
final class SchedulerHarness: @unchecked Sendable {
    let dir: TemporaryDirectory
    let database: AppDatabase
    let databasePath: String
    let configuration: SchedulerConfiguration
    let scheduler: Scheduler
    private let recorder = EventRecorder()
    private var runner: Task<Void, Never>?
    private var collector: Task<Void, Never>?

    init(ytDlp: String = TestFixtures.fakeYtDlp, configure: (inout SchedulerConfiguration) -> Void = { _ in }) throws {
        dir = try TemporaryDirectory("ytq-sched")
        databasePath = dir.file("db/ytq.sqlite")
        database = try AppDatabase.open(path: databasePath)
        var configuration = SchedulerConfiguration(
            downloadDirectory: dir.file("downloads"), partialRoot: dir.file("db/partial"), ytDlp: ytDlp,
            stallTimeout: .seconds(60), retryPolicy: RetryPolicy(baseBackoff: .milliseconds(50), maxBackoff: .milliseconds(200)),
            stopGrace: .seconds(2))
        configure(&configuration)
        self.configuration = configuration
        scheduler = Scheduler(database: database, databasePath: databasePath, configuration: configuration)
    }

    func start(untilIdle: Bool = false) {
        let stream = scheduler.events.subscribe()
        let recorder = recorder
        collector = Task { for await event in stream { recorder.append(event) } }
        let scheduler = scheduler
        runner = Task { await scheduler.run(untilIdle: untilIdle) }
    }

    /// Adds a task the way the CLI does (per-user limit raised so one test user can queue many).
    @discardableResult
    func add(_ url: String, format: String = "best", perUser: Int = 100) throws -> DownloadTask {
        let limits = try ConcurrencyLimits(perUser: perUser, system: 100)
        let task = try CreateDownload(database: database, limits: limits, requester: Requester(userID: 1))(url: url, format: format)
        scheduler.poke()
        return task
    }

    var events: [DownloadEvent] { recorder.events }

    /// Cancel, retry and remove as the CLI and the screen run them, on this harness's store.
    var actions: TaskActions {
        TaskActions(database: database, configuration: configuration, limits: .default)
    }

    /// Waits until an event matches, or fails the test after `timeout` seconds.
    @discardableResult
    func waitFor(_ description: String, timeout: Double = 60, _ match: (DownloadEvent) -> Bool) async -> DownloadEvent? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let event = recorder.events.first(where: match) { return event }
            try? await Task.sleep(for: .milliseconds(20))
        }
        Issue.record("timed out waiting for \(description); events: \(recorder.events.map(\.name))")
        return nil
    }

    /// Waits until `condition` holds, or fails the test.
    func waitUntil(_ description: String, timeout: Double = 60, _ condition: () throws -> Bool) async {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if (try? condition()) == true { return }
            try? await Task.sleep(for: .milliseconds(20))
        }
        Issue.record("timed out waiting for \(description)")
    }

    func task(_ id: Int64) throws -> DownloadTask { try database.task(id: id) }

    /// Stops the scheduler gracefully and waits for its loop to end, then removes the folder.
    func stop() async {
        await scheduler.shutdown()
        await runner?.value
        scheduler.events.finish()
        await collector?.value
        dir.remove()
    }

    /// How many yt-dlp runs are alive: matching processes whose parent is not one of them
    /// (a shell forks copies of itself for a moment before each `exec`).
    func runningYtDlp() -> Int {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        var parents: [Int32: Int32] = [:]
        for pid in entries.compactMap(Int32.init) {
            guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline"),
                  String(decoding: data.map { $0 == 0 ? 32 : $0 }, as: UTF8.self).contains(dir.path),
                  let stat = FileManager.default.contents(atPath: "/proc/\(pid)/stat") else { continue }
            let text = String(decoding: stat, as: UTF8.self)
            let fields = text[(text.lastIndex(of: ")") ?? text.startIndex)...].split(separator: " ")
            // fields[0] is ")", then state, then ppid; zombies are already gone.
            guard fields.count > 2, fields[1] != "Z", let ppid = Int32(fields[2]) else { continue }
            parents[pid] = ppid
        }
        return parents.values.filter { parents[$0] == nil }.count
    }

    /// The yt-dlp processes (real or fake) still running under this harness's folder.
    func strayProcesses() -> [String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { pid -> String? in
            guard Int32(pid) != nil, let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return nil }
            let command = String(decoding: data.map { $0 == 0 ? 32 : $0 }, as: UTF8.self)
            return command.contains(dir.path) && !command.contains("media_server") ? command : nil
        }
    }
}

/// Events in arrival order, readable from the test while the scheduler appends.
final class EventRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [DownloadEvent] = []
    func append(_ event: DownloadEvent) { lock.withLock { storage.append(event) } }
    var events: [DownloadEvent] { lock.withLock { storage } }
}
