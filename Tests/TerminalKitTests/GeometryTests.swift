import Testing
@testable import TerminalKit

@Suite struct GeometryTests {
    static let totals = [0, 1, 2, 3, 4, 5, 7, 10, 23, 24, 80, 81, 200]
    static let layouts: [[Constraint]] = [
        [],
        [.min(0)],
        [.length(1), .min(0), .length(1)],
        [.length(3), .length(3)],
        [.min(0), .min(0), .min(0)],
        [.min(5), .min(1)],
        [.percentage(50), .percentage(50)],
        [.percentage(30), .min(0), .length(2)],
        [.percentage(33), .percentage(33), .percentage(33)],
        [.length(5), .length(5), .length(5)],
        [.length(-4), .min(-1), .percentage(-20)],
        [.length(Int.max), .length(1), .percentage(Int.max), .min(Int.max)],
    ]

    static func expectTiles(_ parts: [(offset: Int, length: Int)], total: Int, count: Int,
                            sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(parts.count == count, sourceLocation: sourceLocation)
        var next = 0
        for part in parts {
            #expect(part.offset == next && part.length >= 0, "\(parts) for \(total)", sourceLocation: sourceLocation)
            next = part.offset + part.length
        }
        if count > 0 { #expect(next == total, "\(parts) for \(total)", sourceLocation: sourceLocation) }
    }

    @Test(arguments: totals, layouts)
    func splitsTileExactly(total: Int, layout: [Constraint]) {
        let area = Rect(x: 3, y: 2, width: total, height: total)
        let rows = area.splitVertically(layout)
        Self.expectTiles(rows.map { ($0.y - area.y, $0.height) }, total: total, count: layout.count)
        #expect(rows.allSatisfy { $0.x == area.x && $0.width == area.width })
        let columns = area.splitHorizontally(layout)
        Self.expectTiles(columns.map { ($0.x - area.x, $0.width) }, total: total, count: layout.count)
        #expect(columns.allSatisfy { $0.y == area.y && $0.height == area.height })
    }

    @Test func minPartsShareWhatIsLeft() {
        let area = Rect(x: 0, y: 0, width: 80, height: 24)
        #expect(area.splitVertically([.length(1), .min(0), .length(1)]).map(\.height) == [1, 22, 1])
        #expect(Rect.split(total: 10, [.min(0), .min(0), .min(0)]).map(\.length) == [4, 3, 3])
        #expect(Rect.split(total: 10, [.min(5), .min(1)]).map(\.length) == [7, 3])
        #expect(Rect.split(total: 10, [.length(2), .min(3), .length(2)]).map(\.length) == [2, 6, 2])
    }

    @Test func overCommitShrinksFromTheEnd() {
        #expect(Rect.split(total: 8, [.length(5), .length(5), .length(5)]).map(\.length) == [5, 3, 0])
        #expect(Rect.split(total: 3, [.length(1), .min(4), .length(1)]).map(\.length) == [1, 2, 0])
        #expect(Rect.split(total: 0, [.length(1), .min(0)]).map(\.length) == [0, 0])
    }

    @Test func leftoverGoesToTheLastPartWhenNoneIsFlexible() {
        #expect(Rect.split(total: 10, [.length(3), .length(3)]).map(\.length) == [3, 7])
        #expect(Rect.split(total: 5, [.percentage(50), .percentage(50)]).map(\.length) == [2, 3])
    }

    @Test func hugeConstraintsDoNotOverflow() {
        #expect(Rect.split(total: 10, [.length(Int.max), .length(1)]).map(\.length) == [10, 0])
        #expect(Rect.split(total: 10, [.percentage(Int.max), .min(0)]).map(\.length) == [10, 0])
    }

    @Test func rectHelpers() {
        let r = Rect(x: 2, y: 1, width: 10, height: 4)
        #expect(r.inset(dx: 1, dy: 1) == Rect(x: 3, y: 2, width: 8, height: 2))
        #expect(r.row(2) == Rect(x: 2, y: 3, width: 10, height: 1))
        #expect(r.row(4).isEmpty)
        #expect(r.centered(width: 4, height: 2) == Rect(x: 5, y: 2, width: 4, height: 2))
        #expect(r.centered(width: 40, height: 40) == r)
        #expect(r.clipped(to: Rect(x: 0, y: 0, width: 5, height: 3)) == Rect(x: 2, y: 1, width: 3, height: 2))
        #expect(r.clipped(to: Rect(x: 20, y: 20, width: 5, height: 3)).isEmpty)
        #expect(Size(width: -1, height: 2) == Size(width: 0, height: 2))
    }
}
