import Foundation
import FrontDeskDomain
import FrontDeskUI
import TerminalKit
import Testing

/// The occupancy screen: events and effects, and 80x24 (rooms, counselors, services, an empty
/// week) and 160x48 snapshots.
@Suite(.serialized) struct OccupancyScreenTests {
    typealias O = OccupancyScreen

    init() { TerminalLocale.useUTF8ForTests() }

    static let week = ReportingPeriod.week(containing: LocalDate(year: 2026, month: 4, day: 14), settings: CenterSettings())
    static let month = ReportingPeriod.month(containing: LocalDate(year: 2026, month: 4, day: 14))
    static let rooms = Sched.rooms + [Room(id: 3, name: "قاعة الاستقبال الكبرى", capacity: 4), Room(id: 4, name: "Salle 4", capacity: 2, active: false)]

    /// Salle 2 closed for works on Wednesday 15th; Karima away Thursday morning; utilization
    /// rising through the week, one room over 100 % on Friday (booked before a closure).
    static func report(_ period: ReportingPeriod, empty: Bool = false, manyTickets: Bool = false) -> OccupancyReport {
        let closures = [Closure(id: 1, first: LocalDate(year: 2026, month: 4, day: 15), last: LocalDate(year: 2026, month: 4, day: 15), roomId: 2, label: "Travaux")]
        let absences = [Absence(id: 1, counselorId: 1, interval: UTCInterval(start: Sched.at("2026-04-16", "09:00"), end: Sched.at("2026-04-16", "12:30")),
                                reason: "Formation")]
        let available = AvailableTime(calendar: Sched.calendar, settings: CenterSettings(), closures: closures, absences: absences, days: period.days)
        var agg = OccupancyAggregates()
        if !empty {
            for (i, d) in period.days.enumerated() where d.isoWeekday.rawValue <= 5 {
                for r in rooms where r.active { agg.roomMinutes[.init(id: r.id, day: i)] = (60 + 45 * (i % 7) + 30 * Int(r.id)) % 600 }
                for c in Sched.counselors { agg.counselorMinutes[.init(id: c.id, day: i)] = (90 + 40 * (i % 7) + 25 * Int(c.id)) % 420 }
            }
            if let fri = period.days.firstIndex(of: LocalDate(year: 2026, month: 4, day: 17)) { agg.roomMinutes[.init(id: 1, day: fri)] = 600 }
            agg.serviceCounts["individual-counseling"] = AppointmentCounts(booked: 3, arrived: 1, completed: 18, noShows: 4, cancelled: 2)
            agg.serviceCounts["psychological-first-aid"] = AppointmentCounts(completed: 6, noShows: 1)
            agg.serviceCounts["social-orientation"] = AppointmentCounts(booked: 2, completed: 25, noShows: 2, cancelled: 5)
            agg.serviceCounts["psychosocial-support-group"] = AppointmentCounts(completed: 1)
            agg.groupSeats["psychosocial-support-group"] = .init(seats: 12, enrolled: 12, waitlisted: 4)
            agg.walkIns[.social] = WalkInStats(arrivals: 41, served: 38, leftUnseen: 2, unservedAtClose: 0, waiting: 1, medianWaitMinutes: 14, p90WaitMinutes: 38)
            agg.walkIns[.psychological] = WalkInStats(arrivals: 12, served: 10, leftUnseen: 1, unservedAtClose: 1, medianWaitMinutes: 9, p90WaitMinutes: 31)
            agg.walkInsAll = WalkInStats(arrivals: 53, served: 48, leftUnseen: 3, unservedAtClose: 1, waiting: 1, medianWaitMinutes: 12, p90WaitMinutes: 37)
            if manyTickets { // a busy month: thousands of tickets
                agg.walkInsAll = WalkInStats(arrivals: 11_230, served: 10_412, leftUnseen: 700, unservedAtClose: 96, waiting: 22,
                                             medianWaitMinutes: 13, p90WaitMinutes: 41)
            }
        }
        return OccupancyReport(period: period, available: available, rooms: rooms, counselors: Sched.counselors, services: Sched.services,
                               aggregates: agg)
    }

    func state(_ view: O.View = .rooms, span: O.Span = .week, size: Size = Size(width: 80, height: 24), language: UILanguage = .en,
               empty: Bool = false, manyTickets: Bool = false) -> Harness<O> {
        var s = Harness<O>(O.State(), size: size, language: language)
        if span == .month { _ = O.update(&s, .key(.character("m"))) }
        let effects = O.update(&s, .shown)
        if case .load(let request)? = effects.last {
            _ = O.update(&s, .loaded(request, Self.report(span == .week ? Self.week : Self.month, empty: empty, manyTickets: manyTickets)))
        }
        if view != .rooms { _ = O.update(&s, .key(.character(view == .counselors ? "c" : "s"))) }
        return s
    }

    func frame(_ s: Harness<O>) -> Frame { Sched.render({ O.render(s, into: &$0) }, size: s.size) }

    @Test func roomsWeek() throws {
        let f = frame(state())
        try Snapshot.assert(f, named: "occupancy-rooms")
        #expect(f.text.contains("Rooms") && f.text.contains("Served 48 of 53: median 12, p90 37 min") && !f.text.contains("Left 6%"))
        #expect(f.text.contains("قاعة الاستقبال"))
        #expect(f.text.contains("—")) // the weekend and the closed room: nothing available
    }

    /// Thousands of tickets at 80 columns, in French and English: the strip says the waits
    /// short rather than cut them.
    @Test func aBusyMonthsWaitsFitTheStrip() throws {
        let fr = frame(state(language: .fr, manyTickets: true)).lines()[1]
        #expect(fr.contains("Non venus") && fr.contains("Servis 10412/11230 : 13/41 min") && !fr.contains("…"), "\(fr)")
        let en = frame(state(manyTickets: true)).lines()[1]
        #expect(en.contains("Served 10412/11230: 13/41 min") && !en.contains("…"), "\(en)")
        // When it fits, the words stay.
        #expect(frame(state(language: .fr)).text.contains("Servis 48 sur 53 : méd. 12, p90 37 min"))
    }

    @Test func counselorsWeek() throws {
        let f = frame(state(.counselors))
        try Snapshot.assert(f, named: "occupancy-counselors")
        #expect(f.text.contains("ሳምራዊት ተስፋይ") && f.text.contains("Marie-Christine"))
    }

    @Test func servicesWeek() throws {
        let f = frame(state(.services))
        try Snapshot.assert(f, named: "occupancy-services")
        #expect(f.text.contains("SOCIAL") && f.text.contains("41 tickets: served 38 (median 14, p90 38 min), left 2, unserved 0, waiting 1"))
        // The bars' legend, not the grid's shades.
        #expect(f.text.contains("Bar: demand ÷ capacity") && !f.text.contains("░ <25%"))
    }

    @Test func anEmptyWeek() throws {
        let f = frame(state(empty: true))
        try Snapshot.assert(f, named: "occupancy-empty")
        #expect(f.text.contains("No-shows —") && f.text.contains("Served 0 of 0: median —, p90 — min"))
        #expect(!f.text.contains("nan") && !f.text.contains("NaN"))
    }

    @Test func inFrench() throws { try Snapshot.assert(frame(state(language: .fr)), named: "occupancy-rooms-fr") }

    @Test func wideMonth() throws {
        let f = frame(state(.rooms, span: .month, size: Size(width: 160, height: 48)))
        try Snapshot.assert(f, named: "occupancy-month-160x48")
        #expect(f.text.contains("Apr 2026"))
    }

    /// The month grid fills the width at every size, and today is marked whatever its day: its
    /// number highlighted in the header (even where other days have no label) with no label
    /// touching it, and its cells underlined.
    @Test(arguments: [80, 100, 120, 160, 200])
    func monthGridUsesTheWidthAndMarksToday(width: Int) throws {
        for day in [1, 13, 14, 22, 30] {
            let now = Sched.at(String(format: "2026-04-%02d", day), "11:00")
            var s = Harness<O>(O.State(), size: Size(width: width, height: 24), now: now)
            _ = O.update(&s, .key(.character("m")))
            if case .load(let request)? = O.update(&s, .shown).last { _ = O.update(&s, .loaded(request, Self.report(Self.month))) }
            let f = frame(s)
            let header = 3
            let highlighted = (0..<width).filter { f[$0, header].style.attributes.contains(.reverse) }
            let label = String(highlighted.map { f[$0, header].text }.joined())
            #expect(label.trimmingCharacters(in: .whitespaces) == String(day), "width \(width), day \(day): '\(label)'")
            if let first = highlighted.first, let last = highlighted.last {
                #expect(first == 0 || f[first - 1, header].text == " ", "width \(width), day \(day)")
                #expect(last + 1 >= width || f[last + 1, header].text == " ", "width \(width), day \(day)")
            }
            // The "All" line: today's cells underlined, the last day's cell right against the total column.
            let all = (0..<24).first { f[0, $0].text == "A" && f[1, $0].text == "l" } ?? 0
            let underlined = (0..<width).filter { f[$0, all].style.attributes.contains(.underline) }
            #expect(!underlined.isEmpty && underlined.allSatisfy { highlighted.contains($0) || abs($0 - (highlighted.first ?? 0)) < 8 },
                    "width \(width), day \(day)")
            let minTotalW = width < 120 ? 5 : 7
            let lastShade = (0..<(width - 4)).last { "·░▒▓█—".contains(f[$0, all].text) } ?? 0
            #expect(lastShade >= width - minTotalW - 2, "width \(width): the grid leaves columns unused")
        }
    }

    @Test func monthAt80x24() throws { try Snapshot.assert(frame(state(.counselors, span: .month)), named: "occupancy-month-counselors") }

    @Test func helpAndTooSmall() throws {
        var s = state()
        _ = O.update(&s, .key(.function(1)))
        try Snapshot.assert(frame(s), named: "occupancy-help")
        _ = O.update(&s, .key(.escape))
        _ = s.resize(Size(width: 60, height: 20))
        #expect(frame(s).text.contains("60"))
    }

    @Test func keysMoveByWeekAndMonthAndLoad() {
        var s = Harness<O>(O.State())
        let today = LocalDate(year: 2026, month: 4, day: 14)
        #expect(O.start(&s) == [])
        #expect(O.update(&s, .shown) == [.load(.init(span: .week, anchor: today))])
        #expect(O.update(&s, .key(.right)) == [.load(.init(span: .week, anchor: LocalDate(year: 2026, month: 4, day: 21)))])
        #expect(O.update(&s, .key(.character("m"))) == [.load(.init(span: .month, anchor: LocalDate(year: 2026, month: 4, day: 21)))])
        #expect(O.update(&s, .key(.left)) == [.load(.init(span: .month, anchor: LocalDate(year: 2026, month: 3, day: 21)))])
        #expect(O.update(&s, .key(.character("t"))) == [.load(.init(span: .month, anchor: today))])
        // A late answer for another period is ignored.
        _ = O.update(&s, .loaded(.init(span: .week, anchor: today), Self.report(Self.week)))
        #expect(s.report == nil)
        _ = O.update(&s, .key(.tab))
        #expect(s.view == .counselors)
        _ = O.update(&s, .key(.backTab))
        _ = O.update(&s, .key(.backTab))
        #expect(s.view == .services)
        #expect(O.monthShift(LocalDate(year: 2026, month: 1, day: 31), 1) == LocalDate(year: 2026, month: 2, day: 28))
    }

    @Test func shadesReadWithoutColor() {
        #expect(O.shade(nil) == "—" && O.shade(0) == "·" && O.shade(0.1) == "░" && O.shade(0.3) == "▒" && O.shade(0.6) == "▓" && O.shade(0.9) == "█")
        #expect(O.bar(0.5, width: 4) == "██  " && O.bar(1.3, width: 4) == "███▶" && O.bar(nil, width: 3) == "   ")
    }

    /// A coordinator lands on the occupancy screen; Shift-F9 and `o` in the ^G menu bring it back.
    @Test func theShellOpensOccupancyByShiftF9AndTheMenu() {
        let coordinator = StaffMember(id: 3, name: "Nadia", role: .coordinator)
        var app = Fixture.app(session: coordinator)
        #expect(app.shown == .occupancy)
        let load = AppScreen.Effect.occupancy(.load(.init(span: .week, anchor: LocalDate(year: 2026, month: 4, day: 14))))
        _ = AppScreen.update(&app, .key(.function(9)))
        #expect(app.shown == .schedule)
        #expect(AppScreen.update(&app, .key(.function(21))) == [load])
        #expect(app.shown == .occupancy)
        _ = AppScreen.update(&app, .key(.function(9)))
        _ = AppScreen.update(&app, .key(.control("g")))
        #expect(AppScreen.update(&app, .key(.character("o"))) == [load])
        #expect(app.shown == .occupancy)
        #expect(Key.function(21).name == "S-F9")
        _ = AppScreen.update(&app, .key(.function(10)))
        #expect(AppScreen.update(&app, .key(.character("y"))) == [])
        #expect(app.quitRequested)
    }

    /// A receptionist cannot open it: Shift-F9 does nothing and the menu does not offer it.
    @Test func aReceptionistCannotOpenOccupancy() {
        let receptionist = StaffMember(id: 1, name: "Amina", role: .receptionist)
        var app = Fixture.app(session: receptionist)
        #expect(AppScreen.update(&app, .key(.function(21))) == [])
        #expect(app.shown == .reception)
        #expect(!app.allowedScreens.contains(.occupancy))
    }
}
