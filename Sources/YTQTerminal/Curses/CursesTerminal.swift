import CNcursesShim
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The only code that touches ncurses: takes over the terminal, copies `Screen`s to it and
/// reads keys. Not thread-safe and not `Sendable`: create it, use it and `restore()` it on
/// one thread, the UI thread. Other threads reach that thread with a `TerminalWakeup`.
///
/// Start: `setlocale(LC_ALL, "")` (and from the locale's codeset, the `glyphs` to draw with),
/// a refusal of `TERM=dumb`, `newterm`, raw mode (so Ctrl-C is a key), no echo, no
/// newline translation, colours from the terminal's palette unless `NO_COLOR`, bracketed
/// paste on, stderr captured (replayed on restore). Every exit path restores the terminal:
/// `restore()` (idempotent; call it from the loop's quit and signal-event handling),
/// `deinit`, `exit`, and crash signals (see `TerminalCrashGuard`).
public final class CursesTerminal {
    /// How to set the terminal up.
    public struct Options: Sendable {
        /// Use the terminal's colours; false with `NO_COLOR` set (any value but empty).
        public var color: Bool
        /// Ask the terminal to bracket pastes, so a pasted URL arrives whole.
        public var bracketedPaste: Bool
        /// Send stderr to a temporary file while curses draws, and replay it at `restore()`.
        public var captureStderr: Bool

        public init(color: Bool = true, bracketedPaste: Bool = true, captureStderr: Bool = true) {
            self.color = color
            self.bracketedPaste = bracketedPaste
            self.captureStderr = captureStderr
        }

        /// The options for an environment: colour unless `NO_COLOR` is set and not empty.
        public static func from(environment: [String: String]) -> Options {
            Options(color: (environment["NO_COLOR"] ?? "").isEmpty)
        }
    }

    public let options: Options
    /// What the locale can encode, decided once at start: box lines and blocks in UTF-8,
    /// ASCII otherwise (LANG unset). The loop renders with it.
    public let glyphs: Glyphs
    /// The terminal's size as of the last start, resize or `refreshSize()`.
    public internal(set) var size: TerminalSize
    var palette: CursesPalette
    var lastFrame: Screen?
    var decoder = KeyDecoder()
    private var screenPointer: OpaquePointer?
    private var output: UnsafeMutablePointer<FILE>?
    private var input: UnsafeMutablePointer<FILE>?
    public private(set) var isActive = false
    /// The terminal hung up (seen by `readKeys`): the screen should end as on SIGHUP.
    public internal(set) var hungUp = false

    /// Takes over the terminal; throws when stdin or stdout is not a terminal or curses fails.
    public init(options: Options = .init()) throws(TerminalError) {
        self.options = options
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw TerminalError("ytq's screen needs a terminal: stdin and stdout must be a TTY")
        }
        _ = setlocale(LC_ALL, "")
        glyphs = nl_langinfo(nl_item(CODESET)).map { Glyphs.forCodeset(String(cString: $0)) } ?? .ascii
        let term = getenv("TERM").map { String(cString: $0) } ?? ""
        guard term != "dumb" else {
            // Curses starts on a dumb terminal, but cannot move its cursor: nothing would draw.
            throw TerminalError("TERM='dumb' cannot show ytq's screen (it has no cursor movement); set TERM to your terminal "
                                + "(e.g. xterm-256color), or use the commands (ytq add, ytq list)")
        }
        TerminalCrashGuard.arm()
        output = fdopen(dup(STDOUT_FILENO), "w")
        input = fdopen(dup(STDIN_FILENO), "r")
        guard let output, let input, let screen = newterm(nil, output, input) else {
            TerminalCrashGuard.disarm()
            throw TerminalError("could not start curses for TERM='\(term)'; set TERM to your terminal (e.g. xterm-256color)")
        }
        screenPointer = screen
        _ = raw()
        _ = noecho()
        _ = nonl()
        _ = ytq_keypad(false)
        _ = curs_set(0)
        palette = CursesPalette(colorWanted: options.color)
        size = TerminalSize(columns: Int(ytq_columns()), rows: Int(ytq_rows()))
        isActive = true
        _ = ytq_refresh()
        if options.bracketedPaste { Self.send("\u{1B}[?2004h") }
        if options.captureStderr { TerminalCrashGuard.captureStderr() }
    }

    deinit {
        restore()
    }

    /// Gives the terminal back as it was: bracketed paste off, `endwin`, stderr replayed.
    /// Safe to call more than once; the terminal cannot be used afterwards.
    public func restore() {
        guard isActive else { return }
        isActive = false
        if options.bracketedPaste { Self.send("\u{1B}[?2004l") }
        _ = curs_set(1)
        _ = endwin()
        if let screenPointer { delscreen(screenPointer) }
        screenPointer = nil
        if let output { fclose(output) }
        if let input { fclose(input) }
        output = nil
        input = nil
        TerminalCrashGuard.releaseStderr()
        TerminalCrashGuard.disarm()
    }

    /// Asks the kernel for the window size and tells curses; returns the new size. The loop
    /// calls this for every resize it hears of: its own SIGWINCH trap (which replaces curses'
    /// handler), or the `.resize` that `readKeys` returns for the `KEY_RESIZE` curses queues.
    @discardableResult
    public func refreshSize() -> TerminalSize {
        guard isActive else { return size }
        if let window = Self.windowSize(), Int32(window.rows) != ytq_rows() || Int32(window.columns) != ytq_columns() {
            // Only on a real change: resizeterm queues a KEY_RESIZE of its own.
            _ = resizeterm(Int32(window.rows), Int32(window.columns))
        }
        size = TerminalSize(columns: Int(ytq_columns()), rows: Int(ytq_rows()))
        lastFrame = nil
        return size
    }

    /// The kernel's size of the terminal on stdout, nil when it is not a terminal or says 0x0.
    /// Needs no curses: the UI loop asks for its first page with it before curses starts.
    public static func windowSize() -> TerminalSize? {
        var window = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &window) == 0, window.ws_row > 0, window.ws_col > 0 else { return nil }
        return TerminalSize(columns: Int(window.ws_col), rows: Int(window.ws_row))
    }

    /// Sends a bell, a desktop notification or a window title (`TerminalNotice`) to the
    /// terminal, outside curses' buffer; nothing once the terminal is restored, and a
    /// terminal that is gone is no error.
    public func signal(_ sequence: String) {
        guard isActive else { return }
        Self.send(sequence)
    }

    /// Writes control bytes straight to the terminal (outside curses' buffer).
    static func send(_ sequence: String) {
        var bytes = Array(sequence.utf8)
        _ = write(STDOUT_FILENO, &bytes, bytes.count)
    }
}
