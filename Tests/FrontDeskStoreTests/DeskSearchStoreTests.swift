import Foundation
import FrontDeskDomain
import GRDB
@testable import FrontDeskStore
import Testing

/// The desk's ranking: the person standing at the desk (in today's queue, or expected today)
/// comes first among those a few letters match, whatever the alphabet says.
struct DeskSearchStoreTests {
    @Test func todaysQueueAndAppointmentsComeFirst() throws {
        let db = try AppDatabase.inMemory(calendar: rabat)
        // Fifty Mohameds registered before, alphabetically first.
        _ = try db.registerMany((1...50).map { newVisitor("Mohamed", "Aaa\($0)") }, by: desk, at: apr14())
        let walkIn = try db.register(newVisitor("Mohamed", "Zouhair"), by: desk, at: apr14())
        let arabic = try db.register(newVisitor("محمد", "حداد"), by: desk, at: apr14())
        _ = try db.checkIn(visitorId: walkIn.id, category: .social, by: desk, at: apr14(minutes: 5))
        let plain = try db.searchVisitors("moh", limit: 12)
        #expect(!plain.prefix(5).contains(walkIn), "alphabetical without the desk's day")
        let ranked = try db.searchVisitors("moh", limit: 12, deskAt: apr14(minutes: 10))
        #expect(ranked.first == walkIn)
        #expect(ranked.count == 12)
        #expect(Set(ranked.map(\.id)).count == 12, "nobody twice")
        // The next day he was seen recently: still first among the Mohameds, as such.
        let tomorrow = try db.deskSearch("moh", limit: 12, at: apr14(minutes: 24 * 60))
        #expect(tomorrow.first?.visitor == walkIn && tomorrow.first?.tier == .recent)
        // After the recent days, nothing puts him first.
        let later = try db.deskSearch("moh", limit: 12, at: apr14(minutes: Double((AppDatabase.recentDays + 2) * 24 * 60)))
        #expect(later.first?.visitor != walkIn && later.allSatisfy { $0.tier == .other })
        // Someone in the queue who does not match is not listed.
        #expect(!(try db.searchVisitors("zzz", limit: 12, deskAt: apr14(minutes: 10))).contains(walkIn))
        // Across scripts: محمد in today's queue comes first for `moh` too.
        _ = try db.checkIn(visitorId: arabic.id, category: .psychological, by: desk, at: apr14(minutes: 6))
        let both = try db.searchVisitors("moh", limit: 12, deskAt: apr14(minutes: 10))
        #expect(Set(both.prefix(2)) == [walkIn, arabic])
        // A second word narrows among them.
        #expect(try db.searchVisitors("moh zou", limit: 12, deskAt: apr14(minutes: 10)).first == walkIn)
    }

    /// Among today's people matched equally well: the one whose name starts with the typed word
    /// (the given name, typed first), starting the same way (a written first vowel agrees, a
    /// typed consonant does not start a name that begins with a vowel), then the one due
    /// nearest to now, before the alphabet.
    @Test func amongTodaysEqualsTheNameStartThenTheNearestToNow() throws {
        let db = try AppDatabase.inMemory(calendar: rabat)
        func queued(_ given: String, _ family: String, minutes: Double) throws -> Visitor {
            let v = try db.register(newVisitor(given, family), by: desk, at: apr14())
            _ = try db.checkIn(visitorId: v.id, category: .social, by: desk, at: apr14(minutes: minutes))
            return v
        }
        // `ahm`: Khaled Al-Ahmad is due nearer and first alphabetically; Ahmed starts his name.
        let khaled = try queued("Khaled", "Al-Ahmad", minutes: 60)
        let ahmed = try queued("Ahmed", "Zaki", minutes: 10)
        #expect(try db.searchVisitors("ahm", limit: 5, deskAt: apr14(minutes: 62)).prefix(2) == [ahmed, khaled])
        // `ima` (Imane) across scripts: إيمان writes the `i`; أمل (Amal), whose skeleton starts
        // `am` too, is nearer and first alphabetically.
        let amal = try queued("أمل", "الشامي", minutes: 120)
        let iman = try queued("إيمان", "حميد", minutes: 20)
        #expect(try db.searchVisitors("ima", limit: 5, deskAt: apr14(minutes: 121)).prefix(2) == [iman, amal])
        // `saw` (Sawsan): سوسن starts with the typed consonant, أسماء (skeleton `sm`) with a vowel.
        let asma = try queued("أسماء", "الأحمد", minutes: 180)
        let sawsan = try queued("سوسن", "المصري", minutes: 30)
        let saw = try db.searchVisitors("saw", limit: 5, deskAt: apr14(minutes: 181))
        #expect(saw.firstIndex(of: sawsan).map { i in saw.firstIndex(of: asma).map { i < $0 } ?? true } == true, "\(saw.map(\.fullName))")
        // Two namesakes: the one due nearest to now first, whoever the alphabet puts first.
        let early = try queued("محمد", "الأمين", minutes: 240)
        let late = try queued("محمد", "الصنعاني", minutes: 400)
        #expect(try db.searchVisitors("moh", limit: 5, deskAt: apr14(minutes: 245)).prefix(2) == [early, late])
        #expect(try db.searchVisitors("moh", limit: 5, deskAt: apr14(minutes: 395)).prefix(2) == [late, early])
    }
}

/// The desk's candidates read their terms byte by byte (`DeskCandidateCache.terms`): the same
/// terms as the column's own decoding, in names of every script.
struct DeskCandidateTermsTests {
    @Test func bytesGiveTheSameTermsAsTheColumnsDecoding() {
        for (given, family, phone) in [("Aïssatou", "Diallo-Ndiaye", "+221 77 123 45 67"), ("يوسف", "المهاجر", nil),
                                        ("ሳምራዊት", "ተስፋይ", "0612345678"), ("إيمان", "العلوي", nil), ("Bassel", "Al-Halabi", nil)] as [(String, String, String?)] {
            var terms = SearchText.nameTerms(givenName: given, familyName: family)
            if let phone { terms.formUnion(SearchText.phoneTerms(phone)) }
            let text = SearchTextColumn.encode(terms)
            #expect(DeskCandidateCache.terms(of: text) == DeskCandidateCache.grouped(SearchTextColumn.decode(text)), "\(given)")
            #expect(!(DeskCandidateCache.terms(of: text)[.word] ?? []).isEmpty)
        }
        #expect(SearchText.scripts(of: "Aïssatou Diallo") == [.latin])
        #expect(SearchText.scripts(of: "يوسف Alaoui") == [.latin, .other])
        #expect(SearchText.scripts(of: "ሳምራዊት ተስፋይ") == [.other])
    }
}

/// Migration v8: skeletons of names written in Arabic or Ge'ez script move to their own kind, so
/// that a file indexed by v7 ranks transliterations before sound-alikes too.
struct ScriptSkeletonMigrationTests {
    /// A v9 file (no skeleton pairs) gets them when opened (migration v10): every visitor's
    /// index rows are the current rules' terms, and two words across scripts find their name.
    @Test func aVersionNineIndexGainsSkeletonPairs() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        let path = tmp.file("v9.sqlite")
        do {
            let queue = try DatabaseQueue(path: path)
            try AppDatabase.migrator.migrate(queue, upTo: AppDatabase.groupArrivalsMigration)
            try queue.write { db in
                try writingAsBeforeTheAuditChain(db) {
                    for (i, (given, family)) in [("فاطمة", "عبد الله"), ("Samira", "Bouzid")].enumerated() {
                        _ = try AppDatabase.insert(db, newVisitor(given, family), code: VisitorCode(year: 2026, number: i + 1), by: desk, at: apr14())
                    }
                }
                // As v9 stored them: no skeleton pairs.
                try db.execute(sql: "DELETE FROM visitor_search_term WHERE kind IN (6, 7)")
                for record in try VisitorRecord.fetchAll(db) {
                    let kept = SearchTextColumn.decode(record.searchText).filter { $0.kind != .skeletonPair && $0.kind != .scriptSkeletonPair }
                    try db.execute(sql: "UPDATE visitor SET search_text = ? WHERE id = ?", arguments: [SearchTextColumn.encode(Set(kept)), record.id])
                }
            }
        }
        let db = try AppDatabase.open(path: path, calendar: rabat)
        try db.writer.read { db in
            for record in try VisitorRecord.fetchAll(db) {
                let rows = try Row.fetchAll(db, sql: "SELECT kind, term FROM visitor_search_term WHERE visitor_id = ?", arguments: [record.id])
                let indexed = Set(rows.map { SearchTerm(SearchTermKind(rawValue: $0["kind"])!, $0["term"]) })
                #expect(indexed == record.searchTerms && indexed == Set(SearchTextColumn.decode(record.searchText)), "\(record.givenName)")
                #expect(indexed.contains { $0.kind == .skeletonPair || $0.kind == .scriptSkeletonPair }, "\(record.givenName)")
            }
        }
        #expect(try db.searchVisitors("fa ab", limit: 10).map(\.fullName) == ["فاطمة عبد الله"])
        let arabicTyped = try db.searchVisitors("سم بوز", limit: 10).map(\.fullName)
        #expect(arabicTyped == ["Samira Bouzid"], "\(arabicTyped)")
    }

    @Test func aVersionSevenIndexIsRebuiltWithScriptSkeletonsApart() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        let path = tmp.file("v7.sqlite")
        let names = [("محمد", "العلوي"), ("Mahmoud", "Benali"), ("ሳምራዊት", "ተስፋይ"), ("Mohamed", "Tazi")]
        do {
            let queue = try DatabaseQueue(path: path)
            try AppDatabase.migrator.migrate(queue, upTo: AppDatabase.internationalPhonesMigration)
            try queue.write { db in
                try writingAsBeforeTheAuditChain(db) {
                    for (i, (given, family)) in names.enumerated() {
                        _ = try AppDatabase.insert(db, newVisitor(given, family), code: VisitorCode(year: 2026, number: i + 1), by: desk, at: apr14())
                    }
                }
                // As v7 stored them: every skeleton under kind 1, the article with its skeleton.
                try db.execute(sql: "UPDATE visitor_search_term SET kind = 1 WHERE kind = 4")
                try db.execute(sql: "UPDATE visitor SET search_text = replace(search_text, ' t:', ' s:')")
            }
        }
        let db = try AppDatabase.open(path: path, calendar: rabat)
        try db.writer.read { db in
            for record in try VisitorRecord.fetchAll(db) {
                let rows = try Row.fetchAll(db, sql: "SELECT kind, term FROM visitor_search_term WHERE visitor_id = ?", arguments: [record.id])
                let indexed = Set(rows.map { SearchTerm(SearchTermKind(rawValue: $0["kind"])!, $0["term"]) })
                #expect(indexed == Set(SearchTextColumn.decode(record.searchText)), "\(record.givenName)")
                #expect(indexed == record.searchTerms, "\(record.givenName)")
            }
            let arabicSkeletons = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM visitor_search_term WHERE kind = 4 AND term = 'mhmd'")
            #expect(arabicSkeletons == 1)
        }
        // `moh`: Mohamed (prefix), then محمد (transliteration); Mahmoud (a sound-alike) left out.
        #expect(try db.searchVisitors("moh", limit: 10).map(\.fullName) == ["Mohamed Tazi", "محمد العلوي"])
    }
}

/// The desk's candidates are kept in memory between keystrokes: another terminal's check-in
/// (another connection to the file) must still put its visitor first at the next keystroke.
struct DeskCandidateCacheTests {
    @Test func anotherTerminalsCheckInIsSeenAtTheNextKeystroke() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        let path = tmp.file("desk.sqlite")
        let here = try AppDatabase.open(path: path, calendar: rabat)
        _ = try here.registerMany((1...30).map { newVisitor("Mohamed", "Aaa\($0)") }, by: desk, at: apr14())
        let late = try here.register(newVisitor("Mohamed", "Zouhair"), by: desk, at: apr14())
        #expect(try here.deskSearch("moh", limit: 10, at: apr14(minutes: 10)).first?.visitor != late)
        let there = try AppDatabase.open(path: path, calendar: rabat)
        _ = try there.checkIn(visitorId: late.id, category: .social, by: desk, at: apr14(minutes: 11))
        let after = try here.deskSearch("moh", limit: 10, at: apr14(minutes: 12))
        #expect(after.first?.visitor == late && after.first?.tier == .today)
        // The same question again is answered from memory, the same way.
        #expect(try here.deskSearch("moh", limit: 10, at: apr14(minutes: 12)).map(\.visitor.id) == after.map(\.visitor.id))
        try there.close()
        try here.close()
    }
}
