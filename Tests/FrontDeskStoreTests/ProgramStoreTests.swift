import Foundation
import FrontDeskDomain
import FrontDeskResources
import FrontDeskStore
import Testing

/// The stored catalog of programs (issue 15 item 1): seeded with the center's programs, saved
/// whole or not at all, audited.
@Suite struct ProgramStoreTests {
    static func database() throws -> AppDatabase {
        let db = try AppDatabase.inMemory(calendar: rabat)
        let services = try Catalog.decodeServices(from: try #require(FrontDeskResources.data(named: "services.json")))
        try db.loadCatalog(services, by: desk, at: apr14())
        return db
    }

    @Test func aNewDatabaseHoldsTheDefaultCatalogInOrder() throws {
        let db = try Self.database()
        #expect(try db.programs() == DefaultPrograms.catalog())
    }

    @Test func aProgramIsChangedInPlaceAndAudited() throws {
        let db = try Self.database()
        var dafi = try #require(try db.programs().first { $0.id == "unhcr-dafi" })
        dafi.last = LocalDate(year: 2026, month: 12, day: 31)
        dafi.targets = [ProgramTarget(year: 2026, measure: .services, count: 90), ProgramTarget(year: 2026, measure: .uniqueVisitors, count: 40)]
        dafi.statuses = [.refugee, .asylumSeeker]
        try db.saveProgram(dafi, by: desk, at: apr14(minutes: 1))
        let after = try db.programs()
        #expect(after.map(\.id) == DefaultPrograms.catalog().map(\.id)) // its place kept: the attribution's tie-break
        #expect(after.first { $0.id == "unhcr-dafi" } == dafi)
        let added = Program(id: "iom-youth", nameFr: "Jeunes", nameEn: "Youth", funder: "IOM", first: LocalDate(year: 2026, month: 1, day: 1),
                            services: ["job-coaching"], statuses: [.migrant])
        try db.saveProgram(added, by: desk, at: apr14(minutes: 2))
        #expect(try db.programs().last == added)
        let events = try db.auditEvents(limit: 5, entity: "program")
        #expect(events.count == 2 && events.allSatisfy { $0.action == .programSaved })
        #expect(events.contains { $0.detail.hasPrefix("unhcr-dafi changed") } && events.contains { $0.detail.hasPrefix("iom-youth added") })
    }

    @Test(arguments: [
        (Program(id: "Bad Id", nameFr: "x", nameEn: "x", funder: "F", first: LocalDate(year: 2026, month: 1, day: 1), services: []), ProgramError.invalidId("Bad Id")),
        (Program(id: "p1", nameFr: " ", nameEn: "x", funder: "F", first: LocalDate(year: 2026, month: 1, day: 1), services: []), .nameMissing),
        (Program(id: "p1", nameFr: "x", nameEn: "x", funder: "", first: LocalDate(year: 2026, month: 1, day: 1), services: []), .funderMissing),
        (Program(id: "p1", nameFr: "x", nameEn: "x", funder: "F", first: LocalDate(year: 2026, month: 6, day: 1),
                 last: LocalDate(year: 2026, month: 5, day: 31), services: []),
         .days(first: LocalDate(year: 2026, month: 6, day: 1), last: LocalDate(year: 2026, month: 5, day: 31))),
        (Program(id: "p1", nameFr: "x", nameEn: "x", funder: "F", first: LocalDate(year: 2026, month: 1, day: 1), services: ["no-such-service"]),
         .unknownService("no-such-service")),
        (Program(id: "p1", nameFr: "x", nameEn: "x", funder: "F", first: LocalDate(year: 2026, month: 1, day: 1), services: [],
                 targets: [ProgramTarget(year: 2026, measure: .services, count: 0)]), .invalidTarget),
    ])
    func aBrokenRuleWritesNothing(_ program: Program, _ error: ProgramError) throws {
        let db = try Self.database()
        #expect(throws: error) { try db.saveProgram(program, by: desk, at: apr14()) }
        #expect(try db.programs() == DefaultPrograms.catalog())
        #expect(try db.auditEvents(limit: 5, entity: "program").isEmpty)
    }
}
