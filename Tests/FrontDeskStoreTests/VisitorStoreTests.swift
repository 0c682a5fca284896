import Foundation
import GRDB
import Testing
import FrontDeskDomain
@testable import FrontDeskStore

struct VisitorStoreTests {
    @Test func registerGivesYearlyCodes() throws {
        // A center at UTC+1 all year (Lagos): Rabat's offset on 31 December depends on the
        // tzdata release (+00 from 2026f).
        let lagos = try #require(CenterCalendar(identifier: "Africa/Lagos"))
        let db = try AppDatabase.inMemory(calendar: lagos)
        let a = try db.register(newVisitor("Aïssatou"), by: desk, at: apr14())
        let b = try db.register(newVisitor("Youssef"), by: desk, at: apr14(minutes: 1))
        #expect(a.code.description == "V-2026-00001")
        #expect(b.code.description == "V-2026-00002")
        // 2026-12-31 23:30 UTC is already 2027 in Lagos: a new year starts at 1.
        let c = try db.register(newVisitor("Samrawit"), by: desk, at: Date(timeIntervalSince1970: 1_798_759_800))
        #expect(c.code.description == "V-2027-00001")
        #expect(try db.visitor(code: b.code) == b)
        #expect(try db.visitor(id: a.id) == a)
        #expect(try db.visitorCount() == 3)
    }

    @Test func registeredVisitorRoundTrips() throws {
        let db = try AppDatabase.inMemory(calendar: rabat)
        let now = Date(timeIntervalSince1970: 1_776_157_200.1234)
        let new = NewVisitor(givenName: "يوسف", familyName: "المهاجر", sex: .male, birthYear: 1990, nationality: "SD",
                             languages: ["ar", "en"], status: .asylumSeeker, phone: "+212 6 12 34 56 78",
                             consentScopes: [.services, .reporting])
        let v = try db.register(new, by: desk, at: now)
        let read = try #require(try db.visitor(id: v.id))
        #expect(read == v)
        #expect(read.givenName == "يوسف" && read.familyName == "المهاجر")
        #expect(read.languages == ["ar", "en"])
        #expect(read.consentScopes == [.services, .reporting])
        #expect(read.createdAt == Date(epochMilliseconds: 1_776_157_200_123))
    }

    @Test func namesAreStoredNFC() throws {
        let db = try AppDatabase.inMemory(calendar: rabat)
        let v = try db.register(newVisitor("e\u{301}lise", " Traore\u{301} "), by: desk, at: apr14())
        let raw = try db.writer.read { db in try Row.fetchOne(db, sql: "SELECT given_name, family_name FROM visitor")! }
        #expect((raw["given_name"] as String).utf8.elementsEqual("élise".utf8))
        #expect((raw["family_name"] as String).utf8.elementsEqual("Traoré".utf8))
        #expect(v.familyName == "Traoré")
    }

    @Test(arguments: [
        (newVisitor(""), VisitorValidationError.givenNameMissing),
        (newVisitor(String(repeating: "x", count: 10_000)), .nameTooLong(max: 100)),
        (newVisitor("Ali\u{1B}[2J"), .nameInvalid),
        (newVisitor("Ali", consent: [.reporting]), .consentMissing),
        (newVisitor("Ali", phone: "12"), .phoneInvalid("12")),
    ])
    func nothingIsWrittenWhenARuleIsBroken(visitor: NewVisitor, error: VisitorValidationError) throws {
        let db = try AppDatabase.inMemory(calendar: rabat)
        #expect(throws: error) { try db.register(visitor, by: desk, at: apr14()) }
        #expect(throws: error) { try db.registerMany([newVisitor("Fine"), visitor], by: desk, at: apr14()) }
        #expect(try db.visitorCount() == 0)
        #expect(try db.auditEvents(limit: 10).isEmpty)
        #expect(try db.writer.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM visitor_search_term") } == 0)
    }

    @Test func registerManyKeepsCodesAndSearchRight() throws {
        let db = try AppDatabase.inMemory(calendar: rabat)
        _ = try db.register(newVisitor("First"), by: desk, at: apr14())
        var reports: [Int] = []
        let many = try db.registerMany((1...2_500).map { newVisitor("Visitor", "N\($0)") }, by: desk, at: apr14(),
                                       batchSize: 1_000, progress: { done, total in
                                           #expect(total == 2_500)
                                           reports.append(done)
                                       })
        #expect(reports == [1_000, 2_000, 2_500])
        #expect(many.map(\.code.number) == Array(2...2_501))
        #expect(try db.visitorCount() == 2_501)
        let found = try db.searchVisitors("n2500", limit: 5).map(\.familyName)
        #expect(found == ["N2500"])
        #expect(try db.searchVisitors("V-2026-02501", limit: 5).map(\.familyName) == ["N2500"])
        #expect(try db.auditEvents(limit: 10_000).filter { $0.action == .visitorRegistered }.count == 2_501)
    }

    @Test func updateReindexesAndAudits() throws {
        let db = try AppDatabase.inMemory(calendar: rabat)
        let v = try db.register(newVisitor("Youssef", "Alami"), by: desk, at: apr14())
        let updated = try db.updateVisitor(id: v.id, with: newVisitor("Youssef", "Bennani", consent: [.services, .reporting]),
                                           by: desk, at: apr14(minutes: 5))
        #expect(updated.code == v.code)
        #expect(updated.consentAt == apr14(minutes: 5))
        #expect(try db.searchVisitors("alami", limit: 5).isEmpty)
        #expect(try db.searchVisitors("bennani", limit: 5).map(\.id) == [v.id])
        #expect(try db.auditEvents(limit: 1).first?.action == .visitorUpdated)
        // The index holds exactly the terms of the current names: none left from "Alami".
        let (rows, texts) = try db.writer.read { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM visitor_search_term WHERE visitor_id = ?", arguments: [v.id]) ?? -1,
             try String.fetchAll(db, sql: "SELECT search_text FROM visitor"))
        }
        #expect(rows == texts.map { SearchTextColumn.decode($0).count }.reduce(0, +))
        #expect(try db.writer.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM visitor_search_term WHERE term LIKE 'alami%'") } == 0)
        #expect(throws: StoreError.visitorNotFound(999)) {
            try db.updateVisitor(id: 999, with: newVisitor("X"), by: desk, at: apr14())
        }
    }

    @Test func openingARecordIsAudited() throws {
        let db = try AppDatabase.inMemory(calendar: rabat)
        let v = try db.register(newVisitor("Aïssatou", "Diallo-Ndiaye Traoré"), by: desk, at: apr14())
        try db.recordVisitorOpened(id: v.id, by: Actor(name: "Leila Amrani", terminal: "pts/2"), at: apr14(minutes: 3))
        let event = try #require(try db.auditEvents(limit: 1, entity: "visitor", entityId: v.id).first)
        #expect(event.action == .visitorOpened)
        #expect(event.actor == Actor(name: "Leila Amrani", terminal: "pts/2"))
        #expect(event.detail == "code V-2026-00001")
        #expect(event.at == apr14(minutes: 3))
        #expect(throws: StoreError.visitorNotFound(42)) { try db.recordVisitorOpened(id: 42, by: desk, at: apr14()) }
    }
}
