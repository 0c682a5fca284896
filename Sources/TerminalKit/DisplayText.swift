import CWidth

/// Text measuring and neutralizing for the terminal: width by grapheme cluster, control and bidi
/// characters replaced by visible placeholders, truncation with "…" at a cluster boundary.
///
/// Widths come from glibc's `wcwidth` (Unicode East Asian Width and combining classes) and need
/// a UTF-8 locale (`setlocale`). A cluster is as wide as its widest scalar, capped at 2; an emoji
/// sequence joined by ZWJ U+200D and a flag take 2 columns; a narrow symbol presented as emoji
/// by VS16 U+FE0F ("❤️") takes 1, as tmux 3.3a and ncurses draw it. (tmux draws a skin-tone
/// sequence "👋🏽" in 4 columns; the curses backend draws its base only, in 2.)
public enum DisplayText {
    /// The placeholder drawn for a C1 control character, a bidi control, or a character the C
    /// library cannot measure.
    public static let controlPlaceholder: Character = "⍰"

    /// The text with every control character made visible and harmless.
    ///
    /// - C0 controls (U+0000–U+001F, including ESC, TAB, CR, LF) become the matching Control
    ///   Pictures (U+2400–U+241F), so `ESC[2J` shows as `␛[2J`; DEL becomes `␡`.
    /// - C1 controls (U+0080–U+009F), bidi embeddings, overrides and isolates
    ///   (U+202A–U+202E, U+2066–U+2069) and the line/paragraph separators become `⍰`.
    /// Ordinary text, including Arabic, Ge'ez and emoji sequences, is unchanged.
    public static func sanitized(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x20 {
                out.append(Unicode.Scalar(0x2400 + v)!) // safe: U+2400…U+241F are valid scalars
            } else if v == 0x7F {
                out.append("\u{2421}")
            } else if isUnsafe(scalar) {
                out.append(contentsOf: String(controlPlaceholder).unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// `sanitized` line by line: the line feeds between lines are kept (a message of several
    /// lines stays readable), every other control is neutralized. For text written to a
    /// terminal outside the screen: error messages that repeat what was typed on the command
    /// line (an escape sequence in an argument must not reach the terminal).
    public static func sanitizedLines(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { sanitized(String($0)) }.joined(separator: "\n")
    }

    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029: return true
        default: return false
        }
    }

    /// Columns taken by one grapheme cluster (0, 1 or 2, or more for a cluster of controls).
    ///
    /// - A cluster holding control characters is as wide as its placeholders once sanitized
    ///   ("\r\n" is one cluster and two placeholders: 2 columns).
    /// - A flag (a pair of regional indicators) takes 2 columns, as terminals draw it.
    /// - A cluster whose first scalar the C library cannot measure (unassigned in its Unicode
    ///   version, or any non-ASCII scalar without a UTF-8 locale) counts 1: `Frame` draws it
    ///   as `controlPlaceholder` so that every terminal agrees on its width.
    public static func width(of character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if scalars.contains(where: isUnsafe) {
            return width(of: sanitized(String(character)))
        }
        if first.value < 0x7F, scalars.count == 1 { return 1 }
        return clusterWidth(scalars)
    }

    /// True when the cluster can be drawn as it is: false when the C library cannot measure its
    /// first scalar (see `width(of:)`), so the terminal's idea of its width is anyone's guess.
    /// Control characters are measurable: `sanitized` replaces them.
    public static func isMeasurable(_ character: Character) -> Bool {
        guard let first = character.unicodeScalars.first else { return true }
        return first.value < 0x7F || isUnsafe(first) || fd_wcwidth(Int32(bitPattern: first.value)) >= 0
    }

    private static func clusterWidth(_ scalars: Character.UnicodeScalarView) -> Int {
        var widest = 0
        var joined = false
        var regionalIndicators = 0
        for s in scalars {
            if s.value == 0xFE0F { continue }
            if s.value == 0x200D { joined = true; continue }
            if (0x1F1E6...0x1F1FF).contains(s.value) { regionalIndicators += 1 }
            let w = Int(fd_wcwidth(Int32(bitPattern: s.value)))
            if w < 0 { continue }
            widest = max(widest, w)
        }
        if let first = scalars.first, fd_wcwidth(Int32(bitPattern: first.value)) < 0 { return 1 }
        if regionalIndicators >= 2 { return 2 }
        // A ZWJ sequence is drawn as one wide emoji. A narrow symbol made emoji by VS16 (❤️) stays
        // 1 column: that is what tmux 3.3a and ncurses (wcwidth of the base) draw, and drawing
        // agrees with them rather than with terminals that widen it.
        if joined, scalars.contains(where: { $0.properties.isEmoji && $0.value > 0xFF }) { return 2 }
        return min(2, widest)
    }

    /// Columns taken by the text, summed over its grapheme clusters.
    public static func width(of text: some StringProtocol) -> Int {
        var total = 0
        for c in text { total += width(of: c) }
        return total
    }

    /// The text cut to at most `columns` columns. When it is cut, the last column holds "…";
    /// no cluster is split and a wide character that would straddle the edge is dropped.
    /// The text is not sanitized: `Frame.put` does that.
    public static func truncated(_ text: String, toColumns columns: Int) -> String {
        guard columns > 0 else { return "" }
        if width(of: text) <= columns { return text }
        var out = ""
        var used = 0
        for c in text {
            let w = width(of: c)
            if used + w > columns - 1 { break }
            out.append(c)
            used += w
        }
        return out + "…"
    }

    /// The text broken into lines of at most `columns` columns, at spaces (a word longer than a
    /// line is cut between clusters), at most `maxLines` lines: the last one ends in "…" when
    /// text is left over. Widths as `width(of:)`; the text is not sanitized.
    public static func wrapped(_ text: String, toColumns columns: Int, maxLines: Int = .max) -> [String] {
        guard columns > 0, maxLines > 0 else { return [] }
        var lines: [String] = []
        var line = "", used = 0
        func flush() {
            lines.append(line)
            line = ""
            used = 0
        }
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            var rest = Substring(word)
            while !rest.isEmpty {
                let w = width(of: rest)
                let gap = line.isEmpty ? 0 : 1
                if used + gap + w <= columns {
                    line += (gap == 1 ? " " : "") + rest
                    used += gap + w
                    rest = ""
                } else if line.isEmpty {
                    // A word wider than a line: as many clusters as fit, the rest on the next.
                    var taken = 0, end = rest.startIndex
                    while end < rest.endIndex, taken + width(of: rest[end]) <= columns {
                        taken += width(of: rest[end])
                        end = rest.index(after: end)
                    }
                    if end == rest.startIndex { end = rest.index(after: end) } // a cluster wider than the line
                    line = String(rest[..<end])
                    used = taken
                    rest = rest[end...]
                    flush()
                } else {
                    flush()
                }
            }
        }
        if !line.isEmpty || lines.isEmpty { flush() }
        guard lines.count > maxLines else { return lines }
        var kept = Array(lines.prefix(maxLines))
        let last = kept[maxLines - 1]
        kept[maxLines - 1] = width(of: last) < columns ? last + "…" : truncated(last + "…", toColumns: columns)
        return kept
    }

    /// The text truncated (with "…") or padded with spaces to exactly `columns` columns.
    /// `alignRight` pads on the left instead.
    public static func fitted(_ text: String, toColumns columns: Int, alignRight: Bool = false) -> String {
        let cut = truncated(text, toColumns: columns)
        let pad = String(repeating: " ", count: max(0, columns - width(of: cut)))
        return alignRight ? pad + cut : cut + pad
    }
}

/// The process locale, which `wcwidth` and ncursesw depend on.
public enum TerminalLocale {
    /// Applies the environment's locale (`setlocale(LC_ALL, "")`); true when it is UTF-8.
    @discardableResult
    public static func adoptEnvironment() -> Bool { fd_setlocale_from_environment() == 1 }

    /// Uses C.UTF-8 for character types, for tests that measure widths.
    @discardableResult
    public static func useUTF8ForTests() -> Bool { fd_setlocale_c_utf8() == 1 }

    /// True when the current character-type locale is UTF-8.
    public static var isUTF8: Bool { fd_locale_is_utf8() == 1 }
}
