import Foundation
import YTQCore
import YTQScheduler
import YTQStore
import YTQTerminal

/// The UI loop: lives on the UI thread, owns the terminal and the `UIState`.
///
/// Each turn: wait in `poll` for keys, a resize or the inbox (with no timeout when nothing on
/// screen changes by itself), apply everything that arrived, carry out the effects, then draw
/// at most once, at most every `frameInterval`.
final class UILoop {
    /// What the loop needs from the rest of the process (all `Sendable`).
    struct Context: Sendable {
        let app: TerminalApp
        let inbox: AppInbox
        let scheduler: Scheduler
    }

    /// Frames that events (progress) ask for come at most 10 times a second: several updates
    /// a second for the eye, half the CPU of 20. A key press draws at once.
    static let frameInterval: Duration = .milliseconds(100)
    /// Reloads after database changes are coalesced to one per this interval.
    static let reloadInterval: Duration = .milliseconds(500)

    let context: Context
    let terminal: CursesTerminal
    var state: UIState
    var running = true
    var reloadDue: ContinuousClock.Instant?
    var lastReload = ContinuousClock.now - reloadInterval
    var lastDraw = ContinuousClock.now - frameInterval
    /// Tasks whose live progress comes from this process's scheduler events.
    var liveTasks: Set<Int64> = []
    /// A page read is under way; a reload asked for meanwhile waits for it (one at a time,
    /// so pages never arrive out of order).
    var pageInFlight = false
    var reloadWanted = false

    private init(context: Context, terminal: CursesTerminal) {
        self.context = context
        self.terminal = terminal
        self.state = UIState(size: terminal.size)
    }

    /// Takes over the terminal, runs until quit, restores it. Returns how many downloads this
    /// process was running at the end.
    static func run(_ context: Context) -> Result<Int, TerminalError> {
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal(options: .from(environment: context.app.environment))
        } catch {
            return .failure(error)
        }
        // Resizes come as events: SIGWINCH goes to whichever thread does not block it, so
        // curses' own handler would not wake this thread's poll. (Replaces curses' handler;
        // the loop calls refreshSize itself.)
        let inbox = context.inbox
        let resizes = SignalTrap([SIGWINCH]) { _ in inbox.post(.resized) }
        let loop = UILoop(context: context, terminal: terminal)
        loop.reload()
        loop.loop()
        terminal.restore()
        withExtendedLifetime(resizes) {}
        return .success(loop.liveTasks.count)
    }

    private func loop() {
        while running {
            drawIfDue(force: false)
            let keys = terminal.readKeys(timeout: nextTimeout(), wakeup: context.inbox.wakeup)
            for key in keys where running {
                if key == .resize { state.resize(to: terminal.refreshSize()) }
                perform(state.handle(key))
            }
            for message in context.inbox.drain() where running {
                apply(message)
            }
            if let due = reloadDue, ContinuousClock.now >= due { reload() }
            if !pageInFlight, state.tasks.count < state.neededRowCount, state.tasks.count < (state.totalTaskCount ?? 0) { reload() }
            if state.wantsTicks { state.needsRedraw = true }
            if !keys.isEmpty { drawIfDue(force: true) }
        }
    }

    /// How long `poll` may sleep: until a coalesced reload or frame is due, a second while a
    /// countdown shows, otherwise until something happens.
    private func nextTimeout() -> Duration? {
        let now = ContinuousClock.now
        var deadlines: [ContinuousClock.Instant] = []
        if let reloadDue { deadlines.append(reloadDue) }
        if state.needsRedraw { deadlines.append(lastDraw + Self.frameInterval) }
        if state.wantsTicks { deadlines.append(now + .seconds(1)) }
        guard let soonest = deadlines.min() else { return nil }
        return max(.zero, soonest - now)
    }

    private func drawIfDue(force: Bool) {
        guard state.needsRedraw else { return }
        let now = ContinuousClock.now
        guard force || now - lastDraw >= Self.frameInterval else { return }
        terminal.draw(RootView.render(state, now: Date()))
        state.didRedraw()
        lastDraw = now
    }

    private func apply(_ message: AppInbox.Message) {
        switch message {
        case .download(let event):
            switch event {
            case .started(let task), .progressUpdated(let task, _): liveTasks.insert(task.id)
            case .completed(let task, _), .failed(let task, _), .cancelled(let task), .retrying(let task, _, _, _):
                liveTasks.remove(task.id)
            case .changed: break
            }
            perform(state.handle(event: event))
        case .databaseChanged:
            scheduleReload()
        case .signal:
            running = false
        case .notice(let message):
            state.setStatus(message)
        case .error(let entry):
            state.addError(entry)
        case .removed(let id):
            state.removeTask(id: id)
            scheduleReload()
        case .resized:
            state.resize(to: terminal.refreshSize())
        case .submitted(let task):
            submitted(task)
        case .submissionFailed(let error):
            state.submissionFailed(error.description)
        case .taskUpdated(let task):
            state.upsert(task)
            state.setStatus(StatusMessage("Queued task #\(task.id) again", kind: .success))
        case .page(let page):
            apply(page)
        }
    }

    func scheduleReload(immediately: Bool = false) {
        let earliest = immediately ? ContinuousClock.now : lastReload + Self.reloadInterval
        reloadDue = min(reloadDue ?? earliest, earliest)
    }

    /// Asks for the visible page (never the whole table); it arrives as `.page`.
    func reload() {
        reloadDue = nil
        lastReload = ContinuousClock.now
        guard !pageInFlight else {
            reloadWanted = true
            return
        }
        pageInFlight = true
        loadPage(filter: state.filter.text, limit: max(state.neededRowCount, 100))
    }

    private func apply(_ page: AppDatabase.TaskPage) {
        pageInFlight = false
        if reloadWanted {
            reloadWanted = false
            scheduleReload(immediately: true)
        }
        state.replaceTasks(page.tasks, totalCount: page.matchingCount)
        state.statusCounts = page.statusCounts
        // Tasks another process runs: show where they stand from the recorded bytes.
        for task in page.tasks where task.status == .downloading && !liveTasks.contains(task.id) {
            if let downloaded = task.downloadedBytes {
                state.progress[task.id] = DownloadProgress(downloadedBytes: downloaded, totalBytes: task.totalBytes)
            }
        }
        state.needsRedraw = true
    }
}
