import Testing
@testable import TerminalKit

@Suite struct TooSmallTests {
    init() { #expect(UTF8Locale.isSet) }

    static let message = "Fenêtre trop petite"

    @Test func messageInTheMiddle() {
        var frame = Frame(size: Size(width: 23, height: 3))
        frame.put("old", x: 0, y: 0)
        Frame.renderTooSmall(message: Self.message, into: &frame)
        #expect(frame.lines() == [
            "                       ",
            "  Fenêtre trop petite  ",
            "                       ",
        ])
    }

    @Test func messageIsCutToTheWidth() {
        var frame = Frame(size: Size(width: 10, height: 4))
        Frame.renderTooSmall(message: Self.message, into: &frame)
        #expect(frame.lines() == ["          ", "Fenêtre t…", "          ", "          "])
        var narrow = Frame(size: Size(width: 3, height: 2))
        Frame.renderTooSmall(message: Self.message, into: &narrow)
        #expect(narrow.lines() == ["Fe…", "   "])
    }

    @Test func oneByOneAndZeroByZero() {
        var one = Frame(size: Size(width: 1, height: 1))
        Frame.renderTooSmall(message: Self.message, into: &one)
        #expect(one.lines() == ["…"])
        var none = Frame(size: Size(width: 0, height: 0))
        Frame.renderTooSmall(message: Self.message, into: &none)
        #expect(none.lines() == [])
        var flat = Frame(size: Size(width: 5, height: 0))
        Frame.renderTooSmall(message: Self.message, into: &flat)
        #expect(flat.lines() == [])
        var thin = Frame(size: Size(width: 0, height: 3))
        Frame.renderTooSmall(message: Self.message, into: &thin)
        #expect(thin.lines() == ["", "", ""])
    }

    @Test func everySmallSize() {
        for width in 0...12 {
            for height in 0...5 {
                for message in [Self.message, "يوسف 👶", "\u{1B}[2J", ""] {
                    var frame = Frame(size: Size(width: width, height: height))
                    Frame.renderTooSmall(message: message, into: &frame)
                    expectConsistent(frame)
                    #expect(!frame.cells.contains { $0.text.unicodeScalars.contains(where: isControlScalar) })
                }
            }
        }
    }
}
