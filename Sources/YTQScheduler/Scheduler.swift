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
    public nonisolated let configuration: SchedulerConfiguration
    let database: AppDatabase
    let onDatabaseChange: (@Sendable () -> Void)?
    /// This process's running jobs, by task id; each removes itself when its run ends.
    var jobs: [Int64: DownloadJob] = [:]
    var stopping = false
    /// Why the scheduler stopped by itself (its database file was deleted or replaced), if it did.
    public private(set) var stopProblem: String?
    var lastReconcile = ContinuousClock.now
    var lastProgressWrite = ContinuousClock.now
    /// The one timer: the heartbeat while this process downloads, else one wake-up at `nextDue`.
    var timer: Timer?

    /// What `timer` is, with the task that runs it.
    enum Timer {
        case heartbeat(Task<Void, Never>)
        case once(Task<Void, Never>, at: ContinuousClock.Instant)

        func cancel() {
            switch self {
            case .heartbeat(let task), .once(let task, _): task.cancel()
            }
        }
    }
    /// When a pass must look again though nothing wakes it: a reconcile (another process's
    /// download to watch) or a backoff ending. Nil: only a change or a job's end matters.
    var nextDue: ContinuousClock.Instant?
    /// Passes of the run loop completed, whether one is under way, and who waits for one.
    private var passes = 0
    private var inPass = false
    private var loopEnded = false
    private var settleWaiters: [(pass: Int, continuation: CheckedContinuation<Void, Never>)] = []
    private let wakeups: AsyncStream<Void>
    private let wake: AsyncStream<Void>.Continuation

    /// - Parameter onDatabaseChange: also called on each change `database.changes()` reports,
    ///   so the screen can share the scheduler's watch instead of keeping one of its own.
    public init(
        database: AppDatabase, configuration: SchedulerConfiguration, events: EventBus = EventBus(),
        onDatabaseChange: (@Sendable () -> Void)? = nil
    ) {
        self.onDatabaseChange = onDatabaseChange
        self.database = database
        self.configuration = configuration
        self.events = events
        self.identity = Self.currentProcess()
        (wakeups, wake) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// The pid and start time of this process, as recorded in claims.
    static func currentProcess() -> ProcessIdentity {
        let pid = getpid()
        return ProcessIdentity(pid: pid, startTime: ProcessControl.startTime(pid: pid) ?? 0)
    }

    /// Runs until `shutdown()` (or, with `untilIdle`, until no task is active anywhere).
    /// Recovers abandoned tasks before claiming anything.
    ///
    /// Wakes on database changes (any process) and when a job ends; beats once a second only
    /// while it runs downloads, and otherwise wakes only when something is due (a backoff
    /// ending, another worker's download to watch every 5 s), so an idle scheduler sleeps.
    public func run(untilIdle: Bool = false) async {
        await reconcile()
        let watcher = Task { [database, wake, onDatabaseChange] in
            for await _ in database.changes() {
                wake.yield()
                onDatabaseChange?()
            }
        }
        defer {
            watcher.cancel()
            timer?.cancel()
            timer = nil
        }
        wake.yield()
        defer { endLoop() }
        for await _ in wakeups {
            inPass = true
            defer { passCompleted() }
            if !stopping, let problem = database.fileReplacement() {
                stopProblem = problem
                shutdown()
            }
            // One snapshot read a pass: revoked claims, the active count, whether work waits,
            // and what will be due with nothing to wake the loop.
            let view = try? await database.schedulerView(claims: jobs.values.map(\.claim), excluding: Set(jobs.keys))
            for claim in view?.lostClaims ?? [] { jobs[claim.taskID]?.stop(.claimLost) }
            if !stopping, ContinuousClock.now - lastReconcile >= Self.reconcileInterval, await reconcile() {
                // What this pass read is stale: the next pass looks again.
                wake.yield()
                continue
            }
            // Checked again: a shutdown may have come while reconcile waited for an orphan.
            if !stopping, view?.hasClaimable ?? true { await claimWhileSlotsFree() }
            if stopping, jobs.isEmpty { break }
            let active = view?.activeCount ?? 1
            if untilIdle, jobs.isEmpty, active == 0, view != nil { break }
            nextDue = Self.nextDue(view, lastReconcile: lastReconcile)
            arm()
        }
    }

    /// Returns once the run loop has made one whole pass (checked claims, recovered, claimed
    /// what it could) after this call: whatever the scheduler would do about the state of
    /// the database now, it has done. Tests wait on this instead of sleeping to see that
    /// "nothing else happens". Returns at once when the loop is not running.
    public func settled() async {
        guard !loopEnded else { return }
        let target = passes + (inPass ? 2 : 1)
        await withCheckedContinuation { continuation in
            settleWaiters.append((target, continuation))
            wake.yield()
        }
    }

    private func passCompleted() {
        passes += 1
        inPass = false
        let due = settleWaiters.filter { $0.pass <= passes }
        settleWaiters.removeAll { $0.pass <= passes }
        for waiter in due { waiter.continuation.resume() }
    }

    private func endLoop() {
        loopEnded = true
        for waiter in settleWaiters { waiter.continuation.resume() }
        settleWaiters.removeAll()
    }

    /// When the next pass is due with nothing else to wake it: every 5 s while another
    /// process's download may need recovering, when a backoff ends, and in a second when the
    /// queue could not be read.
    static func nextDue(_ view: AppDatabase.SchedulerView?, lastReconcile: ContinuousClock.Instant) -> ContinuousClock.Instant? {
        guard let view else { return .now + .seconds(1) }
        var due: [ContinuousClock.Instant] = []
        if view.othersToWatch { due.append(lastReconcile + reconcileInterval) }
        if let end = view.nextBackoffEnd {
            due.append(.now + .milliseconds(max(0, Int(end.timeIntervalSinceNow * 1000)) + 1))
        }
        return due.min()
    }

    static let reconcileInterval: Duration = .seconds(5)

    /// The heartbeat while this process downloads (the process's only timer then; a pass
    /// follows a beat only when one is due), else a single wake-up at `nextDue`, else none.
    private func arm() {
        if !jobs.isEmpty {
            // A beat already under way keeps its rhythm: passes come at every change.
            if case .heartbeat = timer { return }
            timer?.cancel()
            timer = .heartbeat(Task { [weak self] in
                while !Task.isCancelled {
                    try? await Task.sleep(for: .seconds(1))
                    if Task.isCancelled { return }
                    await self?.heartbeat()
                }
            })
        } else {
            if case .once(_, let at) = timer, at == nextDue { return }
            timer?.cancel()
            timer = nil
            guard let due = nextDue else { return }
            timer = .once(Task { [wake] in
                try? await Task.sleep(until: due)
                if !Task.isCancelled { wake.yield() }
            }, at: due)
        }
    }

    /// Ticks every job (stall watch, progress to the screen) and, every `progressWriteInterval`,
    /// records all their progress and renews their claims in one transaction.
    private func heartbeat() async {
        for job in jobs.values { job.tick() }
        let now = ContinuousClock.now
        if let due = nextDue, now >= due { wake.yield() }
        guard now - lastProgressWrite >= configuration.progressWriteInterval, !jobs.isEmpty else { return }
        lastProgressWrite = now
        let lost = (try? await database.recordProgress(jobs.values.map(\.heartbeat))) ?? []
        for claim in lost { jobs[claim.taskID]?.stop(.claimLost) }
    }

    /// Stops every running download gracefully (resumable on the next start) and ends `run()`.
    public func shutdown() {
        stopping = true
        for job in jobs.values { job.stop(.shutdown) }
        wake.yield()
    }

    /// Wakes the loop now (e.g. right after this process changed the database).
    public nonisolated func poke() {
        wake.yield()
    }

    /// Claims queued tasks until the system-wide limit or the queue is exhausted.
    func claimWhileSlotsFree() async {
        while jobs.count < configuration.limits.system, !stopping {
            guard let claimed = try? await database.claimNextTask(
                owner: identity, systemLimit: configuration.limits.system, excluding: Set(jobs.keys)),
                let job = DownloadJob(claimed: claimed, database: database, configuration: configuration, events: events)
            else { return }
            // A shutdown that came while the claim was being written: hand the task back.
            if stopping {
                _ = try? await database.releaseTask(job.claim)
                return
            }
            let id = claimed.id
            jobs[id] = job
            Task { [weak self] in
                await job.run()
                await self?.jobEnded(id)
            }
        }
    }

    func jobEnded(_ taskID: Int64) {
        jobs[taskID] = nil
        wake.yield()
    }

    /// Takes over tasks whose worker died (or went silent past the lease), stops their
    /// orphaned yt-dlp, and puts them back in the queue to resume, or fails a task whose
    /// worker keeps dying.
    /// Returns whether it changed the queue (what the pass read before is stale then; the
    /// loop looks again).
    @discardableResult
    func reconcile() async -> Bool {
        lastReconcile = ContinuousClock.now
        // Every slot-freeing write admits from the backlog itself; this catches what a change
        // of the limits (a raised per-user limit) would now allow.
        let admitted = (try? await database.admitQueuedTasks(limits: configuration.limits)) ?? []
        for task in admitted { events.publish(.resumed(task)) }
        // Cancelled or paused tasks whose worker died before it saw their yt-dlp exit.
        _ = try? await database.forgetExitedChildren(isAlive: { ProcessControl.isSameProcess(pid: $0.pid, startTime: $0.startTime) })
        guard let abandoned = await takeOverAbandonedTasks() else { return !admitted.isEmpty }
        for entry in abandoned {
            if let orphan = entry.task.child,
               await ProcessControl.terminateProcessGroup(pid: orphan.pid, startTime: orphan.startTime, grace: configuration.stopGrace) == .stillRunning {
                // It could not be stopped (another user's process?): never start a second
                // yt-dlp on the same file. Our claim lapses and the next reconcile tries again.
                continue
            }
            // The dead run may have stopped in the middle of yt-dlp's move into the staging
            // folder: what it left there is not a finished download, and the next run's yt-dlp
            // would take it for one. The partial files stay for the resume.
            configuration.removeStagingFolder(for: entry.task)
            if configuration.retryPolicy.givesUp(afterCrashes: entry.task.crashCount) {
                let reason = FailureReason(
                    kind: .crashLoop,
                    message: "the worker running this download stopped unexpectedly \(entry.task.crashCount) times; ytq gave up on it",
                    hint: "to try again: `ytq retry \(entry.task.id)`")
                if let failed = try? await database.failTask(entry.claim, reason: reason, limits: configuration.limits) {
                    configuration.removeWorkingFolders(for: entry.task)
                    events.publish(.failed(failed, reason: reason))
                }
            } else if let requeued = try? await database.requeueTask(entry.claim, reason: nil, notBefore: nil) {
                events.publish(.changed(taskID: requeued.id))
            }
        }
        return !admitted.isEmpty || !abandoned.isEmpty
    }
}
