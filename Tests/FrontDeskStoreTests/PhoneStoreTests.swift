import Foundation
import GRDB
import Testing
import FrontDeskDomain
@testable import FrontDeskStore

/// The forms of one Moroccan mobile number (shared/cases/desk.md D3), as typed at the desk.
private let forms = ["06 10 02 03 04", "0610020304", "00212610020304", "+212 6 10 02 03 04", "+212 (0)6 10 02 03 04",
                     "٠٦١٠٠٢٠٣٠٤", "۰۶۱۰۰۲۰۳۰۴"]

/// A database with the visitor whose phone is `phone`, and neighbours whose numbers share
/// digits with it (so that a search must tell them apart).
private func database(with phone: String) throws -> (AppDatabase, Visitor) {
    let db = try AppDatabase.inMemory(calendar: rabat)
    _ = try db.register(newVisitor("Karim", "Alaoui", phone: "06 10 02 03 05"), by: desk, at: apr14())
    _ = try db.register(newVisitor("Awa", "Ndiaye", phone: "+221 77 000 11 22"), by: desk, at: apr14())
    let visitor = try db.register(newVisitor("Rachid", "Bennani", phone: phone), by: desk, at: apr14())
    _ = try db.register(newVisitor("Salma", "Idrissi", phone: "+33 6 10 02 03 04"), by: desk, at: apr14())
    return (db, visitor)
}

/// Phones stored in international form, found by every form (issue 12, item 5).
struct PhoneStoreTests {
    /// A visitor saved with one form of the number is found by each of the others; the number
    /// is stored once, as `+212610020304`, with its digits in `phone_digits`.
    @Test(arguments: forms)
    func aNumberSavedInOneFormIsFoundByEveryForm(saved: String) throws {
        let (db, visitor) = try database(with: saved)
        #expect(visitor.phone == "+212610020304")
        let digits = try db.writer.read { try String.fetchOne($0, sql: "SELECT phone_digits FROM visitor WHERE id = ?", arguments: [visitor.id]) }
        #expect(digits == "212610020304")
        // A whole number, in any form, finds this visitor alone.
        for typed in forms + ["+2120610020304", "212610020304"] {
            let found = try db.searchVisitors(typed, limit: 10)
            #expect(found.map(\.id) == [visitor.id], "saved \(saved), typed \(typed): \(found.map(\.fullName))")
        }
        // Part of it finds every number that holds those digits (a French number ends alike).
        for typed in ["610020304", "10 02 03 04", "06 10 02"] {
            let found = try db.searchVisitors(typed, limit: 10).map(\.fullName)
            #expect(found.contains("Rachid Bennani") && !found.contains("Awa Ndiaye"), "typed \(typed): \(found)")
        }
    }

    /// D2: a receptionist types the phone and the birth year with an Arabic keyboard's digits.
    @Test(arguments: [("٠٦٦١٢٣٤٥٦٧", "٢٠٠٨"), ("۰۶۶۱۲۳۴۵۶۷", "۲۰۰۸")])
    func arabicKeyboardDigitsAreStoredAsDigits(phone: String, year: String) throws {
        let db = try AppDatabase.inMemory(calendar: rabat)
        let draft = VisitorDraft(givenName: "Imane", familyName: "Rhazi", sex: .female, birthYear: year, nationality: "ma",
                                 languages: ["ary"], status: .moroccanNational, phone: phone, consentScopes: [.services])
        let valid = try draft.validated(now: apr14(), calendar: rabat, knownCountries: ["MA"], knownLanguages: ["ary"])
        let stored = try db.register(valid, by: desk, at: apr14())
        #expect(stored.phone == "+212661234567")
        #expect(stored.birthYear == 2008)
        #expect(try db.visitor(id: stored.id)?.phone == "+212661234567")
        #expect(try db.searchVisitors("0661234567", limit: 5).map(\.id) == [stored.id])
        #expect(try db.searchVisitors(phone, limit: 5).map(\.id) == [stored.id])
    }

    /// D3: a Casablanca landline and a Senegalese number, each found by its own forms.
    @Test func landlinesAndForeignNumbersKeepTheirInternationalForm() throws {
        let db = try AppDatabase.inMemory(calendar: rabat)
        let casa = try db.register(newVisitor("Nadia", "Berrada", phone: "0522-00-11-22"), by: desk, at: apr14())
        let dakar = try db.register(newVisitor("Awa", "Ndiaye", phone: "+221 77 000 11 22"), by: desk, at: apr14())
        #expect(casa.phone == "+212522001122")
        #expect(dakar.phone == "+221770001122")
        for typed in ["0522001122", "05 22 00 11 22", "+212 5 22 00 11 22", "00212522001122"] {
            #expect(try db.searchVisitors(typed, limit: 5).map(\.id) == [casa.id], "\(typed)")
        }
        for typed in ["+221 77 000 11 22", "00221770001122", "77 000 11 22", "221 77"] {
            #expect(try db.searchVisitors(typed, limit: 5).map(\.id) == [dakar.id], "\(typed)")
        }
    }

    /// A number the rule cannot read is refused by the store, whoever built the record.
    @Test func theStoreRefusesAnUnreadableNumber() throws {
        let db = try AppDatabase.inMemory(calendar: rabat)
        #expect(throws: VisitorValidationError.phoneInvalid("0612")) {
            try db.register(newVisitor("Omar", phone: "0612"), by: desk, at: apr14())
        }
        #expect(try db.visitorCount() == 0)
    }

    /// The code search: V-2026-00203 typed with Arabic-Indic or Extended Arabic-Indic digits.
    @Test(arguments: ["V-٢٠٢٦-٠٠٢٠٣", "v-۲۰۲۶-۰۰۲۰۳", "٢٠٢٦-٠٠٢٠٣", "٠٠٢٠٣", "۲۰۳"])
    func aCodeTypedWithArabicDigitsFindsTheVisitor(typed: String) throws {
        let db = try AppDatabase.inMemory(calendar: rabat)
        let visitors = try db.registerMany((1...210).map { newVisitor("Visitor", "N\($0)") }, by: desk, at: apr14())
        let target = try #require(visitors.first { $0.code == VisitorCode(year: 2026, number: 203) })
        #expect(try db.searchVisitors(typed, limit: 5).first?.id == target.id, "\(typed)")
    }

    /// Migration v7: a file written before it, with phones as typed, is rewritten in
    /// international form; the phone's index terms follow (a stale `00212…` term goes), the name
    /// terms stay, and a number the rule cannot read is kept as it was and still found.
    @Test func migrationSevenStoresOldPhonesInInternationalForm() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        let path = tmp.file("v6.sqlite")
        let old: [(String, String?)] = [("Rachid", "06 10 02 03 04"), ("Yassine", "00212 6 12 34 56 78"),
                                        ("Awa", "+221 77 000 11 22"), ("Omar", "44 55 66 77 88"), ("Lina", nil),
                                        ("Imane", "٠٦٦١٢٣٤٥٦٧")]
        do {
            let queue = try DatabaseQueue(path: path)
            try AppDatabase.migrator.migrate(queue, upTo: AppDatabase.deskLockMigration)
            try queue.write { db in
                try writingAsBeforeTheAuditChain(db) {
                    for (i, (name, phone)) in old.enumerated() {
                        // As a v6 binary stored it: the text with its digits made ASCII.
                        let v = NewVisitor(givenName: name, familyName: "Test", sex: .unspecified, birthYear: nil, nationality: "MA",
                                           languages: ["fr"], status: .migrant, phone: phone.map(PhoneNumber.normalized),
                                           consentScopes: [.services])
                        _ = try AppDatabase.insert(db, v, code: VisitorCode(year: 2026, number: i + 1), by: desk, at: apr14())
                    }
                }
            }
            let stale = try queue.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM visitor_search_term WHERE term = '00212612345678'") }
            #expect(stale == 1, "the v6 index holds the 00 form")
        }
        let db = try AppDatabase.open(path: path, calendar: rabat)
        let phones = try db.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT given_name, phone, phone_digits FROM visitor ORDER BY id").map {
                [$0["given_name"] as String, $0["phone"] as String? ?? "-", $0["phone_digits"] as String? ?? "-"]
            }
        }
        #expect(phones == [["Rachid", "+212610020304", "212610020304"], ["Yassine", "+212612345678", "212612345678"],
                           ["Awa", "+221770001122", "221770001122"], ["Omar", "44 55 66 77 88", "4455667788"], ["Lina", "-", "-"],
                           ["Imane", "+212661234567", "212661234567"]])
        try db.writer.read { db in
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM visitor_search_term WHERE term = '00212612345678'") == 0)
            // Every visitor's index rows are exactly the terms of its search_text.
            for record in try VisitorRecord.fetchAll(db) {
                let rows = try Row.fetchAll(db, sql: "SELECT kind, term FROM visitor_search_term WHERE visitor_id = ?", arguments: [record.id])
                let indexed = Set(rows.map { SearchTerm(SearchTermKind(rawValue: $0["kind"])!, $0["term"]) })
                #expect(indexed == Set(SearchTextColumn.decode(record.searchText)), "\(record.givenName)")
                #expect(indexed.isSuperset(of: SearchText.nameTerms(givenName: record.givenName, familyName: record.familyName)))
            }
        }
        #expect(try db.searchVisitors("0612345678", limit: 5).map(\.givenName) == ["Yassine"])
        #expect(try db.searchVisitors("00212 6 12 34 56 78", limit: 5).map(\.givenName) == ["Yassine"])
        #expect(try db.searchVisitors("0610020304", limit: 5).map(\.givenName) == ["Rachid"])
        #expect(try db.searchVisitors("+212 6 61 23 45 67", limit: 5).map(\.givenName) == ["Imane"])
        #expect(try db.searchVisitors("44 55 66", limit: 5).map(\.givenName) == ["Omar"])
        #expect(try db.searchVisitors("77 000 11 22", limit: 5).map(\.givenName) == ["Awa"])
        #expect(try db.searchVisitors("rachid", limit: 5).map(\.givenName) == ["Rachid"])
    }
}
