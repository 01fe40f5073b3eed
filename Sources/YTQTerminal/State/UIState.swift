import Foundation
import YTQCore

/// Everything the screen shows, as plain data: the form, the task list, the error pane,
/// the open overlay. The app loop owns one value, feeds it keys (`handle(_:)`) and task
/// changes (`handle(event:)`, `replaceTasks`, `upsert`), carries out the returned
/// `UIEffect`s, and redraws with `render` when `needsRedraw` is set.
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

    /// The loaded tasks, newest first (set them with `replaceTasks` / `upsert`).
    public internal(set) var tasks: [DownloadTask] = []
    /// Live progress of running tasks, by task id.
    public var progress: [Int64: DownloadProgress] = [:]
    /// Automatic retries waiting to run, by task id.
    public var retries: [Int64: RetryNote] = [:]
    /// How many tasks the store holds when `tasks` is only a page of them.
    public var totalTaskCount: Int?
    /// Tasks per status in the whole store, when the loop counts them there (a page of
    /// `tasks` cannot tell); the header and the quit question use it.
    public var statusCounts: [DownloadStatus: Int]?

    /// The cursor row in the (filtered) list.
    public internal(set) var selectedRow = 0
    /// The first list row shown.
    public internal(set) var scrollOffset = 0
    /// The list filter: tasks whose id, title, URL, format or status contain it.
    public var filter = TextField()
    /// Whether keys go to the filter field (after `/`).
    public var isEditingFilter = false

    /// The error pane, newest first.
    public var errors: [ErrorEntry] = []
    public var statusMessage: StatusMessage?
    public var overlay: Overlay = .none
    /// How far the help or details overlay is scrolled.
    public var overlayScroll = 0

    /// Set by every change that alters the screen; the loop draws, then calls `didRedraw()`.
    public var needsRedraw = true

    /// How many errors the pane keeps.
    public static let maxErrors = 50

    public init(size: TerminalSize = TerminalSize(columns: 80, rows: 24)) {
        self.size = size
    }

    /// The loop calls this after drawing a frame.
    public mutating func didRedraw() { needsRedraw = false }

    /// The terminal changed size: keep the cursor row on screen.
    public mutating func resize(to newSize: TerminalSize) {
        size = newSize
        keepSelectionVisible()
        needsRedraw = true
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
        case .none:
            switch focus {
            case .form: return .form
            case .format: return .format
            case .list: return isEditingFilter ? .filter : .list
            }
        }
    }

    /// How many tasks hold a download slot (pending or downloading).
    public var activeCount: Int {
        if let statusCounts { return DownloadStatus.active.reduce(0) { $0 + (statusCounts[$1] ?? 0) } }
        return tasks.reduce(0) { $0 + ($1.status.isActive ? 1 : 0) }
    }

    /// How many of the newest tasks a loop that pages from the store should have loaded:
    /// two screens past the first row shown. Read it after each turn; load more when
    /// `tasks.count` is below it and `totalTaskCount` says there are more.
    public var neededRowCount: Int { scrollOffset + 3 * max(1, listRows) }

    /// Whether something on screen changes with time alone (a retry countdown), so the loop
    /// should tick about once a second; otherwise it can sleep until input or an event.
    public var wantsTicks: Bool { !retries.isEmpty }
}
