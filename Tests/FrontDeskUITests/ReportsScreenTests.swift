import Foundation
import FrontDeskDomain
import FrontDeskUI
import TerminalKit
import Testing

/// The coordinator's reports screen (issue 15 item 4): keys choose the scope and the period and
/// ask for loads and exports; every view at 80x24 and 120x40, in French and English. The
/// report is built by hand: a third quarter with a nationality of 3 (`<5`), the next smallest
/// hidden (`x`), and a `<5` in the pyramid, none of which may be drawn as a bar.
@Suite(.serialized) struct ReportsScreenTests {
    typealias R = ReportsScreen

    init() { TerminalLocale.useUTF8ForTests() }

    static let q2 = ReportingPeriod(first: LocalDate(year: 2026, month: 4, day: 1), last: LocalDate(year: 2026, month: 6, day: 30))

    static func counts() -> FunderReportCounts {
        var c = FunderReportCounts()
        c.visitors = 212
        c.services = 655
        c.nonConsentingVisitors = 9
        c.nonConsentingServices = 21
        let sexes: [(String, [String: (Int, Int)])] = [
            ("female", ["0-4": (6, 14), "5-11": (9, 20), "12-17": (11, 30), "18-24": (21, 60), "25-59": (48, 170), "60+": (7, 22), "unknown": (0, 0)]),
            ("male", ["0-4": (5, 11), "5-11": (8, 18), "12-17": (3, 9), "18-24": (26, 81), "25-59": (58, 190), "60+": (6, 18), "unknown": (0, 0)]),
            ("other", ["25-59": (2, 5)]),
            ("unspecified", ["18-24": (1, 2), "unknown": (6, 10)]),
        ]
        for (sex, bands) in sexes {
            for (band, n) in bands {
                c.add(sex: sex, ageBand: band, visitors: n.0, services: n.1)
                c.add(.sex, sex, visitors: n.0, services: n.1)
                c.add(.ageBand, band, visitors: n.0, services: n.1)
            }
        }
        for (code, v, s) in [("MA", 61, 190), ("GN", 40, 120), ("SD", 37, 118), ("CM", 30, 90), ("SY", 22, 64), ("ER", 19, 60), ("ML", 3, 13)] {
            c.add(.nationality, code, visitors: v, services: s)
        }
        for (status, v, s) in [("refugee", 80, 260), ("asylum_seeker", 52, 160), ("migrant", 60, 180), ("moroccan_national", 20, 55)] {
            c.add(.status, status, visitors: v, services: s)
        }
        c.add(.category, "psychological", visitors: 70, services: 200)
        c.add(.category, "social", visitors: 120, services: 330)
        c.add(.category, "professional", visitors: 60, services: 125)
        c.add(.recurrence, "new", visitors: 90, services: 250)
        c.add(.recurrence, "returning", visitors: 122, services: 405)
        return c
    }

    static func trends() -> ReportTrends {
        let months = ReportTrends.trendMonths(endingWith: q2.last).enumerated().map { i, first in
            ReportTrends.Month(first: first, visitors: i == 0 ? .suppressed : .exact(40 + i * 9), waits: 30 + i, medianWaitMinutes: 8 + i % 5,
                               noShows: 3 + i % 4, attended: 30 + i)
        }
        var grid = Array(repeating: Array(repeating: 0, count: 24), count: 7)
        for day in 0..<5 { for hour in 9...16 { grid[day][hour] = (day * 7 + hour * 3) % 23 } }
        grid[0][9] = 31
        return ReportTrends(months: months, walkIns: grid,
                            byCounselor: [.init(name: "Aminata Diop", noShows: 6, attended: 30), .init(name: "فاطمة الزهراء الإدريسي", noShows: 2, attended: 35),
                                          .init(name: "Karim Bennani", noShows: 11, attended: 60)],
                            byService: [.init(name: "Entretien psychologique individuel", noShows: 7, attended: 40, englishName: "Individual psychological counseling"),
                                        .init(name: "Orientation sociale", noShows: 4, attended: 51, englishName: "Social orientation")])
    }

    static let catalog = DefaultPrograms.catalog()

    /// Shown, the catalog loaded, the report of the current quarter loaded (today is 2026-04-14
    /// in the harness), then `view`.
    func state(_ view: R.View = .tables, size: Size = Size(width: 80, height: 24), language: UILanguage = .en) -> Harness<R> {
        var s = Harness<R>(R.State(), size: size, language: language)
        _ = R.update(&s, .shown)
        _ = R.update(&s, .catalogLoaded(Self.catalog))
        if let request = s.request {
            _ = R.update(&s, .loaded(request, FunderReport(period: request.period, counts: Self.counts()), Self.trends()))
        }
        _ = R.update(&s, .key(.character(Character(String((R.View.allCases.firstIndex(of: view) ?? 0) + 1)))))
        return s
    }

    func frame(_ s: Harness<R>) -> Frame { Sched.render({ R.render(s, into: &$0) }, size: s.size) }

    @Test(arguments: [(UILanguage.en, 80, 24), (.fr, 80, 24), (.en, 120, 40), (.fr, 120, 40)])
    func everyViewSnapshots(language: UILanguage, width: Int, height: Int) throws {
        for view in R.View.allCases {
            let f = frame(state(view, size: Size(width: width, height: height), language: language))
            try Snapshot.assert(f, named: "reports-\(view.rawValue)-\(language)-\(width)x\(height)")
            // No visitor's name, and a suppressed count is never drawn as a bar.
            #expect(!f.text.contains("Benjelloun"))
        }
    }

    /// The nationality of 3 is `<5` and the next smallest (Eritrea, 19) is `x`; both come
    /// after the exact ones, without a bar; the other rows keep their bars.
    @Test func suppressedCountsAreNeverBars() {
        let s = state(.nationalities)
        let lines = R.nationalityLines(s.report!, s.context, width: 78).map(\.0)
        let ml = lines.first { $0.hasPrefix("ML ") }, er = lines.first { $0.hasPrefix("ER ") }
        #expect(ml.map { $0.contains("<5") && !$0.contains("█") } == true, "\(lines)")
        #expect(er.map { $0.contains(" x") && !$0.contains("█") } == true, "\(lines)")
        #expect(lines.firstIndex { $0.hasPrefix("ER ") }! > lines.firstIndex { $0.hasPrefix("SY ") }!)
        #expect(lines.first { $0.hasPrefix("MA ") }?.contains("█") == true)
        // The pyramid: men 12-17 (3) is `<5`, and the bar helper refuses to draw it.
        #expect(R.bar(.suppressed, max: 58, width: 20) == ("<5", false))
        #expect(R.bar(.hidden, max: 58, width: 20) == ("x", false))
        #expect(R.bar(.exact(29), max: 58, width: 20).text == "██████████")
        // No-shows from 1 to 4 are `<5`, with no rate that would give them back.
        let noShows = R.noShowLines(s.trends!, s.context, width: 78).map(\.0)
        let few = noShows.first { $0.hasPrefix("فاطمة") }
        #expect(few.map { $0.hasSuffix("<5/37") && !$0.contains("%") && !$0.contains("█") } == true, "\(noShows)")
        #expect(noShows.contains { $0.hasPrefix("Karim Bennani") && $0.hasSuffix("15% 11/71") })
        // The walk-ins' heat map writes no count from 1 to 4 (the grid holds several).
        let walkIns = frame(state(.walkIns)).lines().dropFirst(3).prefix(6).joined(separator: "\n")
        #expect(Self.trends().walkIns.flatMap { $0 }.contains { (1...4).contains($0) })
        #expect(walkIns.range(of: #"[░▒▓█·][1-4](?![0-9])"#, options: .regularExpression) == nil, "\(walkIns)")
        // The tables list both sex × age grids, every sex in each.
        let tables = R.tableLines(s.report!, s.context, width: 78).map(\.0)
        #expect(tables.filter { $0.hasPrefix("Not stated") }.count == 3, "the sex table and both grids")
        #expect(tables.contains("Services by sex and age band"))
    }

    /// `p` steps this quarter → last quarter → this year → month by month; the arrows move
    /// by the period's own length; `f` steps every service → each funder → each program; `x`
    /// exports the shown view once the figures are there.
    @Test func keysChooseScopeAndPeriodAndExport() {
        var s = Harness<R>(R.State())
        let shown = R.update(&s, .shown)
        #expect(shown.first == .loadCatalog)
        #expect(shown.last == .load(.init(scope: .all, programs: nil, period: Self.q2)))
        _ = R.update(&s, .catalogLoaded(Self.catalog))
        let period = { (effects: [R.Effect]) -> ReportingPeriod? in if case .load(let r)? = effects.last { r.period } else { nil } }
        #expect(period(R.update(&s, .key(.character("p")))) == ReportingPeriod(first: LocalDate(year: 2026, month: 1, day: 1), last: LocalDate(year: 2026, month: 3, day: 31)))
        #expect(period(R.update(&s, .key(.left))) == ReportingPeriod(first: LocalDate(year: 2025, month: 10, day: 1), last: LocalDate(year: 2025, month: 12, day: 31)))
        #expect(period(R.update(&s, .key(.character("p")))) == ReportingPeriod(first: LocalDate(year: 2026, month: 1, day: 1), last: LocalDate(year: 2026, month: 12, day: 31)))
        #expect(period(R.update(&s, .key(.character("p")))) == .month(containing: LocalDate(year: 2026, month: 4, day: 1)))
        #expect(period(R.update(&s, .key(.right))) == .month(containing: LocalDate(year: 2026, month: 5, day: 1)))
        #expect(period(R.update(&s, .key(.character("t")))) == Self.q2)
        let funder = R.update(&s, .key(.character("f")))
        guard case .load(let r)? = funder.last else { Issue.record("no load"); return }
        #expect(r.scope == .funder(Self.catalog[0].funder) && r.programs == Self.catalog.filter { $0.funder == Self.catalog[0].funder }.map(\.id))
        _ = R.update(&s, .key(.character("F")))
        #expect(s.scope == .all)
        // Nothing to export before the figures arrive; then the shown view's.
        #expect(R.update(&s, .key(.character("x"))) == [])
        #expect(s.notice?.kind == .error)
        let request = s.request!
        let report = FunderReport(period: request.period, counts: Self.counts())
        _ = R.update(&s, .loaded(request, report, Self.trends()))
        _ = R.update(&s, .key(.character("3")))
        #expect(R.update(&s, .key(.function(6))) == [.export(.init(request: request, view: .nationalities, report: report, trends: Self.trends()))])
        _ = R.update(&s, .exported(["/tmp/a.csv"]))
        #expect(s.notice?.text.contains("/tmp/a.csv") == true)
        // A late answer for another request is ignored.
        _ = R.update(&s, .loaded(.init(scope: .all, programs: nil, period: .month(containing: LocalDate(year: 2020, month: 1, day: 1))),
                                 FunderReport(period: Self.q2, counts: FunderReportCounts()), Self.trends()))
        #expect(s.report == report)
    }

    /// A report that withholds its breakdown, or its sex × age table alone, says so where the
    /// counts would be: above the tables, under the sex × age titles, under the pyramid (which
    /// otherwise would be a grid of `x` with no reason given).
    @Test func aWithheldBreakdownIsExplainedOnScreen() throws {
        var few = FunderReportCounts()
        few.visitors = 3
        few.services = 3
        few.add(.sex, "female", visitors: 3, services: 3)
        var eleven = FunderReportCounts()
        eleven.visitors = 11
        eleven.services = 11
        for (sex, age, n) in [("female", "12-17", 1), ("female", "25-59", 5), ("male", "25-59", 5)] {
            eleven.add(.sex, sex, visitors: n, services: n)
            eleven.add(.ageBand, age, visitors: n, services: n)
            eleven.add(sex: sex, ageBand: age, visitors: n, services: n)
        }
        for language in [UILanguage.en, .fr] {
            for (counts, withheldAll) in [(few, true), (eleven, false)] {
                var s = state(.tables, language: language)
                let report = FunderReport(period: s.request!.period, counts: counts)
                #expect(report.breakdownWithheld == withheldAll && report.sexByAgeWithheld == !withheldAll)
                _ = R.update(&s, .loaded(s.request!, report, Self.trends()))
                let strings = Fixture.strings(language)
                // Wrapped at the width, whole.
                let text = R.tableLines(report, s.context, width: 78).map(\.0).joined(separator: " ")
                #expect(text.contains(strings("reports.withheld")) == withheldAll, "\(text)")
                #expect(text.components(separatedBy: strings("reports.sexByAgeWithheld")).count - 1 == (withheldAll ? 0 : 2), "\(text)")
                // The countries view: why none are listed, not "nothing in this period".
                let countries = R.nationalityLines(report, s.context, width: 78).map(\.0).joined(separator: " ")
                #expect(countries.contains(strings("reports.withheld")) == withheldAll && (!withheldAll || !countries.contains(strings("reports.none"))), "\(countries)")
                _ = R.update(&s, .key(.character("2")))
                let pyramid = frame(s).text
                let note = strings(withheldAll ? "reports.withheld" : "reports.sexByAgeWithheld")
                #expect(pyramid.contains(String(note.prefix(40))) && pyramid.contains(String(note.split(separator: " ").last ?? "")), "\(pyramid)")
            }
        }
    }

    /// The tables scroll within their lines: End shows the last line, a key down past it does
    /// nothing, and one key up moves at once (the first line shown used to keep growing, so
    /// after a long press Up seemed dead).
    @Test func scrollingStopsAtTheLastLine() {
        var s = state(.tables)
        let lines = R.tableLines(s.report!, s.context, width: 78)
        let range = R.scrollRange(s.state, s.context)
        #expect(range.lastFirst > 0 && range.lastFirst < lines.count, "the tables are longer than 80x24 shows")
        _ = R.update(&s, .key(.end))
        #expect(s.scroll == range.lastFirst)
        let bottom = frame(s).text
        #expect(bottom.contains(lines.last!.0.trimmingCharacters(in: .whitespaces)), "\(bottom)")
        for _ in 0..<30 { _ = R.update(&s, .key(.down)) }
        _ = R.update(&s, .key(.pageDown))
        #expect(s.scroll == range.lastFirst)
        _ = R.update(&s, .key(.up))
        #expect(s.scroll == range.lastFirst - 1)
        #expect(frame(s).text != bottom)
        _ = R.update(&s, .key(.pageUp))
        _ = R.update(&s, .key(.pageUp))
        _ = R.update(&s, .key(.pageUp))
        _ = R.update(&s, .key(.pageUp))
        #expect(s.scroll == 0)
        // A picture that fits does not scroll at all.
        var pyramid = state(.pyramid)
        _ = R.update(&pyramid, .key(.end))
        #expect(pyramid.scroll == 0)
    }

    /// A coordinator and an admin open it by Shift-F10 and `p` in the menu; a receptionist
    /// and a counselor cannot.
    @Test func whoMayOpenIt() {
        for role in [StaffRole.coordinator, .admin] {
            var app = Fixture.app(session: StaffMember(id: 3, name: "Nadia", role: role))
            let effects = AppScreen.update(&app, .key(.function(22)))
            #expect(app.shown == .reports, "\(role)")
            #expect(effects.contains(.reports(.loadCatalog)))
            _ = AppScreen.update(&app, .key(.control("g")))
            _ = AppScreen.update(&app, .key(.character("p")))
            #expect(app.shown == .reports)
        }
        for role in [StaffRole.receptionist, .counselor] {
            var app = Fixture.app(session: StaffMember(id: 1, name: "Amina", role: role, counselorId: role == .counselor ? 1 : nil))
            let before = app.shown
            #expect(AppScreen.update(&app, .key(.function(22))) == [])
            #expect(app.shown == before && !app.allowedScreens.contains(.reports))
        }
    }
}
