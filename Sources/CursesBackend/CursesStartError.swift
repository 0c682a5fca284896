import TerminalKit

/// Why the curses terminal could not start. The terminal is left as it was in every case.
public enum CursesStartError: Error, Equatable, Sendable {
    /// The process locale (from `LC_ALL`, `LC_CTYPE` or `LANG`) is not UTF-8; holds its name ("C").
    case localeNotUTF8(String)
    /// The environment asks for a UTF-8 locale that is not installed on this machine.
    case localeMissing(String)
    /// `TERM` is missing or empty.
    case termUnset
    /// `TERM` names a terminal with no terminfo entry, or one that cannot drive a full screen
    /// (a hard-copy or generic type such as `dumb`); holds the name.
    case unknownTerm(String)

    /// One line of English for standard error, without a trailing newline.
    public var message: String {
        switch self {
        case .localeMissing(let locale):
            return "The locale \"\(DisplayText.sanitized(locale))\" is not installed here (see 'locale -a'): "
                + "install it, or set LANG=C.UTF-8."
        case .localeNotUTF8(let locale):
            return "The terminal needs a UTF-8 locale, but the current one is \"\(DisplayText.sanitized(locale))\": "
                + "set LANG to a UTF-8 locale such as C.UTF-8."
        case .termUnset:
            return "TERM is not set: set it to your terminal's type, for example TERM=xterm-256color."
        case .unknownTerm(let term):
            return "TERM=\"\(DisplayText.sanitized(term))\" has no usable terminfo entry on this system: "
                + "set TERM to your terminal's type, for example TERM=xterm-256color."
        }
    }
}
