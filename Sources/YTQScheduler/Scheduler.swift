import Foundation
import YTQCore
import YTQDownloader
import YTQStore

/// The engine: owns the running download jobs of this process, claims queued tasks while
/// the system-wide limit allows, recovers tasks of dead workers, and publishes every event on
/// one `EventBus`.
///
/// It wakes when the database changes (any process), when a job ends, and once a second.
public actor Scheduler {
    public nonisolated let events: EventBus
    public nonisolated let identity: ProcessIdentity
    let database: AppDatabase
    let service: YtDlpService
    let monitor: DatabaseChangeMonitor?
    let onDatabaseChange: (@Sendable () -> Void)?
    var jobs: [Int64: (job: DownloadJob, runner: Task<Void, Never>)] = [:]
    var stopping = false
    var lastReconcile = ContinuousClock.now
    var ticker: Task<Void, Never>?
    private let wakeups: AsyncStream<Void>
    private let wake: AsyncStream<Void>.Continuation

    /// - Parameters:
    ///   - databasePath: the file to watch for other processes' changes (nil: poll).
    ///   - onDatabaseChange: also called on each change the watch sees, so the screen can
    ///     share this watch instead of keeping one of its own.
    public init(
        database: AppDatabase, databasePath: String?, configuration: SchedulerConfiguration, events: EventBus = EventBus(),
        onDatabaseChange: (@Sendable () -> Void)? = nil
    ) {
        self.onDatabaseChange = onDatabaseChange
        self.database = database
        self.service = YtDlpService(configuration: configuration)
        self.events = events
        self.monitor = databasePath.map { DatabaseChangeMonitor(databasePath: $0) }
        self.identity = Self.currentProcess()
        (wakeups, wake) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    public nonisolated var configuration: SchedulerConfiguration { service.configuration }

    /// The pid and start time of this process, as recorded in claims.
    static func currentProcess() -> ProcessIdentity {
        let pid = getpid()
        return ProcessIdentity(pid: pid, startTime: ProcessControl.startTime(pid: pid) ?? 0)
    }

    /// Runs until `shutdown()` (or, with `untilIdle`, until no task is active anywhere).
    /// Recovers abandoned tasks before claiming anything.
    ///
    /// Wakes on database changes (any process) and when a job ends; ticks once a second only
    /// while something may need it (running jobs, queued or backed-off tasks, tasks other
    /// workers run), so an idle scheduler sleeps.
    public func run(untilIdle: Bool = false) async {
        await reconcile()
        let watcher = Task { [monitor, wake, onDatabaseChange] in
            guard let monitor else { return }
            for await _ in monitor.changes() {
                wake.yield()
                onDatabaseChange?()
            }
        }
        defer {
            watcher.cancel()
            ticker?.cancel()
            ticker = nil
        }
        wake.yield()
        for await _ in wakeups {
            checkClaims()
            if !stopping, ContinuousClock.now - lastReconcile >= .seconds(5) { await reconcile() }
            // Checked again: a shutdown may have come while reconcile waited for an orphan.
            if !stopping { claimWhileSlotsFree() }
            if stopping, jobs.isEmpty { break }
            let active = (try? database.activeTaskCount()) ?? 1
            if untilIdle, jobs.isEmpty, active == 0 { break }
            setTicking(!jobs.isEmpty || stopping || monitor == nil || active > 0)
        }
    }

    /// Starts or stops the once-a-second wake-up.
    private func setTicking(_ wanted: Bool) {
        if wanted, ticker == nil {
            ticker = Task { [wake] in
                while !Task.isCancelled {
                    try? await Task.sleep(for: .seconds(1))
                    wake.yield()
                }
            }
        } else if !wanted, let running = ticker {
            running.cancel()
            ticker = nil
        }
    }

    /// Stops every running download gracefully (resumable on the next start) and ends `run()`.
    public func shutdown() {
        stopping = true
        for entry in jobs.values { entry.job.stop(.shutdown) }
        wake.yield()
    }

    /// Wakes the loop now (e.g. right after this process changed the database).
    public nonisolated func poke() {
        wake.yield()
    }

    /// Claims queued tasks until the system-wide limit or the queue is exhausted.
    func claimWhileSlotsFree() {
        while jobs.count < configuration.systemLimit {
            guard let claimed = try? database.claimNextTask(
                owner: identity, systemLimit: configuration.systemLimit, excluding: Set(jobs.keys))
            else { return }
            let id = claimed.task.id
            let job = DownloadJob(claimed: claimed, database: database, service: service, events: events)
            let runner = Task { [weak self] in
                await job.run()
                await self?.jobEnded(id)
            }
            jobs[id] = (job, runner)
        }
    }

    func jobEnded(_ taskID: Int64) {
        jobs[taskID] = nil
        wake.yield()
    }

    /// Stops the local jobs whose claim was revoked by another process (cancel, remove).
    func checkClaims() {
        guard !jobs.isEmpty else { return }
        let claims = jobs.values.map(\.job.claim)
        guard let lost = try? database.lostClaims(claims) else { return }
        for claim in lost { jobs[claim.taskID]?.job.stop(.claimLost) }
    }

    /// Takes over tasks whose worker died (or went silent past the lease), stops their
    /// orphaned yt-dlp, and puts them back in the queue to resume, or fails a task whose
    /// worker keeps dying.
    func reconcile() async {
        lastReconcile = ContinuousClock.now
        guard let abandoned = try? database.takeOverAbandonedTasks(
            owner: identity, running: Set(jobs.keys), leaseTimeout: configuration.leaseTimeout.seconds,
            isAlive: { ProcessControl.isSameProcess(pid: $0.pid, startTime: $0.startTime) })
        else { return }
        for entry in abandoned {
            if let orphan = entry.orphan,
               await ProcessControl.terminateProcessGroup(pid: orphan.pid, startTime: orphan.startTime, grace: configuration.stopGrace) == .stillRunning {
                // It could not be stopped (another user's process?): never start a second
                // yt-dlp on the same file. Our claim lapses and the next reconcile tries again.
                continue
            }
            if configuration.retryPolicy.givesUp(afterCrashes: entry.task.crashCount) {
                let reason = FailureReason(
                    kind: .crashLoop,
                    message: "the worker running this download stopped unexpectedly \(entry.task.crashCount) times; ytq gave up on it",
                    hint: "`ytq retry \(entry.task.id)` tries again")
                if let failed = try? database.failTask(entry.claim, reason: reason) {
                    configuration.removePartialFolder(for: entry.task.id)
                    events.publish(.failed(failed, reason: reason))
                }
            } else if let requeued = try? database.requeueTask(entry.claim, reason: nil, notBefore: nil) {
                events.publish(.changed(taskID: requeued.id))
            }
        }
    }
}
