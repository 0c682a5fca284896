import Testing
@testable import TerminalKit

@Suite struct DisplayTextWidthTests {
    init() { #expect(UTF8Locale.isSet) }

    @Test(arguments: [
        ("é", 1), ("e\u{301}", 1), ("ي", 1), ("س", 1), ("ሳ", 1), ("ት", 1),
        ("👶", 2), ("👨‍👩‍👧", 2), ("🇫🇷", 2), ("🇲🇦", 2), ("❤️", 1), ("中", 2), ("語", 2),
        ("a", 1), (" ", 1),
    ])
    func clusterWidth(text: String, columns: Int) {
        #expect(text.count == 1, "\(text) is one grapheme cluster")
        #expect(DisplayText.width(of: Character(text)) == columns)
        #expect(DisplayText.width(of: text) == columns)
    }

    @Test func precomposedAndCombiningAreTheSameWidth() {
        #expect(DisplayText.width(of: "Traor\u{E9}") == 6)
        #expect(DisplayText.width(of: "Traore\u{301}") == 6)
    }

    @Test(arguments: [
        ("يوسف", 4), ("ሳምራዊት", 5), ("Lina 👶 suivi", 13), ("中文", 4), ("", 0),
        (Names.latin, 29), (Names.geez, 18), (Names.arabic, 24),
    ])
    func textWidth(text: String, columns: Int) {
        #expect(DisplayText.width(of: text) == columns)
    }

    /// Controls are measured as their placeholders are drawn, so a width taken before sanitizing
    /// agrees with the frame. "\r\n" is one grapheme cluster but two placeholders.
    @Test(arguments: ["\r\n", "a\r\nb", "\u{202E}", "x\u{2066}y\u{2069}", "\u{1B}[2J", "\u{9B}", "\u{7F}", "\t\t"])
    func controlsMeasureAsTheirPlaceholders(text: String) {
        #expect(DisplayText.width(of: text) == DisplayText.width(of: DisplayText.sanitized(text)))
    }

    /// A scalar the C library cannot measure (here a noncharacter) counts one column: the frame
    /// draws it as the placeholder.
    @Test func unmeasurableScalarCountsOne() {
        #expect(DisplayText.width(of: "a" + nonCharacter + "b") == 3)
    }
}

@Suite struct DisplayTextSanitizingTests {
    @Test func clearScreenBecomesVisible() {
        #expect(DisplayText.sanitized("\u{1B}[2J") == "␛[2J")
    }

    @Test func osc52ClipboardSequenceBecomesVisible() {
        let osc = "\u{1B}]52;c;SGVsbG8=\u{07}"
        let shown = DisplayText.sanitized(osc)
        #expect(shown == "␛]52;c;SGVsbG8=␇")
        #expect(!shown.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
    }

    @Test func c1ControlIsReplaced() {
        let shown = DisplayText.sanitized("a\u{9B}2Jb")
        #expect(shown == "a⍰2Jb")
        #expect(!shown.unicodeScalars.contains(where: isControlScalar))
    }

    @Test func bidiOverrideAndIsolatesAreReplaced() {
        #expect(DisplayText.sanitized("abc\u{202E}fed") == "abc⍰fed")
        #expect(DisplayText.sanitized("\u{2067}x\u{2069}") == "⍰x⍰")
    }

    @Test func whitespaceControlsAreVisible() {
        #expect(DisplayText.sanitized("a\tb\nc\rd") == "a␉b␊c␍d")
        #expect(DisplayText.sanitized("\r\n") == "␍␊")
        #expect(DisplayText.sanitized("\u{7F}") == "␡")
    }

    @Test(arguments: Names.r2 + ["يوسف", "👨‍👩‍👧 🇲🇦 ❤️", "Traore\u{301}", "ሰላም"])
    func ordinaryTextIsUnchanged(text: String) {
        #expect(DisplayText.sanitized(text) == text)
    }

    @Test func sanitizingIsIdempotentAndLeavesNoControl() {
        let nasty = "A\u{0}\u{1B}]0;title\u{07}\u{9B}31m\u{202E}\u{2028}\u{85}Z"
        let once = DisplayText.sanitized(nasty)
        #expect(DisplayText.sanitized(once) == once)
        #expect(!once.unicodeScalars.contains(where: isControlScalar))
    }
}

@Suite struct DisplayTextTruncationTests {
    init() { #expect(UTF8Locale.isSet) }

    static let samples = Names.r2 + [
        "ab👶cd", "👶👶👶", "Traore\u{301} Traore\u{301}", "👨‍👩‍👧👨‍👩‍👧x", "🇫🇷🇲🇦🇪🇹", "中文字符", "ok",
    ]

    @Test(arguments: samples)
    func truncationKeepsWholeClustersWithinTheWidth(text: String) {
        for columns in 0...32 {
            let cut = DisplayText.truncated(text, toColumns: columns)
            #expect(DisplayText.width(of: cut) <= columns, "\(text) at \(columns)")
            #expect(!cut.unicodeScalars.contains("\u{FFFD}"))
            if DisplayText.width(of: text) <= columns {
                #expect(cut == text)
            } else if columns > 0 {
                #expect(cut.hasSuffix("…"), "\(text) at \(columns) gives \(cut)")
                // Every cluster kept is a whole cluster of the original, in order.
                #expect(Array(text).starts(with: Array(cut.dropLast())), "\(text) at \(columns) gives \(cut)")
                // Nothing more would have fitted.
                let kept = cut.count - 1
                #expect(DisplayText.width(of: String(Array(text)[0...kept])) + 1 > columns)
            } else {
                #expect(cut == "")
            }
        }
    }

    @Test func wideCharacterAtTheEdgeIsDropped() {
        #expect(DisplayText.truncated("ab👶cd", toColumns: 4) == "ab…")
        #expect(DisplayText.truncated("👶👶👶", toColumns: 4) == "👶…")
        #expect(DisplayText.truncated("👶👶👶", toColumns: 1) == "…")
    }

    @Test func combiningMarkStaysWithItsLetter() {
        #expect(DisplayText.truncated("Traore\u{301}xyz", toColumns: 7) == "Traore\u{301}…")
    }

    @Test(arguments: samples)
    func fittedIsExactlyTheWidth(text: String) {
        for columns in 0...32 {
            #expect(DisplayText.width(of: DisplayText.fitted(text, toColumns: columns)) == columns)
            #expect(DisplayText.width(of: DisplayText.fitted(text, toColumns: columns, alignRight: true)) == columns)
        }
    }

    @Test func fittedPadsOnTheRequestedSide() {
        #expect(DisplayText.fitted("12", toColumns: 5) == "12   ")
        #expect(DisplayText.fitted("12", toColumns: 5, alignRight: true) == "   12")
        #expect(DisplayText.fitted("12", toColumns: -3) == "")
    }
}

/// `DisplayText.wrapped`: lines at spaces, by columns (not characters), a long word cut, the
/// last kept line ending in "…" when text is left over.
@Suite struct DisplayTextWrappingTests {
    init() { #expect(UTF8Locale.isSet) }

    @Test func wrapsAtSpacesWithinTheColumns() {
        #expect(DisplayText.wrapped("the program does not fund this service", toColumns: 12)
            == ["the program", "does not", "fund this", "service"])
        #expect(DisplayText.wrapped("short", toColumns: 12) == ["short"])
        #expect(DisplayText.wrapped("", toColumns: 12) == [""])
        #expect(DisplayText.wrapped("a  b", toColumns: 12) == ["a b"])
    }

    @Test func countsColumnsNotCharacters() {
        // Four wide characters take 8 columns: two of them per 5-column line.
        #expect(DisplayText.wrapped("中文 中文", toColumns: 5) == ["中文", "中文"])
        #expect(DisplayText.wrapped("中文中文", toColumns: 5) == ["中文", "中文"])
        #expect(DisplayText.wrapped("يوسف المهاجر", toColumns: 7) == ["يوسف", "المهاجر"])
    }

    @Test func aWordWiderThanTheLineIsCut() {
        #expect(DisplayText.wrapped("abcdefghij xy", toColumns: 4) == ["abcd", "efgh", "ij", "xy"])
    }

    @Test func theLastKeptLineSaysTextIsLeftOver() {
        let lines = DisplayText.wrapped("one two three four five six", toColumns: 9, maxLines: 2)
        #expect(lines == ["one two", "three…"], "\(lines)")
        let full = DisplayText.wrapped("aaaa bbbb cccc", toColumns: 4, maxLines: 2)
        #expect(full == ["aaaa", "bbb…"], "\(full)")
        #expect(lines.allSatisfy { DisplayText.width(of: $0) <= 9 })
    }
}
