import Foundation
import Testing
import YTQCore
import YTQDownloader
import YTQTestSupport
@testable import YTQScheduler
@testable import YTQStore

/// A scheduler on a real SQLite file in a temp folder, running in the background, with every
/// event it publishes recorded for the test to wait on. Use it scoped, like Subprocess's
/// `run { }`: `SchedulerHarness.run { harness in … }` always stops the scheduler and removes
/// the folder, whether the body returns or throws.
final class SchedulerHarness: @unchecked Sendable {
    let dir: TemporaryDirectory
    let database: AppDatabase
    let configuration: SchedulerConfiguration
    let scheduler: Scheduler
    /// The user every task of the harness belongs to.
    let requester = Requester(userID: 1)
    private let recorder = EventRecorder()
    private var runner: Task<Void, Never>?
    private var collector: Task<Void, Never>?

    /// Runs `body` with a started harness, then stops it, whatever happens.
    static func run(
        ytDlp: String = TestFixtures.fakeYtDlp, untilIdle: Bool = false,
        configure: (inout SchedulerConfiguration) -> Void = { _ in },
        _ body: (SchedulerHarness) async throws -> Void
    ) async throws {
        let harness = try await SchedulerHarness(ytDlp: ytDlp, configure: configure)
        harness.start(untilIdle: untilIdle)
        do {
            try await body(harness)
        } catch {
            await harness.stop()
            throw error
        }
        await harness.stop()
    }

    private init(ytDlp: String, configure: (inout SchedulerConfiguration) -> Void) async throws {
        dir = try TemporaryDirectory("ytq-sched")
        database = try await AppDatabase.open(path: dir.file("db/ytq.sqlite"))
        var configuration = SchedulerConfiguration(
            downloadDirectory: dir.file("downloads"), partialRoot: dir.file("db/partial"), ytDlp: ytDlp,
            stallTimeout: .seconds(60), retryPolicy: RetryPolicy(baseBackoff: .milliseconds(50), maxBackoff: .milliseconds(200)),
            stopGrace: .seconds(2))
        // One test user may run many at once unless a test says otherwise.
        configuration.limits.perUser = 100
        configure(&configuration)
        self.configuration = configuration
        scheduler = Scheduler(database: database, configuration: configuration)
    }

    private func start(untilIdle: Bool) {
        let stream = scheduler.events.subscribe()
        let recorder = recorder
        collector = Task { for await event in stream { recorder.append(event) } }
        let scheduler = scheduler
        runner = Task { await scheduler.run(untilIdle: untilIdle) }
    }

    /// Cancel, retry and remove as the CLI and the screen run them, on this harness's store.
    var actions: EngineActions {
        EngineActions(database: database, configuration: configuration)
    }

    /// Adds a task the way the CLI does.
    @discardableResult
    func add(_ url: String, format: String = "best") async throws -> DownloadTask {
        let task = try await actions.add(url: url, format: format, by: requester)
        scheduler.poke()
        return task
    }

    func cancel(_ id: Int64) async throws { _ = try await actions.cancel(id: id, by: requester) }
    func retry(_ id: Int64) async throws { _ = try await actions.retry(id: id, by: requester) }
    func remove(_ id: Int64, deleteFile: Bool) async throws -> Removal {
        try await actions.remove(id: id, deleteFile: deleteFile, by: requester)
    }

    var events: [DownloadEvent] { recorder.events }

    /// Waits until an event of `kind` (for `taskID`, when given) has been published.
    @discardableResult
    func waitFor(_ kind: DownloadEvent.Kind, task taskID: Int64? = nil, timeout: Duration = .seconds(60),
                 sourceLocation: SourceLocation = #_sourceLocation) async -> DownloadEvent? {
        await eventually("\(kind.rawValue)\(taskID.map { " of #\($0)" } ?? "")", timeout: timeout, sourceLocation: sourceLocation) {
            self.recorder.events.first { $0.kind == kind && (taskID == nil || $0.taskID == taskID) }
        }
    }

    /// The task as stored now.
    func task(_ id: Int64) async throws -> DownloadTask {
        try #require(try await database.task(id: id))
    }

    /// Stops the scheduler gracefully and waits for its loop to end, then removes the folder.
    private func stop() async {
        await scheduler.shutdown()
        await runner?.value
        scheduler.events.finish()
        await collector?.value
        dir.remove()
    }

    /// How many yt-dlp runs are alive: matching processes whose parent is not one of them
    /// (a shell forks copies of itself for a moment before each `exec`).
    func runningYtDlp() -> Int {
        ProcessTable.runs { $0.contains(dir.path) }
    }

    /// The yt-dlp processes (real or fake) still running under this harness's folder.
    func strayProcesses() -> [String] {
        ProcessTable.commands(containing: dir.path).filter { !$0.contains("media_server") }
    }
}

/// Events in arrival order, readable from the test while the scheduler appends.
final class EventRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [DownloadEvent] = []
    func append(_ event: DownloadEvent) { lock.withLock { storage.append(event) } }
    var events: [DownloadEvent] { lock.withLock { storage } }
}
