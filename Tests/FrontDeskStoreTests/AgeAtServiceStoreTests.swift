import Foundation
import FrontDeskDomain
import FrontDeskDemo
import FrontDeskResources
import GRDB
import Testing
@testable import FrontDeskStore

/// Issue 15 item 3 and the shared cases P3 and P4 (shared/cases/reports-2.md): ages at each
/// service, by the calendar, whatever day the report runs; a late arrival counted once.
struct AgeAtServiceStoreTests {
    /// A center with the shipped services and programs, one counselor and one room.
    struct Center {
        let db: AppDatabase
        let counselor: Counselor
        let room: Room
        static let now = Date(timeIntervalSince1970: 1_775_030_400) // 2026-04-01

        init() throws {
            db = try AppDatabase.inMemory(calendar: rabat)
            let catalog = try Catalog.decodeServices(from: try #require(FrontDeskResources.data(named: "services.json")))
            try db.loadCatalog(catalog, by: desk, at: Self.now)
            counselor = try db.saveCounselor(DemoGenerator.counselors(count: 1)[0], by: desk, at: Self.now)
            room = try db.saveRoom(DemoGenerator.rooms(count: 1)[0], by: desk, at: Self.now)
        }

        func person(_ given: String, _ family: String, _ sex: Sex, _ status: LegalStatus, born: String? = nil, year: Int? = nil) throws -> Visitor {
            let date = born.flatMap { LocalDate(iso: $0) }
            let v = NewVisitor(givenName: given, familyName: family, sex: sex, birthYear: year, nationality: "MA", languages: ["fr"],
                               status: status, phone: nil, consentScopes: [.services, .reporting], birthDate: date)
            return try db.register(v, allowingDuplicates: true, by: desk, at: Self.now)
        }

        /// A completed appointment of `service` at local `day time`, written as the desk's
        /// correction would leave it.
        func completed(_ visitor: Visitor, _ service: String, _ day: String, _ time: String = "10:00") throws {
            let start = try rabat.instant(try #require(LocalDate(iso: day)), try #require(LocalTime(time))).epochMilliseconds
            try db.writer.write { db in
                try db.execute(sql: """
                    INSERT INTO appointment (visitor_id, service_id, counselor_id, room_id, start_at, end_at, status, created_by, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, 'completed', 'test', ?)
                    """, arguments: [visitor.id, service, counselor.id, room.id, start, start + 3_600_000, start])
            }
        }

        /// A walk-in seen at local `day 09:00`, recorded at `enteredAt` (a late entry).
        func walkIn(_ visitor: Visitor, _ day: String, enteredAt: Date) throws {
            let arrived = try rabat.instant(try #require(LocalDate(iso: day)), LocalTime("09:00")!)
            _ = try db.recordWalkIns([WalkInRecord(visitorIndex: 0, category: .social, arrivedAt: arrived, calledAt: arrived.addingTimeInterval(600),
                                                   calledBy: "Guichet 1", leftAt: arrived.addingTimeInterval(1800), outcome: .seen)],
                                     visitorIds: [visitor.id], by: desk, at: enteredAt)
        }
    }

    static func cell(_ c: FunderReportCounts, _ d: ReportDimension, _ key: String) -> FunderReportCounts.Cell? { c.cells[d]?[key] }

    /// A quarter by hand: Mehdi (born 2008-05-20) seen on 10 May at 17, entered late on
    /// 2 June, and again on 10 June at 18; a refugee student (2004) served by DAFI and by the
    /// urban program; an asylum seeker known by birth year only; a person of status "other" with
    /// no birth year; a returned Moroccan at 56. Each service counts at its own age; each
    /// visitor at their first service's.
    @Test func aQuarterCountsEachServiceAtItsAgeAndEachVisitorAtTheFirst() throws {
        let c = try Center()
        let mehdi = try c.person("Mehdi", "Benjelloun", .male, .migrant, born: "2008-05-20")
        let student = try c.person("Amani", "Kiros", .female, .refugee, born: "2004-07-01")
        let asylum = try c.person("Jean", "Mbala", .male, .asylumSeeker, year: 1990)
        let other = try c.person("Awa", "Sow", .female, .other)
        let returned = try c.person("Hassan", "Alaoui", .male, .moroccanNational, born: "1970-01-15")
        #expect(mehdi.birthDate == LocalDate(year: 2008, month: 5, day: 20) && mehdi.birthYear == 2008)
        try c.walkIn(mehdi, "2026-05-10", enteredAt: try rabat.instant(LocalDate(year: 2026, month: 6, day: 2), LocalTime("16:00")!))
        try c.walkIn(mehdi, "2026-06-10", enteredAt: try rabat.instant(LocalDate(year: 2026, month: 6, day: 10), LocalTime("10:00")!))
        try c.completed(student, "scholarship-orientation", "2026-05-05")
        try c.completed(student, "social-orientation", "2026-06-01")
        try c.completed(asylum, "individual-counseling", "2026-04-15")
        try c.completed(other, "social-orientation", "2026-04-20")
        try c.completed(returned, "job-coaching", "2026-06-15")
        let q2 = try #require(ReportingPeriod(named: "2026-Q2", option: "--quarter"))
        let counts = try c.db.funderReportCounts(q2)
        #expect(counts.visitors == 5 && counts.services == 7)
        #expect(Self.cell(counts, .ageBand, "12-17") == .init(visitors: 1, services: 1))  // Mehdi at 17
        #expect(Self.cell(counts, .ageBand, "18-24") == .init(visitors: 1, services: 3))  // the student; Mehdi at 18
        #expect(Self.cell(counts, .ageBand, "25-59") == .init(visitors: 2, services: 2))
        #expect(Self.cell(counts, .ageBand, "unknown") == .init(visitors: 1, services: 1))
        #expect(counts.sexByAge["male"]?["12-17"] == .init(visitors: 1, services: 1))
        #expect(counts.sexByAge["male"]?["18-24"] == .init(visitors: 0, services: 1))
        #expect(counts.sexByAge["female"]?["18-24"] == .init(visitors: 1, services: 2))
        // The student's two services count for two programs of one funder.
        let programs = try c.db.writer.read { try String.fetchAll($0, sql: "SELECT program_id FROM delivered_service WHERE visitor_id = ? ORDER BY at", arguments: [student.id]) }
        #expect(programs == ["unhcr-dafi", "unhcr-urban"])
        // Other bands, asked for by one report: 0-17, 18-59, 60+.
        let wide = try c.db.funderReportCounts(q2, ageBands: try #require(AgeBands(spec: "0-17,18-59,60+")))
        #expect(Self.cell(wide, .ageBand, "0-17") == .init(visitors: 1, services: 1))
        #expect(Self.cell(wide, .ageBand, "18-59") == .init(visitors: 3, services: 5))
        #expect(wide.ageBands.keys == ["0-17", "18-59", "60+", "unknown"])
        // The center's own bands are the default of its reports.
        var settings = try c.db.centerSettings()
        settings.ageBands = try #require(AgeBands(spec: "0-17,18+"))
        try c.db.saveCenterSettings(settings, by: desk, at: Center.now)
        #expect(Self.cell(try c.db.funderReportCounts(q2), .ageBand, "18+") == .init(visitors: 3, services: 5))
        #expect(try c.db.funderReport(q2).rows(.ageBand).map(\.key) == ["0-17", "18+", "unknown"])
    }

    /// Case P3: Mehdi's visit of 10 May 2026 (age 17), entered on 2 June, counts in 12–17 in
    /// the second quarter's report: the age is stored with the service, not worked out from
    /// the day the report runs (the command's run at two dates is `ReportingCommandTests`).
    /// A correction of his birth date moves it, as a correction should.
    @Test func caseP3TheAgeIsTheOneAtTheVisit() throws {
        let c = try Center()
        let mehdi = try c.person("Mehdi", "Benjelloun", .male, .migrant, born: "2008-05-20")
        try c.walkIn(mehdi, "2026-05-10", enteredAt: try rabat.instant(LocalDate(year: 2026, month: 6, day: 2), LocalTime("16:00")!))
        let q2 = try #require(ReportingPeriod(named: "2026-Q2", option: "--quarter"))
        let year = try #require(ReportingPeriod(named: "2026", option: "--year"))
        #expect(Self.cell(try c.db.funderReportCounts(q2), .ageBand, "12-17") == .init(visitors: 1, services: 1))
        #expect(Self.cell(try c.db.funderReportCounts(year), .ageBand, "12-17") == .init(visitors: 1, services: 1))
        let stored = try c.db.writer.read { try Int.fetchOne($0, sql: "SELECT age FROM delivered_service WHERE visitor_id = ?", arguments: [mehdi.id]) }
        #expect(stored == 17)
        var corrected = NewVisitor(givenName: "Mehdi", familyName: "Benjelloun", sex: .male, birthYear: nil, nationality: "MA", languages: ["fr"],
                                   status: .migrant, phone: nil, consentScopes: [.services, .reporting], birthDate: LocalDate(year: 2008, month: 5, day: 1))
        _ = try c.db.updateVisitor(id: mehdi.id, with: corrected, by: desk, at: Center.now)
        #expect(Self.cell(try c.db.funderReportCounts(q2), .ageBand, "18-24") == .init(visitors: 1, services: 1))
        corrected.birthDate = nil
        corrected.birthYear = 2008
        _ = try c.db.updateVisitor(id: mehdi.id, with: corrected, by: desk, at: Center.now)
        #expect(Self.cell(try c.db.funderReportCounts(q2), .ageBand, "18-24") == .init(visitors: 1, services: 1), "a year alone: the age reached in 2026")
    }

    /// Born 29 February 2008: 17 on 28 February 2026, 18 on 1 March (a common year). A
    /// service at 00:30 local on a birthday (23:30Z the day before, at UTC+1) is on the
    /// birthday: the day is the center's, from the zone's offsets.
    @Test func aLeapDayBirthdayAndAServiceJustAfterLocalMidnight() throws {
        let c = try Center()
        let leap = try c.person("Selam", "Tesfaye", .female, .refugee, born: "2008-02-29")
        try c.completed(leap, "social-orientation", "2026-02-27")
        try c.completed(leap, "social-orientation", "2026-03-02")
        let mehdi = try c.person("Mehdi", "Benjelloun", .male, .migrant, born: "2008-05-20")
        try c.completed(mehdi, "social-orientation", "2026-05-20", "00:30")
        let ages = try c.db.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT visitor_id, at, age FROM delivered_service ORDER BY visitor_id, at").map { [$0[0] as Int64, $0[2] as Int64] }
        }
        #expect(ages == [[leap.id, 17], [leap.id, 18], [mehdi.id, 18]])
        let start = try c.db.writer.read { try Int64.fetchOne($0, sql: "SELECT at FROM delivered_service WHERE visitor_id = ?", arguments: [mehdi.id]) }
        #expect(start.map { Date(epochMilliseconds: $0) } == Date(timeIntervalSince1970: 1_779_233_400), "2026-05-19T23:30:00Z")
        // The zone's offsets as stored equal the zone's own, and are kept when they are.
        let stored = try c.db.writer.read { try Row.fetchAll($0, sql: "SELECT from_at, offset_ms FROM center_utc_offset ORDER BY from_at").map { [$0[0] as Int64, $0[1] as Int64] } }
        #expect(stored == AppDatabase.zoneOffsetRows(rabat).map { [$0.from, $0.offset] })
        // Morocco's return to UTC+1 after Ramadan 2026 is among them (whatever later tzdata says).
        #expect(stored.contains([1_774_144_800_000, 3_600_000]), "2026-03-22T02:00Z, +01: \(stored.suffix(4))")
        #expect(try c.db.refreshZoneOffsets() == false)
        // Stale offsets (a tzdata update) are replaced, and the ages worked out again.
        try c.db.writer.write { db in
            try db.execute(sql: "UPDATE center_utc_offset SET offset_ms = 0")
            try db.execute(sql: AppDatabase.refreshDeliveredServicesSQL(visitors: "SELECT id FROM visitor"))
        }
        #expect(try c.db.writer.read { try Int.fetchOne($0, sql: "SELECT age FROM delivered_service WHERE visitor_id = ?", arguments: [mehdi.id]) } == 17)
        #expect(try c.db.refreshZoneOffsets() == true)
        #expect(try c.db.writer.read { try Int.fetchOne($0, sql: "SELECT age FROM delivered_service WHERE visitor_id = ?", arguments: [mehdi.id]) } == 18)
    }

    /// Case P4: Omar Tazi's 11:00 appointment was marked a no-show at 11:20; he arrived at
    /// 11:35, was checked in and seen, and the appointment was corrected to completed. Before
    /// the correction he counts once as a no-show and once as a walk-in service; after it,
    /// once as a completed appointment: never both.
    @Test func caseP4ALateArrivalIsCountedOnce() throws {
        let c = try Center()
        let omar = try c.person("Omar", "Tazi", .male, .moroccanNational, year: 1985)
        let day = LocalDate(year: 2026, month: 6, day: 2)
        func at(_ time: String) throws -> Date { try rabat.instant(day, LocalTime(time)!) }
        // A service the center's one counselor delivers, individual.
        let service = try #require(try c.db.services().first { c.counselor.serviceIds.contains($0.id) && $0.groupCapacity == nil })
        let booked = try c.db.book(NewAppointment(visitorId: omar.id, serviceId: service.id, counselorId: c.counselor.id,
                                                  roomId: c.room.id, start: try at("11:00")), by: desk, at: Center.now)
        _ = try c.db.setStatus(appointmentId: booked.appointment.id, to: .noShow, by: desk, at: try at("11:20"))
        let visit = try c.db.checkIn(visitorId: omar.id, category: service.category, by: desk, at: try at("11:35"))
        _ = try c.db.callNext(category: service.category, by: desk, at: try at("11:40"))
        _ = try c.db.close(visitId: visit.id, outcome: .seen, by: desk, at: try at("12:10"))
        let period = ReportingPeriod.day(day)
        func figures() throws -> (noShows: Int, completed: Int, services: Int, kinds: [String?]) {
            let occupancy = try c.db.occupancy(period, now: ReportingCenter.now)
            let counts = try c.db.funderReportCounts(period)
            let kinds = try c.db.writer.read { try String?.fetchAll($0, sql: "SELECT service_id FROM delivered_service WHERE visitor_id = ?", arguments: [omar.id]) }
            return (occupancy.appointments.noShows, occupancy.appointments.completed, counts.services, kinds)
        }
        let before = try figures()
        #expect(before.noShows == 1 && before.completed == 0 && before.services == 1 && before.kinds == [nil], "the walk-in is the service")
        _ = try c.db.correctStatus(appointmentId: booked.appointment.id, to: .completed, reason: "arrived late at 11:35, seen",
                                   by: desk, at: try at("12:15"))
        let after = try figures()
        #expect(after.noShows == 0 && after.completed == 1 && after.services == 1 && after.kinds == [service.id],
                "the appointment is the service, the walk-in its arrival")
        let counts = try c.db.funderReportCounts(period)
        #expect(counts.visitors == 1 && Self.cell(counts, .category, service.category.rawValue) == .init(visitors: 1, services: 1))
    }
}

/// The settings' opening hours are read without `JSONDecoder` (a short command's start): the
/// same hours as the decoder reads, for the default and for split days with a Saturday.
struct StoredHoursTests {
    @Test func storedHoursReadAsTheDecoderReadsThem() throws {
        for hours in [CenterSettings.defaultOpeningHours, try #require(WeeklyHours(spec: "mon-fri 09:00-12:30,13:30-17:00; sat 09:00-12:00"))] {
            let text = String(decoding: try JSONEncoder().encode(hours), as: UTF8.self)
            #expect(AppDatabase.storedHours(text) == hours)
            #expect(AppDatabase.storedHours(text) == (try JSONDecoder().decode(WeeklyHours.self, from: Data(text.utf8))))
        }
        #expect(AppDatabase.storedHours("{\"days\": []}") == nil)
        #expect(AppDatabase.storedHours("{\"days\": [[{\"start\": \"25:00\", \"end\": \"26:00\"}],[],[],[],[],[],[]]}") == nil)
        #expect(AppDatabase.storedHours("not json") == nil)
    }
}

/// The report's statement returns one row per profile, category and age band: grouping by
/// the band's name once grouped by the age itself (SQLite resolves a GROUP BY name to the
/// source's column first), which gave the same counts from six times the rows.
struct ReportStatementRowsTests {
    @Test func oneRowPerProfileCategoryAndBand() throws {
        let db = try ReportingCenter.shared.get().db
        let period = ReportingPeriod(first: LocalDate(year: 2026, month: 3, day: 1), last: LocalDate(year: 2026, month: 4, day: 30))
        for programs in [nil, ["unhcr-urban"], ["unhcr-dafi", "unhcr-urban"], ["unhcr-dafi", "iom-avrr"]] as [[String]?] {
            let statement = db.funderReportStatement(period, programs: programs, ageBands: .standard)
            let keys = try db.writer.read { db in
                try Row.fetchAll(db, sql: statement.sql, arguments: StatementArguments(statement.arguments)).map { row in
                    (0..<6).map { (row[$0] as DatabaseValue).description }.joined(separator: "|")
                }
            }
            #expect(!keys.isEmpty && Set(keys).count == keys.count, "\(String(describing: programs)): \(keys.count - Set(keys).count) repeated")
        }
    }
}
