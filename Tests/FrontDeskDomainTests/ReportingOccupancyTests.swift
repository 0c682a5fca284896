import Foundation
import Testing
import FrontDeskDomain

/// Occupancy arithmetic: available minutes (breaks, absences, closures, clock changes),
/// utilization, no-show rate, waits, empty periods.
@Suite struct ReportingOccupancyTests {
    static let settings24h = CenterSettings(openingHours: WeeklyHours(Weekday.allCases, [TimeRange(.midnight, .endOfDay)!]))

    struct AvailableCase: Sendable, CustomTestStringConvertible {
        var name: String
        var date: String
        var hours: String
        /// Absence spans `date start-end` (local).
        var absences: [(String, String)] = []
        var closure: Bool = false
        var opening: CenterSettings = CenterSettings()
        var expected: Int
        var testDescription: String { name }
    }

    static let availableCases: [AvailableCase] = [
        .init(name: "a plain day, inside opening hours", date: "2026-04-14", hours: "mon-fri 09:00-17:00", expected: 480),
        .init(name: "a lunch break is not available", date: "2026-04-14", hours: "mon-fri 09:00-12:30,13:30-17:00", expected: 420),
        .init(name: "hours outside opening hours (08:30–17:30) do not count", date: "2026-04-14", hours: "mon-fri 07:00-19:00", expected: 540),
        .init(name: "an absence in the morning", date: "2026-04-14", hours: "mon-fri 09:00-12:30,13:30-17:00",
              absences: [("09:00", "11:00")], expected: 300),
        .init(name: "an absence over the lunch break takes only working time", date: "2026-04-14", hours: "mon-fri 09:00-12:30,13:30-17:00",
              absences: [("12:00", "14:00")], expected: 360),
        .init(name: "overlapping absences count once", date: "2026-04-14", hours: "mon-fri 09:00-17:00",
              absences: [("09:00", "11:00"), ("10:00", "12:00")], expected: 300),
        .init(name: "a center closure makes the day unavailable", date: "2026-04-14", hours: "mon-fri 09:00-17:00", closure: true, expected: 0),
        .init(name: "a day off", date: "2026-04-18", hours: "mon-fri 09:00-17:00", expected: 0),
        .init(name: "clocks go back: 00:00–24:00 lasts 25 hours", date: "2026-02-15", hours: "sun 00:00-24:00",
              opening: settings24h, expected: 1500),
        .init(name: "clocks go forward: 00:00–24:00 lasts 23 hours", date: "2026-03-22", hours: "sun 00:00-24:00",
              opening: settings24h, expected: 1380),
        .init(name: "clocks go forward: 01:00–04:00 lasts 2 hours", date: "2026-03-22", hours: "sun 01:00-04:00",
              opening: settings24h, expected: 120),
        .init(name: "clocks go back: 01:00–04:00 lasts 4 hours", date: "2026-02-15", hours: "sun 01:00-04:00",
              opening: settings24h, expected: 240),
        .init(name: "a day of Ramadan (UTC+0) is an ordinary day", date: "2026-03-02", hours: "mon-fri 09:00-17:00", expected: 480),
    ]

    @Test(arguments: availableCases)
    func counselorAvailableMinutes(_ c: AvailableCase) throws {
        let date = try Fx.date(c.date)
        let counselor = Counselor(id: 1, name: "Leila Amrani", serviceIds: [], languages: [], hours: try #require(WeeklyHours(spec: c.hours)))
        let absences = try c.absences.enumerated().map { i, a in
            Absence(id: Int64(i), counselorId: 1, interval: try Fx.span(c.date, a.0, a.1), reason: "")
        }
        let closures = c.closure ? [Closure(id: 1, first: date, last: date, label: "Fermeture")] : []
        let available = AvailableTime(calendar: Fx.casablanca, settings: c.opening, closures: closures, absences: absences)
        #expect(available.minutes(of: counselor, on: date) == c.expected)
    }

    @Test func roomsFollowOpeningHoursAndClosures() throws {
        let closures = [Closure(id: 1, first: try Fx.date("2026-04-15"), last: try Fx.date("2026-04-15"), roomId: 2, label: "Travaux"),
                        Closure(id: 2, first: try Fx.date("2026-04-16"), last: try Fx.date("2026-04-16"), label: "Fermeture")]
        let a = AvailableTime(calendar: Fx.casablanca, settings: CenterSettings(), closures: closures, absences: [])
        let salle2 = Room(id: 2, name: "Salle 2", capacity: 3), salle1 = Room(id: 1, name: "Salle 1", capacity: 2)
        #expect(a.minutes(of: salle2, on: try Fx.date("2026-04-14")) == 540)
        #expect(a.minutes(of: salle2, on: try Fx.date("2026-04-15")) == 0)
        #expect(a.minutes(of: salle1, on: try Fx.date("2026-04-15")) == 540)
        #expect(a.minutes(of: salle1, on: try Fx.date("2026-04-16")) == 0)
        #expect(a.minutes(of: salle1, on: try Fx.date("2026-04-18")) == 0)
        var inactive = salle1
        inactive.active = false
        #expect(a.minutes(of: inactive, on: try Fx.date("2026-04-14")) == 0)
        let sunday24 = AvailableTime(calendar: Fx.casablanca, settings: Self.settings24h, closures: [], absences: [])
        #expect(sunday24.minutes(of: salle1, on: try Fx.date("2026-02-15")) == 1500)
        #expect(sunday24.minutes(of: salle1, on: try Fx.date("2026-03-22")) == 1380)
    }

    struct RatioCase: Sendable, CustomTestStringConvertible {
        var booked: Int, available: Int
        var ratio: Double?, text: String
        var testDescription: String { "\(booked)/\(available) → \(text)" }
    }

    @Test(arguments: [
        RatioCase(booked: 0, available: 0, ratio: nil, text: "—"),
        RatioCase(booked: 45, available: 0, ratio: nil, text: "—"),
        RatioCase(booked: 0, available: 480, ratio: 0, text: "0%"),
        RatioCase(booked: 240, available: 480, ratio: 0.5, text: "50%"),
        RatioCase(booked: 1, available: 200, ratio: 0.005, text: "1%"),
        RatioCase(booked: 500, available: 480, ratio: 500.0 / 480, text: "104%"),
    ])
    func utilizationIsBookedOverAvailable(_ c: RatioCase) {
        let u = Utilization(bookedMinutes: c.booked, availableMinutes: c.available)
        #expect(u.ratio == c.ratio)
        #expect(Statistics.percentText(u.ratio) == c.text)
    }

    struct PercentileCase: Sendable, CustomTestStringConvertible {
        var values: [Int]
        var median: Int?, p90: Int?
        var testDescription: String { "\(values)" }
    }

    @Test(arguments: [
        PercentileCase(values: [], median: nil, p90: nil),
        PercentileCase(values: [7], median: 7, p90: 7),
        PercentileCase(values: [10, 2], median: 2, p90: 10),
        PercentileCase(values: [1, 2, 3, 4], median: 2, p90: 4),
        PercentileCase(values: [5, 1, 3], median: 3, p90: 5),
        PercentileCase(values: Array(1...10), median: 5, p90: 9),
        PercentileCase(values: Array(1...11), median: 6, p90: 10),
        PercentileCase(values: Array(1...20), median: 10, p90: 18),
        PercentileCase(values: [0, 0, 0, 0, 0, 0, 0, 0, 0, 120], median: 0, p90: 0),
        PercentileCase(values: [0, 0, 0, 0, 0, 0, 0, 0, 120, 120], median: 0, p90: 120),
    ])
    func medianAndP90ByNearestRank(_ c: PercentileCase) {
        #expect(Statistics.percentile(c.values, percent: 50) == c.median)
        #expect(Statistics.percentile(c.values, percent: 90) == c.p90)
    }

    /// Hours 09:00–17:00 on weekdays (Casablanca, UTC+1 in April 2026).
    static let p2Hours = WeeklyHours(Weekday.workweek, [TimeRange(LocalTime(hour: 9, minute: 0)!, LocalTime(hour: 17, minute: 0)!)!])

    /// Shared case P2 (cases/reports-2.md): on Tue 2026-04-21, P-001 waited 10 min and was
    /// called, P-002 20 min and was called, P-003 left unseen at 11:35 after 95 min, P-004 was
    /// still waiting at the 17:00 close, since 16:10. Four tickets: 2 served (mean 15 min), 1
    /// left after 95 min, 1 unserved at close after 50 min, whether the forgotten ticket is
    /// still open or was closed by the next day's check-in.
    @Test(arguments: [false, true])
    func p2WaitsCountEveryTicketIssued(closedNextDay: Bool) throws {
        let day = LocalDate(year: 2026, month: 4, day: 21)
        func at(_ clock: String) throws -> Date { try Fx.utc("2026-04-21T\(clock):00Z") } // UTC: local − 1 h
        func ticket(_ n: Int64, arrived: String, called: String? = nil, left: String? = nil, _ outcome: VisitOutcome? = nil) throws -> Visit {
            Visit(id: n, visitorId: n, category: .psychological, day: day, ticketNumber: Int(n), arrivedAt: try at(arrived),
                  calledAt: try called.map(at), leftAt: try left.map(at), outcome: outcome)
        }
        var p4 = try ticket(4, arrived: "15:10")
        if closedNextDay { p4.leftAt = try Fx.utc("2026-04-22T08:05:00Z"); p4.outcome = .leftUnseen }
        let visits = [try ticket(1, arrived: "08:00", called: "08:10", left: "08:40", .seen),
                      try ticket(2, arrived: "08:05", called: "08:25", left: "09:00", .seen),
                      try ticket(3, arrived: "09:00", left: "10:35", .leftUnseen), p4]
        let cutoffs = QueueCutoffs(days: [day], openingHours: Self.p2Hours, calendar: Fx.casablanca)
        #expect(cutoffs.cutoff(day: day, arrivedAt: try at("15:10")) == (try at("16:00")))
        let stats = WalkInStats(visits: visits, cutoffs: cutoffs, now: try Fx.utc("2026-04-23T12:00:00Z"))
        #expect(stats.arrivals == 4)
        #expect(stats.arrivals == stats.served + stats.leftUnseen + stats.unservedAtClose + stats.waiting)
        #expect(stats.served == 2 && stats.meanWaitMinutes == 15 && stats.medianWaitMinutes == 10 && stats.p90WaitMinutes == 20)
        #expect(stats.leftUnseen == 1 && stats.leftUnseenMeanMinutes == 95)
        #expect(stats.unservedAtClose == 1 && stats.unservedMeanMinutes == 50)
        #expect(stats.waiting == 0)
        #expect(stats.leftUnseenShare == 1.0 / 4)
        // The same day seen at 16:30 local: P-004 is still waiting, not unserved yet.
        let during = WalkInStats(visits: visits.filter { $0.id != 4 } + [try ticket(4, arrived: "15:10")], cutoffs: cutoffs,
                                 now: try at("15:30"))
        #expect(during.waiting == 1 && during.unservedAtClose == 0 && during.arrivals == 4)
    }

    @Test func waitsOfVisitsFollowTheQueue() throws {
        let t0 = try Fx.utc("2026-04-14T09:00:00Z")
        let day = LocalDate(year: 2026, month: 4, day: 14)
        func visit(_ id: Int64, called: Int?, left: Int?, _ outcome: VisitOutcome?) -> Visit {
            Visit(id: id, visitorId: id, category: .social, day: day, ticketNumber: Int(id), arrivedAt: t0,
                  calledAt: called.map { t0.addingTimeInterval(Double($0 * 60 + 30)) },
                  leftAt: left.map { t0.addingTimeInterval(Double($0 * 60)) }, outcome: outcome)
        }
        let cutoffs = QueueCutoffs(days: [day], openingHours: CenterSettings.defaultOpeningHours, calendar: Fx.casablanca)
        let stats = WalkInStats(visits: [
            visit(1, called: 5, left: 20, .seen), visit(2, called: 12, left: 30, .redirected), visit(3, called: nil, left: 40, .leftUnseen),
            visit(4, called: 2, left: nil, nil), visit(5, called: nil, left: nil, nil), visit(6, called: nil, left: 7, .seen),
        ], cutoffs: cutoffs, now: t0.addingTimeInterval(3600))
        #expect(stats.arrivals == 6)
        #expect(stats.served == 4) // called, or closed seen at the desk without a call
        #expect(stats.leftUnseen == 1 && stats.leftUnseenMeanMinutes == 40)
        #expect(stats.waiting == 1) // before the close: no wait yet
        #expect(stats.medianWaitMinutes == 5) // 2, 5, 7, 12
        #expect(stats.p90WaitMinutes == 12)
        #expect(stats.meanWaitMinutes == 7) // 26 / 4 = 6.5, half up
        #expect(stats.leftUnseenShare == 1.0 / 5)
        let empty = WalkInStats(visits: [], cutoffs: cutoffs, now: t0)
        #expect(empty.medianWaitMinutes == nil && empty.p90WaitMinutes == nil && empty.leftUnseenShare == nil && empty.meanWaitMinutes == nil)
        #expect(Statistics.mean(13, 2) == 7 && Statistics.mean(12, 2) == 6 && Statistics.mean(0, 0) == nil)
    }

    struct NoShowCase: Sendable, CustomTestStringConvertible {
        var statuses: [AppointmentStatus]
        var rate: Double?
        var testDescription: String { statuses.map(\.rawValue).joined(separator: ",") }
    }

    @Test(arguments: [
        NoShowCase(statuses: [], rate: nil),
        NoShowCase(statuses: [.booked, .booked, .cancelled], rate: nil),
        NoShowCase(statuses: [.completed, .completed, .completed, .noShow], rate: 0.25),
        NoShowCase(statuses: [.completed, .noShow, .booked, .cancelled, .checkedIn], rate: 1.0 / 3),
        NoShowCase(statuses: [.noShow], rate: 1),
    ])
    func noShowRateIsOverKnownOutcomes(_ c: NoShowCase) {
        var counts = AppointmentCounts()
        for s in c.statuses { counts.add(s) }
        #expect(counts.noShowRate == c.rate)
        #expect(counts.appointments == c.statuses.filter { $0 != .cancelled }.count)
    }

    @Test func periodsFollowTheCalendar() throws {
        let monday = CenterSettings(), sunday = CenterSettings(firstWeekday: .sunday)
        let d = try Fx.date("2026-03-19") // a Thursday
        #expect(ReportingPeriod.week(containing: d, settings: monday).description == "2026-03-16…2026-03-22")
        #expect(ReportingPeriod.week(containing: d, settings: sunday).description == "2026-03-15…2026-03-21")
        #expect(ReportingPeriod.month(containing: try Fx.date("2026-02-10")).description == "2026-02-01…2026-02-28")
        #expect(ReportingPeriod.month(containing: try Fx.date("2026-12-31")).moved(by: 1, settings: monday).description == "2027-01-01…2027-01-31")
        #expect(ReportingPeriod.month(containing: try Fx.date("2026-01-05")).moved(by: -1, settings: monday).description == "2025-12-01…2025-12-31")
        #expect(ReportingPeriod.week(containing: d, settings: monday).moved(by: 1, settings: monday).description == "2026-03-23…2026-03-29")
        #expect(ReportingPeriod(first: try Fx.date("2026-03-20"), last: try Fx.date("2026-03-10")).days.isEmpty)
    }

    @Test func anEmptyPeriodHasNoRatiosAndNoCrash() throws {
        let period = ReportingPeriod.week(containing: try Fx.date("2026-04-14"), settings: CenterSettings())
        let available = AvailableTime(calendar: Fx.casablanca, settings: CenterSettings(), closures: [], absences: [])
        let report = OccupancyReport(period: period, available: available, rooms: [], counselors: [], services: [], aggregates: OccupancyAggregates())
        #expect(report.roomUtilization.ratio == nil)
        #expect(report.counselorUtilization.ratio == nil)
        #expect(report.appointments.noShowRate == nil)
        #expect(report.walkIns.medianWaitMinutes == nil)
        #expect(report.categories.allSatisfy { $0.demandRatio == nil && $0.walkIns.leftUnseenShare == nil })
    }

    @Test func demandAgainstCapacity() throws {
        let date = try Fx.date("2026-04-14")
        let period = ReportingPeriod.day(date)
        let counseling = Fx.service("individual-counseling", minutes: 45)
        let aid = Fx.service("psychological-first-aid", minutes: 30)
        let group = Fx.service("psychosocial-support-group", minutes: 90, capacity: 12)
        let leila = Counselor(id: 1, name: "Leila Amrani", serviceIds: [counseling.id, aid.id, group.id], languages: [],
                              hours: try #require(WeeklyHours(spec: "mon-fri 09:00-12:30,13:30-17:00")))
        var agg = OccupancyAggregates()
        agg.serviceCounts[counseling.id] = AppointmentCounts(completed: 4, noShows: 1, cancelled: 2)
        agg.groupSeats[group.id] = .init(seats: 12, enrolled: 12, waitlisted: 3)
        agg.walkIns[.psychological] = WalkInStats(arrivals: 6)
        agg.counselorMinutes[.init(id: 1, day: 0)] = 300
        let available = AvailableTime(calendar: Fx.casablanca, settings: CenterSettings(), closures: [], absences: [])
        let r = OccupancyReport(period: period, available: available, rooms: [], counselors: [leila], services: [counseling, aid, group],
                                aggregates: agg)
        #expect(r.counselors.first?.total == Utilization(bookedMinutes: 300, availableMinutes: 420))
        let rows = Dictionary(uniqueKeysWithValues: r.services.map { ($0.service.id, $0) })
        #expect(rows[counseling.id]?.demand == 5)
        #expect(rows[counseling.id]?.capacity == 9) // ⌊420 / 45⌋
        #expect(rows[aid.id]?.capacity == 14)
        #expect(rows[aid.id]?.demandRatio == 0)
        #expect(rows[group.id]?.demand == 15)
        #expect(rows[group.id]?.demandRatio == 1.25)
        let psy = try #require(r.categories.first { $0.category == .psychological })
        #expect(psy.demand == 5 + 15 + 6)
        #expect(psy.capacity == 14 + 12) // Leila once, at her shortest service (30 min), plus the group's seats
        #expect(r.categories.first { $0.category == .social }?.demandRatio == nil)
    }
}
