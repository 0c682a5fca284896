import Foundation
import FrontDeskDomain
import GRDB
import Testing
@testable import FrontDeskStore

/// Issue 13 item 8: the audit trail's hash chain. The tampering is done as anyone who can write
/// the file would: raw SQL on a connection of its own, triggers dropped first when they stand
/// in the way.
struct AuditChainStoreTests {
    /// A database file whose trail holds 24 rows (12 registrations, 12 openings); closed.
    func trail(_ tmp: TemporaryDirectory) throws -> String {
        let path = tmp.file("f.sqlite")
        let db = try AppDatabase.open(path: path, calendar: rabat)
        for id in try registerNumbered(db, count: 12) { try db.recordVisitorOpened(id: id, by: desk, at: apr14(minutes: 1)) }
        try db.close()
        return path
    }

    /// Runs SQL on the file through a connection of its own.
    func tamper(_ path: String, _ sql: String, _ arguments: StatementArguments = []) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { try $0.execute(sql: sql, arguments: arguments) }
        try queue.close()
    }

    func verify(_ path: String, expectedHead: AuditChainHead? = nil) throws -> AuditChainVerdict {
        let db = try AppDatabase.open(path: path, calendar: rabat)
        defer { try? db.close() }
        return try db.verifyAuditChain(expectedHead: expectedHead)
    }

    func head(_ path: String) throws -> AuditChainHead {
        guard case .intact(let head, _) = try verify(path) else { throw VerdictError.notIntact }
        return head
    }

    enum VerdictError: Error { case notIntact }

    @Test func theChainStartsFromAFixedHash() {
        #expect(AuditChainHead(lastId: 0, hash: [UInt8](AuditChain.genesis)).description
                == "0:15830446a057700ea34abc907fbe72470663401da1494b851baf1ba111b040a3")
    }

    @Test func anEmptyTrailIsIntactAtRowZero() throws {
        let db = try AppDatabase.inMemory(calendar: rabat)
        #expect(try db.verifyAuditChain() == .intact(head: AuditChainHead(lastId: 0, hash: [UInt8](AuditChain.genesis)), rowCount: 0))
    }

    @Test func aTrailWrittenByTheStoreIsIntactAndItsHeadIsTheLastRow() throws {
        let db = try AppDatabase.inMemory(calendar: rabat)
        let ids = try registerNumbered(db, count: 3)
        _ = try db.checkIn(visitorId: ids[0], category: .social, by: desk, at: apr14(minutes: 1))
        // A detail with a NUL is stored up to it, and hashed as stored.
        try db.writer.write { try AppDatabase.audit($0, .visitorOpened, entity: "visitor", entityId: nil, detail: "a\u{0}b", by: desk, at: apr14()) }
        let last = try db.writer.read { try Row.fetchOne($0, sql: "SELECT id, hash FROM audit_event ORDER BY id DESC LIMIT 1") }
        let row = try #require(last)
        let count = try db.writer.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM audit_event") }
        #expect(try db.verifyAuditChain() == .intact(head: AuditChainHead(lastId: row[0], hash: [UInt8](row[1] as Data)), rowCount: count ?? 0))
        #expect(try db.verifyAuditChain(expectedHead: AuditChainHead(lastId: row[0], hash: [UInt8](row[1] as Data)))
                == .intact(head: AuditChainHead(lastId: row[0], hash: [UInt8](row[1] as Data)), rowCount: count ?? 0))
    }

    /// Fields are encoded with their type and length: rows that differ never hash alike, even
    /// where their texts would read alike once run together.
    @Test func theEncodingIsUnambiguous() {
        let pairs: [([DatabaseValue], [DatabaseValue])] = [
            ([DatabaseValue.null], [String("").databaseValue]),
            ([String("12").databaseValue], [Int64(12).databaseValue]),
            ([String("ab").databaseValue, String("c").databaseValue], [String("a").databaseValue, String("bc").databaseValue]),
            ([Double(1).databaseValue], [Int64(1).databaseValue]),
            ([Data([1, 2]).databaseValue], [String("\u{1}\u{2}").databaseValue]),
        ]
        for (a, b) in pairs {
            #expect(AuditChain.hash(previous: AuditChain.genesis, fields: a) != AuditChain.hash(previous: AuditChain.genesis, fields: b),
                    "\(a) \(b)")
        }
    }

    @Test func rowsWithoutAHashAreRefusedByTheSchema() throws {
        let db = try AppDatabase.inMemory(calendar: rabat)
        #expect(throws: DatabaseError.self) {
            try db.writer.write {
                try $0.execute(sql: "INSERT INTO audit_event (at, actor_name, actor_terminal, action, entity, detail) VALUES (1, 'x', 't', 'visitor.opened', 'visitor', '')")
            }
        }
    }

    // MARK: Tampering

    @Test func anUpdateWithTheTriggersDroppedIsNamed() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        let path = try trail(tmp)
        try tamper(path, "DROP TRIGGER audit_event_no_update; UPDATE audit_event SET actor_name = 'someone else' WHERE id = 7")
        #expect(try verify(path) == .broken(rowId: 7, problem: .changed))
    }

    @Test func aDeletedRowIsNamedByTheRowAfterIt() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        let path = try trail(tmp)
        try tamper(path, "DROP TRIGGER audit_event_no_delete; DELETE FROM audit_event WHERE id IN (7, 8)")
        #expect(try verify(path) == .broken(rowId: 9, problem: .missingBefore(firstMissing: 7)))
        // The first row removed too: the trail must start at row 1.
        try tamper(path, "DELETE FROM audit_event WHERE id = 1")
        #expect(try verify(path) == .broken(rowId: 2, problem: .missingBefore(firstMissing: 1)))
    }

    @Test func forgedRowsAtTheEndAreNamed() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        let path = try trail(tmp)
        let insert = "INSERT INTO audit_event (id, at, actor_name, actor_terminal, action, entity, entity_id, detail, hash) VALUES (?, 1, 'x', 't', 'visitor.opened', 'visitor', 1, 'code V-2026-00001', ?)"
        // A plausible id and a hash of the right length, but not the chain's.
        try tamper(path, insert, [25, Data(repeating: 7, count: 32)])
        #expect(try verify(path) == .broken(rowId: 25, problem: .changed))
        // No hash at all (the trigger that asks for one dropped first).
        try tamper(path, "DROP TRIGGER audit_event_no_delete; DELETE FROM audit_event WHERE id = 25; DROP TRIGGER audit_event_hashed")
        try tamper(path, insert, [25, nil])
        #expect(try verify(path) == .broken(rowId: 25, problem: .unhashed))
        // A hash computed as FrontDesk would, but an id that skips: inserted out of order.
        try tamper(path, "DELETE FROM audit_event WHERE id = 25")
        let last = try head(path)
        let fields: [DatabaseValue] = [27.databaseValue, 1.databaseValue, "x".databaseValue, "t".databaseValue, "visitor.opened".databaseValue,
                                       "visitor".databaseValue, 1.databaseValue, "code V-2026-00001".databaseValue]
        try tamper(path, insert, [27, AuditChain.hash(previous: Data(last.hash), fields: fields)])
        #expect(try verify(path) == .broken(rowId: 27, problem: .missingBefore(firstMissing: 25)))
        // A first row numbered 0 is out of order.
        try tamper(path, insert, [0, Data(repeating: 1, count: 32)])
        #expect(try verify(path) == .broken(rowId: 0, problem: .outOfOrder(expectedId: 1)))
    }

    @Test func aRowSqueezedIntoAGapIsNamed() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        let path = try trail(tmp)
        try tamper(path, "DROP TRIGGER audit_event_no_delete; DELETE FROM audit_event WHERE id = 10")
        try tamper(path, """
            INSERT INTO audit_event (id, at, actor_name, actor_terminal, action, entity, entity_id, detail, hash)
            VALUES (10, 1, 'x', 't', 'visitor.opened', 'visitor', 1, 'code V-2026-00001', randomblob(32))
            """)
        #expect(try verify(path) == .broken(rowId: 10, problem: .changed))
    }

    @Test func rowsRemovedAtTheEndShowAgainstAHeadKeptElsewhereAndAtTheNextWrite() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        let path = try trail(tmp)
        let kept = try head(path)
        #expect(kept.lastId == 24)
        try tamper(path, "DROP TRIGGER audit_event_no_delete; DELETE FROM audit_event WHERE id > 21")
        // The chain that is left is whole: only a head kept elsewhere shows the loss.
        guard case .intact = try verify(path) else { Issue.record("a shortened chain is still a chain"); return }
        #expect(try verify(path, expectedHead: kept) == .broken(rowId: 22, problem: .truncated(lastId: 21, expectedLastId: 24)))
        // The next row written numbers after the removed ones (SQLite's counter): a gap.
        do {
            let db = try AppDatabase.open(path: path, calendar: rabat)
            try db.recordVisitorOpened(id: 1, by: desk, at: apr14(minutes: 5))
            try db.close()
        }
        #expect(try verify(path) == .broken(rowId: 25, problem: .missingBefore(firstMissing: 22)))
        // The whole trail deleted.
        try tamper(path, "DELETE FROM audit_event")
        #expect(try verify(path, expectedHead: kept) == .broken(rowId: 1, problem: .truncated(lastId: 0, expectedLastId: 24)))
    }

    /// Whoever knows the scheme can change a row and recompute every hash after it: the chain
    /// alone then passes; a head kept elsewhere shows it, and a backup names the row.
    @Test func aRewrittenChainShowsAgainstAHeadAndABackupNamesTheRow() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        let path = try trail(tmp)
        let backup = tmp.file("backups/b.sqlite")
        do {
            let db = try AppDatabase.open(path: path, calendar: rabat)
            try db.backup(to: backup, by: desk, at: apr14(minutes: 2))
            try db.close()
        }
        let kept = try head(backup)
        try tamper(path, "DROP TRIGGER audit_event_no_update; UPDATE audit_event SET detail = 'code V-2026-00099' WHERE id = 5")
        try recomputeChain(path)
        guard case .intact = try verify(path) else { Issue.record("the recomputed chain should pass alone"); return }
        #expect(try verify(path, expectedHead: kept) == .broken(rowId: kept.lastId, problem: .differsFromHead))
        let db = try AppDatabase.open(path: path, calendar: rabat)
        defer { try? db.close() }
        #expect(try db.verifyAuditChain(againstBackupAt: backup) == .broken(rowId: 5, problem: .differsFromBackup))
    }

    /// Recomputes every row's hash from its fields, as an attacker who knows the scheme would.
    func recomputeChain(_ path: String) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "DROP TRIGGER IF EXISTS audit_event_no_update")
            var previous = AuditChain.genesis
            for row in try Row.fetchAll(db, sql: "SELECT \(AuditChain.columns) FROM audit_event ORDER BY id") {
                previous = AuditChain.hash(previous: previous, row: row)
                try db.execute(sql: "UPDATE audit_event SET hash = ? WHERE id = ?", arguments: [previous, row[0] as Int64])
            }
        }
        try queue.close()
    }

    // MARK: Backups

    @Test func aBackupCarriesItsHeadAndTheLiveTrailIsCheckedAgainstIt() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        let path = try trail(tmp)
        let backup = tmp.file("b.sqlite")
        let db = try AppDatabase.open(path: path, calendar: rabat)
        defer { try? db.close() }
        try db.backup(to: backup, by: desk, at: apr14(minutes: 2))
        #expect(!FileManager.default.fileExists(atPath: backup + "-wal"))
        // The anchor is the copy's last row; the live trail has one more (the backup's event).
        let anchor = try DatabaseQueue(path: backup).read { try AppDatabase.latestAnchor($0) }
        let backupHead = try head(backup)
        #expect(anchor == backupHead)
        #expect(anchor?.lastId == 24)
        let copied = bytes(backup)
        guard case .intact(let live, 25) = try db.verifyAuditChain(againstBackupAt: backup) else {
            Issue.record("the live trail should hold the backup's"); return
        }
        #expect(live.lastId == 25)
        // Checking against the backup leaves it as it was, and nothing beside it.
        #expect(bytes(backup) == copied)
        #expect(try FileManager.default.contentsOfDirectory(atPath: tmp.path).filter { $0.hasPrefix("b.") } == ["b.sqlite"])
        // Rows removed at the end, and the whole trail, show against the backup.
        try tamper(path, "DROP TRIGGER audit_event_no_delete; DELETE FROM audit_event WHERE id > 20")
        #expect(try db.verifyAuditChain(againstBackupAt: backup) == .broken(rowId: 21, problem: .truncated(lastId: 20, expectedLastId: 24)))
        try tamper(path, "DELETE FROM audit_event")
        #expect(try db.verifyAuditChain(againstBackupAt: backup) == .broken(rowId: 1, problem: .truncated(lastId: 0, expectedLastId: 24)))
    }

    @Test func aBackupThatCannotVouchIsRefused() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        let path = try trail(tmp)
        let db = try AppDatabase.open(path: path, calendar: rabat)
        defer { try? db.close() }
        #expect(throws: AuditChainError.backupNotFound(tmp.file("none.sqlite"))) {
            try db.verifyAuditChain(againstBackupAt: tmp.file("none.sqlite"))
        }
        #expect(!FileManager.default.fileExists(atPath: tmp.file("none.sqlite")))
        // A database from before the chain.
        let old = tmp.file("v10.sqlite")
        do {
            let queue = try DatabaseQueue(path: old)
            try AppDatabase.migrator.migrate(queue, upTo: AppDatabase.namePairsMigration)
            try queue.close()
        }
        #expect(throws: AuditChainError.backupHoldsNoChain(old)) { try db.verifyAuditChain(againstBackupAt: old) }
        // Not SQLite.
        let text = tmp.file("notes.txt")
        try Data("not a database, not at all, not even close to one\n".utf8).write(to: URL(fileURLWithPath: text))
        #expect(throws: StoreError.notADatabase(text)) { try db.verifyAuditChain(againstBackupAt: text) }
        // A backup whose own trail was changed.
        let backup = tmp.file("b.sqlite")
        try db.backup(to: backup, by: desk, at: apr14(minutes: 2))
        try tamper(backup, "DROP TRIGGER audit_event_no_update; UPDATE audit_event SET at = 0 WHERE id = 3")
        #expect(throws: AuditChainError.backupTrailBroken(backup, rowId: 3, problem: .changed)) {
            try db.verifyAuditChain(againstBackupAt: backup)
        }
    }

    // MARK: Migration

    /// A file of schema version 10 with a trail (more rows than one batch of the backfill)
    /// gains a valid chain when opened, and its trail stays append-only.
    @Test func aVersionTenTrailIsChainedOnOpen() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        let path = tmp.file("v10.sqlite")
        do {
            let queue = try DatabaseQueue(path: path)
            try AppDatabase.migrator.migrate(queue, upTo: AppDatabase.namePairsMigration)
            try queue.write { db in
                for i in 1...2_345 {
                    try db.execute(sql: """
                        INSERT INTO audit_event (at, actor_name, actor_terminal, action, entity, entity_id, detail)
                        VALUES (?, 'Desk 1', '/dev/pts/1', 'visitor.opened', 'visitor', ?, ?)
                        """, arguments: [1_776_157_200_000 + i, i % 7 == 0 ? nil : i, "code V-2026-\(i)"])
                }
            }
            try queue.close()
        }
        let db = try AppDatabase.open(path: path, calendar: rabat)
        defer { try? db.close() }
        #expect(try db.writer.read(AppDatabase.migrator.hasCompletedMigrations))
        guard case .intact(let head, 2_345) = try db.verifyAuditChain() else { Issue.record("the migrated trail should be intact"); return }
        #expect(head.lastId == 2_345)
        // New rows go on from the migrated ones.
        try db.recordVisitorOpened(id: try registerNumbered(db, count: 1)[0], by: desk, at: apr14())
        guard case .intact(_, 2_347) = try db.verifyAuditChain(expectedHead: head) else { Issue.record("new rows should extend the chain"); return }
        #expect(throws: DatabaseError.self) { try db.writer.write { try $0.execute(sql: "UPDATE audit_event SET hash = NULL") } }
        #expect(throws: DatabaseError.self) { try db.writer.write { try $0.execute(sql: "DELETE FROM audit_event WHERE id = 1") } }
    }
}
