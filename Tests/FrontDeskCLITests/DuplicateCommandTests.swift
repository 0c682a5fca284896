import Foundation
import Testing

/// `visitors add` never stores a second record of a person silently.
struct DuplicateCommandTests {
    @Test func aResemblingRegistrationIsRefusedWithTheCandidatesUnlessAllowed() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let db = dir.file("dup.sqlite")
        #expect(try frontdesk(["init", "--db", db]).status == 0)
        let first = try frontdesk(["visitors", "add", "--db", db, "--given", "يوسف", "--family", "المهاجر", "--nationality", "SY",
                                   "--birth-year", "1990", "--consent", "services"])
        try #require(first.status == 0, "\(first.stderr)")
        let code = first.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        // Latin typed for the Arabic record, a year off.
        let again = ["visitors", "add", "--db", db, "--given", "Youssef", "--family", "El Mouhajir", "--nationality", "syrie",
                     "--birth-year", "1991", "--consent", "services"]
        let refused = try frontdesk(again)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("may already be registered"))
        #expect(refused.stderr.contains("\(code)  يوسف المهاجر  1990  SY"), "\(refused.stderr)")
        #expect(refused.stdout.isEmpty)
        #expect(try sqlite3(db, "SELECT count(*) FROM visitor").stdout == "1\n")
        let allowed = try frontdesk(again + ["--allow-duplicate"])
        #expect(allowed.status == 0, "\(allowed.stderr)")
        #expect(try sqlite3(db, "SELECT count(*) FROM visitor").stdout == "2\n")
        let audit = try sqlite3(db, "SELECT detail FROM audit_event WHERE detail LIKE '%resembling%'")
        #expect(audit.stdout.contains("resembling \(code)"))
    }
}

/// A search reads only: the database file is byte-identical after `visitors search`.
struct SearchReadsOnlyTests {
    @Test func aSearchLeavesTheFileByteIdentical() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let db = dir.file("read.sqlite")
        #expect(try frontdesk(["init", "--db", db]).status == 0)
        for (given, family) in [("يوسف", "المهاجر"), ("Aïssatou", "Sow"), ("ሳምራዊት", "ተስፋይ")] {
            #expect(try frontdesk(["visitors", "add", "--db", db, "--given", given, "--family", family, "--nationality", "SY",
                                   "--consent", "services"]).status == 0)
        }
        // Settle the write-ahead log into the file first, as a quiet desk would.
        _ = try sqlite3(db, "PRAGMA wal_checkpoint(TRUNCATE)")
        let before = try #require(FileManager.default.contents(atPath: db))
        for query in ["yous", "aissatou s", "ሳም", "V-2026-00002", "zzz"] {
            let r = try frontdesk(["visitors", "search", query, "--db", db])
            #expect(r.status == 0, "\(r.stderr)")
        }
        let wal = (try? FileManager.default.attributesOfItem(atPath: db + "-wal")[.size] as? Int) ?? 0
        #expect(wal == 0, "nothing written to the log")
        #expect(FileManager.default.contents(atPath: db) == before)
    }
}
