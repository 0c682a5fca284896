import Testing
@testable import TerminalKit

@Suite struct BigTextTests {
    init() { #expect(UTF8Locale.isSet) }

    /// Block rows written with "#" for readability.
    static func ink(_ rows: [String]) -> [String] { rows.map { String($0.map { $0 == "#" ? "█" : $0 }) } }

    @Test func queueTicketIsDrawnInBlocks() {
        let lines = BigText.lines(for: "S-014")
        #expect(lines == Self.ink([
            " ####        ###    #   #   #",
            "#           #  ##  ##   #   #",
            " ###   ###  # # #   #   #####",
            "    #       ##  #   #       #",
            "####         ###   ###      #",
        ]))
    }

    @Test func linesHaveTheHeightAndEqualWidth() {
        for text in ["S-014", "A", "", "é?", "q-7", "ẞ", "ß"] {
            let lines = BigText.lines(for: text)
            #expect(lines.count == BigText.height)
            #expect(lines.allSatisfy { DisplayText.width(of: $0) == BigText.width(for: text) }, "\(text)")
        }
    }

    @Test func widthFormula() {
        #expect(BigText.width(for: "") == 0)
        #expect(BigText.width(for: "A") == 5)
        #expect(BigText.width(for: "S-014") == 29)
        for n in 1...12 { #expect(BigText.width(for: String(repeating: "7", count: n)) == 6 * n - 1) }
    }

    @Test func everyDigitHasItsOwnGlyph() {
        let digits = "0123456789".map(BigText.glyph(for:))
        #expect(Set(digits).count == 10)
        // Look-alikes stay apart.
        for (a, b) in [("0", "O"), ("1", "I"), ("5", "S"), ("8", "B"), ("2", "Z")] as [(Character, Character)] {
            #expect(BigText.glyph(for: a) != BigText.glyph(for: b), "\(a) vs \(b)")
        }
        let letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ".map(BigText.glyph(for:))
        #expect(Set(letters + digits).count == 36)
    }

    @Test func lowercaseIsDrawnAsCapitalAndUnknownAsABox() {
        #expect(BigText.lines(for: "s") == BigText.lines(for: "S"))
        let box = Self.ink(["#####", "#   #", "#   #", "#   #", "#####"])
        #expect(BigText.lines(for: "é") == box)
        #expect(BigText.lines(for: "👶") == box)
        #expect(BigText.lines(for: "ß") == box)
        #expect(BigText.lines(for: " ") == Array(repeating: "     ", count: 5))
    }

    @Test func renderCentersTheBlocks() {
        var frame = Frame(size: Size(width: 13, height: 7))
        BigText.render("A1", into: &frame, rect: frame.area)
        #expect(frame.lines() == [
            "             ",
        ] + Self.ink([
            "  ###    #   ",
            " #   #  ##   ",
            " #####   #   ",
            " #   #   #   ",
            " #   #  ###  ",
        ]) + [
            "             ",
        ])
    }

    @Test func renderFallsBackToPlainTextWhenTooSmall() {
        var frame = Frame(size: Size(width: 9, height: 3))
        BigText.render("S-014", into: &frame, rect: frame.area)
        #expect(frame.lines() == ["         ", "  S-014  ", "         "])
        var tiny = Frame(size: Size(width: 3, height: 1))
        BigText.render("S-014", into: &tiny, rect: tiny.area)
        #expect(tiny.lines() == ["S-…"])
    }
}
