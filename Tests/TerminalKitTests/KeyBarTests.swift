import Testing
@testable import TerminalKit

@Suite struct KeyBarTests {
    init() { #expect(UTF8Locale.isSet) }

    static let hints = [
        KeyHint(keys: "F1", label: "Help"),
        KeyHint(keys: "/", label: "Search"),
        KeyHint(keys: "F10", label: "Quit"),
    ]

    static func render(_ hints: [KeyHint], width: Int) -> Frame {
        var frame = Frame(size: Size(width: width, height: 2))
        frame.put(String(repeating: "#", count: width), x: 0, y: 1)
        KeyBar.render(hints, into: &frame, row: frame.area.row(0))
        return frame
    }

    @Test func hintsAreKeyThenLabelTwoSpacesApart() {
        let frame = Self.render(Self.hints, width: 30)
        #expect(frame.lines() == ["F1 Help  / Search  F10 Quit   ", String(repeating: "#", count: 30)])
        let reversed = (0..<30).filter { frame[$0, 0].style == .reverse }
        #expect(reversed == [0, 1, 9, 19, 20, 21])
    }

    @Test func hintsThatDoNotFitAreDroppedWhole() {
        #expect(Self.render(Self.hints, width: 27).lines()[0] == "F1 Help  / Search  F10 Quit")
        // One column apart when two would not let them all fit.
        #expect(Self.render(Self.hints, width: 26).lines()[0] == "F1 Help / Search F10 Quit ")
        #expect(Self.render(Self.hints, width: 24).lines()[0] == "F1 Help / Search        ")
        #expect(Self.render(Self.hints, width: 16).lines()[0] == "F1 Help / Search")
        #expect(Self.render(Self.hints + [KeyHint(keys: "Esc", label: "")], width: 12).lines()[0] == "F1 Help Esc ")
        #expect(Self.render(Self.hints, width: 6).lines()[0] == "      ")
        #expect(Self.render(Self.hints, width: 0).lines() == ["", ""])
    }

    @Test func widthOfAHint() {
        #expect(KeyBar.width(of: KeyHint(keys: "F10", label: "Quit")) == 8)
        #expect(KeyBar.width(of: KeyHint(keys: "Esc", label: "")) == 3)
        #expect(KeyBar.width(of: KeyHint(keys: "↑↓", label: "Choisir")) == 10)
    }

    @Test func labelsInOtherScriptsAndControls() {
        let hints = [KeyHint(keys: "F2", label: "بحث"), KeyHint(keys: "\u{1B}", label: "ሰላም 👶")]
        let frame = Self.render(hints, width: 20)
        #expect(frame.lines()[0] == "F2 بحث  ␛ ሰላም 👶    ")
        expectConsistent(frame)
    }
}
