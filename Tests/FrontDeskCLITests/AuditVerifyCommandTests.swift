import Foundation
import GRDB
import Testing

/// Issue 13 item 8: `frontdesk audit verify` on a demo database, before and after the file is
/// tampered with as anyone who can write it would (raw SQL through SQLite, triggers dropped).
struct AuditVerifyCommandTests {
    /// Runs SQL on the file through a connection of its own.
    func tamper(_ db: String, _ sql: String) throws {
        let queue = try DatabaseQueue(path: db)
        try queue.writeWithoutTransaction { try $0.execute(sql: sql) }
        try queue.close()
    }

    func lastId(_ db: String) throws -> Int64 {
        let queue = try DatabaseQueue(path: db)
        defer { try? queue.close() }
        return try queue.read { try Int64.fetchOne($0, sql: "SELECT max(id) FROM audit_event") } ?? 0
    }

    /// A failure: exit 1 and one line on standard error, nothing on standard output.
    func expectBroken(_ r: ProcessResult, _ line: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(r.status == 1, "\(r.stdout) \(r.stderr)", sourceLocation: sourceLocation)
        #expect(r.stderr == "frontdesk: \(line)\n", sourceLocation: sourceLocation)
        #expect(r.stdout.isEmpty, sourceLocation: sourceLocation)
    }

    @Test func aDemoDatabasePassesAndItsHeadIsPrinted() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let db = try demoDatabase(in: tmp)
        let last = try lastId(db)
        let r = try frontdesk(["audit", "verify", "--db", db, "--lang", "en"])
        #expect(r.status == 0 && r.stderr.isEmpty, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 2 && lines[0] == "audit trail intact: \(last) rows", "\(lines)")
        let head = try #require(lines.last?.split(separator: " ").last.map(String.init))
        #expect(lines.last == "head \(head)" && head.hasPrefix("\(last):") && head.count == "\(last):".count + 64, "\(head)")
        // The head read back; the same in French.
        let fr = try frontdesk(["audit", "verify", "--db", db, "--lang", "fr", "--expect-head", head])
        #expect(fr.status == 0)
        #expect(fr.stdout == "journal d'audit intact : \(last) lignes ; la ligne \(last) correspond à la tête attendue\ntête \(head)\n")
        // `audit` alone still lists the trail.
        #expect(try frontdesk(["audit", "--db", db]).stdout.split(separator: "\n").count == last)
    }

    @Test func anUpdateWithTheTriggersDroppedIsNamed() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let db = try demoDatabase(in: tmp)
        try tamper(db, "DROP TRIGGER audit_event_no_update; UPDATE audit_event SET detail = 'nothing happened' WHERE id = 10")
        expectBroken(try frontdesk(["audit", "verify", "--db", db, "--lang", "en"]),
                     "audit trail broken at row 10: it does not match its hash (changed, or forged)")
        expectBroken(try frontdesk(["audit", "verify", "--db", db, "--lang", "fr"]),
                     "journal d'audit rompu à la ligne 10 : elle ne correspond pas à son empreinte (modifiée, ou fabriquée)")
    }

    @Test func aDeletedRowIsNamed() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let db = try demoDatabase(in: tmp)
        try tamper(db, "DROP TRIGGER audit_event_no_delete; DELETE FROM audit_event WHERE id = 10")
        expectBroken(try frontdesk(["audit", "verify", "--db", db, "--lang", "en"]),
                     "audit trail broken at row 11: row 10 is missing before it (removed, or this row was inserted out of order)")
        // A forged row squeezed into the gap with an explicit id.
        try tamper(db, """
            INSERT INTO audit_event (id, at, actor_name, actor_terminal, action, entity, entity_id, detail, hash)
            VALUES (10, 1796000000000, 'Desk 1', '/dev/pts/1', 'visitor.opened', 'visitor', 3, 'code V-2026-00003', randomblob(32))
            """)
        expectBroken(try frontdesk(["audit", "verify", "--db", db, "--lang", "en"]),
                     "audit trail broken at row 10: it does not match its hash (changed, or forged)")
    }

    @Test func aForgedRowAtTheEndIsNamed() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let db = try demoDatabase(in: tmp)
        let next = try lastId(db) + 1
        let insert = """
            INSERT INTO audit_event (id, at, actor_name, actor_terminal, action, entity, entity_id, detail, hash)
            VALUES (\(next), 1796000000000, 'Desk 1', '/dev/pts/1', 'visitor.opened', 'visitor', 3, 'code V-2026-00003',
            """
        // The schema asks for a hash: a forger supplies 32 bytes of their own.
        try tamper(db, insert + " randomblob(32))")
        expectBroken(try frontdesk(["audit", "verify", "--db", db, "--lang", "en"]),
                     "audit trail broken at row \(next): it does not match its hash (changed, or forged)")
        // Or drops the trigger that asks for one.
        try tamper(db, "DROP TRIGGER audit_event_no_delete; DELETE FROM audit_event WHERE id = \(next); DROP TRIGGER audit_event_hashed")
        try tamper(db, insert + " NULL)")
        expectBroken(try frontdesk(["audit", "verify", "--db", db, "--lang", "en"]),
                     "audit trail broken at row \(next): it has no chain hash (written outside FrontDesk)")
    }

    /// Rows removed at the end leave a whole (shorter) chain: a backup's head or a printed one
    /// shows them, and the whole trail deleted.
    @Test func rowsRemovedAtTheEndShowAgainstABackupAndAPrintedHead() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let db = try demoDatabase(in: tmp)
        let backup = tmp.file("backups/monday.sqlite")
        #expect(try frontdesk(["backup", backup, "--db", db]).status == 0)
        let printed = try frontdesk(["audit", "verify", "--db", backup]).stdout.split(separator: " ").last.map { $0.dropLast() }
        let head = String(try #require(printed))
        let kept = try lastId(backup)
        let againstBackup = try frontdesk(["audit", "verify", "--db", db, "--against", backup, "--lang", "en"])
        #expect(againstBackup.status == 0, "\(againstBackup.stderr)")
        #expect(againstBackup.stdout.hasPrefix("audit trail intact: \(kept + 1) rows; every row of the backup is here unchanged\nhead \(kept + 1):"))

        try tamper(db, "DROP TRIGGER audit_event_no_delete; DELETE FROM audit_event WHERE id > \(kept - 3)")
        #expect(try frontdesk(["audit", "verify", "--db", db]).status == 0) // alone, a shorter chain is still a chain
        let truncated = "audit trail broken at row \(kept - 2): the trail ends at row \(kept - 3) but the head kept elsewhere is row \(kept) (rows removed at the end)"
        expectBroken(try frontdesk(["audit", "verify", "--db", db, "--against", backup, "--lang", "en"]), truncated)
        expectBroken(try frontdesk(["audit", "verify", "--db", db, "--expect-head", head, "--lang", "en"]), truncated)

        try tamper(db, "DELETE FROM audit_event")
        expectBroken(try frontdesk(["audit", "verify", "--db", db, "--against", backup, "--lang", "en"]),
                     "audit trail broken at row 1: the trail ends at row 0 but the head kept elsewhere is row \(kept) (rows removed at the end)")
    }

    @Test func aBadHeadOrAMissingBackupIsRefused() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let db = try demoDatabase(in: tmp)
        let bad = try frontdesk(["audit", "verify", "--db", db, "--expect-head", "12:abc"])
        #expect(bad.status == 2 && bad.stderr.contains("--expect-head"), "\(bad.stderr)")
        expectBroken(try frontdesk(["audit", "verify", "--db", db, "--against", tmp.file("none.sqlite"), "--lang", "en"]),
                     "no backup at \(tmp.file("none.sqlite"))")
        #expect(!FileManager.default.fileExists(atPath: tmp.file("none.sqlite")))
    }

    /// Four processes checking visitors in at once: each row still links to the one before.
    @Test func concurrentWritersKeepTheChainWhole() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let db = tmp.file("live.sqlite")
        #expect(try frontdesk(["demo", "--db", db, "--visitors", "40", "--seed", "7", "--no-walk-ins", "--appointments-days", "0",
                               "--future-days", "0"]).status == 0)
        let queue = try DatabaseQueue(path: db)
        let codes = try queue.read { try String.fetchAll($0, sql: "SELECT printf('V-%04d-%05d', code_year, code_number) FROM visitor ORDER BY id") }
        try queue.close()
        try #require(codes.count == 40)
        let before = try lastId(db)
        let (workers, logs) = try startCheckInWorkers(codes, workers: 4, db: db, dir: tmp)
        for p in workers { p.waitUntilExit() }
        let output = try logs.map { try String(contentsOfFile: $0, encoding: .utf8) }.joined()
        #expect(!output.contains("FAILED"), "\(output)")
        let last = try lastId(db)
        #expect(last >= before + 40)
        let r = try frontdesk(["audit", "verify", "--db", db, "--lang", "en"])
        #expect(r.status == 0 && r.stdout.hasPrefix("audit trail intact: \(last) rows\n"), "\(r.stdout) \(r.stderr)")
    }
}
