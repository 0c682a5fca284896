import Foundation
import FrontDeskDomain
import GRDB

extension AppDatabase {
    /// The eleventh migration's identifier: the audit trail's hash chain (`AuditChain`).
    static let auditChainMigration = "v11: audit trail hash chain"

    /// Migration v11: `audit_event.hash` (BLOB, 32 bytes) filled for every existing row in id
    /// order, a trigger that refuses a row without one, and `audit_anchor`, where a backup copy
    /// keeps the head of its trail (`anchorAuditChain(inBackupAt:takenAt:)`).
    ///
    /// The no-update trigger is dropped while the hashes are written and created again (both
    /// append-only triggers are restored if something had dropped them). Rows are read 1,000 at a
    /// time, so a long trail is not held in memory.
    static func chainAuditTrail(_ db: Database) throws {
        try db.alter(table: "audit_event") { t in t.add(column: "hash", .blob) }
        try db.execute(sql: "DROP TRIGGER IF EXISTS audit_event_no_update")
        let update = try db.makeStatement(sql: "UPDATE audit_event SET hash = ? WHERE id = ?")
        var previous = AuditChain.genesis
        var after = Int64.min
        while true {
            let rows = try Row.fetchAll(db, sql: """
                SELECT \(AuditChain.columns) FROM audit_event WHERE id > ? ORDER BY id LIMIT 1000
                """, arguments: [after])
            guard let last = rows.last else { break }
            for row in rows {
                previous = AuditChain.hash(previous: previous, row: row)
                try update.execute(arguments: [previous, row[0] as Int64])
            }
            after = last[0]
        }
        try db.execute(sql: """
            CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
            BEGIN SELECT RAISE(ABORT, 'audit_event is append-only'); END;
            CREATE TRIGGER IF NOT EXISTS audit_event_no_delete BEFORE DELETE ON audit_event
            BEGIN SELECT RAISE(ABORT, 'audit_event is append-only'); END;
            CREATE TRIGGER audit_event_hashed BEFORE INSERT ON audit_event
            WHEN typeof(NEW.hash) <> 'blob' OR length(NEW.hash) <> 32
            BEGIN SELECT RAISE(ABORT, 'audit_event rows carry their chain hash'); END;
            """)
        // The head of the trail a backup copy holds, written into the copy (empty in a live
        // database, unless it was restored from a backup). Instants are UTC ms.
        try db.create(table: "audit_anchor") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("taken_at", .integer).notNull()
            t.column("last_id", .integer).notNull().check { $0 >= 0 }
            t.column("hash", .blob).notNull().check { length($0) == 32 }
        }
    }

    // MARK: Verifying

    /// Walks the whole trail in id order and checks its hash chain (see `AuditChain`).
    ///
    /// Each row must carry a 32-byte hash equal to the hash of its fields after the previous
    /// row's, and its id must be the previous id + 1 (the first is 1). With `expectedHead` (a
    /// head kept elsewhere: an earlier `audit verify`, a backup), the row of that id must still
    /// have that hash, and the trail must reach it. Reads one row at a time (a cursor) in one
    /// read transaction: other terminals go on writing meanwhile, unseen.
    /// - Returns: `.intact` with the head and the row count, or `.broken` with the first bad
    ///   row's id and what is wrong with it.
    /// - Throws: a database error.
    public func verifyAuditChain(expectedHead: AuditChainHead? = nil) throws -> AuditChainVerdict {
        try writer.read { db in try Self.walkAuditChain(db, expectedHead: expectedHead) }
    }

    /// Checks this database's trail against a backup of it (made by `frontdesk backup`).
    ///
    /// First the backup's own trail is walked (against the head written into it,
    /// `audit_anchor`, when it has one); then this one, which must hold every row of the backup
    /// up to that head with the same hash, and reach it. A row changed or replaced since the
    /// backup is named even when the chain after it was recomputed. The backup is opened for
    /// reading only and left as it was.
    /// - Returns: this database's verdict, as `verifyAuditChain(expectedHead:)`.
    /// - Throws: `AuditChainError.backupNotFound`, `.backupHoldsNoChain` (not FrontDesk's, or
    ///   older than the chain), `.backupTrailBroken`; `StoreError.notADatabase` when the file is
    ///   not SQLite; a database error.
    public func verifyAuditChain(againstBackupAt path: String) throws -> AuditChainVerdict {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw AuditChainError.backupNotFound(path)
        }
        var config = Configuration()
        config.busyMode = .timeout(Self.busyTimeout)
        config.label = "FrontDesk.auditReference"
        do {
            let backup = try DatabaseQueue(path: path, configuration: config)
            defer { try? backup.close() }
            return try backup.read { reference in
                let columns = try reference.tableExists("audit_event") ? try reference.columns(in: "audit_event").map(\.name) : []
                guard columns.contains("hash") else { throw AuditChainError.backupHoldsNoChain(path) }
                let anchor = try Self.latestAnchor(reference)
                let head: AuditChainHead
                switch try Self.walkAuditChain(reference, expectedHead: anchor) {
                case .broken(let rowId, let problem): throw AuditChainError.backupTrailBroken(path, rowId: rowId, problem: problem)
                case .intact(let own, _): head = anchor ?? own
                }
                let rows = try Row.fetchCursor(reference, sql: "SELECT id, hash FROM audit_event WHERE id <= ? ORDER BY id",
                                               arguments: [head.lastId])
                var current = try rows.next().map { (id: $0[0] as Int64, hash: $0[1] as Data) }
                return try writer.read { db in
                    try Self.walkAuditChain(db, expectedHead: head) { id in
                        while let row = current, row.id < id { current = try rows.next().map { ($0[0], $0[1]) } }
                        return current?.id == id ? current?.hash : nil
                    }
                }
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB || error.resultCode == .SQLITE_CORRUPT {
            throw StoreError.notADatabase(path)
        }
    }

    /// The head most recently written into this database's `audit_anchor` (a backup's), nil
    /// when there is none.
    static func latestAnchor(_ db: Database) throws -> AuditChainHead? {
        guard try db.tableExists("audit_anchor"),
              let row = try Row.fetchOne(db, sql: "SELECT last_id, hash FROM audit_anchor ORDER BY id DESC LIMIT 1")
        else { return nil }
        return AuditChainHead(lastId: row[0], hash: [UInt8](row[1] as Data))
    }

    /// The walk of `verifyAuditChain`, on `db`. `reference` gives the hash the row of an id had
    /// in a backup (nil when the backup lacks it); it is asked for ids in increasing order.
    static func walkAuditChain(_ db: Database, expectedHead: AuditChainHead?,
                               reference: ((Int64) throws -> Data?)? = nil) throws -> AuditChainVerdict {
        let rows = try Row.fetchCursor(db, sql: "SELECT \(AuditChain.columns), hash FROM audit_event ORDER BY id")
        let expectedHash = expectedHead.map { Data($0.hash) }
        var previousId: Int64 = 0
        var previous = AuditChain.genesis
        var count = 0
        while let row = try rows.next() {
            let id: Int64 = row[0]
            let stored: DatabaseValue = row[8]
            guard case .blob(let hash) = stored.storage, hash.count == 32 else { return .broken(rowId: id, problem: .unhashed) }
            if id > previousId + 1 { return .broken(rowId: id, problem: .missingBefore(firstMissing: previousId + 1)) }
            if id < previousId + 1 { return .broken(rowId: id, problem: .outOfOrder(expectedId: previousId + 1)) }
            guard AuditChain.hash(previous: previous, row: row) == hash else { return .broken(rowId: id, problem: .changed) }
            if let reference, let kept = try reference(id), kept != hash {
                return .broken(rowId: id, problem: .differsFromBackup)
            }
            if let expectedHead, id == expectedHead.lastId, hash != expectedHash {
                return .broken(rowId: id, problem: .differsFromHead)
            }
            previousId = id
            previous = hash
            count += 1
        }
        if let expectedHead, previousId < expectedHead.lastId {
            return .broken(rowId: previousId + 1, problem: .truncated(lastId: previousId, expectedLastId: expectedHead.lastId))
        }
        return .intact(head: AuditChainHead(lastId: previousId, hash: [UInt8](previous)), rowCount: count)
    }
}
