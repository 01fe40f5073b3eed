import Foundation
import Synchronization
import YTQCore
import YTQDownloader
import YTQStore

/// One run of one claimed task: starts yt-dlp, reports progress, watches for stalls and lost
/// claims, and records the outcome with writes fenced by the claim.
///
/// Everything the job learns (yt-dlp's lines, the scheduler's tick each second, a stop request)
/// arrives on one stream that its `run()` loop alone reads, so its state has a single owner.
/// The job keeps no timer of its own: the scheduler's one heartbeat ticks every job at once
/// and writes their progress in one transaction, so 10 downloads wake the process together.
final class DownloadJob: Sendable {
    enum Input: Sendable {
        case output(YtDlpEvent)
        case tick
        case stop(JobStopReason)
        case processFinished
    }

    /// The task as claimed: `task.child` is the yt-dlp an earlier run left, if any.
    let task: DownloadTask
    let claim: TaskClaim
    let database: AppDatabase
    let configuration: SchedulerConfiguration
    let events: EventBus
    private let inputs: AsyncStream<Input>
    private let input: AsyncStream<Input>.Continuation
    /// Set by a shutdown: a final write that keeps failing gives up instead of retrying on.
    let shuttingDown = Atomic<Bool>(false)
    /// The run's latest figure as `run()` last showed it, for the scheduler's heartbeat write.
    private let shownProgress = Mutex<DownloadProgress?>(nil)
    /// Where this task's finished file goes.
    var downloadFolder: String { configuration.downloadFolder(for: task) }
    /// Where yt-dlp leaves it for the job to move into `downloadFolder`.
    var stagingFolder: String { configuration.stagingFolder(for: task) }

    /// Nil when `claimed` carries no claim (it was not claimed by `claimNextTask`).
    init?(claimed: DownloadTask, database: AppDatabase, configuration: SchedulerConfiguration, events: EventBus) {
        guard let claim = claimed.claim else { return nil }
        self.task = claimed
        self.claim = claim
        self.database = database
        self.configuration = configuration
        self.events = events
        (inputs, input) = AsyncStream.makeStream(of: Input.self)
    }

    /// The claim and the latest figure, for `AppDatabase.recordProgress` (the heartbeat).
    var heartbeat: (claim: TaskClaim, progress: DownloadProgress?) {
        (claim, shownProgress.withLock { $0 })
    }

    /// The scheduler's heartbeat, once a second: watch for a stall, publish the latest figure.
    func tick() {
        input.yield(.tick)
    }

    /// Asks the job to stop; the first reason wins.
    func stop(_ reason: JobStopReason) {
        if reason == .shutdown { shuttingDown.store(true, ordering: .releasing) }
        input.yield(.stop(reason))
    }

    /// Runs the download to its end and records the outcome.
    func run() async {
        events.publish(.started(task))
        // An earlier run's yt-dlp (cancelled moments ago, still in its grace period) must be
        // gone before another one writes the same partial file.
        if let previous = task.child,
           await ProcessControl.terminateProcessGroup(pid: previous.pid, startTime: previous.startTime, grace: configuration.stopGrace) == .stillRunning {
            await finish(JobState(task: task), result: nil, failure: FailureReason(
                kind: .transient, message: "the previous yt-dlp for this task (pid \(previous.pid)) could not be stopped"))
            return
        }
        if configuration.perUserFolders, let uid = task.userID, let problem = LibraryFolder.prepare(downloadFolder, for: uid) {
            await finish(JobState(task: task), result: nil, failure: FailureReason(kind: .permanent, message: problem))
            return
        }
        // A retried playlist runs only the entries that did not complete.
        var claimed = task
        claimed.entries = (try? await database.entries(of: task.id)) ?? []
        let process = YtDlpProcess(invocation: configuration.invocation(for: claimed), stopGrace: configuration.stopGrace) { [input] in
            input.yield(.output($0))
        }
        var state = JobState(task: task)
        state.resumesPlaylist = !claimed.entries.isEmpty
        state.task.commandLine = process.invocation.commandLine
        let running = Task { [input] in
            let result = await process.run()
            input.yield(.processFinished) // after every event: `run()` delivers them all before it returns
            return result
        }
        loop: for await message in inputs {
            switch message {
            case .output(let event):
                await handle(event, state: &state)
            case .tick:
                // yt-dlp's newest figure waited for this tick instead of waking the job itself.
                if let report = process.takeHeldProgress() { await handle(.progress(report), state: &state) }
                checkStall(state: state)
                publishProgress(state: &state)
            case .stop(let reason):
                if state.stopReason == nil {
                    state.stopReason = reason
                    process.stop()
                }
            case .processFinished:
                break loop
            }
        }
        let result = await running.value
        input.finish()
        await finish(state, result: result, failure: nil)
    }

    private func handle(_ event: YtDlpEvent, state: inout JobState) async {
        switch event {
        case .started(let pid, let startTime):
            let child = ProcessIdentity(pid: pid, startTime: startTime ?? ProcessControl.startTime(pid: pid) ?? 0)
            state.child = child
            if (try? await database.recordChild(claim, child: child, commandLine: state.task.commandLine ?? "")) == false {
                stop(.claimLost)
            }
        case .info(let info):
            // Reading the page is over: from now on the stall watch waits for bytes.
            if state.extracting { state.lastByteAt = ContinuousClock.now }
            state.info = info
            state.overall.accept(info)
            // A file already under the final name is not downloaded again: yt-dlp, writing to
            // the staging folder, cannot see it, so the job stops the run and records that file.
            if info.playlistIndex == nil, let staged = info.filename, DownloadedFile.isDirectlyInside(staged, folder: stagingFolder) {
                let destination = StagingFolder.destination(of: staged, in: downloadFolder)
                if FileManager.default.fileExists(atPath: destination), state.stopReason == nil {
                    state.alreadyThere = destination
                    stop(.alreadyDownloaded)
                }
            }
            if let index = info.playlistIndex {
                await startEntry(index, info: info, state: &state)
                return
            }
            if let title = info.title { state.task.title = title }
            state.task.metaData = info.metaData
            if (try? await database.recordInfo(claim, title: info.title, metaData: info.metaData)) == false {
                stop(.claimLost)
            }
        case .progress(let report):
            if report.progress.downloadedBytes != state.lastReportedBytes {
                state.lastByteAt = ContinuousClock.now
                state.lastReportedBytes = report.progress.downloadedBytes
            }
            // After a format finishes, ffmpeg may work for minutes with no bytes to count;
            // the next format's download (a merge) starts the watch again.
            if report.status == .finished {
                state.postprocessing = true
            } else if state.postprocessing {
                state.postprocessing = false
                state.lastByteAt = ContinuousClock.now
            }
            let progress = state.overall.accept(report)
            if let limit = configuration.ytDlpOptions.maxFilesize, state.stopReason == nil,
               progress.downloadedBytes > limit || (report.progress.totalBytes ?? 0) > limit {
                stop(.tooLarge)
            }
            show(progress, state: &state)
        case .postprocess(let step):
            if let progress = state.overall.accept(step) { show(progress, state: &state) }
        case .done(let path):
            if let index = state.entry { await finishEntry(index, path: path, state: &state) }
        case .stderr(let line):
            if state.isPlaylist, line.hasPrefix("ERROR:") { state.entryErrors.append(YtDlpErrorClassifier.classify(errorLine: line)) }
        case .output, .signalSent:
            break
        }
    }

    /// Takes the run's figure. The first, and one that starts a new phase (merging, moving into
    /// place), is published at once; the others with the next tick, so every download's figure
    /// reaches the screen in the same wake-up, once a second.
    private func show(_ progress: DownloadProgress, state: inout JobState) {
        let now = state.progress == nil || state.progress?.phase != progress.phase
        state.progress = progress
        state.task.downloadedBytes = progress.downloadedBytes
        state.task.totalBytes = progress.totalBytes
        state.progressUnpublished = true
        shownProgress.withLock { $0 = progress }
        if now { publishProgress(state: &state) }
    }

    /// Publishes the figure if it changed since it was last published.
    private func publishProgress(state: inout JobState) {
        guard state.progressUnpublished, let progress = state.progress else { return }
        state.progressUnpublished = false
        // A playlist's entries are not in it (a page reload, on `changed`, brings them).
        events.publish(.progressUpdated(state.task, progress))
    }

    private func checkStall(state: JobState) {
        let limit = state.extracting ? configuration.extractionTimeout : configuration.stallTimeout
        guard state.stopReason == nil, !state.postprocessing, ContinuousClock.now - state.lastByteAt >= limit else { return }
        stop(.stalled)
    }
}
