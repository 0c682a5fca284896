/// A key the user pressed, decoded by a `Terminal` backend.
///
/// Printable text arrives as `.character` holding one grapheme cluster (an accented letter,
/// an Arabic letter or a whole emoji sequence), never as bytes.
public enum Key: Hashable, Sendable {
    case character(Character)
    case enter, escape, tab, backTab, backspace, delete, insert
    case up, down, left, right, home, end, pageUp, pageDown
    /// A function key, `F1` … `F12`; `F13` … `F24` are Shift-F1 … Shift-F12 on xterm-like
    /// terminals (named `S-F1` …).
    case function(Int)
    /// Control plus a letter, lower-cased (`Ctrl-U` is `.control("u")`).
    case control(Character)

    /// A short, stable name used in key maps, help text and tests ("F10", "Enter", "q", "^U").
    public var name: String {
        switch self {
        case .character(" "): return "Space"
        case .character(let c): return String(c)
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "S-Tab"
        case .backspace: return "Bksp"
        case .delete: return "Del"
        case .insert: return "Ins"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .function(let n): return n > 12 ? "S-F\(n - 12)" : "F\(n)"
        case .control(let c): return "^\(String(c).uppercased())"
        }
    }
}

/// What a terminal reports to the program.
public enum TerminalEvent: Equatable, Sendable {
    case key(Key)
    /// The window changed size; the new size in columns and rows.
    case resize(Size)
    /// Text pasted into the terminal (bracketed paste): text to insert, never keys, whatever it
    /// holds (newlines and tabs included).
    case paste(String)
}
