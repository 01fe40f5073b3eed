import Foundation
import YTQCore
import YTQScheduler
import YTQStore
import YTQTerminal

/// ytq's screen: the scheduler running in-process, and the UI loop on its own thread.
///
/// Threads: the UI thread owns curses and the `UIState` (see `UILoop`); the scheduler (with
/// its database watch, which the screen shares) runs in Swift concurrency and posts to the
/// loop's `AppInbox`.
public struct TerminalApp: Sendable {
    /// The queue the in-process scheduler runs.
    public let database: AppDatabase
    /// What the user does on the screen goes through here, as `requester`.
    public let actions: EngineActions
    public let requester: Requester
    public let environment: [String: String]

    public init(database: AppDatabase, actions: EngineActions, requester: Requester, environment: [String: String]) {
        self.database = database
        self.actions = actions
        self.requester = requester
        self.environment = environment
    }

    /// Runs the screen until the user quits (or a signal asks), then stops the downloads
    /// gracefully so they resume on the next start.
    public func run() async throws(TerminalError) {
        let wakeup = try TerminalWakeup()
        let inbox = AppInbox(wakeup: wakeup)
        let scheduler = Scheduler(
            database: database, configuration: actions.configuration, onDatabaseChange: { inbox.post(.databaseChanged) })
        let events = scheduler.events.subscribe()
        let forwarder = Task { for await event in events { inbox.post(.download(event)) } }
        let running = Task {
            await scheduler.run()
            if let problem = await scheduler.stopProblem {
                inbox.post(.error(ErrorEntry(message: problem, hint: "downloads stopped; quit and start ytq again")))
            }
        }
        let trap = SignalTrap { inbox.post(.signal($0)) }
        let context = UILoop.Context(app: self, inbox: inbox, scheduler: scheduler, actions: actions.publishing(to: scheduler.events))
        let outcome: Result<Int, TerminalError> = await withCheckedContinuation { continuation in
            let thread = Thread {
                // Named from inside: on Linux, `Thread.name` set before `start()` never reaches
                // the OS thread, and `ps`/`top -H` and the benchmark look for "ytq-ui".
                Thread.current.name = "ytq-ui"
                continuation.resume(returning: UILoop.run(context))
            }
            thread.stackSize = 4 << 20
            thread.start()
        }
        if case .success(let downloading) = outcome, downloading > 0 {
            // The terminal may be gone (an SSH drop, `tmux kill-session`): a failed write is
            // ignored, never fatal, so the downloads below still stop the graceful way.
            try? FileHandle.standardOutput.write(contentsOf: Data("ytq: stopping \(downloading) download(s); they resume on the next start…\n".utf8))
        }
        await scheduler.shutdown()
        await running.value
        scheduler.events.finish()
        await forwarder.value
        withExtendedLifetime(trap) {}
        if case .failure(let error) = outcome { throw error }
    }
}
