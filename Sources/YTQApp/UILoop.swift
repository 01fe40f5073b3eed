import Foundation
import YTQCore
import YTQScheduler
import YTQStore
import YTQTerminal

/// The UI loop: lives on the UI thread, owns the terminal and the `UIState`.
///
/// Each turn: wait in `poll` for keys, a resize or the inbox (with no timeout when nothing on
/// screen changes by itself), apply everything that arrived, carry out the effects, then draw
/// when the state differs from the one drawn last: at once after a key or a page of the list
/// (`FrameTiming`), otherwise at most every `frameInterval`.
final class UILoop {
    /// What the loop needs from the rest of the process (all `Sendable`).
    struct Context: Sendable {
        let app: TerminalApp
        let inbox: AppInbox
        /// Wakes whoever runs the queue after an action (this process's scheduler).
        let poke: @Sendable () -> Void
        /// The user's actions (personal mode: announced on the scheduler's event bus).
        let actions: any TaskActions
        /// Whether quitting stops the downloads (personal mode) or they go on (a service's).
        let downloadsStopOnQuit: Bool
        /// Bell, desktop notifications, window title: what the config allows.
        var signals: ScreenSignals { app.signals }
        /// Where finished files go, when this process runs the downloads.
        var downloadFolder: String?
    }

    /// Frames that events (progress) ask for come at most 10 times a second: several updates
    /// a second for the eye, half the CPU of 20. A key press draws at once.
    static let frameInterval: Duration = .milliseconds(100)
    /// While a countdown shows (`UIState.wantsTicks`), a frame at least this often.
    static let tickInterval: Duration = .seconds(1)
    /// Reloads after database changes are coalesced to one per this interval.
    static let reloadInterval: Duration = .milliseconds(500)
    /// After a failed page read, the next try comes this much later (nothing else may ask:
    /// a service that went away sends no change until it is back).
    static let failedReloadDelay: Duration = .seconds(2)

    let context: Context
    let terminal: CursesTerminal
    var state: UIState
    var running = true
    var reloadDue: ContinuousClock.Instant?
    var lastReload = ContinuousClock.now - reloadInterval
    /// The state the screen shows, and when it was drawn.
    var lastDrawn: UIState?
    var lastDraw = ContinuousClock.now - frameInterval
    /// A page read is under way; a reload asked for meanwhile waits for it (one at a time,
    /// so pages never arrive out of order).
    var pageInFlight = false
    var reloadWanted = false
    /// The last page read failed: missing rows wait for the timed retry, not ask at once.
    var pageReadFailed = false
    /// The URL history was asked for. Not before the first page is in: read beside it, its
    /// 400 rows (sent as JSON by a shared queue) held the first screen back.
    var historyAsked = false
    /// The window title last sent (`ScreenSignals.windowTitle`).
    var lastTitle: String?
    /// Where the list's order is kept across restarts.
    let sortPreference: SortPreference

    /// - Parameter firstPageAsked: the first page was asked for already (`run`), so it is in flight.
    private init(context: Context, terminal: CursesTerminal, sortPreference: SortPreference, order: TaskOrder, firstPageAsked: Bool) {
        self.context = context
        self.terminal = terminal
        self.sortPreference = sortPreference
        self.state = Self.initialState(context, size: terminal.size, order: order)
        if firstPageAsked {
            pageInFlight = true
            lastReload = ContinuousClock.now
            // It holds the screen's rows only: the window around them is read next.
            reloadWanted = true
        }
    }

    /// The state the screen starts in, at `size`, in the kept `order`.
    private static func initialState(_ context: Context, size: TerminalSize, order: TaskOrder) -> UIState {
        var state = UIState(size: size)
        state.sharedQueue = !context.downloadsStopOnQuit
        state.downloadFolder = context.downloadFolder
        state.order = order
        return state
    }

    /// Takes over the terminal, runs until quit, restores it. Returns how many downloads this
    /// process was running at the end.
    static func run(_ context: Context) -> Result<Int, TerminalError> {
        // The first page is asked for before curses starts, with the window the kernel's size
        // of the terminal gives, so that the read (a round trip to a shared queue, or the store)
        // runs while curses loads terminfo and draws the empty frame. It holds the rows on
        // screen only; the whole window follows as soon as it is in (`init`). Should curses
        // see another size, `needsRows` asks again for what the page lacks.
        let sortPreference = SortPreference(environment: context.app.environment)
        let order = sortPreference.load()
        let firstWindow = CursesTerminal.windowSize().map { initialState(context, size: $0, order: order).screenWindow }
        if let firstWindow { loadPage(context, filter: .all, order: order, offset: firstWindow.offset, limit: firstWindow.limit) }
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal(options: .from(environment: context.app.environment))
        } catch {
            return .failure(error)
        }
        // Resizes come as events: SIGWINCH goes to whichever thread does not block it, so a
        // signal handler would not wake this thread's poll. Trapping it here also takes the
        // signal from curses, whose `KEY_RESIZE` then only follows our own `resizeterm`.
        let inbox = context.inbox
        let resizes = SignalTrap([SIGWINCH]) { _ in inbox.post(.resized) }
        let loop = UILoop(context: context, terminal: terminal, sortPreference: sortPreference, order: order, firstPageAsked: firstWindow != nil)
        if context.signals.windowTitle { terminal.signal(TerminalNotice.saveTitle) }
        if firstWindow == nil { loop.reload() }
        loop.loop()
        if context.signals.windowTitle { terminal.signal(TerminalNotice.restoreTitle) }
        terminal.restore()
        withExtendedLifetime(resizes) {}
        return .success(loop.state.runningHere.count)
    }

    private func loop() {
        drawIfDue(force: true)
        while running {
            let keys = terminal.readKeys(timeout: nextTimeout(), wakeup: context.inbox.wakeup)
            let messages = context.inbox.drain()
            // The state's clock moves only when something arrived or a message ages out, so
            // an idle screen stays equal to the one drawn and the loop sleeps.
            let now = Date()
            if !keys.isEmpty || !messages.isEmpty || state.nextDeadline.map({ $0 <= now }) == true {
                state.advanceClock(to: now)
            }
            for key in keys where running {
                if key == .resize { resize() } else { carryOut(state.handle(key)) }
            }
            if terminal.hungUp { running = false }
            var drawNow = !keys.isEmpty
            for message in messages where running {
                if apply(message) == .now { drawNow = true }
            }
            if let due = reloadDue, ContinuousClock.now >= due { reload() }
            if !pageInFlight, !pageReadFailed, state.needsRows { reload() }
            if let id = state.askForDetails() { loadDetails(id) }
            if running { drawIfDue(force: drawNow) }
        }
    }

    /// The one way a resize is handled, whether SIGWINCH or curses' `KEY_RESIZE` reported it.
    private func resize() {
        state.resize(to: terminal.refreshSize())
    }

    /// Whether the screen lags the state: the state changed since the last frame, the
    /// terminal lost its frame (Ctrl-L, a resize), or a countdown's second has passed.
    private func screenIsStale(at now: ContinuousClock.Instant) -> Bool {
        state != lastDrawn || terminal.needsRepaint || (state.wantsTicks && now - lastDraw >= Self.tickInterval)
    }

    /// How long `poll` may sleep: until a coalesced reload or frame is due, a second after the
    /// last frame while a countdown shows, until the status message ages out, otherwise until
    /// something happens.
    private func nextTimeout() -> Duration? {
        let now = ContinuousClock.now
        var deadlines: [ContinuousClock.Instant] = []
        if let reloadDue { deadlines.append(reloadDue) }
        if screenIsStale(at: now) { deadlines.append(lastDraw + Self.frameInterval) }
        if state.wantsTicks { deadlines.append(lastDraw + Self.tickInterval) }
        if let deadline = state.nextDeadline {
            // The state's deadline is on the wall clock: wake a millisecond after it.
            deadlines.append(now + .milliseconds(Int(max(0, deadline.timeIntervalSinceNow) * 1000) + 1))
        }
        guard let soonest = deadlines.min() else { return nil }
        return max(.zero, soonest - now)
    }

    private func drawIfDue(force: Bool) {
        let now = ContinuousClock.now
        guard screenIsStale(at: now), force || now - lastDraw >= Self.frameInterval else { return }
        terminal.draw(RootView.render(state, now: Date(), glyphs: terminal.glyphs))
        lastDrawn = state
        lastDraw = now
        if context.signals.windowTitle, case let title = state.windowTitle, title != lastTitle {
            terminal.signal(TerminalNotice.windowTitle(title))
            lastTitle = title
        }
    }

    /// When what a message changed reaches the screen.
    enum FrameTiming {
        /// With the next frame: at most every `frameInterval` (progress, counts, notices).
        case due
        /// At once, as after a key: a page of the list. It is what the user waits for (the
        /// first full screen, a filter's rows, a row after its action), and pages come
        /// coalesced already (one read at a time, those after database changes at most every
        /// `reloadInterval`), so they add no more than a couple of frames a second.
        case now
    }

    private func apply(_ message: AppInbox.Message) -> FrameTiming {
        switch message {
        case .download(let event):
            // A run here started or ended (the store already says so): its `.reloadTask` is
            // due now, not after the change feed's coalescing, so that the row, the counts and
            // the quit question agree with the status line in the same frame.
            switch event {
            case .started, .completed, .failed, .cancelled, .retrying, .paused, .queued, .resumed:
                scheduleReload(immediately: true)
            case .progressUpdated, .changed, .recordingFailed:
                break
            }
            carryOut(state.handle(event: event))
        case .databaseChanged:
            scheduleReload()
        case .signal:
            running = false
        case .notice(let message):
            state.setStatus(message)
        case .error(let entry):
            // The status line never keeps saying "Retrying task #3…" beside its refusal.
            state.actionFailed(entry)
        case .removed(let id):
            state.taskRemoved(id)
            scheduleReload(immediately: true)
        case .resized:
            resize()
        case .submitted(let task, let time):
            submitted(task, at: time)
        case .submissionFailed(.refused(let violation), let request):
            state.refused(violation, offer: .request(request))
        case .submissionFailed(let error, _):
            state.submissionFailed(error.description)
        case .refused(let violation, let offer):
            state.refused(violation, offer: offer)
        case .page(let page):
            apply(page)
            return .now
        case .pageFailed(let message):
            // The read is over: without this every later reload would wait for it forever.
            pageInFlight = false
            reloadWanted = false
            pageReadFailed = true
            state.setStatus(message)
            let retry = ContinuousClock.now + Self.failedReloadDelay
            reloadDue = min(reloadDue ?? retry, retry)
        case .urlHistory(let urls):
            state.replaceURLHistory(urls)
        case .duplicateChecked(let request, let existing):
            carryOut(state.duplicateChecked(request, existing: existing))
        case .details(let task):
            state.receiveDetails(task)
            return .now
        case .detailsFailed(let id, let message):
            state.detailsReadFailed(id)
            state.setStatus(message)
        }
        return .due
    }

    func scheduleReload(immediately: Bool = false) {
        let earliest = immediately ? ContinuousClock.now : lastReload + Self.reloadInterval
        reloadDue = min(reloadDue ?? earliest, earliest)
    }

    /// Asks for the window of rows the list shows (`UIState.pageWindow`, never the whole
    /// table); it arrives as `.page`. The store filters, orders and counts it, and the state
    /// takes it whole.
    func reload() {
        reloadDue = nil
        lastReload = ContinuousClock.now
        guard !pageInFlight else {
            reloadWanted = true
            return
        }
        pageInFlight = true
        let window = state.pageWindow
        Self.loadPage(context, filter: state.taskFilter, order: state.order, offset: window.offset, limit: window.limit)
    }

    private func apply(_ page: TaskPage) {
        pageInFlight = false
        pageReadFailed = false
        if reloadWanted {
            reloadWanted = false
            scheduleReload(immediately: true)
        }
        state.replacePage(TaskListPage(
            tasks: page.tasks, offset: page.offset, matchingCount: page.matchingCount, statusCounts: page.statusCounts, queuePlaces: page.queuePlaces,
            everyone: page.everyone))
        if !historyAsked {
            historyAsked = true
            carryOut([.loadURLHistory])
        }
    }
}
