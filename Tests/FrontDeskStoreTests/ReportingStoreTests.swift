import Foundation
import FrontDeskDemo
import FrontDeskDomain
import FrontDeskResources
import GRDB
import Testing
@testable import FrontDeskStore

/// A demo center of two months (March–April 2026: Eid al-Fitr closed on 03-20 and 03-21, the
/// clock change on 03-22), with appointments, group sessions, walk-ins and visitors without
/// consent to reporting, made once for all the reporting store tests.
final class ReportingCenter: Sendable {
    static let shared = Result { try ReportingCenter() }

    let db: AppDatabase
    /// 2026-04-20 10:00 in Rabat: days before have outcomes.
    static let now = Date(timeIntervalSince1970: 1_776_675_600)
    static let first = LocalDate(year: 2026, month: 3, day: 1)
    static let last = LocalDate(year: 2026, month: 4, day: 30)

    init() throws {
        db = try AppDatabase.inMemory(calendar: rabat)
        let now = Self.now
        let catalog = try Catalog.decodeServices(from: try #require(FrontDeskResources.data(named: "services.json")))
        try db.loadCatalog(catalog, by: desk, at: now)
        var generator = DemoGenerator(seed: 44)
        let people = generator.visitors(count: 600, now: now, calendar: rabat)
        let visitors = try db.registerMany(people, by: desk, at: now)
        let ids = visitors.map(\.id)
        let known = Set(catalog.map(\.id))
        var counselors: [Counselor] = []
        for var c in DemoGenerator.counselors(count: 10) {
            c.serviceIds = c.serviceIds.filter(known.contains)
            counselors.append(try db.saveCounselor(c, by: desk, at: now))
        }
        var rooms: [Room] = []
        for r in DemoGenerator.rooms(count: 7) { rooms.append(try db.saveRoom(r, by: desk, at: now)) }
        for c in DemoGenerator.closures(years: 2026...2026) { _ = try db.saveClosure(c, by: desk, at: now) }
        // Salle 2 closed for works one day; Leila away a morning.
        _ = try db.saveClosure(Closure(id: 0, first: LocalDate(year: 2026, month: 4, day: 15), last: LocalDate(year: 2026, month: 4, day: 15),
                                       roomId: rooms[1].id, label: "Travaux"), by: desk, at: now)
        _ = try db.saveAbsence(Absence(id: 0, counselorId: counselors[0].id,
                                       interval: UTCInterval(start: try rabat.instant(LocalDate(year: 2026, month: 4, day: 14), LocalTime("09:00")!),
                                                             end: try rabat.instant(LocalDate(year: 2026, month: 4, day: 14), LocalTime("12:30")!)),
                                       reason: "Formation"), by: desk, at: now)
        // A weekly support group with seats, a waitlist, and completed past sessions.
        let before = Date(timeIntervalSince1970: 1_772_000_000) // 2026-02-25
        let group = try db.scheduleGroupSession(NewGroupSession(serviceId: "psychosocial-support-group", counselorId: counselors[0].id,
                                                                roomId: rooms[5].id, start: LocalDateTime(LocalDate(year: 2026, month: 3, day: 4), LocalTime("14:00")!),
                                                                until: Self.last, capacity: 6), by: desk, at: before)
        for (n, s) in group.scheduled.enumerated() {
            for k in 0..<(4 + n % 5) { _ = try? db.enroll(visitorId: ids[(n * 7 + k * 13) % ids.count], sessionId: s.id, by: desk, at: before) }
            if s.appointment.localEnd.date < rabat.localDate(of: now) {
                for next in [AppointmentStatus.checkedIn, .inSession, .completed] {
                    _ = try db.setStatus(appointmentId: s.appointment.id, to: next, by: desk, at: now)
                }
            }
        }
        let plan = generator.appointmentPlan(counselors: counselors, services: catalog, visitorIds: ids, from: Self.first, through: Self.last,
                                             today: rabat.localDate(of: now), calendar: rabat)
        _ = try db.recordAppointments(plan, by: desk, at: before)
        let closures = try db.closures(from: Self.first, through: Self.last)
        let walkIns = generator.walkInHistory(for: people, from: Self.first, through: LocalDate(year: 2026, month: 4, day: 19),
                                              calendar: rabat) { day in
            day.isoWeekday.rawValue <= 5 && !closures.contains { $0.isCenterWide && $0.covers(day) }
        }
        try db.recordWalkIns(walkIns, visitorIds: ids, by: desk, at: now)
    }

    // MARK: Straightforward recomputation over the raw rows

    struct RawAppointment {
        var visitorId: Int64?, serviceId: String, counselorId: Int64, roomId: Int64, start: Int64, end: Int64
        var status: AppointmentStatus, groupSessionId: Int64?
    }

    func appointments() throws -> [RawAppointment] {
        try db.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM appointment").map {
                RawAppointment(visitorId: $0["visitor_id"], serviceId: $0["service_id"], counselorId: $0["counselor_id"], roomId: $0["room_id"],
                               start: $0["start_at"], end: $0["end_at"], status: AppointmentStatus(rawValue: $0["status"])!,
                               groupSessionId: $0["group_session_id"])
            }
        }
    }

    func visits() throws -> [Visit] {
        try db.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM visit").map { r in
                Visit(id: r["id"], visitorId: r["visitor_id"], category: ServiceCategory(rawValue: r["category"])!, day: LocalDate(iso: r["day"])!,
                      ticketNumber: r["ticket_number"], arrivedAt: Date(timeIntervalSince1970: Double(r["arrived_at"] as Int64) / 1000),
                      calledAt: (r["called_at"] as Int64?).map { Date(timeIntervalSince1970: Double($0) / 1000) }, calledBy: r["called_by"],
                      leftAt: (r["left_at"] as Int64?).map { Date(timeIntervalSince1970: Double($0) / 1000) },
                      outcome: (r["outcome"] as String?).flatMap(VisitOutcome.init(rawValue:)))
            }
        }
    }

    /// (session, visitor) of seats taken (not waitlisted).
    func seats() throws -> [(session: Int64, visitor: Int64, waitlisted: Bool)] {
        try db.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT session_id, visitor_id, waitlisted FROM group_enrollment").map { ($0[0], $0[1], $0[2]) }
        }
    }

    // MARK: The funder report, recomputed

    func ms(_ d: Date) -> Int64 { Int64((d.timeIntervalSince1970 * 1000).rounded()) }

    /// The funder report's raw counts, recomputed from the raw rows with the README's rules.
    func recomputedFunderCounts(_ period: ReportingPeriod) throws -> FunderReportCounts {
        let s = ms(rabat.startOfDay(period.first)), e = ms(rabat.startOfDay(period.last.adding(days: 1)))
        let appointments = try self.appointments()
        let seats = try self.seats().filter { !$0.waitlisted }
        let services = Dictionary(uniqueKeysWithValues: try db.services().map { ($0.id, $0) })
        // Every service ever: (visitor, instant, category).
        var delivered: [(visitor: Int64, at: Int64, category: ServiceCategory)] = []
        for a in appointments where a.status == .completed {
            let category = services[a.serviceId]!.category
            if let v = a.visitorId { delivered.append((v, a.start, category)) }
            if let g = a.groupSessionId { delivered += seats.filter { $0.session == g }.map { ($0.visitor, a.start, category) } }
        }
        let arrivedFor = appointments.filter { [.checkedIn, .inSession, .completed].contains($0.status) && $0.visitorId != nil }
        for v in try visits() where v.outcome == .seen || v.outcome == .redirected {
            let at = ms(v.arrivedAt)
            if arrivedFor.contains(where: { $0.visitorId == v.visitorId && abs($0.start - at) < 43_200_000 }) { continue }
            // Visits count by their local day: the day's bounds in ms.
            delivered.append((v.visitorId, ms(rabat.startOfDay(v.day)), v.category))
        }
        let inPeriod = delivered.filter { $0.at >= s && $0.at < e }
        let visitors = Dictionary(uniqueKeysWithValues: try db.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT id, sex, birth_year, birth_date, nationality, status, consent_reporting FROM visitor").map { ($0[0] as Int64, $0) }
        })
        let bands = try db.ageBands()
        var expected = FunderReportCounts(ageBands: bands)
        let served = Dictionary(grouping: inPeriod, by: \.visitor)
        for (id, list) in served {
            let v = try #require(visitors[id])
            guard v["consent_reporting"] as Bool else {
                expected.nonConsentingVisitors += 1
                expected.nonConsentingServices += list.count
                continue
            }
            expected.visitors += 1
            expected.services += list.count
            let isNew = !delivered.contains { $0.visitor == id && $0.at < s }
            // Each service in the band of the age on its day; the visitor in the band of their
            // first service of the period.
            func band(_ at: Int64) -> String {
                bands.key(forAge: Age.years(birthYear: v["birth_year"], birthDate: (v["birth_date"] as String?).flatMap { LocalDate(iso: $0) },
                                            on: rabat.localDate(of: Date(timeIntervalSince1970: Double(at) / 1000))))
            }
            let firstBand = band(list.map(\.at).min()!)
            let keys: [(ReportDimension, String)] = [
                (.sex, v["sex"]), (.nationality, v["nationality"]), (.status, v["status"]),
                (.recurrence, isNew ? "new" : "returning"),
            ]
            for (d, k) in keys {
                let cell = expected.cells[d]?[k] ?? .init(visitors: 0, services: 0)
                expected.cells[d, default: [:]][k] = .init(visitors: cell.visitors + 1, services: cell.services + list.count)
            }
            expected.add(.ageBand, firstBand, visitors: 1, services: 0)
            expected.add(sex: v["sex"], ageBand: firstBand, visitors: 1, services: 0)
            for item in list {
                expected.add(.ageBand, band(item.at), visitors: 0, services: 1)
                expected.add(sex: v["sex"], ageBand: band(item.at), visitors: 0, services: 1)
            }
            for (category, items) in Dictionary(grouping: list, by: \.category) {
                let cell = expected.cells[.category]?[category.rawValue] ?? .init(visitors: 0, services: 0)
                expected.cells[.category, default: [:]][category.rawValue] = .init(visitors: cell.visitors + 1, services: cell.services + items.count)
            }
        }
        return expected
    }
}

@Suite struct ReportingStoreTests {
    static let periods: [ReportingPeriod] = [
        .month(containing: LocalDate(year: 2026, month: 3, day: 1)),
        .week(containing: LocalDate(year: 2026, month: 4, day: 14), settings: CenterSettings()),
        .week(containing: LocalDate(year: 2026, month: 3, day: 18), settings: CenterSettings()),
        .day(LocalDate(year: 2026, month: 4, day: 15)),
        .week(containing: LocalDate(year: 2025, month: 1, day: 8), settings: CenterSettings()),
        ReportingPeriod(first: LocalDate(year: 2026, month: 3, day: 1), last: LocalDate(year: 2026, month: 4, day: 30)),
    ]

    func ms(_ d: Date) -> Int64 { Int64((d.timeIntervalSince1970 * 1000).rounded()) }

    @Test(arguments: periods)
    func bookedMinutesMatchARecomputation(_ period: ReportingPeriod) throws {
        let center = try ReportingCenter.shared.get()
        let report = try center.db.occupancy(period, now: ReportingCenter.now)
        let all = try center.appointments().filter { $0.status != .cancelled }
        for (i, day) in period.days.enumerated() {
            let span = rabat.interval(of: day)
            let s = ms(span.lowerBound), e = ms(span.upperBound)
            func minutes(_ keep: (ReportingCenter.RawAppointment) -> Bool) -> Int {
                Int(all.filter { keep($0) && $0.start < e && $0.end > s }.reduce(Int64(0)) { $0 + min($1.end, e) - max($1.start, s) } / 60_000)
            }
            for c in report.counselors { #expect(c.days[i].bookedMinutes == minutes { $0.counselorId == c.id }, "\(c.name) \(day)") }
            for r in report.rooms { #expect(r.days[i].bookedMinutes == minutes { $0.roomId == r.id }, "\(r.name) \(day)") }
        }
        #expect(report.counselors.count >= 10 && report.rooms.count >= 7)
    }

    @Test(arguments: periods)
    func availableMinutesFollowTheDomainRules(_ period: ReportingPeriod) throws {
        let center = try ReportingCenter.shared.get()
        let report = try center.db.occupancy(period, now: ReportingCenter.now)
        let settings = try center.db.centerSettings()
        let span = UTCInterval(start: rabat.startOfDay(period.first), end: rabat.startOfDay(period.last.adding(days: 1)))
        let available = AvailableTime(calendar: rabat, settings: settings, closures: try center.db.closures(from: period.first, through: period.last),
                                      absences: try center.db.absences(counselorId: nil, overlapping: span))
        let counselors = try center.db.counselors(includeInactive: true)
        for row in report.counselors {
            let c = try #require(counselors.first { $0.id == row.id })
            #expect(row.days.map(\.availableMinutes) == period.days.map { available.minutes(of: c, on: $0) })
        }
        // Eid al-Fitr (03-20, 03-21) and weekends: nothing available; Salle 2 closed on 04-15.
        if let i = period.days.firstIndex(of: LocalDate(year: 2026, month: 3, day: 20)) {
            #expect(report.rooms.allSatisfy { $0.days[i].availableMinutes == 0 })
            #expect(report.counselors.allSatisfy { $0.days[i].availableMinutes == 0 && $0.days[i].ratio == nil })
        }
        if let i = period.days.firstIndex(of: LocalDate(year: 2026, month: 4, day: 15)) {
            #expect(report.rooms.first { $0.name == "Salle 2" }?.days[i].availableMinutes == 0)
            #expect(report.rooms.first { $0.name == "Salle 1" }?.days[i].availableMinutes == 540)
        }
        if let i = period.days.firstIndex(of: LocalDate(year: 2026, month: 4, day: 14)) {
            #expect(report.counselors.first { $0.name == "Leila Amrani" }?.days[i].availableMinutes == 210) // 13:30–17:00 after training
        }
    }

    @Test(arguments: periods)
    func serviceCountsAndSeatsMatchARecomputation(_ period: ReportingPeriod) throws {
        let center = try ReportingCenter.shared.get()
        let report = try center.db.occupancy(period, now: ReportingCenter.now)
        let s = ms(rabat.startOfDay(period.first)), e = ms(rabat.startOfDay(period.last.adding(days: 1)))
        let inPeriod = try center.appointments().filter { $0.start >= s && $0.start < e }
        let seats = try center.seats()
        for row in report.services {
            var expected = AppointmentCounts()
            for a in inPeriod where a.serviceId == row.service.id { expected.add(a.status) }
            #expect(row.counts == expected, "\(row.service.id)")
            if row.service.isGroup {
                let sessions = Set(inPeriod.filter { $0.serviceId == row.service.id && $0.status != .cancelled }.compactMap(\.groupSessionId))
                #expect(row.demand == seats.filter { sessions.contains($0.session) }.count, "\(row.service.id)")
            } else {
                #expect(row.demand == expected.appointments)
            }
        }
        let total = inPeriod.reduce(into: AppointmentCounts()) { $0.add($1.status) }
        #expect(report.appointments == total)
    }

    @Test(arguments: periods)
    func walkInsAndWaitsMatchARecomputation(_ period: ReportingPeriod) throws {
        let center = try ReportingCenter.shared.get()
        let report = try center.db.occupancy(period, now: ReportingCenter.now)
        let visits = try center.visits().filter { period.first <= $0.day && $0.day <= period.last }
        let cutoffs = QueueCutoffs(days: period.days, openingHours: try center.db.centerSettings().openingHours, calendar: center.db.calendar)
        #expect(report.walkIns == WalkInStats(visits: visits, cutoffs: cutoffs, now: ReportingCenter.now))
        for c in report.categories {
            #expect(c.walkIns == WalkInStats(visits: visits.filter { $0.category == c.category }, cutoffs: cutoffs, now: ReportingCenter.now),
                    "\(c.category)")
        }
        if period.days.count > 20 { #expect(report.walkIns.arrivals > 100 && report.walkIns.leftUnseen > 0 && report.walkIns.served > 100) }
    }

    @Test(arguments: periods)
    func funderReportMatchesARecomputation(_ period: ReportingPeriod) throws {
        let center = try ReportingCenter.shared.get()
        let counts = try center.db.funderReportCounts(period)
        let expected = try center.recomputedFunderCounts(period)
        #expect(counts == expected)
        if period.days.count > 20 {
            #expect(expected.visitors > 50 && expected.nonConsentingVisitors > 0)
            #expect(expected.cells[.recurrence]?["returning"] != nil || period.first == ReportingCenter.first)
        }
    }

    /// The aggregates read index entries, never table rows in bulk: every statement's plan
    /// searches a covering index (or an index by key), and none scans a table.
    @Test func aggregatesUseTheReportingIndexes() throws {
        let center = try ReportingCenter.shared.get()
        let period = ReportingPeriod.month(containing: LocalDate(year: 2026, month: 3, day: 1))
        let statements = center.db.occupancyStatements(period, cutoffs: try center.db.queueCutoffs(period), now: ReportingCenter.now) + [center.db.funderReportStatement(period)]
        try center.db.writer.read { db in
            for (sql, arguments) in statements {
                let plan = try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: StatementArguments(arguments)).map { $0["detail"] as String }
                let text = plan.joined(separator: "\n")
                // Tables and their aliases (a, v, e, vi, g); other SCANs are of CTEs and subqueries.
                let tables = ["appointment", "visit", "visitor", "group_enrollment", "group_session", "a", "v", "e", "vi", "g"]
                #expect(!plan.contains { line in tables.contains { line == "SCAN \($0)" || line.hasPrefix("SCAN \($0) ") } }, "\(text)")
                #expect(text.contains("appointment_reporting") || text.contains("visit_reporting")
                        || text.contains("USING COVERING INDEX delivered_service_reporting"), "\(text)")
            }
        }
    }

    /// The rows of `delivered_service` (without profile ids; programs by their place in the
    /// catalog) and the same rows rebuilt from the
    /// source tables (in a transaction that is rolled back).
    static func deliveredServices(_ db: AppDatabase) throws -> (kept: [[Int64?]], rebuilt: [[Int64?]]) {
        let query = """
            SELECT d.visitor_id, d.at, d.prev_at, d.prev_category_at, d.first_at, d.age, p.consent_reporting,
                   unicode(d.category), length(p.sex), length(p.nationality), length(p.status),
                   (SELECT position FROM program WHERE id = d.program_id), (SELECT position FROM program WHERE id = d.chosen_program_id)
            FROM delivered_service d JOIN reporting_profile p ON p.id = d.profile_id ORDER BY 1, 2, 8
            """
        func rows(_ db: Database) throws -> [[Int64?]] {
            try Row.fetchAll(db, sql: query).map { row in (0..<row.count).map { row[$0] as Int64? } }
        }
        var rebuilt: [[Int64?]] = []
        let kept = try db.writer.read(rows)
        try db.writer.writeWithoutTransaction { db in
            try db.inTransaction {
                try db.execute(sql: AppDatabase.refreshDeliveredServicesSQL(visitors: "SELECT id FROM visitor"))
                rebuilt = try rows(db)
                return .rollback
            }
        }
        return (kept, rebuilt)
    }

    /// Nil when the kept rows equal the rebuilt ones, else the first difference (the whole
    /// tables would not fit a test log).
    static func difference(_ rows: (kept: [[Int64?]], rebuilt: [[Int64?]])) -> String? {
        let common = min(rows.kept.count, rows.rebuilt.count)
        if let i = (0..<common).first(where: { rows.kept[$0] != rows.rebuilt[$0] }) {
            return "row \(i): kept \(rows.kept[i]), rebuilt \(rows.rebuilt[i])"
        }
        return rows.kept.count == rows.rebuilt.count ? nil : "\(rows.kept.count) rows kept, \(rows.rebuilt.count) rebuilt"
    }

    /// The triggers keep the report's services equal to a rebuild after corrections: an
    /// appointment un-completed and another completed, a walk-in that becomes an appointment's
    /// arrival, a walk-in closed as seen, a seat given up and a waitlisted visitor promoted, a
    /// visitor's birth date and consent changed. The report still matches the recomputation.
    @Test func correctionsKeepTheDeliveredServicesUpToDate() throws {
        let center = try ReportingCenter()
        let db = center.db
        let before = try Self.deliveredServices(db)
        #expect(Self.difference(before) == nil)
        #expect(before.kept.count > 500)
        let period = ReportingPeriod(first: ReportingCenter.first, last: ReportingCenter.last)
        let (completed, booked) = try db.writer.read { db in
            (try Int64.fetchOne(db, sql: "SELECT id FROM appointment WHERE status = 'completed' AND visitor_id IS NOT NULL ORDER BY id LIMIT 1")!,
             try Row.fetchOne(db, sql: "SELECT id, visitor_id, start_at FROM appointment WHERE status = 'no_show' AND visitor_id IS NOT NULL ORDER BY id LIMIT 1")!)
        }
        _ = try db.correctStatus(appointmentId: completed, to: .noShow, reason: "recorded on the wrong person", by: desk, at: ReportingCenter.now)
        try db.writer.write { db in
            // The no-show came after all: a walk-in an hour earlier is now that appointment's arrival.
            let bookedId: Int64 = booked[0], visitor: Int64 = booked[1], start: Int64 = booked[2]
            try db.execute(sql: """
                INSERT INTO visit (visitor_id, category, day, ticket_number, arrived_at, outcome)
                VALUES (?, 'social', ?, 999, ?, 'seen')
                """, arguments: [visitor, rabat.localDate(of: Date(timeIntervalSince1970: Double(start - 3_600_000) / 1000)).description,
                                 start - 3_600_000])
            try db.execute(sql: "UPDATE appointment SET status = 'completed' WHERE id = ?", arguments: [bookedId])
            // A seat given up in a completed session, a waitlisted visitor given a seat.
            try db.execute(sql: """
                DELETE FROM group_enrollment WHERE (session_id, visitor_id) = (SELECT e.session_id, e.visitor_id FROM group_enrollment e
                  JOIN appointment a ON a.group_session_id = e.session_id WHERE a.status = 'completed' AND NOT e.waitlisted
                  ORDER BY e.session_id DESC, e.visitor_id DESC LIMIT 1)
                """)
            #expect(db.changesCount == 1)
            try db.execute(sql: """
                UPDATE group_enrollment SET waitlisted = 0
                WHERE (session_id, visitor_id) = (SELECT e.session_id, e.visitor_id FROM group_enrollment e
                  JOIN appointment a ON a.group_session_id = e.session_id WHERE a.status = 'completed' AND e.waitlisted LIMIT 1)
                """)
            #expect(db.changesCount == 1)
            // A walk-in left unseen is corrected to seen; a visitor's details are corrected.
            try db.execute(sql: "UPDATE visit SET outcome = 'seen' WHERE id = (SELECT id FROM visit WHERE outcome = 'left_unseen' LIMIT 1)")
            #expect(db.changesCount == 1)
            try db.execute(sql: """
                UPDATE visitor SET birth_year = 2015, birth_date = '2015-03-01', consent_reporting = NOT consent_reporting
                WHERE id = (SELECT visitor_id FROM delivered_service
                            WHERE visitor_id NOT IN (SELECT visitor_id FROM group_enrollment) ORDER BY visitor_id LIMIT 1)
                """)
            #expect(db.changesCount == 1)
        }
        let after = try Self.deliveredServices(db)
        #expect(Self.difference(after) == nil)
        #expect(after.kept.count != before.kept.count)
        #expect(try db.funderReportCounts(period) == center.recomputedFunderCounts(period))
    }

    @Test func theSQLScriptsInlineTheirArguments() throws {
        let center = try ReportingCenter.shared.get()
        let period = ReportingPeriod.month(containing: LocalDate(year: 2026, month: 3, day: 1))
        let script = try center.db.occupancySQLScript(period, now: ReportingCenter.now) + center.db.funderReportSQLScript(period)
        #expect(!script.contains("?"))
        #expect(script.contains("'2026-03-01'") && script.contains("'2026-03-31'"))
        #expect(AppDatabase.inline("SELECT ?, ?", ["it's", 3]) == "SELECT 'it''s', 3")
    }
}
