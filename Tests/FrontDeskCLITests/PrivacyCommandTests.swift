import Foundation
import FrontDeskDomain
import Testing

/// `backup` under load, `audit`, `visitors export`, `privacy purge`.
@Suite(.serialized) struct PrivacyCommandTests {
    func sqlite(_ db: String, _ sql: String) throws -> String {
        try sqlite3(db, sql).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Issue 5: a backup taken while 4 processes keep checking visitors in opens as a consistent
    /// database, and the check-ins never fail.
    @Test func backupWhileFourProcessesCheckIn() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let db = dir.file("live.sqlite")
        let demo = try frontdesk(["demo", "--db", db, "--visitors", "400", "--seed", "7", "--no-walk-ins", "--appointments-days", "0",
                                  "--future-days", "0"])
        try #require(demo.status == 0, "\(demo.stderr)")
        let codes = try sqlite(db, "SELECT printf('V-%04d-%05d', code_year, code_number) FROM visitor ORDER BY id").split(separator: "\n")
        try #require(codes.count == 400)
        let (workers, logs) = try startCheckInWorkers(codes.map(String.init), workers: 4, db: db, dir: dir)
        defer { for p in workers where p.isRunning { p.terminate() } }
        // Wait until the check-ins are flowing, then take backups while they go on.
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline, (Int(try sqlite(db, "SELECT count(*) FROM visit")) ?? 0) < 20 { usleep(50_000) }
        var counts: [Int] = []
        for i in 0..<3 {
            let copy = dir.file("backups/copy-\(i).sqlite")
            let r = try frontdesk(["backup", copy, "--db", db])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stdout.hasPrefix("backup written to \(copy)"))
            let attributes = try FileManager.default.attributesOfItem(atPath: copy)
            #expect((attributes[.posixPermissions] as? Int) == 0o600)
            #expect(try sqlite(copy, "PRAGMA integrity_check") == "ok")
            #expect(try sqlite(copy, "PRAGMA foreign_key_check") == "")
            // Consistent: every visit's ticket is unique and numbered without a gap in the copy.
            let numbers = try sqlite(copy, "SELECT count(*), count(DISTINCT ticket_number), IFNULL(max(ticket_number), 0) FROM visit WHERE category = 'social'")
            let parts = numbers.split(separator: "|").compactMap { Int($0) }
            #expect(parts.count == 3 && parts[0] == parts[1] && parts[1] == parts[2])
            counts.append(parts.first ?? 0)
        }
        let stillRunning = workers.contains { $0.isRunning }
        for p in workers { p.waitUntilExit() }
        let output = try logs.map { try String(contentsOfFile: $0, encoding: .utf8) }.joined()
        #expect(!output.contains("FAILED"))
        #expect(!output.contains("locked"))
        #expect(try sqlite(db, "SELECT count(*) FROM visit") == "400")
        #expect(counts == counts.sorted())
        #expect(stillRunning || counts.last ?? 0 < 400) // the backups were taken while check-ins went on
        // A backup never overwrites.
        let again = try frontdesk(["backup", dir.file("backups/copy-0.sqlite"), "--db", db])
        #expect(again.status == 1)
        #expect(again.stderr.hasSuffix("copy-0.sqlite already exists; a backup never overwrites a file: name a new one\n"))
        #expect(try sqlite(db, "SELECT count(*) FROM audit_event WHERE action = 'database.backup'") == "3")
    }

    @Test func exportAuditAndPurge() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let db = dir.file("p.sqlite")
        #expect(try frontdesk(["init", "--db", db]).status == 0)
        let add = try frontdesk(["visitors", "add", "--db", db, "--given", "Aïssatou", "--family", "Traoré", "--nationality", "GN",
                                 "--phone", "+212 6 12 34 56 78", "--consent", "services,reporting"])
        let code = add.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try frontdesk(["checkin", code, "--category", "social", "--db", db]).status == 0)
        // Her record and visit date from March 2021 (2021-03-10 10:00Z).
        _ = try sqlite(db, "UPDATE visitor SET created_at = 1615370400000, updated_at = 1615370400000; UPDATE visit SET arrived_at = 1615370700000")
        let recent = try frontdesk(["visitors", "add", "--db", db, "--given", "Lina", "--nationality", "SY", "--consent", "services"])
        #expect(recent.status == 0)

        let export = try frontdesk(["visitors", "export", code, "--db", db], environment: ["FRONTDESK_DESK": "Omar"])
        #expect(export.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(export.stdout.utf8)) as? [String: Any])
        let person = try #require(json["visitor"] as? [String: Any])
        #expect(person["givenName"] as? String == "Aïssatou")
        #expect(person["phone"] as? String == "+212612345678")
        #expect(person["consent"] as? [String] == ["reporting", "services"])
        #expect((json["visits"] as? [[String: Any]])?.first?["ticket"] as? String == "S-001")
        let file = dir.file("export.json")
        #expect(try frontdesk(["visitors", "export", code, "--db", db, "--output", file]).status == 0)
        #expect((try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int) == 0o600)
        #expect(try frontdesk(["visitors", "export", "V-2026-99999", "--db", db]).status == 1)

        // The audit trail of this visitor: registered, checked in, exported twice (by Omar once).
        let audit = try frontdesk(["audit", "--visitor", code, "--db", db])
        let actions = audit.stdout.split(separator: "\n").map { $0.split(separator: "\t")[4] }
        #expect(actions == ["visitor.registered", "visit.checked_in", "visitor.exported", "visitor.exported"])
        let byOmar = try frontdesk(["audit", "--staff", "omar", "--db", db, "--format", "csv"])
        let lines = byOmar.stdout.split(separator: "\r\n")
        #expect(lines.count == 2)
        #expect(lines.first == "id,at_utc,local_time,actor,terminal,action,entity,entity_id,detail")
        #expect(lines.last?.contains(",Omar,") == true && lines.last?.contains("visitor.exported") == true)
        let today = try sqlite(db, "SELECT date('now')")
        let none = try frontdesk(["audit", "--from", "2021-03-10", "--to", "2021-03-10", "--db", db, "--format", "json"])
        #expect(none.stdout == "[\n\n]\n" || none.stdout == "[]\n")
        let sinceToday = try frontdesk(["audit", "--from", today, "--db", db, "--format", "json"])
        let events = try #require(try JSONSerialization.jsonObject(with: Data(sinceToday.stdout.utf8)) as? [[String: Any]])
        #expect(events.count >= 4)
        #expect(events.first?["action"] as? String == "catalog.loaded")
        #expect(try frontdesk(["audit", "--from", "2021-03-11", "--to", "2021-03-10", "--db", db]).status == 1)
        #expect(try frontdesk(["audit", "--from", "10/03/2021", "--db", db]).status == 1)

        // Purge: a dry run changes nothing; the real run keeps the counts and removes the name.
        let counts = "SELECT (SELECT count(*) FROM visitor), (SELECT count(*) FROM visit), (SELECT group_concat(nationality) FROM visitor)"
        let before = try sqlite(db, counts)
        let dry = try frontdesk(["privacy", "purge", "--inactive-years", "3", "--dry-run", "--db", db])
        #expect(dry.stdout.hasSuffix("1 visitor with no activity since \(threeYearsAgo()) would be anonymized\n"))
        #expect(dry.stdout.hasPrefix("\(code)\n"))
        #expect(try sqlite(db, "SELECT given_name FROM visitor WHERE id = 1") == "Aïssatou")
        let purge = try frontdesk(["privacy", "purge", "--inactive-years", "3", "--db", db])
        #expect(purge.status == 0)
        #expect(try sqlite(db, counts) == before)
        #expect(try sqlite(db, "SELECT given_name || '|' || family_name || '|' || IFNULL(phone, '-') FROM visitor WHERE id = 1") == "anonymized||-")
        #expect(try frontdesk(["visitors", "search", "traore", "--db", db]).stdout.isEmpty)
        #expect(try frontdesk(["privacy", "purge", "--inactive-years", "0", "--db", db]).status == 2)
        #expect(try sqlite(db, "SELECT count(*) FROM audit_event WHERE action = 'visitor.anonymized'") == "1")
        // Audit rows cannot be removed, not even with SQL on the file.
        let delete = try sqlite3(db, "DELETE FROM audit_event")
        #expect(delete.status != 0)
        #expect(delete.stderr.contains("append-only"))
    }

    /// Three years before today in the center's zone, by the program's own zone rules (the
    /// system's tzdata, as `frontdesk` reads it; Foundation's copy of the zone data can be a
    /// release behind and put the date a day off near midnight).
    func threeYearsAgo() -> String {
        let today = CenterCalendar().localDate(of: Date())
        let day = today.month == 2 && today.day == 29 ? 28 : today.day
        return LocalDate(year: today.year - 3, month: today.month, day: day).description
    }
}
