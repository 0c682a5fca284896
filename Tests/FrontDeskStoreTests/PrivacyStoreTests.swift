import Foundation
import FrontDeskDomain
@testable import FrontDeskStore
import GRDB
import Testing

/// Export for a visitor, the purge of inactive visitors, consent for reporting, backups.
struct PrivacyStoreTests {
    /// 2020-03-10 10:00Z and 2026-04-14 10:00 local.
    static let old = Date(timeIntervalSince1970: 1_583_834_400)

    func aggregates(_ db: AppDatabase) throws -> [String] {
        try db.writer.read { db in
            try String.fetchAll(db, sql: """
                SELECT 'visitors ' || v.nationality || ' ' || v.sex || ' ' || IFNULL(v.birth_year, '-') || ' ' || v.status || ' ' || COUNT(*)
                FROM visitor v GROUP BY v.nationality, v.sex, v.birth_year, v.status
                UNION ALL SELECT 'visits ' || category || ' ' || COUNT(*) FROM visit GROUP BY category
                UNION ALL SELECT 'appointments ' || service_id || ' ' || status || ' ' || COUNT(*) FROM appointment GROUP BY service_id, status
                ORDER BY 1
                """)
        }
    }

    @Test func purgeAnonymizesOnlyTheInactiveAndKeepsEveryCount() throws {
        let f = try SchedulingFixture()
        let db = f.db
        // Two visitors last seen in 2020 (one with a visit and a booked-then-past appointment), one active.
        let oldA = try db.register(NewVisitor(givenName: "Aïssatou", familyName: "Traoré", sex: .female, birthYear: 1990, nationality: "GN",
                                              languages: ["fr"], status: .refugee, phone: "+212 6 12 34 56 78", consentScopes: [.services, .reporting]),
                                   by: desk, at: Self.old)
        let oldB = try db.register(newVisitor("Samuel", "Okafor"), by: desk, at: Self.old)
        _ = try db.checkIn(visitorId: oldA.id, category: .social, by: desk, at: Self.old.addingTimeInterval(3600))
        let created: Int64 = Self.old.epochMilliseconds
        let start: Int64 = created + 7_200_000, end: Int64 = created + 9_900_000
        try db.writer.write { db in
            try db.execute(sql: """
                INSERT INTO appointment (visitor_id, service_id, counselor_id, room_id, start_at, end_at, status, note, counselor_note, created_by, created_at)
                VALUES (?, 'consult-45', ?, ?, ?, ?, 'completed', 'ramp', 'talked about the journey', 'test', ?)
                """, arguments: [oldA.id, f.leila.id, f.salle2.id, start, end, created])
        }
        try f.book(f.youssef, f.leila, f.salle2, "2026-04-14", "10:00")
        let before = try aggregates(db)
        let now = apr14()

        let dry = try db.purgeInactiveVisitors(years: 3, dryRun: true, by: desk, at: now)
        #expect(dry.codes == [oldA.code, oldB.code])
        #expect(try db.visitor(id: oldA.id)?.givenName == "Aïssatou")
        // f.youssef, f.samrawit, f.aissatou were registered in 2026: active.
        let done = try db.purgeInactiveVisitors(years: 3, dryRun: false, by: desk, at: now)
        #expect(done.codes == [oldA.code, oldB.code])
        #expect(try aggregates(db) == before)
        let a = try #require(try db.visitor(id: oldA.id))
        #expect(a.givenName == "anonymized" && a.familyName.isEmpty && a.phone == nil && a.archived)
        #expect(a.nationality == "GN")
        #expect(a.sex == Sex.female)
        #expect(a.birthYear == 1990)
        #expect(a.status == LegalStatus.refugee)
        #expect(try db.searchVisitors("aissatou traore", limit: 10).map(\.id) == [f.aissatou.id])
        #expect(try db.searchVisitors("0612345678", limit: 10).isEmpty)
        #expect(try db.searchVisitors(oldA.code.description, limit: 10).isEmpty)
        let leftovers = try db.writer.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM visitor_search_term WHERE visitor_id IN (?, ?)", arguments: [oldA.id, oldB.id]) }
        #expect(leftovers == 0)
        let notes = try db.writer.read { try Row.fetchOne($0, sql: "SELECT note, counselor_note FROM appointment WHERE visitor_id = ?", arguments: [oldA.id]) }
        #expect(notes?["note"] == "" && notes?["counselor_note"] == "")
        #expect(try db.auditEvents(limit: 5).filter { $0.action == .visitorAnonymized }.count == 2)
        #expect(try db.auditEvents(limit: 5).allSatisfy { !$0.detail.contains("Aïssatou") })
        // Done once: a second run finds nobody.
        #expect(try db.purgeInactiveVisitors(years: 3, dryRun: false, by: desk, at: now).codes.isEmpty)
        #expect(throws: AccessError.self) { try db.purgeInactiveVisitors(years: 0, dryRun: true, by: desk, at: now) }
    }

    @Test func exportHoldsTheRecordVisitsAndAppointmentsAndIsAudited() throws {
        let f = try SchedulingFixture()
        let booked = try f.book(f.youssef, f.leila, f.salle2, "2026-04-14", "10:00")
        try f.db.saveCounselorNote(appointmentId: booked.id, note: "first session", as: Viewer(role: .counselor, counselorId: f.leila.id),
                                   by: desk, at: SchedulingFixture.now)
        _ = try f.db.checkIn(visitorId: f.youssef.id, category: .psychological, by: desk, at: apr14())
        let plain = try f.db.exportVisitor(id: f.youssef.id, includeCounselorNotes: false, by: desk, at: apr14(minutes: 5))
        #expect(plain.visitor.fullName == "يوسف المهاجر")
        #expect(plain.visits.count == 1)
        #expect(plain.appointments.map(\.id) == [booked.id])
        #expect(plain.appointments[0].appointment.counselorNote == nil)
        let full = try f.db.exportVisitor(id: f.youssef.id, includeCounselorNotes: true, by: desk, at: apr14(minutes: 6))
        #expect(full.appointments[0].appointment.counselorNote == "first session")
        let events = try f.db.auditEvents(matching: AuditFilter(visitorId: f.youssef.id)).map(\.action)
        #expect(events.filter { $0 == .visitorExported }.count == 2)
        #expect(events.contains(.appointmentBooked) && events.contains(.visitCheckedIn) && events.contains(.visitorRegistered))
        #expect(!events.contains(.catalogLoaded))
    }

    @Test func auditFiltersByStaffAndDay() throws {
        let db = try AppDatabase.inMemory(calendar: rabat)
        let amina = Actor(name: "Amina", terminal: "t1"), omar = Actor(name: "Omar", terminal: "t2")
        let v = try db.register(newVisitor("Lina"), by: amina, at: apr14())
        try db.recordVisitorOpened(id: v.id, by: omar, at: apr14().addingTimeInterval(86_400))
        #expect(try db.auditEvents(matching: AuditFilter(actorName: "amina")).map(\.action) == [.visitorRegistered])
        let day2 = rabat.startOfDay(LocalDate(year: 2026, month: 4, day: 15))
        #expect(try db.auditEvents(matching: AuditFilter(from: day2)).map(\.actor) == [omar])
        #expect(try db.auditEvents(matching: AuditFilter(to: day2)).map(\.actor) == [amina])
    }

    @Test func reportsSeeOnlyVisitorsWhoConsentedToReporting() throws {
        let db = try AppDatabase.inMemory(calendar: rabat)
        _ = try db.register(newVisitor("Yes", consent: [.services, .reporting]), by: desk, at: apr14())
        _ = try db.register(newVisitor("No", consent: [.services]), by: desk, at: apr14())
        let rows = try db.writer.read { try Row.fetchAll($0, sql: "SELECT * FROM reporting_visitor") }
        #expect(rows.count == 1)
        #expect(!rows[0].columnNames.contains("given_name") && !rows[0].columnNames.contains("phone"))
    }

    @Test func backupIsPrivateAndAudited() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        let db = try AppDatabase.open(path: tmp.file("a.sqlite"), calendar: rabat)
        _ = try db.register(newVisitor("Lina"), by: desk, at: apr14())
        try db.backup(to: tmp.file("copy/b.sqlite"), by: desk, at: apr14())
        #expect(DatabaseFile.mode(tmp.file("copy/b.sqlite")) == 0o600)
        #expect(try db.auditEvents(limit: 1).first?.action == .backupTaken)
        let copy = try AppDatabase.open(path: tmp.file("copy/b.sqlite"), calendar: rabat)
        #expect(try copy.visitorCount() == 1)
        #expect(throws: StoreError.self) { try db.backup(to: tmp.file("copy/b.sqlite"), by: desk, at: apr14()) }
    }
}
