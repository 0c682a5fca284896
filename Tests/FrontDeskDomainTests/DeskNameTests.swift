import FrontDeskDomain
import Testing

/// Desk names: readable on the board and in the audit trail, never text that drives a terminal.
struct DeskNameTests {
    @Test func keptTrimmedOneSpaceNFC() throws {
        #expect(try DeskName.normalized("  Guichet   2 ") == "Guichet 2")
        #expect(try DeskName.normalized("Accue\u{301}il 3").unicodeScalars.elementsEqual("Accu\u{E9}il 3".unicodeScalars))
        #expect(try DeskName.normalized("مكتب ١") == "مكتب ١")
        #expect(try DeskName.normalized("4") == "4")
    }

    @Test func refused() {
        #expect(throws: DeskName.Problem.empty) { try DeskName.normalized("   ") }
        #expect(throws: DeskName.Problem.tooLong(max: 30)) { try DeskName.normalized(String(repeating: "G", count: 31)) }
        #expect(throws: DeskName.Problem.invalid) { try DeskName.normalized("Desk\u{1B}[2J") }
        #expect(throws: DeskName.Problem.invalid) { try DeskName.normalized("Desk\u{202E}2") }
        #expect(throws: DeskName.Problem.invalid) { try DeskName.normalized("--") }
        #expect(throws: DeskName.Problem.tooLong(max: 30)) { try DeskName.normalized("Z" + String(repeating: "\u{301}", count: 40_000)) }
        #expect(throws: DeskName.Problem.invalid) { try DeskName.normalized("Z" + String(repeating: "\u{301}", count: 9)) }
    }
}
