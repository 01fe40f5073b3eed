import Foundation
import YTQCore

/// Everything the screen shows, as plain data: the form, the task list, the error pane,
/// the open overlay. The app loop owns one value, feeds it keys (`handle(_:)`), scheduler
/// events (`handle(event:)`) and pages read from the store (`replacePage`), carries out the
/// returned `UIEffect`s, and redraws with `render` when the value differs from the one it
/// drew last (hence `Equatable`: everything `render` reads is in here).
///
/// Each fact has one owner: the task rows and every count come from the last page (the
/// store filters and orders it); live progress and retry countdowns come from events, by
/// task id. Events never edit the page: a lifecycle event asks for a reload.
public struct UIState: Sendable, Equatable {
    /// The terminal size; the loop sets it with `resize(to:)`. List scrolling depends on it.
    public internal(set) var size: TerminalSize
    public var focus: FocusArea = .form
    /// The URL field.
    public var url = TextField()
    /// An index into `FormatPreset.allCases`, or `FormatPreset.allCases.count` for a custom expression.
    public var formatIndex = 0
    /// The custom yt-dlp `-f` expression, used when `formatIndex` points past the presets.
    public var customFormat = TextField()
    /// The URLs this user added, for ↑ ↓ in the URL field (read from the store: `.loadURLHistory`).
    public internal(set) var urlHistory = URLHistory()

    /// The last page read from the store, replaced whole by `replacePage`.
    public internal(set) var page = TaskListPage()
    /// Live progress of this process's running downloads, by task id: set by progress
    /// events, dropped when the run ends.
    public var progress: [Int64: DownloadProgress] = [:]
    /// Automatic retries waiting to run, by task id.
    public var retries: [Int64: RetryNote] = [:]
    /// The downloads this process's scheduler runs now (started, not yet ended), by task id:
    /// the ones a quit stops. Tasks other processes run are never in it.
    public internal(set) var runningHere: Set<Int64> = []
    /// The task just submitted: the cursor goes to it when the next page holds it.
    public internal(set) var pendingSelection: Int64?
    /// The request on its way to the store (its duplicate check, then its add): Enter again
    /// meanwhile does not add the same URL a second time.
    public internal(set) var submitting: DownloadRequest?

    /// The cursor row in the list, counted among all the matching tasks (the page may not
    /// hold it yet: `needsRows`).
    public internal(set) var selectedRow = 0
    /// The first list row shown, counted the same way.
    public internal(set) var scrollOffset = 0
    /// The list filter: the store's page holds the tasks whose id, title, URL, format, status
    /// or error message contain it (the state itself never filters).
    public var filter = TextField()
    /// Whether keys go to the filter field (after `/`).
    public var isEditingFilter = false
    /// `n` or `N` moved the cursor to a row the page did not hold yet: the next page that
    /// holds it says where that task matched.
    public internal(set) var matchReportPending = false
    /// The pending report's jump wrapped around the end of the list.
    public internal(set) var matchReportWrapped = false
    /// The list's order: the store orders each page by it. The loop restores it at start.
    public var order: TaskOrder = .default
    /// The command line (after `:`), shown on the bottom line while `isEditingCommand`.
    public internal(set) var commandLine = TextField()
    /// Whether keys go to the command line.
    public internal(set) var isEditingCommand = false

    /// The state's clock: the time of the latest turn of the loop that brought something
    /// (`advanceClock(to:)`). Messages and errors are stamped with it; status messages age by it.
    public internal(set) var clock: Date

    /// The error pane, newest first. Entries go by themselves when their cause is gone
    /// (`ErrorEntry.Cause`), or with `x` (the newest) and `X` (all).
    public internal(set) var errors: [ErrorEntry] = []
    /// The latest status message, shown until it ages out (`visibleStatus`); `setStatus`
    /// keeps a newer message about the same task.
    public internal(set) var statusMessage: StatusMessage?
    /// What `Q` queues: the last request a rule refused.
    public var queueOffer: QueueOffer?
    public var overlay: Overlay = .none
    /// The screen is a client of a shared queue (`ytq serve`): its downloads go on after a
    /// quit, and the header shows everyone's slots.
    public var sharedQueue = false
    /// Where finished files go (the form's border shows it), when this process runs the
    /// downloads; nil for a shared queue's client, whose service decides.
    public var downloadFolder: String?
    /// How far the help or details overlay is scrolled.
    public var overlayScroll = 0
    /// The whole record of the task the details overlay shows, once read: the page's rows
    /// leave out its command line and metadata (`TaskFields.listed`). See `UIState+Details`.
    public internal(set) var wholeTask: DownloadTask?
    /// The row whose whole record was asked for last (`askForDetails`): asked again when the
    /// overlay opens, or when the row's `updated_at` moves.
    public internal(set) var detailsAsked: DownloadTask?
    /// The overlay's task whose whole record could not be read (until it is asked again).
    public internal(set) var detailsUnreadable: Int64?

    /// How many errors the pane keeps.
    public static let maxErrors = 50

    public init(size: TerminalSize = TerminalSize(columns: 80, rows: 24), clock: Date = Date()) {
        self.size = size
        self.clock = clock
    }

    /// The terminal changed size: keep the cursor row on screen.
    public mutating func resize(to newSize: TerminalSize) {
        size = newSize
        keepSelectionVisible()
    }

    /// The preset chosen in the format chooser, or nil when the custom expression is.
    public var selectedPreset: FormatPreset? {
        let presets = FormatPreset.allCases
        return presets.indices.contains(formatIndex) ? presets[formatIndex] : nil
    }

    /// The number of choices in the format chooser: the presets and the custom expression.
    public static var formatChoiceCount: Int { FormatPreset.allCases.count + 1 }

    /// Where keys go now: the open overlay, the filter field, or the focused area.
    public var keyContext: KeyContext {
        switch overlay {
        case .help: return .help
        case .details: return .details
        case .confirmQuit: return .confirmQuit
        case .confirmRemove: return .confirmRemove
        case .confirmCancel: return .confirmCancel
        case .confirmQueueMany: return .confirmQueueMany
        case .confirmDuplicate: return .confirmDuplicate
        case .none:
            switch focus {
            case .form: return .form
            case .format: return .format
            case .list: return isEditingCommand ? .commandLine : isEditingFilter ? .filter : .list
            }
        }
    }

    /// The tasks the page holds, in the store's order (a window of the list: `page.offset`).
    public var tasks: [DownloadTask] { page.tasks }

    /// How many rows the list has: every task matching the filter, loaded or not.
    public var rowCount: Int { page.matchingCount }

    /// How many tasks hold a download slot (pending or downloading), store-wide.
    public var activeCount: Int {
        DownloadStatus.active.reduce(0) { $0 + (page.statusCounts[$1] ?? 0) }
    }

    /// The window of rows the loop should read: from a screen above the first row shown to
    /// two screens below it (at least 100 rows). The store moves a window that runs past the
    /// end back to the last rows, so `G` reads the last page at once.
    public var pageWindow: (offset: Int, limit: Int) {
        let rows = max(1, listRows)
        return (max(0, scrollOffset - rows), max(100, 3 * rows))
    }

    /// The rows the list shows, and no more: what the first read asks for, so that the first
    /// screen waits for the least the store (or a shared queue, as JSON) has to send.
    public var screenWindow: (offset: Int, limit: Int) {
        (scrollOffset, max(1, listRows))
    }

    /// Whether the page lacks rows the list shows (after `G`, a page down, a resize): the
    /// loop reads `pageWindow` now.
    public var needsRows: Bool {
        let shown = scrollOffset..<min(rowCount, scrollOffset + max(1, listRows))
        return !shown.isEmpty && !(page.rows.contains(shown.lowerBound) && page.rows.contains(shown.upperBound - 1))
    }

    /// Whether something on screen changes every second (a retry countdown), so the loop
    /// should tick about once a second; otherwise it can sleep until input, an event or
    /// `nextDeadline`.
    public var wantsTicks: Bool { !retries.isEmpty }
}
