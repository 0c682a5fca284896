import CNCursesw
import TerminalKit

extension CursesTerminal {
    /// Shows the frame: writes the rows that differ from the last frame into `stdscr`, then
    /// `wnoutrefresh` + `doupdate`, so ncurses sends the terminal only what changed.
    ///
    /// A frame of another size than the screen (a resize arrived after it was rendered) is
    /// clipped to the screen, and the screen outside it is blank. A wide character that would
    /// straddle the right edge of the screen is drawn as a space. The whole screen is repainted
    /// after a resize.
    public func draw(_ frame: Frame) {
        guard !isStopped else { return }
        let window = fd_stdscr()
        let screenSize = size
        if needsFullRepaint || screenSize != lastScreenSize {
            _ = wclear(window) // the terminal's content is unknown: clear it on the next update
            lastFrame = nil
            needsFullRepaint = false
        } else if frame.size != lastFrame?.size {
            _ = werase(window)
            lastFrame = nil
        }
        let rows = min(screenSize.height, frame.size.height)
        let columns = min(screenSize.width, frame.size.width)
        for y in 0..<rows where !rowIsUnchanged(y, in: frame) {
            drawRow(y, of: frame, columns: columns, window: window)
        }
        lastFrame = frame
        lastScreenSize = screenSize
        _ = wnoutrefresh(window)
        _ = doupdate()
    }

    private func rowIsUnchanged(_ y: Int, in frame: Frame) -> Bool {
        guard let last = lastFrame, last.size == frame.size else { return false }
        let row = y * frame.size.width..<(y + 1) * frame.size.width
        return last.cells[row] == frame.cells[row]
    }

    /// Writes one row, cell by cell. A whole row is rewritten when any cell in it changed, so a
    /// wide character never leaves half of itself behind in ncurses' picture of the screen.
    private func drawRow(_ y: Int, of frame: Frame, columns: Int, window: UnsafeMutablePointer<WINDOW>?) {
        var x = 0
        while x < columns {
            let cell = frame[x, y]
            if cell.isContinuation {
                // Reached only when the wide character before it is missing: draw a blank.
                put(Self.blank, style: cell.style, x: x, y: y, window: window)
                x += 1
                continue
            }
            let wideInFrame = x + 1 < frame.size.width && frame[x + 1, y].isContinuation
            if wideInFrame && x + 1 >= columns {
                put(Self.blank, style: cell.style, x: x, y: y, window: window) // clipped by the screen
                x += 1
                continue
            }
            var glyph = Self.glyph(for: cell.text)
            if glyph.width == 2 && !wideInFrame {
                // ncurses would cover the next cell too: keep the frame's columns instead.
                glyph = Self.glyph(for: String(DisplayText.controlPlaceholder))
            }
            put(glyph, style: cell.style, x: x, y: y, window: window)
            if wideInFrame {
                // The frame counts 2 columns where ncurses counts 1 (an emoji presentation
                // sequence): fill the second column so the rest of the row stays in place.
                if glyph.width < 2 { put(Self.blank, style: cell.style, x: x + 1, y: y, window: window) }
                x += 2
            } else {
                x += 1
            }
        }
    }

    private func put(_ glyph: Glyph, style: Style, x: Int, y: Int, window: UnsafeMutablePointer<WINDOW>?) {
        let (pair, new) = colorPairs.pair(for: style)
        if let new { _ = init_pair(pair, new.foreground, new.background) }
        var character = cchar_t()
        let attributes = Self.attributes(for: style.attributes)
        _ = glyph.characters.withUnsafeBufferPointer { fd_setcchar(&character, $0.baseAddress, attributes, pair) }
        // At the bottom-right corner this returns ERR (the cursor cannot move past it, and
        // scrolling is off) after storing the character, which is what we want.
        _ = mvwadd_wch(window, Int32(y), Int32(x), &character)
    }

    /// What one cell hands to `setcchar`: a NUL-terminated wide string and the columns ncurses
    /// will give it.
    struct Glyph {
        var characters: [wchar_t]
        var width: Int
    }

    static let blank = Glyph(characters: [0x20, 0], width: 1)

    /// The wide characters for one grapheme cluster, as ncurses can draw them in one cell: its
    /// first spacing character and the zero-width characters after it (at most `CCHARW_MAX`).
    ///
    /// The text is sanitized again (a cell built by hand could hold a control character). A
    /// cluster of several spacing characters (an emoji ZWJ sequence, a flag) keeps only the
    /// first one: ncurses keeps one spacing character per cell. An emoji presentation selector
    /// (VS16, U+FE0F) after a narrow character is dropped: terminals disagree on the width of
    /// "❤️" (tmux 3.3: 1 column, others 2), but all draw "❤" in 1. A cluster
    /// starting with a zero-width character gets a space before it; an unprintable one (wcwidth
    /// -1) becomes the placeholder "⍰"; an empty one a space.
    static func glyph(for text: String) -> Glyph {
        if text == " " { return blank }
        var characters: [wchar_t] = []
        var width = 0
        for scalar in DisplayText.sanitized(text).unicodeScalars {
            let character = wchar_t(bitPattern: scalar.value)
            let columns = Int(fd_curses_wcwidth(character))
            if characters.isEmpty {
                switch columns {
                case 1, 2: characters = [character]; width = columns
                case 0: characters = [0x20, character]; width = 1
                default: characters = [wchar_t(bitPattern: DisplayText.controlPlaceholder.unicodeScalars.first!.value)]; width = 1 // safe: the placeholder is a one-scalar literal
                }
                continue
            }
            if columns != 0 || characters.count == Int(fd_CCHARW_MAX()) { break }
            if scalar.value == 0xFE0F && width == 1 { continue } // VS16: see above
            characters.append(character)
        }
        while characters.count > 1, characters.last == 0x200D { characters.removeLast() } // dangling ZWJ
        if characters.isEmpty { return blank }
        characters.append(0)
        return Glyph(characters: characters, width: width)
    }

    /// The curses attribute bits (`A_BOLD`, ...) for the style's attributes.
    static func attributes(for attributes: Attributes) -> attr_t {
        var bits = fd_A_NORMAL()
        if attributes.contains(.bold) { bits |= fd_A_BOLD() }
        if attributes.contains(.reverse) { bits |= fd_A_REVERSE() }
        if attributes.contains(.underline) { bits |= fd_A_UNDERLINE() }
        if attributes.contains(.dim) { bits |= fd_A_DIM() }
        return bits
    }
}
