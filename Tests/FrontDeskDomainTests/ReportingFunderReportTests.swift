import Foundation
import Testing
import FrontDeskDomain

/// Funder report arithmetic: age bands, small-cell suppression (with the subtraction case).
@Suite struct ReportingFunderReportTests {
    @Test(arguments: [
        (2026, 2026, AgeBand.age0to4), (2022, 2026, .age0to4), (2021, 2026, .age5to11), (2015, 2026, .age5to11),
        (2014, 2026, .age12to17), (2009, 2026, .age12to17), (2008, 2026, .age18to59), (1967, 2026, .age18to59),
        (1966, 2026, .age60plus), (1930, 2026, .age60plus), (2027, 2026, .unknown),
    ])
    func ageBandAtTheReportYear(_ birth: Int, _ year: Int, _ band: AgeBand) {
        #expect(AgeBand(birthYear: birth, referenceYear: year) == band)
    }

    @Test func unknownBirthYearHasItsOwnBand() {
        #expect(AgeBand(birthYear: nil, referenceYear: 2026) == .unknown)
    }

    struct SuppressionCase: Sendable, CustomTestStringConvertible {
        var name: String
        var counts: [Int]
        var shown: [String]
        var totalSuppressed = false
        var testDescription: String { name }
    }

    static let suppressionCases: [SuppressionCase] = [
        .init(name: "nothing small", counts: [12, 30, 0], shown: ["12", "30", "0"]),
        .init(name: "zero is shown", counts: [0, 0, 25], shown: ["0", "0", "25"]),
        .init(name: "one small cell: the next smallest goes too, or the total gives it away", counts: [3, 40, 12],
              shown: ["<5", "40", "<5"]),
        .init(name: "two small cells that add up to 5 or more are enough", counts: [3, 40, 2, 12], shown: ["<5", "40", "<5", "12"]),
        .init(name: "two small cells of 1 and 1 would be known from their sum 2", counts: [1, 1, 40, 12],
              shown: ["<5", "<5", "40", "<5"]),
        .init(name: "ties: the later cell goes", counts: [2, 9, 9], shown: ["<5", "9", "<5"]),
        .init(name: "a lone small cell with no other: the total goes", counts: [3, 0, 0], shown: ["<5", "0", "0"], totalSuppressed: true),
        .init(name: "everything small: the total (4) is small too", counts: [1, 2, 1], shown: ["<5", "<5", "<5"], totalSuppressed: true),
    ]

    @Test(arguments: suppressionCases)
    func smallCellsAreSuppressed(_ c: SuppressionCase) {
        let total = c.counts.reduce(0, +)
        let result = SmallCells.suppress(c.counts, total: total)
        #expect(result.cells.map(\.description) == c.shown)
        #expect(result.totalSuppressed == c.totalSuppressed)
    }

    /// The subtraction case: from the total and the shown cells, no suppressed cell can be
    /// worked out exactly, in any of these dimensions.
    @Test(arguments: suppressionCases)
    func noSuppressedCellFollowsFromTheTotal(_ c: SuppressionCase) {
        let total = c.counts.reduce(0, +)
        let result = SmallCells.suppress(c.counts, total: total)
        guard !result.totalSuppressed, !(1..<5).contains(total) else { return }
        let hidden = result.cells.indices.filter { result.cells[$0] == .suppressed }
        let remainder = total - result.cells.compactMap(\.value).reduce(0, +)
        if hidden.count == 1 { Issue.record("one suppressed cell equals total − shown cells") }
        // Every split of the remainder among the hidden cells that a reader must consider:
        // primary cells are 1…4; more than one split remains possible.
        if hidden.count >= 2 { #expect(remainder >= SmallCells.threshold) }
    }

    @Test func aReportSuppressesEachDimensionAndLeavesNonConsentingApart() throws {
        var counts = FunderReportCounts()
        counts.visitors = 57
        counts.services = 90
        counts.cells[.sex] = ["female": .init(visitors: 30, services: 50), "male": .init(visitors: 24, services: 36),
                              "other": .init(visitors: 3, services: 4)]
        counts.cells[.nationality] = ["ML": .init(visitors: 50, services: 80), "ER": .init(visitors: 7, services: 10)]
        counts.nonConsentingVisitors = 2
        counts.nonConsentingServices = 3
        let period = ReportingPeriod(first: try Fx.date("2026-01-01"), last: try Fx.date("2026-12-31"))
        let r = FunderReport(period: period, counts: counts)
        #expect(r.visitors == .exact(57))
        let sex = Dictionary(uniqueKeysWithValues: r.rows(.sex).map { ($0.key, $0) })
        #expect(sex["other"]?.visitors == .suppressed)
        #expect(sex["unspecified"]?.visitors == .exact(0))
        #expect(sex["male"]?.visitors == .suppressed) // complementary: the smallest other non-zero cell
        #expect(sex["female"]?.visitors == .exact(30))
        #expect(sex["other"]?.services == .suppressed)
        #expect(sex["male"]?.services == .suppressed)
        #expect(r.rows(.nationality).map(\.key) == ["ER", "ML"])
        #expect(r.rows(.nationality).map(\.visitors) == [.exact(7), .exact(50)])
        #expect(r.rows(.ageBand).map(\.key) == ["0-4", "5-11", "12-17", "18-59", "60+", "unknown"])
        #expect(r.nonConsentingVisitors == 2 && r.nonConsentingServices == 3)
    }

    @Test func aTinyReportHidesItsTotal() throws {
        var counts = FunderReportCounts()
        counts.visitors = 3
        counts.services = 3
        counts.cells[.sex] = ["female": .init(visitors: 3, services: 3)]
        let r = FunderReport(period: .day(try Fx.date("2026-04-14")), counts: counts)
        #expect(r.visitors == .suppressed)
        #expect(r.services == .suppressed)
        #expect(r.rows(.sex).first { $0.key == "female" }?.visitors == .suppressed)
    }

    @Test func anEmptyReportShowsZeros() throws {
        let r = FunderReport(period: .day(try Fx.date("2026-04-14")), counts: FunderReportCounts())
        #expect(r.visitors == .exact(0) && r.services == .exact(0))
        #expect(r.rows.allSatisfy { $0.visitors == .exact(0) && $0.services == .exact(0) })
    }
}
