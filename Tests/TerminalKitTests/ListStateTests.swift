import Testing
@testable import TerminalKit

@Suite struct ListStateTests {
    static func expectInvariants(_ list: ListState, sourceLocation: SourceLocation = #_sourceLocation) {
        if list.count == 0 {
            #expect(list.selected == nil && list.offset == 0, sourceLocation: sourceLocation)
        } else if let selected = list.selected {
            #expect((0..<list.count).contains(selected), sourceLocation: sourceLocation)
            #expect(list.visibleRange.contains(selected), "\(list)", sourceLocation: sourceLocation)
            #expect(list.offset >= 0 && list.offset <= max(0, list.count - list.viewportHeight), "\(list)",
                    sourceLocation: sourceLocation)
        } else {
            Issue.record("nothing selected in a list of \(list.count)", sourceLocation: sourceLocation)
        }
    }

    @Test func emptyListSelectsNothing() {
        var list = ListState(count: 0, viewportHeight: 5)
        #expect(list.selected == nil)
        #expect(list.visibleRange.isEmpty)
        list.moveDown()
        list.end()
        list.pageDown()
        #expect(list.selected == nil && list.offset == 0)
    }

    @Test func movesScrollToKeepTheSelectionVisible() {
        var list = ListState(count: 10, viewportHeight: 4)
        #expect(list.selected == 0 && list.offset == 0 && list.visibleRange == 0..<4)
        for _ in 0..<4 { list.moveDown() }
        #expect(list.selected == 4 && list.offset == 1)
        list.end()
        #expect(list.selected == 9 && list.offset == 6)
        list.moveDown()
        #expect(list.selected == 9)
        list.pageUp()
        #expect(list.selected == 5 && list.offset == 5)
        list.pageUp()
        list.pageUp()
        #expect(list.selected == 0 && list.offset == 0)
        list.moveUp()
        #expect(list.selected == 0)
        list.pageDown()
        #expect(list.selected == 4 && list.offset == 1)
        list.home()
        #expect(list.selected == 0 && list.offset == 0)
    }

    @Test func shrinkingClampsTheSelectionAndTheOffset() {
        var list = ListState(count: 10, viewportHeight: 4, selected: 9)
        #expect(list.offset == 6)
        list.setCount(5)
        #expect(list.selected == 4 && list.offset == 1)
        list.setCount(2)
        #expect(list.selected == 1 && list.offset == 0)
        list.setCount(0)
        #expect(list.selected == nil && list.offset == 0)
        list.setCount(3)
        #expect(list.selected == 0)
    }

    @Test func growingKeepsTheSelection() {
        var list = ListState(count: 5, viewportHeight: 3, selected: 2)
        list.setCount(50)
        #expect(list.selected == 2)
    }

    @Test func resizingTheViewport() {
        var list = ListState(count: 10, viewportHeight: 4, selected: 9)
        list.setViewportHeight(8)
        #expect(list.offset == 2 && list.selected == 9)
        list.setViewportHeight(1)
        #expect(list.offset == 9)
        list.setViewportHeight(0)
        #expect(list.viewportHeight == 1 && list.offset == 9)
        list.setViewportHeight(20)
        #expect(list.offset == 0)
    }

    @Test func selectClamps() {
        var list = ListState(count: 3, viewportHeight: 2, selected: 7)
        #expect(list.selected == 2)
        list.select(-4)
        #expect(list.selected == 0)
    }

    /// A long, fixed pseudo-random walk of every operation keeps the invariants.
    @Test func invariantsHoldUnderAnySequence() {
        var list = ListState(count: 7, viewportHeight: 3)
        var seed: UInt64 = 0x5EED
        for _ in 0..<5_000 {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            let r = Int(seed >> 33)
            switch r % 9 {
            case 0: list.moveUp()
            case 1: list.moveDown()
            case 2: list.pageUp()
            case 3: list.pageDown()
            case 4: list.home()
            case 5: list.end()
            case 6: list.setCount(r / 9 % 15)
            case 7: list.setViewportHeight(r / 9 % 8)
            default: list.select(r / 9 % 20 - 3)
            }
            Self.expectInvariants(list)
        }
    }
}
