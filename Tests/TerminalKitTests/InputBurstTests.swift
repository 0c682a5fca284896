import Testing
@testable import TerminalKit

/// Raw paste: a burst of input read at once is a paste only when a line break or tab is followed
/// by more text; any other burst stays keys.
@Suite struct InputBurstTests {
    @Test func aLineBreakOrTabFollowedByTextIsAPaste() {
        #expect(InputBurst.isPaste("Fatima Zahra Alaoui\nSalé\n"))
        #expect(InputBurst.isPaste("Amina\tc"))
        #expect(InputBurst.isPaste("a\r\nb"))
    }

    @Test func typingThenEnterOrTabIsKeys() {
        #expect(!InputBurst.isPaste("cisse"))
        #expect(!InputBurst.isPaste("1111\n"))
        #expect(!InputBurst.isPaste("V-2026-00203\n")) // a barcode reader submits
        #expect(!InputBurst.isPaste("abc\t \n"))
        #expect(!InputBurst.isPaste(""))
        // Enter or Tab first: pressed before the rest was typed (a slow terminal reads them
        // together), so keys.
        #expect(!InputBurst.isPaste("\tarabic"))
        #expect(!InputBurst.isPaste("\nabc"))
    }

    @Test func keysOfABurstKeepCombiningMarksWithTheirLetter() {
        #expect(InputBurst.keys(of: "e\u{301}a\n\t") == [.character("e\u{301}"), .character("a"), .enter, .tab])
        #expect(InputBurst.keys(of: "\r\n") == [.enter])
    }

    @Test func onlyTextEnterAndTabBelongToABurst() {
        #expect(InputBurst.text(of: .character("ሰ")) == "ሰ")
        #expect(InputBurst.text(of: .enter) == "\n")
        #expect(InputBurst.text(of: .tab) == "\t")
        #expect(InputBurst.text(of: .function(5)) == nil)
        #expect(InputBurst.text(of: .control("t")) == nil)
        #expect(InputBurst.text(of: .escape) == nil)
    }
}
