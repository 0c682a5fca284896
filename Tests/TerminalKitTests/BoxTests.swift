import Testing
@testable import TerminalKit

@Suite struct BoxTests {
    init() { #expect(UTF8Locale.isSet) }

    static func filled(_ width: Int, _ height: Int, with fill: String = "x") -> Frame {
        var frame = Frame(size: Size(width: width, height: height))
        for y in 0..<height { frame.put(String(repeating: fill, count: width), x: 0, y: y) }
        return frame
    }

    @Test func boxWithACutTitleClearsItsInside() {
        var frame = Self.filled(12, 5)
        let inner = Box.render(into: &frame, rect: Rect(x: 0, y: 0, width: 12, height: 4), title: "Confirmer")
        #expect(inner == Rect(x: 1, y: 1, width: 10, height: 2))
        #expect(frame.lines() == [
            "┌─ Confi… ─┐",
            "│          │",
            "│          │",
            "└──────────┘",
            "xxxxxxxxxxxx",
        ])
    }

    @Test func titleThatFits() {
        var frame = Frame(size: Size(width: 16, height: 3))
        Box.render(into: &frame, rect: frame.area, title: "Confirmer", titleStyle: .bold)
        #expect(frame.lines() == ["┌─ Confirmer ──┐", "│              │", "└──────────────┘"])
        #expect(frame[3, 0].style == .bold && frame[0, 0].style == .plain)
    }

    @Test func titlesInOtherScriptsAndWithControls() {
        var frame = Frame(size: Size(width: 16, height: 2))
        Box.render(into: &frame, rect: frame.area, title: "يوسف 👶")
        #expect(frame.lines() == ["┌─ يوسف 👶 ────┐", "└──────────────┘"])
        Box.render(into: &frame, rect: frame.area, title: "\u{1B}[2J\u{7}")
        #expect(frame.lines() == ["┌─ ␛[2J␇ ──────┐", "└──────────────┘"])
        Box.render(into: &frame, rect: Rect(x: 0, y: 0, width: 9, height: 2), title: "👶👶")
        #expect(frame.lines()[0] == "┌─ 👶… ─┐" + "──────┐")  // the rest is the previous box
    }

    @Test(arguments: [0, 1, 2, 3, 6, 7])
    func smallBoxesStayConsistent(width: Int) {
        for height in 0...3 {
            var frame = Self.filled(8, 4)
            let inner = Box.render(into: &frame, rect: Rect(x: 0, y: 0, width: width, height: height), title: "Titre")
            #expect(inner.width == max(0, width - 2) || inner.isEmpty)
            expectConsistent(frame)
        }
    }

    @Test func tinyBoxes() {
        var frame = Self.filled(3, 3)
        #expect(Box.render(into: &frame, rect: Rect(x: 1, y: 1, width: 1, height: 1)).isEmpty)
        #expect(frame.lines() == ["xxx", "x x", "xxx"])
        frame = Self.filled(3, 3)
        #expect(Box.render(into: &frame, rect: Rect(x: 0, y: 0, width: 2, height: 2), title: "T").isEmpty)
        #expect(frame.lines() == ["┌┐x", "└┘x", "xxx"])
        frame = Self.filled(8, 2)
        Box.render(into: &frame, rect: Rect(x: 0, y: 0, width: 6, height: 2), title: "T")
        Box.render(into: &frame, rect: Rect(x: 6, y: 0, width: 2, height: 1))
        #expect(frame.lines() == ["┌────┐  ", "└────┘xx"])
        frame = Self.filled(7, 2)
        Box.render(into: &frame, rect: frame.area, title: "Titre")
        #expect(frame.lines() == ["┌─ … ─┐", "└─────┘"])
    }

    @Test func dialogIsCenteredInTheArea() {
        var frame = Self.filled(20, 6, with: ".")
        let inner = Dialog.render(into: &frame, area: frame.area, width: 10, height: 4, title: "Oui")
        #expect(inner == Rect(x: 6, y: 2, width: 8, height: 2))
        #expect(frame.lines() == [
            "....................",
            ".....┌─ Oui ──┐.....",
            ".....│        │.....",
            ".....│        │.....",
            ".....└────────┘.....",
            "....................",
        ])
    }

    @Test func dialogIsClippedToTheArea() {
        let area = Rect(x: 2, y: 1, width: 8, height: 3)
        #expect(Dialog.rect(width: 30, height: 10, in: area) == area)
        #expect(Dialog.rect(width: -3, height: 2, in: area).width == 0)
        #expect(Dialog.rect(width: 4, height: 1, in: area) == Rect(x: 4, y: 2, width: 4, height: 1))
        var frame = Self.filled(12, 5, with: ".")
        Dialog.render(into: &frame, area: area, width: 30, height: 10, title: "Supprimer ?")
        #expect(frame.lines() == [
            "............",
            "..┌─ S… ─┐..",
            "..│      │..",
            "..└──────┘..",
            "............",
        ])
    }
}
