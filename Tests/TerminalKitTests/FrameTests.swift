import Testing
@testable import TerminalKit

@Suite struct FrameTests {
    init() { #expect(UTF8Locale.isSet) }

    @Test func putClipsAtTheRightEdge() {
        var frame = Frame(size: Size(width: 5, height: 1))
        #expect(frame.put("abcdefg", x: 0, y: 0) == 5)
        #expect(frame.lines() == ["abcde"])
    }

    @Test func putClipsToARect() {
        var frame = Frame(size: Size(width: 8, height: 2))
        frame.put("abcdef", x: 0, y: 0, clip: Rect(x: 2, y: 0, width: 3, height: 1))
        frame.put("outside", x: 0, y: 1, clip: Rect(x: 0, y: 0, width: 8, height: 1))
        #expect(frame.lines() == ["  cde   ", "        "])
    }

    @Test func putOutsideTheFrameDoesNothing() {
        var frame = Frame(size: Size(width: 3, height: 1))
        #expect(frame.put("x", x: 0, y: 1) == 0)
        #expect(frame.put("x", x: 0, y: -1) == 0)
        frame.put("abc", x: 5, y: 0)
        frame.put("abc", x: -3, y: 0)
        #expect(frame.lines() == ["   "])
    }

    @Test func putIntoAnEmptyClipWritesNothing() {
        var frame = Frame(size: Size(width: 4, height: 1))
        frame.put("👶x", x: 1, y: 0, clip: Rect(x: 2, y: 0, width: 0, height: 1))
        frame.put("👶x", x: 3, y: 0, clip: Rect(x: 4, y: 0, width: 0, height: 1))
        #expect(frame.lines() == ["    "])
        expectConsistent(frame)
    }

    @Test func wideCharacterThatDoesNotFitBecomesASpace() {
        var frame = Frame(size: Size(width: 5, height: 1))
        frame.put("abcd👶", x: 0, y: 0)
        #expect(frame.lines() == ["abcd "])
        #expect(frame[4, 0] == Cell(text: " "))
        expectConsistent(frame)
    }

    @Test func wideCharacterTakesTwoCells() {
        var frame = Frame(size: Size(width: 6, height: 1))
        #expect(frame.put("a👶b", x: 0, y: 0) == 4)
        #expect(frame[1, 0].text == "👶")
        #expect(frame[2, 0].isContinuation)
        #expect(frame.lines() == ["a👶b  "])
        expectConsistent(frame)
    }

    @Test func overwritingEitherHalfOfAWideCharacterBlanksTheOtherHalf() {
        var frame = Frame(size: Size(width: 6, height: 1))
        frame.put("👶👶👶", x: 0, y: 0)
        frame.put("x", x: 1, y: 0)  // right half of the first
        frame.put("y", x: 4, y: 0)  // left half of the third
        #expect(frame.lines() == [" x👶y "])
        expectConsistent(frame)

        frame.put("中", x: 1, y: 0)  // straddles the second cluster's left half
        #expect(frame.lines() == [" 中 y "])
        expectConsistent(frame)
    }

    /// A wide cluster cut by the right edge of a clip must not leave the continuation of the
    /// cluster it overwrites (which lies outside the clip) behind.
    @Test func wideCharacterCutByTheClipLeavesNoOrphan() {
        var frame = Frame(size: Size(width: 6, height: 1))
        frame.put("xxxx👶", x: 0, y: 0)
        frame.put("ab👶", x: 2, y: 0, clip: Rect(x: 0, y: 0, width: 5, height: 1))
        #expect(frame.lines() == ["xxab  "])
        expectConsistent(frame)
    }

    /// A wide cluster cut by the left edge shows a space for its visible half, not what was
    /// there before (horizontal scrolling relies on this).
    @Test func wideCharacterCutByTheLeftEdgeLeavesASpace() {
        var frame = Frame(size: Size(width: 4, height: 1))
        frame.put("XXXX", x: 0, y: 0)
        frame.put("👶ab", x: -1, y: 0)
        #expect(frame.lines() == [" abX"])
        expectConsistent(frame)

        var clipped = Frame(size: Size(width: 6, height: 1))
        clipped.put("XXXXXX", x: 0, y: 0)
        clipped.put("👶ab", x: 1, y: 0, clip: Rect(x: 2, y: 0, width: 3, height: 1))
        #expect(clipped.lines() == ["XX abX"])
        expectConsistent(clipped)
    }

    @Test func combiningMarkAttachesToThePreviousCell() {
        var frame = Frame(size: Size(width: 4, height: 1))
        frame.put("e", x: 0, y: 0)
        frame.put("\u{301}", x: 1, y: 0)
        #expect(frame[0, 0].text == "e\u{301}")
        #expect(frame.lines() == ["e\u{301}   "])

        frame.put("Traore\u{301}", x: 0, y: 0, clip: Rect(x: 0, y: 0, width: 4, height: 1))
        #expect(frame.lines() == ["Trao"])
        expectConsistent(frame)
    }

    @Test func zeroWidthClusterAfterAWideOneAttachesToItsFirstCell() {
        var frame = Frame(size: Size(width: 4, height: 1))
        frame.put("👶\u{200B}x", x: 0, y: 0)
        #expect(frame[0, 0].text == "👶\u{200B}")
        #expect(frame[1, 0].isContinuation)
        #expect(frame.lines() == ["👶\u{200B}x "])
    }

    @Test func unmeasurableScalarIsDrawnAsThePlaceholder() {
        var frame = Frame(size: Size(width: 4, height: 1))
        frame.put("a" + nonCharacter + "b", x: 0, y: 0)
        #expect(frame.lines() == ["a⍰b "])
    }

    @Test func putInRectFitsTheText() {
        var frame = Frame(size: Size(width: 12, height: 2))
        frame.put("Aïssatou Diallo", in: Rect(x: 1, y: 0, width: 8, height: 1))
        frame.put("42", in: Rect(x: 1, y: 1, width: 8, height: 1), alignRight: true)
        #expect(frame.lines() == [" Aïssato…   ", "       42   "])
    }

    @Test func fillBlanksAndStyles() {
        var frame = Frame(size: Size(width: 4, height: 2))
        frame.put("abcd", x: 0, y: 0)
        frame.put("efgh", x: 0, y: 1)
        frame.fill(Rect(x: 1, y: 0, width: 2, height: 5), style: .reverse)
        #expect(frame.lines() == ["a  d", "e  h"])
        #expect(frame[1, 1] == Cell(text: " ", style: .reverse))
        #expect(frame[0, 1].style == .plain)
    }

    @Test func fillOverHalfAWideCharacterBlanksTheOtherHalf() {
        var frame = Frame(size: Size(width: 6, height: 1))
        frame.put("👶👶👶", x: 0, y: 0)
        frame.fill(Rect(x: 1, y: 0, width: 2, height: 1))
        #expect(frame.lines() == ["    👶"])
        expectConsistent(frame)
    }

    @Test func restyleKeepsTheText() {
        var frame = Frame(size: Size(width: 4, height: 1))
        frame.put("a👶b", x: 0, y: 0)
        frame.restyle(Rect(x: 0, y: 0, width: 10, height: 10), style: .bold)
        #expect(frame.lines() == ["a👶b"])
        #expect(frame.cells.allSatisfy { $0.style == .bold })
    }

    /// Mixed scripts written at every offset and clip: each row stays as wide as the frame.
    @Test func linesAreAlwaysTheFrameWidth() {
        let texts = Names.r2 + ["👶👶👶👶👶👶👶👶", "中文中文中文", "🇫🇷🇲🇦", "x\u{1B}[2Jy", "e\u{301}e\u{301}"]
        for width in [1, 2, 3, 7, 20] {
            var frame = Frame(size: Size(width: width, height: 3))
            for (i, text) in texts.enumerated() {
                for x in -3...width {
                    frame.put(text, x: x, y: i % 3)
                    frame.put(text, x: x, y: (i + 1) % 3, clip: Rect(x: x + 1, y: 0, width: i % 4, height: 3))
                    expectConsistent(frame)
                }
            }
        }
    }

    @Test func emptyFrame() {
        let frame = Frame(size: Size(width: 0, height: 0))
        #expect(frame.lines() == [])
        #expect(frame.text == "")
    }
}
