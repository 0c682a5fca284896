import Foundation
import FrontDeskDomain
import FrontDeskDemo
import FrontDeskResources
import GRDB
import Testing
@testable import FrontDeskStore

/// Issue 15 item 1: each delivered service counts for one program, the rules' own
/// (`ProgramRules`), unless staff chose one; a changed catalog counts them again.
struct ProgramAttributionStoreTests {
    /// One delivered service as stored, with what the rule needs.
    struct Row_ {
        var serviceId: String?
        var category: String
        var status: LegalStatus
        var at: Date
        var programId: String?
        var chosen: String?
    }

    static func delivered(_ db: AppDatabase) throws -> [Row_] {
        try db.writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT d.service_id, d.category, p.status, d.at, d.program_id, d.chosen_program_id
                FROM delivered_service d JOIN reporting_profile p ON p.id = d.profile_id
                """).map {
                Row_(serviceId: $0[0], category: $0[1], status: LegalStatus(rawValue: $0[2])!,
                     at: Date(epochMilliseconds: $0[3]), programId: $0[4], chosen: $0[5])
            }
        }
    }

    /// The program the Swift rule gives a stored service (a walk-in: by its category's services).
    static func ruled(_ row: Row_, catalog: [Program], servicesByCategory: [String: [String]]) -> String? {
        let day = rabat.localDate(of: row.at)
        if let service = row.serviceId {
            return ProgramRules.attribution(service: service, status: row.status, on: day, in: catalog)?.id
        }
        return ProgramRules.attribution(walkInOf: servicesByCategory[row.category] ?? [], status: row.status, on: day, in: catalog)?.id
    }

    static func servicesByCategory(_ db: AppDatabase) throws -> [String: [String]] {
        Dictionary(grouping: try db.services(), by: \.category.rawValue).mapValues { $0.map(\.id) }
    }

    /// Every service of a two-month demo center (appointments, group seats, walk-ins of every
    /// status) counts for the program the Swift rule gives it; several programs are met.
    @Test func everyDeliveredServiceCountsForTheRulesProgram() throws {
        let db = try ReportingCenter.shared.get().db
        let catalog = try db.programs()
        let byCategory = try Self.servicesByCategory(db)
        let rows = try Self.delivered(db)
        let wrong = rows.filter { $0.programId != Self.ruled($0, catalog: catalog, servicesByCategory: byCategory) }
        #expect(wrong.isEmpty, "\(wrong.prefix(3))")
        #expect(rows.count > 500)
        #expect(Set(rows.compactMap(\.programId)).count >= 5, "\(Set(rows.compactMap(\.programId)))")
        #expect(rows.contains { $0.serviceId == nil && $0.programId != nil }, "walk-ins are attributed too")
    }

    /// Each funder's and each program's counts over the two demo months, read from the
    /// instants stored per funder and per program, equal those worked out by window functions
    /// over their services; the report of a funder's programs is read the stored way.
    @Test func storedInstantsPerProgramAndFunderEqualWindowFunctions() throws {
        let db = try ReportingCenter.shared.get().db
        let catalog = try db.programs()
        let period = ReportingPeriod(first: LocalDate(year: 2026, month: 4, day: 1), last: LocalDate(year: 2026, month: 4, day: 30))
        var checked = 0
        for funder in Set(catalog.map(\.funder)) {
            let ids = catalog.filter { $0.funder == funder }.map(\.id)
            #expect(db.reportScope(ids) == (ids.count == 1 ? .program(ids[0]) : .funder(funder)))
            let stored = try db.funderReportCounts(period, programs: ids)
            #expect(stored == (try db.funderReportCounts(period, programs: ids, windowed: true)), "\(funder)")
            checked += stored.services
        }
        for p in catalog {
            #expect(try db.funderReportCounts(period, programs: [p.id]) == (try db.funderReportCounts(period, programs: [p.id], windowed: true)), "\(p.id)")
        }
        #expect(checked > 100)
        #expect(db.reportScope(["unhcr-dafi", "iom-avrr"]) == .programs(["unhcr-dafi", "iom-avrr"]))
        #expect(db.reportScope(nil) == .all)
    }

    /// A program chosen for an appointment wins over the rule and is audited; back to the rule
    /// with nil. A program changed in the catalog counts the services again, keeping choices.
    @Test func aChosenProgramWinsAndAChangedCatalogCountsAgain() throws {
        let center = try ReportingCenter()
        let db = center.db
        let (appointment, visit) = try db.writer.read { db in
            (try Int64.fetchOne(db, sql: "SELECT id FROM appointment WHERE status = 'completed' AND visitor_id IS NOT NULL ORDER BY id LIMIT 1")!,
             try Int64.fetchOne(db, sql: "SELECT id FROM visit WHERE outcome = 'seen' ORDER BY id LIMIT 1")!)
        }
        func program(ofAppointment id: Int64) throws -> String? {
            try db.writer.read { db in
                try String.fetchOne(db, sql: """
                    SELECT d.program_id FROM delivered_service d JOIN appointment a ON a.visitor_id = d.visitor_id AND a.start_at = d.at
                    WHERE a.id = ?
                    """, arguments: [id])
            }
        }
        let ruled = try program(ofAppointment: appointment)
        // Another program that funds the appointment's service for its visitor that day, and one
        // that funds a service of the walk-in's category for its visitor (Program.covers).
        let catalog0 = try db.programs()
        let (service, status, start, category, visitStatus, visitDay) = try db.writer.read { db in
            let a = try Row.fetchOne(db, sql: """
                SELECT a.service_id, v.status, a.start_at FROM appointment a JOIN visitor v ON v.id = a.visitor_id WHERE a.id = ?
                """, arguments: [appointment])!
            let w = try Row.fetchOne(db, sql: "SELECT w.category, v.status, w.day FROM visit w JOIN visitor v ON v.id = w.visitor_id WHERE w.id = ?",
                                     arguments: [visit])!
            return (a[0] as String, LegalStatus(rawValue: a[1])!, a[2] as Int64, w[0] as String, LegalStatus(rawValue: w[1])!, LocalDate(iso: w[2])!)
        }
        let day = rabat.localDate(of: Date(epochMilliseconds: start))
        let other = try #require(catalog0.first { $0.id != ruled && $0.id != "unhcr-dafi" && $0.covers(service: service, status: status, on: day) })
        let categoryServices = try Self.servicesByCategory(db)[category] ?? []
        let forVisit = try #require(catalog0.first { p in p.id != "unhcr-dafi" && categoryServices.contains { p.covers(service: $0, status: visitStatus, on: visitDay) } })
        #expect(try db.chooseProgram(other.id, for: .appointment(appointment), by: desk, at: ReportingCenter.now) == other.id)
        #expect(try program(ofAppointment: appointment) == other.id)
        try db.chooseProgram(forVisit.id, for: .visit(visit), by: desk, at: ReportingCenter.now)
        let chosenVisits = try db.writer.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM delivered_service WHERE chosen_program_id = ?", arguments: [forVisit.id]) }
        #expect(chosenVisits == 1)
        let audited = try db.writer.read { try String.fetchAll($0, sql: "SELECT detail FROM audit_event WHERE action = 'program.chosen' ORDER BY id") }
        #expect(audited == [other.id, forVisit.id])
        // A program that funds nothing of it is refused, and nothing is written.
        #expect(throws: ProgramError.notCovered("eirene-radio")) {
            try db.chooseProgram("eirene-radio", for: .appointment(appointment), by: desk, at: ReportingCenter.now)
        }
        #expect(try program(ofAppointment: appointment) == other.id)
        #expect(throws: ProgramError.unknownProgram("nope")) { try db.chooseProgram("nope", for: .appointment(appointment), by: desk, at: ReportingCenter.now) }
        #expect(throws: ProgramError.serviceNotFound) { try db.chooseProgram(nil, for: .visit(-1), by: desk, at: ReportingCenter.now) }

        // DAFI funds nothing any more: its services count for another program; the choices stay.
        var dafi = try #require(try db.programs().first { $0.id == "unhcr-dafi" })
        let hadDafi = try db.writer.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM delivered_service WHERE program_id = 'unhcr-dafi'") ?? 0 }
        dafi.services = []
        try db.saveProgram(dafi, by: desk, at: ReportingCenter.now)
        let rows = try Self.delivered(db)
        #expect(hadDafi > 0)
        #expect(!rows.contains { $0.programId == "unhcr-dafi" })
        let catalog = try db.programs(), byCategory = try Self.servicesByCategory(db)
        #expect(rows.allSatisfy { $0.programId == ($0.chosen ?? Self.ruled($0, catalog: catalog, servicesByCategory: byCategory)) })
        #expect(try program(ofAppointment: appointment) == other.id)
        #expect(ReportingStoreTests.difference(try ReportingStoreTests.deliveredServices(db)) == nil)

        // Given back to the rule, the store says which program the rule gives it (the same as the triggers').
        #expect(try db.chooseProgram(nil, for: .appointment(appointment), by: desk, at: ReportingCenter.now) == ruled)
        #expect(try program(ofAppointment: appointment) == ruled)
        let visitCounted = try db.chooseProgram(nil, for: .visit(visit), by: desk, at: ReportingCenter.now)
        let visitRuled = try db.writer.read {
            try String.fetchOne($0, sql: """
                SELECT d.program_id FROM delivered_service d JOIN visit w ON w.visitor_id = d.visitor_id AND w.arrived_at = d.at WHERE w.id = ?
                """, arguments: [visit])
        }
        #expect(visitRuled != nil && visitCounted == visitRuled)
    }
}

/// Issue 15 item 1: a program chosen at the desk's check-in stays with the walk-in, is
/// audited, and the service counts for it once the visit is closed as seen.
struct WalkInProgramStoreTests {
    @Test func aProgramChosenAtCheckInCountsWhenTheVisitIsSeen() throws {
        let db = try AppDatabase.inMemory(calendar: rabat)
        let catalog = try Catalog.decodeServices(from: try #require(FrontDeskResources.data(named: "services.json")))
        try db.loadCatalog(catalog, by: desk, at: apr14())
        var refugee = newVisitor("Amina", "Test", consent: [.services, .reporting])
        refugee.status = .refugee
        let amina = try db.register(refugee, by: desk, at: apr14())
        #expect(throws: ProgramError.unknownProgram("nope")) {
            try db.checkIn(visitorId: amina.id, category: .social, programId: "nope", by: desk, at: apr14())
        }
        #expect(try db.queue(on: rabat.localDate(of: apr14())).isEmpty, "nothing written")
        let visit = try db.checkIn(visitorId: amina.id, category: .social, programId: "unhcr-dafi", by: desk, at: apr14())
        _ = try db.callNext(category: .social, by: desk, at: apr14(minutes: 5))
        _ = try db.close(visitId: visit.id, outcome: .seen, by: desk, at: apr14(minutes: 30))
        let (chosen, counted, audited) = try db.writer.read { db in
            (try String.fetchOne(db, sql: "SELECT program_id FROM visit WHERE id = ?", arguments: [visit.id]),
             try String.fetchAll(db, sql: "SELECT program_id FROM delivered_service"),
             try String.fetchAll(db, sql: "SELECT detail FROM audit_event WHERE action = 'program.chosen'"))
        }
        #expect(chosen == "unhcr-dafi" && counted == ["unhcr-dafi"] && audited == ["unhcr-dafi"])
        // By rule, a refugee's social walk-in counts for UNHCR's urban program.
        let other = try db.register(refugee, allowingDuplicates: true, by: desk, at: apr14())
        let second = try db.checkIn(visitorId: other.id, category: .social, by: desk, at: apr14(minutes: 40))
        _ = try db.callNext(category: .social, by: desk, at: apr14(minutes: 41))
        _ = try db.close(visitId: second.id, outcome: .seen, by: desk, at: apr14(minutes: 50))
        let ruled = try db.writer.read { try String.fetchOne($0, sql: "SELECT program_id FROM delivered_service WHERE visitor_id = ?", arguments: [other.id]) }
        #expect(ruled == "unhcr-urban")
    }

    /// A program chosen at booking or at check-in is held to the rule a later choice is held to
    /// (`Program.covers`): a Moroccan national is neither booked nor checked in for DAFI (a
    /// refugees' program), and nothing is written; the Netherlands' program, which serves
    /// everyone, is taken at both.
    @Test func aProgramThatDoesNotServeTheVisitorIsRefusedAtBookingAndCheckIn() throws {
        let c = try AgeAtServiceStoreTests.Center()
        let karim = try c.person("Karim", "Alaoui", .male, .moroccanNational, year: 1980)
        let everyone = "nl-intercultural-center"
        let funded = try #require(try c.db.programs().first { $0.id == everyone }).services
        // An individual service the counselor gives and the Netherlands' program funds.
        let service = try #require(try c.db.services().first {
            c.counselor.serviceIds.contains($0.id) && $0.groupCapacity == nil && funded.contains($0.id)
        })
        let start = try rabat.instant(LocalDate(year: 2026, month: 4, day: 2), LocalTime("11:00")!)
        func written() throws -> [Int] {
            try c.db.writer.read { db in
                try ["audit_event", "appointment", "visit"].map { try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \($0)") ?? -1 }
            }
        }
        let before = try written()
        var new = NewAppointment(visitorId: karim.id, serviceId: service.id, counselorId: c.counselor.id, roomId: c.room.id, start: start)
        new.programId = "unhcr-dafi"
        #expect(throws: ProgramError.notCovered("unhcr-dafi")) { try c.db.book(new, by: desk, at: AgeAtServiceStoreTests.Center.now) }
        #expect(throws: ProgramError.notCovered("unhcr-dafi")) {
            try c.db.checkIn(visitorId: karim.id, category: .social, programId: "unhcr-dafi", by: desk, at: start)
        }
        #expect(try written() == before)

        #expect(try c.db.programs().first { $0.id == everyone }?.statuses.isEmpty == true)
        new.programId = everyone
        let booked = try c.db.book(new, by: desk, at: AgeAtServiceStoreTests.Center.now)
        #expect(try c.db.writer.read { try String.fetchOne($0, sql: "SELECT program_id FROM appointment WHERE id = ?", arguments: [booked.appointment.id]) } == everyone)
        let visit = try c.db.checkIn(visitorId: karim.id, category: .social, programId: everyone, by: desk, at: start)
        #expect(try c.db.writer.read { try String.fetchOne($0, sql: "SELECT program_id FROM visit WHERE id = ?", arguments: [visit.id]) } == everyone)
    }


    /// The desk may change an appointment's program at check-in (F6 on the arrival): the
    /// arrival and the choice are one transaction. A program that does not serve the visitor
    /// refuses both (still booked, nothing audited); a covering one is stored, audited once
    /// and counted when the session is completed; the same program again is no new choice.
    @Test func aProgramChangedAtAnAppointmentsCheckInIsWrittenWithTheArrival() throws {
        let c = try AgeAtServiceStoreTests.Center()
        let karim = try c.person("Karim", "Alaoui", .male, .moroccanNational, year: 1980)
        let everyone = "nl-intercultural-center"
        let funded = try #require(try c.db.programs().first { $0.id == everyone }).services
        let service = try #require(try c.db.services().first {
            c.counselor.serviceIds.contains($0.id) && $0.groupCapacity == nil && funded.contains($0.id)
        })
        let start = try rabat.instant(LocalDate(year: 2026, month: 4, day: 2), LocalTime("11:00")!)
        let booked = try c.db.book(NewAppointment(visitorId: karim.id, serviceId: service.id, counselorId: c.counselor.id, roomId: c.room.id,
                                                  start: start), by: desk, at: AgeAtServiceStoreTests.Center.now)
        let id = booked.appointment.id
        #expect(booked.appointment.programId == nil, "booked by rule")
        func stored() throws -> (status: String?, program: String?, chosen: [String]) {
            try c.db.writer.read { db in
                (try String.fetchOne(db, sql: "SELECT status FROM appointment WHERE id = ?", arguments: [id]),
                 try String.fetchOne(db, sql: "SELECT program_id FROM appointment WHERE id = ?", arguments: [id]),
                 try String.fetchAll(db, sql: "SELECT detail FROM audit_event WHERE action = 'program.chosen' AND entity_id = ?", arguments: [id]))
            }
        }
        let arrival = start.addingTimeInterval(-300)
        #expect(throws: ProgramError.notCovered("unhcr-dafi")) {
            try c.db.setStatus(appointmentId: id, to: .checkedIn, as: .fileOwner, by: desk, at: arrival, program: .program("unhcr-dafi"))
        }
        #expect(try stored() == ("booked", nil, []), "the refused choice took the arrival with it")
        let arrived = try c.db.setStatus(appointmentId: id, to: .checkedIn, as: .fileOwner, by: desk, at: arrival, program: .program(everyone))
        #expect(arrived.appointment.status == .checkedIn && arrived.appointment.programId == everyone)
        #expect(try stored() == ("checked_in", everyone, [everyone]))
        _ = try c.db.setStatus(appointmentId: id, to: .inSession, as: .fileOwner, by: desk, at: start, program: .program(everyone))
        #expect(try stored().chosen == [everyone], "the same program again is no new choice")
        _ = try c.db.setStatus(appointmentId: id, to: .completed, as: .fileOwner, by: desk, at: start.addingTimeInterval(3600))
        let counted = try c.db.writer.read { try String.fetchAll($0, sql: "SELECT program_id FROM delivered_service WHERE visitor_id = ?", arguments: [karim.id]) }
        #expect(counted == [everyone])
    }

    /// A program chosen for an appointment must still fund it once it is moved: moved past
    /// the program's last day, the appointment stays where it was (nothing written); moved
    /// within the program's period, it goes.
    @Test func aMovedAppointmentKeepsItsChosenProgramOnlyWithinThatProgramsPeriod() throws {
        let c = try AgeAtServiceStoreTests.Center()
        let karim = try c.person("Karim", "Alaoui", .male, .moroccanNational, year: 1980)
        let everyone = "nl-intercultural-center"
        var program = try #require(try c.db.programs().first { $0.id == everyone })
        let service = try #require(try c.db.services().first {
            c.counselor.serviceIds.contains($0.id) && $0.groupCapacity == nil && program.services.contains($0.id)
        })
        program.last = LocalDate(year: 2026, month: 4, day: 30)
        try c.db.saveProgram(program, by: desk, at: AgeAtServiceStoreTests.Center.now)
        let start = try rabat.instant(LocalDate(year: 2026, month: 4, day: 2), LocalTime("11:00")!)
        var new = NewAppointment(visitorId: karim.id, serviceId: service.id, counselorId: c.counselor.id, roomId: c.room.id, start: start)
        new.programId = everyone
        let id = try c.db.book(new, by: desk, at: AgeAtServiceStoreTests.Center.now).appointment.id
        func startAt() throws -> Int64? {
            try c.db.writer.read { try Int64.fetchOne($0, sql: "SELECT start_at FROM appointment WHERE id = ?", arguments: [id]) }
        }
        let may4 = try rabat.instant(LocalDate(year: 2026, month: 5, day: 4), LocalTime("11:00")!)
        #expect(throws: ProgramError.notCovered(everyone)) {
            try c.db.reschedule(appointmentId: id, to: may4, counselorId: nil, roomId: nil, by: desk, at: AgeAtServiceStoreTests.Center.now)
        }
        #expect(try startAt() == start.epochMilliseconds)
        let apr9 = try rabat.instant(LocalDate(year: 2026, month: 4, day: 9), LocalTime("11:00")!)
        let moved = try c.db.reschedule(appointmentId: id, to: apr9, counselorId: nil, roomId: nil, by: desk, at: AgeAtServiceStoreTests.Center.now)
        let movedStart = try startAt()
        #expect(moved.appointment.programId == everyone && movedStart == apr9.epochMilliseconds)
    }}

/// Issue 15 item 2: a report of one funder's programs, computed by hand.
struct ProgramReportStoreTests {
    /// A refugee (A) served by DAFI and by UNHCR's urban program (once before the quarter), an
    /// asylum seeker (B) counseled, a refugee (E) seen as a walk-in, and people of IOM and
    /// Caritas (C, D): UNHCR's third quarter counts A, B and E only.
    @Test func aFundersQuarterCountsItsProgramsServicesByHand() throws {
        let db = try AppDatabase.inMemory(calendar: rabat)
        let now = Date(timeIntervalSince1970: 1_790_000_000) // 2026-09-21
        let catalog = try Catalog.decodeServices(from: try #require(FrontDeskResources.data(named: "services.json")))
        try db.loadCatalog(catalog, by: desk, at: now)
        let counselor = try db.saveCounselor(DemoGenerator.counselors(count: 1)[0], by: desk, at: now)
        let room = try db.saveRoom(DemoGenerator.rooms(count: 1)[0], by: desk, at: now)
        func person(_ given: String, _ status: LegalStatus) -> NewVisitor {
            var v = newVisitor(given, "Test", consent: [.services, .reporting])
            v.status = status
            return v
        }
        let people = try db.registerMany([person("A", .refugee), person("B", .asylumSeeker), person("C", .migrant),
                                          person("D", .moroccanNational), person("E", .refugee)], by: desk, at: now)
        func completed(_ who: Int, _ service: String, _ day: LocalDate) throws {
            let start = try rabat.instant(day, LocalTime("10:00")!).epochMilliseconds
            try db.writer.write { db in
                try db.execute(sql: """
                    INSERT INTO appointment (visitor_id, service_id, counselor_id, room_id, start_at, end_at, status, created_by, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, 'completed', 'test', ?)
                    """, arguments: [people[who].id, service, counselor.id, room.id, start, start + 3_600_000, start])
            }
        }
        try completed(0, "social-orientation", LocalDate(year: 2026, month: 5, day: 5))       // A, urban, before Q3
        try completed(0, "scholarship-orientation", LocalDate(year: 2026, month: 7, day: 10)) // A, DAFI
        try completed(0, "social-orientation", LocalDate(year: 2026, month: 8, day: 12))      // A, urban
        try completed(1, "individual-counseling", LocalDate(year: 2026, month: 9, day: 1))    // B, urban
        try completed(2, "voluntary-return-counseling", LocalDate(year: 2026, month: 7, day: 20)) // C, IOM
        try completed(3, "job-coaching", LocalDate(year: 2026, month: 8, day: 3))             // D, Caritas
        let arrived = try rabat.instant(LocalDate(year: 2026, month: 9, day: 15), LocalTime("09:00")!)
        _ = try db.recordWalkIns([WalkInRecord(visitorIndex: 0, category: .social, arrivedAt: arrived, calledAt: arrived.addingTimeInterval(600),
                                               calledBy: "Guichet 1", leftAt: arrived.addingTimeInterval(1800), outcome: .seen)],
                                 visitorIds: [people[4].id], by: desk, at: now) // E, urban (a walk-in)
        let q3 = try #require(ReportingPeriod(named: "2026-Q3", option: "--quarter"))
        let unhcr = ["unhcr-dafi", "unhcr-urban"]

        let counts = try db.funderReportCounts(q3, programs: unhcr)
        #expect(counts.visitors == 3 && counts.services == 4)
        #expect(counts.cells[.recurrence]?["new"] == .init(visitors: 2, services: 2))       // B and E
        #expect(counts.cells[.recurrence]?["returning"] == .init(visitors: 1, services: 2)) // A (served in May)
        #expect(counts.cells[.status]?["refugee"] == .init(visitors: 2, services: 3))
        #expect(counts.cells[.status]?["asylum_seeker"] == .init(visitors: 1, services: 1))
        #expect(counts.cells[.status]?["migrant"] == nil && counts.cells[.status]?["moroccan_national"] == nil)

        let dafi = try db.funderReportCounts(q3, programs: ["unhcr-dafi"])
        #expect(dafi.visitors == 1 && dafi.services == 1 && dafi.cells[.recurrence]?["new"] == .init(visitors: 1, services: 1))
        let all = try db.funderReportCounts(q3)
        #expect(all.visitors == 5 && all.services == 6)

        // The urban program's 2026 target (400 unique visitors) against A, B and E through 30 September.
        let report = try db.funderReport(q3, programs: unhcr)
        #expect(report.achievements.map(\.programId) == ["unhcr-urban"])
        #expect(report.achievements.first?.through == LocalDate(year: 2026, month: 9, day: 30))
        #expect(report.achievements.first?.achieved == .suppressed) // 3: "<5"
        // The year 2026 made on 15 November: achieved through that day, not 31 December.
        let year = try #require(ReportingPeriod(named: "2026", option: "--year"))
        let midway = try db.funderReport(year, programs: unhcr, today: LocalDate(year: 2026, month: 11, day: 15))
        #expect(midway.achievements.first?.through == LocalDate(year: 2026, month: 11, day: 15))
        #expect(try db.funderReport(year, programs: unhcr).achievements.first?.through == LocalDate(year: 2026, month: 12, day: 31))
        #expect(try db.funderReport(q3, programs: unhcr, today: LocalDate(year: 2027, month: 1, day: 5)).achievements.first?.through
                == LocalDate(year: 2026, month: 9, day: 30)) // a past quarter stays as it was
        #expect(try db.writer.read { try Int.fetchOne($0, sql: "SELECT COUNT(DISTINCT visitor_id) FROM delivered_service WHERE program_id = 'unhcr-urban'") } == 3)
    }
}
