import Foundation
import Synchronization
import YTQCore

/// One run of yt-dlp for one task: start it, watch it, stop it, and judge the result.
///
/// ```swift
/// let process = YtDlpProcess(invocation: invocation)
/// async let result = process.run()
/// for await event in process.events { … }   // .started(pid:startTime:) comes first
/// let outcome = await result.outcome
/// ```
/// The child runs with stdin from `/dev/null`, stdout and stderr drained concurrently (stderr
/// never reaches the terminal), in its own session and process group (pgid = pid), so
/// `stop(grace:)` reaches yt-dlp and its ffmpeg children: SIGINT to the group, then SIGKILL
/// after the grace period. Cancelling the task that awaits `run()` does the same.
public final class YtDlpProcess: Sendable {
    public static let defaultStopGrace: Duration = .seconds(5)
    public static let stderrTailLimit = 60

    public let invocation: YtDlpInvocation
    public let stopGrace: Duration
    /// Everything the run reports, in order; finishes when `run()` is about to return.
    /// Meant for one consumer; events are buffered until read. Empty when `onEvent` was given.
    public let events: AsyncStream<YtDlpEvent>
    /// Takes each event instead of `events`, on the thread that read it (no task switch a line).
    let onEvent: (@Sendable (YtDlpEvent) -> Void)?
    /// With `onEvent`: the newest "downloading" figure of a run of them, held back (see `emit`).
    let held = Mutex(HeldProgress())

    struct HeldProgress {
        var report: YtDlpProgress?
        var lastWasProgress = false
    }

    let eventContinuation: AsyncStream<YtDlpEvent>.Continuation
    let stopRequests: AsyncStream<Duration>
    let stopContinuation: AsyncStream<Duration>.Continuation
    let parentEnvironment: [String: String]
    let state = Mutex(State())

    struct State {
        var runStarted = false
        var pid: Int32?
        var startTime: UInt64?
        var stopRequested = false
        var killed = false
    }

    /// - Parameters:
    ///   - stopGrace: how long yt-dlp gets after SIGINT before SIGKILL.
    ///   - environment: the environment `invocation.environment(inheriting:)` picks from.
    ///   - onEvent: where the events go instead of `events`: called in order, all of them before
    ///     `run()` returns, on a thread of the process runner's; it must not block. A figure
    ///     while bytes arrive is held back when it follows another one: the newest waits for
    ///     `takeHeldProgress()` (the caller's own tick) or goes just before the next other event,
    ///     so a download wakes its consumer with each change, not with each of yt-dlp's lines.
    public init(
        invocation: YtDlpInvocation, stopGrace: Duration = YtDlpProcess.defaultStopGrace,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        onEvent: (@Sendable (YtDlpEvent) -> Void)? = nil
    ) {
        self.invocation = invocation
        self.onEvent = onEvent
        self.stopGrace = stopGrace
        self.parentEnvironment = environment
        (events, eventContinuation) = AsyncStream.makeStream(of: YtDlpEvent.self, bufferingPolicy: .unbounded)
        (stopRequests, stopContinuation) = AsyncStream.makeStream(of: Duration.self, bufferingPolicy: .bufferingOldest(1))
    }

    /// The child's pid once started (also its process group id).
    public var pid: Int32? { state.withLock { $0.pid } }

    /// The child's start time (`/proc/<pid>/stat` field 22) once started.
    public var startTime: UInt64? { state.withLock { $0.startTime } }

    /// Whether `stop` was called (or the run was cancelled).
    public var isStopRequested: Bool { state.withLock { $0.stopRequested } }

    /// Asks the run to end: SIGINT to the process group now, SIGKILL after `grace`
    /// (default `stopGrace`). Safe to call at any time and more than once (only the first
    /// call counts); before the child starts, `run()` then starts nothing.
    public func stop(grace: Duration? = nil) {
        let first = state.withLock { state in
            defer { state.stopRequested = true }
            return !state.stopRequested
        }
        if first { stopContinuation.yield(grace ?? stopGrace) }
    }

    /// Runs yt-dlp to the end and returns the verdict. Call once. Never throws: every
    /// problem (missing yt-dlp, spawn failure, yt-dlp error, bad final file) is a `.failed`
    /// outcome with a reason. Cancelling the calling task stops the child as `stop()` does.
    public func run() async -> YtDlpResult {
        await withTaskCancellationHandler {
            // The run itself must not see the cancellation: it has to wait for the child.
            await Task { await self.execute() }.value
        } onCancel: {
            self.stop()
        }
    }

    func emit(_ event: YtDlpEvent) {
        guard let onEvent else {
            eventContinuation.yield(event)
            return
        }
        held.withLock { held in
            if case .progress(let report) = event {
                defer { held.lastWasProgress = true }
                if report.status == .downloading, held.lastWasProgress {
                    held.report = report
                    return
                }
            } else {
                held.lastWasProgress = false
            }
            if let waiting = held.report {
                held.report = nil
                onEvent(.progress(waiting))
            }
            onEvent(event)
        }
    }

    /// The newest figure held back since the last call or the last event passed on, if any.
    public func takeHeldProgress() -> YtDlpProgress? {
        held.withLock { held in
            defer { held.report = nil }
            return held.report
        }
    }

    /// Passes on a figure still held back (the run is over).
    func releaseHeldProgress() {
        guard let onEvent, let waiting = takeHeldProgress() else { return }
        onEvent(.progress(waiting))
    }
}
