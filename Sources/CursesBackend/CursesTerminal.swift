import CNCursesw
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TerminalKit

/// A `Terminal` on ncursesw: the only code in FrontDesk that calls curses.
///
/// Frames are written cell by cell with wide-character calls (`setcchar` + `mvwadd_wch`), and
/// `wnoutrefresh` + `doupdate` let ncurses send only what changed on the screen. Keys come from
/// `wget_wch`; a resize arrives as `KEY_RESIZE` (ncurses' own SIGWINCH handling), never through a
/// handler of ours.
///
/// Input is in raw mode: Ctrl-C, Ctrl-Z, Ctrl-\ and Ctrl-S/Ctrl-Q reach the program as
/// `.control(...)` keys instead of signals or flow control, so a kiosk cannot be left by accident;
/// the program's key map decides what they do. The cursor is hidden.
///
/// Only one instance may be running at a time (curses has one current screen).
public final class CursesTerminal: Terminal {
    /// The ncurses screen made by `newterm`.
    private let screen: OpaquePointer
    /// True once `stop()` ran: drawing and reading do nothing.
    private(set) var isStopped = false
    var colorPairs: ColorPairTable
    /// The last frame written to the screen, for skipping rows that did not change.
    var lastFrame: Frame?
    /// The screen size `lastFrame` was written at.
    var lastScreenSize: Size?
    /// Set at start and on resize: the next draw repaints the whole screen.
    var needsFullRepaint = true
    /// Keys read ahead with a burst of typed text that was not a paste, delivered first.
    var pendingEvents: [TerminalEvent] = []

    private init(screen: OpaquePointer, colorPairs: ColorPairTable) {
        self.screen = screen
        self.colorPairs = colorPairs
    }

    deinit { stop() }

    /// Checks, without touching the terminal, what `start` needs: a UTF-8 locale (adopted from
    /// the environment) and a TERM with a usable terminfo entry. Returns the TERM value.
    /// - Throws: `CursesStartError.localeNotUTF8`, `.termUnset` or `.unknownTerm`.
    @discardableResult
    public static func checkEnvironment(_ environment: [String: String]) throws(CursesStartError) -> String {
        guard TerminalLocale.adoptEnvironment() else {
            // POSIX precedence: LC_ALL, then LC_CTYPE, then LANG.
            let requested = ["LC_ALL", "LC_CTYPE", "LANG"].compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
            let lower = requested.lowercased()
            if lower.contains("utf-8") || lower.contains("utf8") { throw .localeMissing(requested) }
            throw .localeNotUTF8(String(cString: fd_ctype_locale_name()))
        }
        guard let term = environment["TERM"], !term.isEmpty else { throw .termUnset }
        guard fd_term_is_usable(term) == 1 else { throw .unknownTerm(term) }
        return term
    }

    /// Takes over the terminal on standard input and output.
    ///
    /// Adopts the locale of the process environment first (`setlocale(LC_ALL, "")`, through
    /// `TerminalLocale.adoptEnvironment()`), which must be UTF-8. The terminal type is
    /// `environment["TERM"]`; it is opened with `newterm` (not `initscr`, which exits the process
    /// on an unknown type). Until curses is stopped, SIGINT, SIGTERM and SIGHUP restore the
    /// terminal and exit with 128 + the signal number, and a crash restores it before the
    /// crash report; `exit()` restores it too.
    ///
    /// - Parameter environment: the process environment (`ProcessInfo.processInfo.environment`).
    /// - Throws: `CursesStartError.localeNotUTF8`, `.termUnset` or `.unknownTerm`, with the
    ///   terminal untouched.
    public static func start(environment: [String: String]) throws(CursesStartError) -> CursesTerminal {
        let term = try checkEnvironment(environment)

        // Ours must be in place before newterm: ncurses installs its own SIGINT/SIGTERM handlers
        // only where the disposition is still the default.
        CursesSignals.install()
        guard let screen = term.withCString({ newterm($0, fd_stdout(), fd_stdin()) }) else {
            CursesSignals.restore()
            throw .unknownTerm(term)
        }
        _ = set_term(screen)
        _ = exitHandlerRegistration

        let window = fd_stdscr()
        raw()
        noecho()
        nonl()
        _ = keypad(window, true)
        _ = intrflush(window, false)
        _ = leaveok(window, true)
        _ = scrollok(window, false)
        _ = curs_set(0)
        // A lone Esc is told from the start of a key sequence by waiting this long for more bytes.
        _ = set_escdelay(25)
        // Bracketed paste: pasted text arrives marked, so it is inserted as text, never as keys.
        CursesTerminal.writeToTerminal(CursesTerminal.bracketedPasteOn)

        var capacity = 0
        var defaultColors = false
        if has_colors() && start_color() == OK {
            defaultColors = use_default_colors() == OK
            capacity = Int(fd_COLOR_PAIRS())
        }
        return CursesTerminal(screen: screen, colorPairs: ColorPairTable(capacity: capacity, defaultColorsAllowed: defaultColors))
    }

    /// Gives the terminal back: leaves curses mode (`endwin`) and restores the signal handlers
    /// that were there before `start`. Safe to call more than once; also called on deinit.
    public func stop() {
        guard !isStopped else { return }
        isStopped = true
        _ = set_term(screen)
        Self.writeToTerminal(Self.bracketedPasteOff)
        _ = endwin()
        CursesSignals.restore()
    }

    /// The current screen size in cells (`getmaxx`/`getmaxy` of `stdscr`), updated by ncurses
    /// when it reports `KEY_RESIZE`.
    public var size: Size {
        let window = fd_stdscr()
        return Size(width: Int(getmaxx(window)), height: Int(getmaxy(window)))
    }

    /// Registers, once per process, an exit handler that leaves curses mode if the program exits
    /// without `stop()`.
    private static let exitHandlerRegistration: Void = {
        _ = atexit {
            if !isendwin() {
                CursesTerminal.writeToTerminal(CursesTerminal.bracketedPasteOff)
                _ = endwin()
            }
        }
    }()

    /// The sequences that turn bracketed paste on and off (xterm; tmux passes them on).
    static let bracketedPasteOn = "\u{1B}[?2004h", bracketedPasteOff = "\u{1B}[?2004l"

    /// Writes a control sequence straight to the terminal (standard output), outside curses.
    static func writeToTerminal(_ sequence: String) {
        var bytes = Array(sequence.utf8)
        _ = bytes.withUnsafeMutableBytes { write(1, $0.baseAddress, $0.count) }
    }
}
