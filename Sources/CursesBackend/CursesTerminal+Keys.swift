import CNCursesw
import TerminalKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension CursesTerminal {
    /// Waits up to `timeoutMilliseconds` (forever when negative) for a key or a resize.
    ///
    /// - A resize (`KEY_RESIZE`) gives `.resize` with the new screen size; the next `draw`
    ///   repaints the whole screen.
    /// - A character followed at once by combining characters (typed or pasted together) comes
    ///   as one `.character` holding the whole grapheme cluster.
    /// - Esc: ncurses waits 25 ms after an ESC byte for the rest of a known key sequence. An
    ///   unknown CSI (`ESC [` … final byte) or SS3 (`ESC O` x) sequence is dropped whole, so it
    ///   never types text. ESC followed at once by a digit (Alt-1 … Alt-9, Alt-0) is the function
    ///   key of that number (F1 … F9, F10): the alternative for terminals that eat F-keys. ESC
    ///   followed at once by anything else (Alt-x) comes as `.escape` and then the key itself:
    ///   there is no Alt modifier in `Key`.
    /// - Bracketed paste (`start` turns it on): text between `ESC [ 200 ~` and `ESC [ 201 ~`
    ///   comes as one `.paste`, never as keys, newlines and tabs included.
    /// - Raw paste (a terminal without bracketed paste): text, Enter and Tab that are already
    ///   waiting together are read as one burst. A burst of text, a line break or a tab, and
    ///   more text comes as one `.paste` (no person types that within one read; a pasted
    ///   address does), as does one with a control character inside. Any other burst comes key by key, so a name typed quickly,
    ///   or sent by a barcode reader, followed by Enter still submits.
    /// - Keys that `Key` cannot name (F13 and up, Ctrl-arrows, mouse) are skipped.
    public func nextEvent(timeoutMilliseconds: Int) -> TerminalEvent? {
        guard !isStopped else { return nil }
        if !pendingEvents.isEmpty { return pendingEvents.removeFirst() }
        let window = fd_stdscr()
        let clock = ContinuousClock()
        let deadline = clock.now + .milliseconds(max(0, timeoutMilliseconds))
        while true {
            let remaining = timeoutMilliseconds < 0 ? -1 : milliseconds(from: clock.now, to: deadline)
            wtimeout(window, Int32(clamping: remaining))
            var code: wint_t = 0
            errno = 0
            let status = wget_wch(window, &code)
            if status == ERR {
                let interrupted = errno == EINTR // by a signal other than SIGWINCH
                if interrupted && (timeoutMilliseconds < 0 || clock.now < deadline) { continue }
                // A timeout, or the end of input (the terminal went away): in the latter case
                // wget_wch returns at once, so wait out the time asked instead of spinning.
                let left = timeoutMilliseconds < 0 ? 100 : milliseconds(from: clock.now, to: deadline)
                if left > 0 { napms(Int32(clamping: left)) }
                return nil
            }
            if status == KEY_CODE_YES && Int32(bitPattern: code) == KEY_RESIZE {
                needsFullRepaint = true
                return .resize(size)
            }
            if status == OK && code == 27 {
                if let event = eventAfterEscape(window) { return event }
            } else if let key = Self.decode(status: status, code: code) {
                if let scalar = InputBurst.text(of: key) { return burst(startingWith: scalar, window) }
                return .key(key)
            }
            if timeoutMilliseconds >= 0 && clock.now >= deadline { return nil }
        }
    }

    /// Decodes one result of `wget_wch` into a key, or nil for one `Key` cannot name.
    ///
    /// - `status == KEY_CODE_YES`: `code` is a curses key code (`KEY_UP`, `KEY_F(1)`, ...).
    ///   `KEY_FIND` and `KEY_SELECT` (what some vt220-like terminals send for Home and End) map
    ///   to `.home` and `.end`. `KEY_RESIZE` is not a key: nil (`nextEvent` handles it).
    /// - `status == OK`: `code` is a character. CR and LF are `.enter`, TAB `.tab`, ESC
    ///   `.escape`, DEL (127) and BS (8, Ctrl-H) `.backspace`, the other codes 1–26 are
    ///   `.control("a")`…`.control("z")`; NUL, 28–31, C1 controls and non-scalars are nil.
    static func decode(status: Int32, code: UInt32) -> Key? {
        if status == KEY_CODE_YES { return decodeKeyCode(Int32(bitPattern: code)) }
        guard status == OK else { return nil }
        switch code {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26: return .control(Character(Unicode.Scalar(UInt8(code + 0x60))))
        case 0...31, 0x80...0x9F: return nil
        default:
            guard let scalar = Unicode.Scalar(code) else { return nil }
            return .character(Character(scalar))
        }
    }

    private static func decodeKeyCode(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME, KEY_FIND: return .home
        case KEY_END, KEY_SELECT: return .end
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_IC: return .insert
        case KEY_DC: return .delete
        case KEY_BACKSPACE: return .backspace
        case KEY_BTAB: return .backTab
        case KEY_ENTER: return .enter
        case fd_KEY_F(1)...fd_KEY_F(24): return .function(Int(code - fd_KEY_F(0)))
        default: return nil
        }
    }

    /// What an ESC byte starts: nil for a dropped unknown sequence, a `.paste` for a bracketed
    /// paste, else `.escape`.
    private func eventAfterEscape(_ window: UnsafeMutablePointer<WINDOW>?) -> TerminalEvent? {
        guard let (status, code) = readAtOnce(window) else { return .key(.escape) }
        if status == OK, (0x30...0x39).contains(code) { // Alt-digit: the F-key of that number
            return .key(.function(code == 0x30 ? 10 : Int(code - 0x30)))
        }
        guard status == OK, code == 0x5B || code == 0x4F else { // "[" or "O"
            unread(status, code)
            return .key(.escape)
        }
        if code == 0x4F { // SS3: one more byte
            _ = readAtOnce(window)
            return nil
        }
        // CSI: parameter and intermediate bytes (0x20–0x3F), then a final byte (0x40–0x7E).
        var parameters = ""
        for _ in 0..<32 {
            guard let (_, next) = readAtOnce(window) else { break }
            if next == 0x7E, parameters == "200" { return .paste(pastedText(window)) }
            if (0x40...0x7E).contains(next) || !(0x20...0x3F).contains(next) { break }
            if let scalar = Unicode.Scalar(next) { parameters.unicodeScalars.append(scalar) }
        }
        return nil
    }

    /// The text of a bracketed paste, up to its end mark `ESC [ 201 ~` (waiting up to 200 ms for
    /// each next part), at most `Self.pasteLimit` scalars (the rest is read and dropped).
    private func pastedText(_ window: UnsafeMutablePointer<WINDOW>?) -> String {
        var text = String.UnicodeScalarView()
        var pending: [UInt32] = [] // a possible end mark, as read so far
        let end: [UInt32] = [27, 0x5B, 0x32, 0x30, 0x31, 0x7E]
        while let (status, code) = read(window, waitingMilliseconds: 200) {
            guard status == OK else { continue } // a key code inside a paste: not text
            if code == end[pending.count] {
                pending.append(code)
                if pending.count == end.count { break }
                continue
            }
            for value in pending + [code] where text.count < Self.pasteLimit {
                if let scalar = Unicode.Scalar(value) { text.append(scalar) }
            }
            pending = []
        }
        return String(text)
    }

    /// The most scalars a paste keeps: more than any field takes (the longest, a note, takes
    /// 500 characters), little enough that a huge paste never freezes the screen.
    static let pasteLimit = 4_096

    /// The next input, waiting up to `milliseconds` for it.
    private func read(_ window: UnsafeMutablePointer<WINDOW>?, waitingMilliseconds milliseconds: Int32) -> (Int32, UInt32)? {
        wtimeout(window, milliseconds)
        var code: wint_t = 0
        let status = wget_wch(window, &code)
        return status == ERR ? nil : (status, code)
    }

    /// Reads the text, Enter and Tab already waiting after `first` (up to `pasteLimit` scalars;
    /// more is read and dropped) and gives a `.paste` for a raw paste (`InputBurst.isPaste`), else the
    /// first key, keeping the others in `pendingEvents`. Any other key ends the burst and is read
    /// again next.
    private func burst(startingWith first: String, _ window: UnsafeMutablePointer<WINDOW>?) -> TerminalEvent {
        var text = first
        var scalars = first.unicodeScalars.count
        var sawControl = false
        while let (status, code) = readAtOnce(window) {
            if status == OK, let key = Self.decode(status: status, code: code), case .control = key {
                // A control character inside text that arrives at once is pasted text (a
                // Ctrl-T in a copied line must not call a ticket): dropped, and the burst is a paste.
                sawControl = true
                continue
            }
            guard status == OK, code != 27, let key = Self.decode(status: status, code: code),
                  let scalar = InputBurst.text(of: key) else {
                unread(status, code)
                break
            }
            guard scalars < Self.pasteLimit else { continue }
            text += scalar
            scalars += 1
        }
        if sawControl || InputBurst.isPaste(text) { return .paste(text) }
        var keys = InputBurst.keys(of: text)
        let head = keys.removeFirst()
        pendingEvents.append(contentsOf: keys.map { .key($0) })
        return .key(head)
    }

    /// The next input if it is already there, without waiting.
    private func readAtOnce(_ window: UnsafeMutablePointer<WINDOW>?) -> (Int32, UInt32)? {
        wtimeout(window, 0)
        var code: wint_t = 0
        let status = wget_wch(window, &code)
        return status == ERR ? nil : (status, code)
    }

    /// Pushes back an input read by `readAtOnce`; the next read returns it.
    private func unread(_ status: Int32, _ code: UInt32) {
        if status == KEY_CODE_YES {
            _ = ungetch(Int32(bitPattern: code))
        } else {
            _ = unget_wch(wchar_t(bitPattern: code))
        }
    }

    private func milliseconds(from now: ContinuousClock.Instant, to deadline: ContinuousClock.Instant) -> Int {
        let (seconds, attoseconds) = now.duration(to: deadline).components
        return max(0, Int(seconds) * 1000 + Int((attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000))
    }
}
