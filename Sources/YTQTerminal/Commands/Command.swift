/// Everything a key can ask the UI to do. `CommandTable` binds keys to these.
public enum Command: String, Sendable, CaseIterable, Hashable {
    case focusNext, focusPrevious
    case submit
    case nextFormat, previousFormat
    case moveUp, moveDown, pageUp, pageDown, top, bottom
    case openDetails
    case cancel, retry, remove, openFolder
    /// `O`: open the finished file in the default player; `y`: copy its path (or the URL).
    case openFile, copy
    /// ↑ ↓ in the URL field: recall an older or newer URL this user added.
    case historyOlder, historyNewer
    /// `n` `N`: the next or previous task matching the applied filter, wrapping around.
    case nextMatch, previousMatch
    case pauseOrResume
    /// Queue what a rule just refused (the URL, or a retry or resume).
    case queueRefused
    case moveQueuedUp, moveQueuedDown, moveQueuedTop
    case filter, applyFilter, clearFilter
    /// `s`: the next order of the list (`TaskOrder`).
    case cycleSort
    /// `:` opens the command line; Enter runs it, Tab completes, Esc leaves.
    case openCommandLine, runCommandLine, completeCommandLine, leaveCommandLine
    /// `x`: the newest error goes; `X`: all of them.
    case dismissError, clearErrors
    case help
    case closeOverlay
    case leaveField
    case confirm, confirmDeleteFile, deny
    case quit
    case interrupt
    case redraw
}
