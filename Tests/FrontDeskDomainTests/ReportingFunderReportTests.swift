import Foundation
import Testing
import FrontDeskDomain

/// Funder report arithmetic: age bands, small-cell suppression (with the subtraction case).
@Suite struct ReportingFunderReportTests {
    /// Ages by the calendar (issue 15 item 3): with a full date the age goes up on the
    /// birthday, a 29 February birthday on 1 March in common years, on 29 February in leap
    /// years; with a year only, the age reached in the day's year; nil before the birth.
    @Test(arguments: [
        ("2008-05-20", "2026-05-10", 17), ("2008-05-20", "2026-05-19", 17), ("2008-05-20", "2026-05-20", 18),
        ("2008-02-29", "2026-02-28", 17), ("2008-02-29", "2026-03-01", 18), ("2008-02-29", "2028-02-28", 19),
        ("2008-02-29", "2028-02-29", 20), ("2008-12-31", "2009-12-30", 0), ("2008-12-31", "2009-12-31", 1),
    ])
    func ageByTheCalendar(_ birth: String, _ day: String, _ age: Int) throws {
        let date = try #require(LocalDate(iso: birth))
        #expect(Age.years(birthYear: date.year, birthDate: date, on: try #require(LocalDate(iso: day))) == age)
    }

    @Test func ageFromAYearAloneOrNothing() {
        let day = LocalDate(year: 2026, month: 5, day: 10)
        #expect(Age.years(birthYear: 2008, birthDate: nil, on: day) == 18)
        #expect(Age.years(birthYear: 2026, birthDate: nil, on: day) == 0)
        #expect(Age.years(birthYear: 2027, birthDate: nil, on: day) == nil)
        #expect(Age.years(birthYear: nil, birthDate: nil, on: day) == nil)
        #expect(Age.years(birthYear: 2026, birthDate: LocalDate(year: 2026, month: 6, day: 1), on: day) == nil)
    }

    @Test(arguments: [
        (0, "0-4"), (4, "0-4"), (5, "5-11"), (11, "5-11"), (12, "12-17"), (17, "12-17"), (18, "18-24"), (24, "18-24"),
        (25, "25-59"), (59, "25-59"), (60, "60+"), (101, "60+"),
    ])
    func standardBands(_ age: Int, _ key: String) {
        #expect(AgeBands.standard.key(forAge: age) == key)
    }

    @Test func bandsAreWrittenAndReadBack() throws {
        #expect(AgeBands.standard.description == "0-4,5-11,12-17,18-24,25-59,60+")
        #expect(AgeBands.standard.keys.last == "unknown" && AgeBands.standard.key(forAge: nil) == "unknown")
        let own = try #require(AgeBands(spec: " 0-17, 18-59 ,60+"))
        #expect(own.lowerBounds == [0, 18, 60] && own.key(forAge: 17) == "0-17" && own.key(forAge: 18) == "18-59")
        for bad in ["", "60+", "1-17,18+", "0-17,19+", "0-17,18-59", "0-17,17-59,60+", "0-4,5-3,4+", "0-x,5+", "0-17;18+", "0-17,18+,30+"] {
            #expect(AgeBands(spec: bad) == nil, "\(bad)")
        }
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
              shown: ["<5", "40", "x"]),
        .init(name: "two small cells that add up to 5 or more are enough", counts: [3, 40, 2, 12], shown: ["<5", "40", "<5", "12"]),
        .init(name: "two small cells of 1 and 1 would be known from their sum 2", counts: [1, 1, 40, 12],
              shown: ["<5", "<5", "40", "x"]),
        .init(name: "ties: the later cell goes", counts: [2, 9, 9], shown: ["<5", "9", "x"]),
        .init(name: "a hidden cell of 37 is x, never <5 (Senegal, issue 15)", counts: [3, 37, 120], shown: ["<5", "x", "120"]),
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
        let hidden = result.cells.indices.filter { result.cells[$0] == .suppressed || result.cells[$0] == .hidden }
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
        #expect(sex["male"]?.visitors == .hidden) // complementary: the smallest other non-zero cell, 24, is x
        #expect(sex["male"]?.visitors.description == "x")
        #expect(sex["female"]?.visitors == .exact(30))
        #expect(sex["other"]?.services == .suppressed)
        #expect(sex["male"]?.services == .hidden)
        #expect(r.rows(.nationality).map(\.key) == ["ER", "ML"])
        #expect(r.rows(.nationality).map(\.visitors) == [.exact(7), .exact(50)])
        #expect(r.rows(.ageBand).map(\.key) == ["0-4", "5-11", "12-17", "18-24", "25-59", "60+", "unknown"])
        // Counts apart are counts too: 2 and 3 are "<5".
        #expect(r.nonConsentingVisitors == .suppressed && r.nonConsentingServices == .suppressed)
    }

    /// Over many random tables: "<5" only for a true count from 1 to 4, "x" only for one of 5 or
    /// more, exact counts exact, and never a single hidden cell (or hidden cells adding up to
    /// under 5) that the total would give back.
    @Test func shownMarksAlwaysTellTheTruth() {
        var seed: UInt64 = 0x5EED_1505
        func next(_ n: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(n))
        }
        for _ in 0..<2_000 {
            let counts = (0..<(1 + next(8))).map { _ in [0, 1, 2, 3, 4, 5, 6, 9, 37, 120][next(10)] }
            let total = counts.reduce(0, +)
            let result = SmallCells.suppress(counts, total: total)
            for (count, shown) in zip(counts, result.cells) {
                switch shown {
                case .exact(let n): #expect(n == count)
                case .suppressed: #expect((1...4).contains(count), "\(counts)")
                case .hidden: #expect(count >= 5, "\(counts)")
                }
            }
            let hidden = zip(counts, result.cells).filter { $0.1.value == nil }.map(\.0)
            if !result.totalSuppressed && !hidden.isEmpty {
                #expect(hidden.count >= 2 && hidden.reduce(0, +) >= SmallCells.threshold, "\(counts)")
            }
        }
    }

    /// The total of a table whose only small cell has no other non-zero cell to hide with it.
    @Test func aTotalHiddenToProtectACellIsXWhenLarge() throws {
        var counts = FunderReportCounts()
        counts.visitors = 40
        counts.services = 40
        counts.cells[.sex] = ["female": .init(visitors: 37, services: 37), "other": .init(visitors: 3, services: 3)]
        counts.cells[.status] = ["refugee": .init(visitors: 3, services: 3)]
        let r = FunderReport(period: .day(try Fx.date("2026-04-14")), counts: counts)
        #expect(r.rows(.status).first { $0.key == "refugee" }?.visitors == .suppressed)
        #expect(r.visitors == .hidden && r.visitors.description == "x")
    }

    /// Sex × age band by hand: female 30 = 3 + 27 (ages 0-4, 25-59), male 40 = 10 + 30, total
    /// 70; the age totals 13 and 57. The 3 is `<5`; its row would give it back (30 − 27), so
    /// 27 is hidden; then the 0-4 column (13 − 10) and the 25-59 column (57 − 30) each have one
    /// unknown, so 10 and 30 are hidden too: every line has two unknowns, none shown as `<5`
    /// but the 3.
    @Test func sexByAgeIsProtectedAlongRowsAndColumns() throws {
        let shown = SmallCells.suppress([[3, 27], [10, 30]], rowTotals: [.exact(30), .exact(40)], columnTotals: [.exact(13), .exact(57)])
        #expect(shown == [[.suppressed, .hidden], [.hidden, .hidden]])
        // A row whose total is itself hidden adds no equation: its lone small cell stands.
        let hiddenRow = SmallCells.suppress([[2, 0], [20, 30]], rowTotals: [.suppressed, .exact(50)], columnTotals: [.exact(22), .exact(30)])
        // The 0-4 column (22 − 20) would give the 2 back: 20 is hidden; then row 2 (50 − 30)
        // would give the 20 back: 30 is hidden; then the 25-59 column (30 − 0) would give the
        // 30 back, and only a zero is left in it: the zero is hidden.
        #expect(hiddenRow == [[.suppressed, .hidden], [.hidden, .hidden]])
        // Through the report: the cross-table's margins are the one-way tables as shown.
        var counts = FunderReportCounts()
        counts.visitors = 70
        counts.services = 70
        counts.add(sex: "female", ageBand: "0-4", visitors: 3, services: 3)
        counts.add(sex: "female", ageBand: "25-59", visitors: 27, services: 27)
        counts.add(sex: "male", ageBand: "0-4", visitors: 10, services: 10)
        counts.add(sex: "male", ageBand: "25-59", visitors: 30, services: 30)
        counts.cells[.sex] = ["female": .init(visitors: 30, services: 30), "male": .init(visitors: 40, services: 40)]
        counts.cells[.ageBand] = ["0-4": .init(visitors: 13, services: 13), "25-59": .init(visitors: 57, services: 57)]
        let r = FunderReport(period: .day(try Fx.date("2026-04-14")), counts: counts)
        let cell = { (sex: String, age: String) in r.sexByAge.first { $0.sex == sex && $0.ageBand == age }?.visitors }
        #expect(cell("female", "0-4") == .suppressed && cell("female", "25-59") == .hidden)
        #expect(cell("male", "0-4") == .hidden && cell("male", "25-59") == .hidden)
        #expect(cell("other", "25-59") == .exact(0) && cell("male", "60+") == .exact(0))
        #expect(r.sexByAge.count == Sex.allCases.count * AgeBands.standard.keys.count)
    }

    /// Case P1 (shared/cases/reports-2.md): 41 women (25-59), 36 men (33 aged 25-59, 3 aged
    /// 60+), 4 unspecified (2 aged 18-24, 2 aged 25-59): the unspecified row exists as `<5`, the
    /// total is 81, the three small cross cells are `<5` as in the one-way tables, and no count
    /// from 1 to 4 is shown anywhere.
    @Test func caseP1EverySexIsCountedAndTheCrossTableIsSuppressed() throws {
        var counts = FunderReportCounts()
        counts.visitors = 81
        counts.services = 81
        let people: [(String, String, Int)] = [("female", "25-59", 41), ("male", "25-59", 33), ("male", "60+", 3),
                                               ("unspecified", "18-24", 2), ("unspecified", "25-59", 2)]
        for (sex, age, n) in people {
            counts.add(.sex, sex, visitors: n, services: n)
            counts.add(.ageBand, age, visitors: n, services: n)
            counts.add(sex: sex, ageBand: age, visitors: n, services: n)
        }
        let r = FunderReport(period: ReportingPeriod(first: try Fx.date("2026-01-01"), last: try Fx.date("2026-03-31")), counts: counts)
        #expect(r.visitors == .exact(81))
        #expect(r.rows(.sex).first { $0.key == "unspecified" }?.visitors == .suppressed)
        let cell = { (sex: String, age: String) in r.sexByAge.first { $0.sex == sex && $0.ageBand == age }?.visitors }
        #expect(cell("unspecified", "18-24") == .suppressed && cell("unspecified", "25-59") == .suppressed && cell("male", "60+") == .suppressed)
        let shown = r.rows.flatMap { [$0.visitors, $0.services] } + r.sexByAge.flatMap { [$0.visitors, $0.services] } + [r.visitors, r.services]
        #expect(!shown.contains { (1...4).contains($0.value ?? 0) })
    }

    /// A report of fewer than 5 visitors is its total alone: every breakdown is hidden and no
    /// nationality is listed (found by a newcomer: IOM's two days, total `<5` and four
    /// nationalities each `<5`, so each was 1 and the total 4).
    @Test func aReportOfFewerThanFiveVisitorsWithholdsItsBreakdown() throws {
        var counts = FunderReportCounts()
        counts.visitors = 4
        counts.services = 4
        for nationality in ["CD", "GN", "SD", "SN"] {
            counts.add(.nationality, nationality, visitors: 1, services: 1)
            counts.add(.sex, "male", visitors: 1, services: 1)
        }
        let r = FunderReport(period: .day(try Fx.date("2026-04-14")), counts: counts)
        #expect(r.visitors == .suppressed && r.services == .suppressed)
        #expect(r.rows(.nationality).isEmpty)
        #expect(!r.rows.isEmpty && r.rows.allSatisfy { $0.visitors == .hidden && $0.services == .hidden })
        #expect(r.sexByAge.allSatisfy { $0.visitors == .hidden && $0.services == .hidden })
    }

    /// What a reader works out by combining bounds, by hand: a total of 8 with two `<5` cells
    /// gives 4 and 4 (each is at most 4); a `<5` total over four listed `<5` cells gives 1 each.
    @Test func aReaderRecoversCountsFromTheBoundsOfSmallCells() {
        let line = SmallCellsAudit.Line(total: 0, parts: [1, 2])
        #expect(SmallCellsAudit.recovered([.exact(8), .small, .small], lines: [line]) == [1, 2])
        #expect(SmallCellsAudit.bounds([.exact(8), .small, .small], lines: [line]) == [8...8, 4...4, 4...4])
        #expect(SmallCellsAudit.recovered([.exact(7), .small, .small], lines: [line]).isEmpty, "3+4 or 4+3")
        #expect(SmallCellsAudit.recovered([.small, .small, .small, .small, .small], lines: [SmallCellsAudit.Line(total: 0, parts: [1, 2, 3, 4])])
            == [0, 1, 2, 3, 4])
        // A one-way x is 5 or more: 12 = x + <5 leaves x in 8...11, the <5 in 1...4.
        #expect(SmallCellsAudit.recovered([.exact(12), .hiddenLarge, .small], lines: [line]).isEmpty)
        // 6 = x + <5 where x is 5 or more: x = 5, the <5 = 1.
        #expect(SmallCellsAudit.recovered([.exact(6), .hiddenLarge, .small], lines: [line]) == [1, 2])
        #expect(SmallCellsAudit.recovered([.exact(9), .hiddenLarge, .small], lines: [line]).isEmpty, "5+4 … 8+1")
        // A sex × age x may be 0: 4 = x + <5 gives x = 0 and the <5 = 4 (x is never 1 to 4).
        #expect(SmallCellsAudit.recovered([.exact(4), .hiddenZeroOrLarge, .small], lines: [line]) == [1, 2])
        // A category's visitors cover the total: 6 ≤ <5 + <5 is no equation.
        #expect(SmallCellsAudit.recovered([.exact(6), .small, .small], lines: [SmallCellsAudit.Line(total: 0, parts: [1, 2], relation: .cover)]).isEmpty)
    }

    /// No-shows by counselor add up to the monthly trend's no-shows: a lone `<5` is not left
    /// beside exact counts (3, 20, 9: the 9 is hidden), and two `<5` that the sum pins (4 and 4
    /// beside 30, of 38) get the 30 hidden too. Found by a newcomer: `<5/25` on screen and 22
    /// attended in the export gave 3.
    @Test func noShowsByCounselorKeepTheirSmallCountsHidden() {
        func lines(_ counts: [Int]) -> [ReportTrends.NoShowLine] { counts.map { ReportTrends.NoShowLine(name: "c\($0)", noShows: $0, attended: 20) } }
        #expect(ReportTrends.shownNoShows(lines([3, 20, 9])) == [.suppressed, .exact(20), .hidden])
        #expect(ReportTrends.shownNoShows(lines([4, 4, 30])) == [.suppressed, .suppressed, .hidden])
        #expect(ReportTrends.shownNoShows(lines([12, 20])) == [.exact(12), .exact(20)])
        #expect(ReportTrends.shownNoShows([]).isEmpty)
        var csv = CSVWriter(keepingCells: true)
        ReportTrendsExport.fill(&csv, ReportTrends(months: [], byCounselor: lines([3, 20, 9])), .noShows, english: true)
        #expect(csv.header == ["kind", "name", "no_shows", "appointments"])
        #expect(csv.rows.map { $0[2] } == [.text("<5"), .number(20), .text("x")] && csv.rows.map { $0[3] } == [.number(23), .number(40), .number(29)])
    }

    /// Case of the newcomer's Caritas week: 8 visitors, 4 women and 4 men (both `<5`), every
    /// other dimension a single value of 8. The sex line alone gives 4 and 4 back; hiding the
    /// total makes it `x` (5 or more), but each single-valued dimension would give it back, so
    /// those cells are hidden too: then women and men are each 1 to 4 of a total of 5 to 8.
    @Test func twoSmallCellsThatAddUpToTheTotalAreProtectedAcrossTheReport() throws {
        var counts = FunderReportCounts()
        counts.visitors = 8
        counts.services = 8
        for (sex, n) in [("female", 4), ("male", 4)] {
            counts.add(.sex, sex, visitors: n, services: n)
            counts.add(sex: sex, ageBand: "25-59", visitors: n, services: n)
        }
        counts.add(.ageBand, "25-59", visitors: 8, services: 8)
        counts.add(.nationality, "MA", visitors: 8, services: 8)
        counts.add(.status, "moroccan_national", visitors: 8, services: 8)
        counts.add(.category, "professional", visitors: 8, services: 8)
        counts.add(.recurrence, "new", visitors: 8, services: 8)
        let r = FunderReport(period: .day(try Fx.date("2026-04-14")), counts: counts)
        #expect(r.visitors == .hidden && r.services == .hidden)
        #expect(r.rows(.sex).filter { ["female", "male"].contains($0.key) }.allSatisfy { $0.visitors == .suppressed })
        for (dimension, key) in [(ReportDimension.ageBand, "25-59"), (.nationality, "MA"), (.status, "moroccan_national"), (.recurrence, "new")] {
            #expect(r.rows(dimension).first { $0.key == key }?.visitors == .hidden, "\(dimension)")
        }
        let known = [r.visitors] + r.rows.map(\.visitors)
        #expect(!known.contains { (1...4).contains($0.value ?? 0) })
    }

    /// Case of the newcomer's European Union days: 11 visitors, 6 women (one aged 12-17, five
    /// 25-59) and 5 men (25-59), six nationalities each `<5`. The one-way tables are protected
    /// by hiding the 10 of 25-59 (11 − 10 gave the `<5` back), but with the sex × age table
    /// every protection pins a count (the row of women gives the girl back, 6 − 5; hiding the
    /// whole 25-59 column still leaves 5 + 5 + 1). Before, every breakdown was withheld; now
    /// the sex × age table alone is, and the one-way tables are shown (6 women, 5 men).
    @Test func aSexByAgeTableThatGivesCountsAwayIsWithheldAlone() throws {
        var counts = FunderReportCounts()
        counts.visitors = 11
        counts.services = 11
        for (sex, age, n) in [("female", "12-17", 1), ("female", "25-59", 5), ("male", "25-59", 5)] {
            counts.add(.sex, sex, visitors: n, services: n)
            counts.add(.ageBand, age, visitors: n, services: n)
            counts.add(sex: sex, ageBand: age, visitors: n, services: n)
        }
        for (code, n) in [("CD", 2), ("CI", 1), ("CM", 2), ("GN", 4), ("ML", 1), ("SN", 1)] {
            counts.add(.nationality, code, visitors: n, services: n)
        }
        for (d, key) in [(ReportDimension.status, "migrant"), (.category, "social"), (.recurrence, "new")] {
            counts.add(d, key, visitors: 11, services: 11)
        }
        let r = FunderReport(period: ReportingPeriod(first: try Fx.date("2026-11-12"), last: try Fx.date("2026-11-13")), counts: counts)
        #expect(!r.breakdownWithheld && r.sexByAgeWithheld)
        #expect(r.visitors == .exact(11))
        func row(_ d: ReportDimension, _ key: String) -> ReportCount? { r.rows(d).first { $0.key == key }?.visitors }
        #expect(row(.sex, "female") == .exact(6) && row(.sex, "male") == .exact(5))
        #expect(row(.ageBand, "12-17") == .suppressed && row(.ageBand, "25-59") == .hidden)
        #expect(r.rows(.nationality).count == 6 && r.rows(.nationality).allSatisfy { $0.visitors == .suppressed })
        #expect(row(.status, "migrant") == .exact(11))
        // Hidden, but where the sex or the age band has no one (zeros known to anyone).
        #expect(r.sexByAge.allSatisfy { c in
            let none = !["female", "male"].contains(c.sex) || !["12-17", "25-59"].contains(c.ageBand)
            return c.visitors == (none ? .exact(0) : .hidden) && c.services == c.visitors
        })
        // What a reader knows of the one-way tables pins nothing.
        let known = [r.visitors] + r.rows.map(\.visitors)
        let lines = ReportDimension.allCases.map { d in
            SmallCellsAudit.Line(total: 0, parts: r.rows.indices.filter { r.rows[$0].dimension == d }.map { $0 + 1 },
                                 relation: d == .category ? .cover : .sum)
        }
        #expect(SmallCellsAudit.recovered(known.map { SmallCellsAudit.known($0) }, lines: lines).isEmpty)
        // With the cross table shown as the audit would have to show it, something is pinned:
        // no protection of it exists (this is why it is withheld).
        #expect(SmallCellsAudit.recovered([.exact(6), .small, .hiddenZeroOrLarge], lines: [SmallCellsAudit.Line(total: 0, parts: [1, 2])]) == [1, 2])
    }

    /// Case of the newcomer's Embassy of the Netherlands day (34 visitors): women `x`, men 22,
    /// not stated `<5` (one, aged 25-59), the 25-59 column 26 with men 17. No single line gives
    /// a count back, but two together do: women = 34 − 22 − not stated, women 25-59 = 26 − 17 −
    /// not stated, so women's three other cells (`<5` each) add up to 3: each is 1. The audit
    /// now reasons over every line at once and hides more until that no longer works.
    @Test func countsThatOnlyTwoLinesTogetherGiveBackAreProtected() throws {
        // The reader's reasoning, by hand: counts 0 total, 1 women, 2 men, 3 not stated,
        // 4 the 25-59 column, 5 women 25-59, 6 men 25-59, 7 not stated 25-59, 8–10 women's
        // other cells (0-4, 18-24, unknown).
        let known: [SmallCellsAudit.Known] = [.exact(34), .hiddenLarge, .exact(22), .small, .exact(26), .hiddenZeroOrLarge, .exact(17), .small,
                                              .small, .small, .small]
        let lines = [SmallCellsAudit.Line(total: 0, parts: [1, 2, 3]), SmallCellsAudit.Line(total: 4, parts: [5, 6, 7]),
                     SmallCellsAudit.Line(total: 1, parts: [5, 8, 9, 10]), SmallCellsAudit.Line(total: 3, parts: [7])]
        let b = SmallCellsAudit.bounds(known, lines: lines)
        #expect(b[8] == 1...1 && b[9] == 1...1 && b[10] == 1...1, "\(b)")
        #expect(SmallCellsAudit.recovered(known, lines: lines).contains(8))
        // The report of those counts: the reasoning needs the total, men, the 25-59 column and
        // men 25-59 all shown; one of them is now hidden (or the table withheld).
        var counts = FunderReportCounts()
        counts.visitors = 34
        counts.services = 34
        let people: [(String, String, Int)] = [("female", "0-4", 1), ("female", "18-24", 1), ("female", "25-59", 8), ("female", "unknown", 1),
                                               ("male", "5-11", 1), ("male", "12-17", 2), ("male", "18-24", 1), ("male", "25-59", 17),
                                               ("male", "60+", 1), ("unspecified", "25-59", 1)]
        for (sex, age, n) in people {
            counts.add(.sex, sex, visitors: n, services: n)
            counts.add(.ageBand, age, visitors: n, services: n)
            counts.add(sex: sex, ageBand: age, visitors: n, services: n)
        }
        for (d, key) in [(ReportDimension.nationality, "MA"), (.status, "migrant"), (.category, "social"), (.recurrence, "new")] {
            counts.add(d, key, visitors: 34, services: 34)
        }
        let r = FunderReport(period: .day(try Fx.date("2026-12-02")), counts: counts)
        let men = r.rows(.sex).first { $0.key == "male" }?.visitors, column = r.rows(.ageBand).first { $0.key == "25-59" }?.visitors
        let menColumn = r.sexByAge.first { $0.sex == "male" && $0.ageBand == "25-59" }?.visitors
        #expect(r.sexByAgeWithheld || [r.visitors, men, column, menColumn].contains { $0?.value == nil }, "\(r.rows) \(r.sexByAge)")
        #expect(!r.breakdownWithheld)
    }

    /// Case of the newcomer's GIZ November: statuses refugee 8 visitors and `x` services,
    /// asylum seeker 14 and 14, migrant 20 and 22, Moroccan `x` and 9, other `<5` and `<5`;
    /// totals 51 and 54. Each column alone pins nothing, but a row's visitors are at most its
    /// services: refugee and other services add up to 9 with refugee at least 8, so other is
    /// 1 service, so 1 visitor, and Moroccan 8. The audit reads both columns together.
    @Test func visitorsAndServicesTogetherGiveNothingBack() throws {
        // 0 total visitors, 1–5 statuses' visitors; 6 total services, 7–11 statuses' services.
        let known: [SmallCellsAudit.Known] = [.exact(51), .exact(8), .exact(14), .exact(20), .hiddenLarge, .small,
                                              .exact(54), .hiddenLarge, .exact(14), .exact(22), .exact(9), .small]
        let lines = [SmallCellsAudit.Line(total: 0, parts: [1, 2, 3, 4, 5]), SmallCellsAudit.Line(total: 6, parts: [7, 8, 9, 10, 11])]
        let pairs = (0...5).map { ($0, $0 + 6) }
        #expect(SmallCellsAudit.recovered(known, lines: lines).isEmpty, "each column alone")
        let b = SmallCellsAudit.bounds(known, lines: lines, atMost: pairs)
        #expect(b[11] == 1...1 && b[5] == 1...1 && b[4] == 8...8 && b[7] == 8...8, "\(b)")
        // The report of those counts hides more: the reasoning needs both totals, refugees'
        // visitors and Moroccans' services shown.
        var counts = FunderReportCounts()
        counts.visitors = 51
        counts.services = 54
        for (status, v, n) in [("refugee", 8, 8), ("asylum_seeker", 14, 14), ("migrant", 20, 22), ("moroccan_national", 8, 9), ("other", 1, 1)] {
            counts.add(.status, status, visitors: v, services: n)
        }
        for d in [ReportDimension.sex, .ageBand, .nationality, .category, .recurrence] {
            let key = d == .sex ? "female" : d == .ageBand ? "25-59" : d == .nationality ? "SN" : d == .category ? "social" : "new"
            counts.add(d, key, visitors: 51, services: 54)
        }
        counts.add(sex: "female", ageBand: "25-59", visitors: 51, services: 54)
        let r = FunderReport(period: ReportingPeriod(first: try Fx.date("2026-11-01"), last: try Fx.date("2026-11-30")), counts: counts)
        func status(_ key: String) -> FunderReport.Row? { r.rows(.status).first { $0.key == key } }
        let needed = [r.visitors, r.services, status("refugee")?.visitors, status("moroccan_national")?.services]
        #expect(needed.contains { $0?.value == nil } || r.breakdownWithheld, "\(r.rows(.status))")
        #expect(status("other")?.visitors == .suppressed && status("other")?.services == .suppressed)
    }

    @Test func anEmptyReportShowsZeros() throws {
        let r = FunderReport(period: .day(try Fx.date("2026-04-14")), counts: FunderReportCounts())
        #expect(r.visitors == .exact(0) && r.services == .exact(0))
        #expect(r.rows.allSatisfy { $0.visitors == .exact(0) && $0.services == .exact(0) })
    }
}
