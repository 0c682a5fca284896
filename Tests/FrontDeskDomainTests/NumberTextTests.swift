import Foundation
import FrontDeskDomain
import Testing

/// `NumberText` writes what `String(format:)` writes, without Foundation's formatter.
struct NumberTextTests {
    @Test(arguments: [(7, 3, "007"), (-7, 3, "-07"), (12345, 3, "12345"), (0, 2, "00"), (42, 0, "42"), (2026, 4, "2026"),
                      (Int.min, 5, "-9223372036854775808")])
    func zeroPaddedLikePrintf(_ n: Int, _ width: Int, _ expected: String) {
        #expect(NumberText.zeroPadded(n, width: width) == expected)
    }

    @Test func zeroPaddedAgreesWithStringFormat() {
        for n in -1200...1200 {
            for width in [2, 3, 5] {
                #expect(NumberText.zeroPadded(n, width: width) == String(format: "%0\(width)d", n), "\(n) \(width)")
            }
        }
    }

    /// Every minute count of a week as hours with one decimal (the occupancy table), halves
    /// and thirds, and values around rounding ties.
    @Test func fixedAgreesWithStringFormat() {
        var values = (0...10_080).map { Double($0) / 60 }
        values += [0.05, 0.15, 0.25, 2.25, 2.35, -0.05, -1.5, 1.0 / 3, 2.0 / 3, 1e15 + 0.3, 123_456.789, -0.0]
        for v in values {
            for places in [0, 1, 2] {
                #expect(NumberText.fixed(v, places: places) == String(format: "%.\(places)f", v), "\(v) \(places)")
            }
        }
        #expect(NumberText.fixed(1e300, places: 1).count > 300) // more than the first buffer holds
        #expect(NumberText.fixed(.nan, places: 1) == "nan")
        #expect(NumberText.fixed(2.25, places: -3) == "2")
    }
}
