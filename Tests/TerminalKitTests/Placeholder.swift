import Testing
@testable import TerminalKit
@Test func placeholder() { #expect(Size(width: -1, height: 2).width == 0) }
