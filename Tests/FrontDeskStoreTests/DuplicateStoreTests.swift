import Foundation
import FrontDeskDomain
import FrontDeskStore
import Testing

/// One person, one record: a registration that resembles an existing record is refused with the
/// candidates, inside the insert's transaction, unless the member says it is a new person.
struct DuplicateStoreTests {
    static func person(_ given: String, _ family: String, _ nationality: String = "SY", birthYear: Int? = 1990,
                       phone: String? = nil) -> NewVisitor {
        NewVisitor(givenName: given, familyName: family, sex: .male, birthYear: birthYear, nationality: nationality,
                   languages: ["ar"], status: .refugee, phone: phone, consentScopes: [.services])
    }

    @Test(arguments: [
        ("يوسف", "المهاجر", "يوسف", "المهاجر"),            // Arabic typed again
        ("يوسف", "المهاجر", "Youssef", "El Mouhajir"),     // Latin typed for an Arabic record
        ("Aïssatou", "Sow", "Aissatou", "Sow"),            // without the accent
        ("ሳምራዊት", "ተስፋይ", "Samrawit", "Tesfay"),          // Latin typed for a Ge'ez record
    ])
    func aSecondRegistrationIsRefusedWithTheCandidate(stored: String, storedFamily: String, typed: String, typedFamily: String) throws {
        let db = try AppDatabase.inMemory(calendar: rabat)
        _ = try db.register(newVisitor("Omar", "Tazi"), by: desk, at: apr14())
        let first = try db.register(Self.person(stored, storedFamily), allowingDuplicates: false, by: desk, at: apr14())
        #expect(try db.possibleDuplicates(of: Self.person(typed, typedFamily, birthYear: 1991)) == [first])
        #expect(throws: DuplicateError.possibleDuplicates([first])) {
            try db.register(Self.person(typed, typedFamily, birthYear: 1991), allowingDuplicates: false, by: desk, at: apr14(minutes: 1))
        }
        #expect(try db.visitorCount() == 2, "nothing stored")
        // The member says it is a new person: stored, and the audit trail says which it resembled.
        let second = try db.register(Self.person(typed, typedFamily, birthYear: 1991), allowingDuplicates: true, by: desk, at: apr14(minutes: 2))
        #expect(second.id != first.id)
        let events = try db.auditEvents(limit: 10, entity: "visitor", entityId: second.id)
        #expect(events.contains { $0.detail.contains("resembling \(first.code)") })
    }

    @Test func theSamePhoneIsCaughtWhateverTheName() throws {
        let db = try AppDatabase.inMemory(calendar: rabat)
        let first = try db.register(Self.person("Fatou", "Ndiaye", "SN", phone: "06 10 02 03 04"), allowingDuplicates: false, by: desk, at: apr14())
        #expect(try db.possibleDuplicates(of: Self.person("Awa", "Diop", "CI", phone: "+212 6 10 02 03 04")) == [first])
        #expect(try db.possibleDuplicates(of: Self.person("Awa", "Diop", "CI", phone: "06 10 02 03 05")).isEmpty)
    }

    @Test func otherPeopleRegisterWithoutAQuestion() throws {
        let db = try AppDatabase.inMemory(calendar: rabat)
        _ = try db.register(Self.person("Aïssatou", "Sow", "GN"), allowingDuplicates: false, by: desk, at: apr14())
        for other in [Self.person("Aissatou", "Sow", "SN"), Self.person("Aissatou", "Sow", "GN", birthYear: 1980),
                      Self.person("Aissatou", "Diallo", "GN")] {
            #expect(throws: Never.self) { try db.register(other, allowingDuplicates: false, by: desk, at: apr14(minutes: 1)) }
        }
    }

    @Test func choosingTheExistingRecordIsAudited() throws {
        let db = try AppDatabase.inMemory(calendar: rabat)
        let first = try db.register(Self.person("Youssef", "Alaoui"), allowingDuplicates: false, by: desk, at: apr14())
        try db.recordDuplicateChosen(first.id, by: desk, at: apr14(minutes: 1))
        let events = try db.auditEvents(limit: 10, entity: "visitor", entityId: first.id)
        #expect(events.map(\.action).contains(.visitorDuplicateChosen))
        #expect(try db.visitorCount() == 1)
    }
}
