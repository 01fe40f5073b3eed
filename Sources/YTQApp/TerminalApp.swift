import Foundation
import YTQClient
import YTQCore
import YTQScheduler
import YTQStore
import YTQTerminal

/// ytq's screen: the UI loop on its own thread, over the queue of either mode: the scheduler
/// running in this process (personal), or a shared queue's service (its client).
///
/// Threads: the UI thread owns curses and the `UIState` (see `UILoop`); the scheduler (with
/// its database watch, which the screen shares), or the service's event stream, runs in Swift
/// concurrency and posts to the loop's `AppInbox`.
public struct TerminalApp: Sendable {
    /// Where the queue the screen shows lives.
    public enum Backend: Sendable {
        /// Personal mode: the scheduler runs in this process over the user's own database.
        case personal(AppDatabase, EngineActions)
        /// Shared mode: `ytq serve` runs the queue; the screen is its client.
        case shared(ServiceClient)
    }

    public let backend: Backend
    /// Who acts on the screen.
    public let requester: Requester
    public let environment: [String: String]
    /// Bell, desktop notifications and window title, as the config allows.
    public let signals: ScreenSignals

    public init(backend: Backend, requester: Requester, environment: [String: String], signals: ScreenSignals = ScreenSignals()) {
        self.backend = backend
        self.requester = requester
        self.environment = environment
        self.signals = signals
    }

    /// Runs the screen until the user quits (or a signal asks). In personal mode it then
    /// stops the downloads gracefully so they resume on the next start; a shared queue's
    /// downloads go on in the service.
    public func run() async throws(TerminalError) {
        let wakeup = try TerminalWakeup()
        let inbox = AppInbox(wakeup: wakeup)
        let trap = SignalTrap { inbox.post(.signal($0)) }
        defer { withExtendedLifetime(trap) {} }
        switch backend {
        case .personal(let database, let actions):
            try await runPersonal(database: database, actions: actions, inbox: inbox)
        case .shared(let client):
            try await runShared(client: client, inbox: inbox)
        }
    }

    private func runPersonal(database: AppDatabase, actions: EngineActions, inbox: AppInbox) async throws(TerminalError) {
        let scheduler = Scheduler(
            database: database, configuration: actions.configuration, onDatabaseChange: { inbox.post(.databaseChanged) })
        scheduler.events.observe { inbox.post(.download($0)) }
        let running = Task {
            await scheduler.run()
            if let problem = await scheduler.stopProblem {
                inbox.post(.error(ErrorEntry(message: problem, hint: "downloads stopped; quit and start ytq again")))
            }
        }
        let context = UILoop.Context(
            app: self, inbox: inbox, poke: { scheduler.poke() }, actions: actions.publishing(to: scheduler.events), downloadsStopOnQuit: true,
            downloadFolder: actions.configuration.downloadDirectory)
        let outcome = await runLoop(context)
        if case .success(let downloading) = outcome, downloading > 0 {
            // The terminal may be gone (an SSH drop, `tmux kill-session`): a failed write is
            // ignored, never fatal, so the downloads below still stop the graceful way.
            try? FileHandle.standardOutput.write(contentsOf: Data("ytq: stopping \(downloading) download(s); they resume on the next start…\n".utf8))
        }
        await scheduler.shutdown()
        await running.value
        scheduler.events.finish()
        if case .failure(let error) = outcome { throw error }
    }

    private func runShared(client: ServiceClient, inbox: AppInbox) async throws(TerminalError) {
        let events = client.events(by: requester)
        let forwarder = Task {
            for await event in events {
                if case .changed = event { inbox.post(.databaseChanged) } else { inbox.post(.download(event)) }
            }
        }
        let context = UILoop.Context(app: self, inbox: inbox, poke: {}, actions: client, downloadsStopOnQuit: false)
        let outcome = await runLoop(context)
        forwarder.cancel()
        if case .failure(let error) = outcome { throw error }
    }

    /// Runs the UI loop on a thread of its own; how many downloads it saw running at the end.
    private func runLoop(_ context: UILoop.Context) async -> Result<Int, TerminalError> {
        await withCheckedContinuation { continuation in
            // `ps`/`top -H` and the benchmark look for "ytq-ui".
            NamedThread.start("ytq-ui", stackSize: 4 << 20) { continuation.resume(returning: UILoop.run(context)) }
        }
    }
}
