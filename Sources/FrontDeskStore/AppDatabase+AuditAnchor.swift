import Foundation
import FrontDeskDomain
import GRDB

extension AppDatabase {
    /// Writes the head of the audit trail that the backup copy at `path` holds (its last
    /// `audit_event` row's id and hash) into the copy's `audit_anchor` table, with `now` as
    /// `taken_at` (UTC ms). `frontdesk audit verify --against COPY` then checks that the live
    /// trail still holds that row, and every row before it, unchanged.
    ///
    /// Call it once the copy is complete (SQLite's online backup finished), before or after the
    /// copy is renamed into place: it opens the file itself, writes one row in one transaction
    /// and closes it, so the copy ends as one file with no `-wal` beside it. Reads nothing of the
    /// live database. A copy whose last audit row carries no valid hash (a trail tampered with
    /// before the backup) gets no anchor: nil is returned and the backup stands; `audit verify`
    /// reports that row.
    /// - Returns: the head written, nil when none could be.
    /// - Throws: `AuditChainError.backupNotFound` when no file is at `path`; a database error
    ///   when the copy cannot be opened or written (a copy made before schema version 11 has no
    ///   `audit_anchor` table).
    @discardableResult
    public static func anchorAuditChain(inBackupAt path: String, takenAt now: Date) throws -> AuditChainHead? {
        guard FileManager.default.fileExists(atPath: path) else { throw AuditChainError.backupNotFound(path) }
        var config = Configuration()
        config.busyMode = .timeout(busyTimeout)
        config.label = "FrontDesk.backupAnchor"
        let copy = try DatabaseQueue(path: path, configuration: config)
        let head = try copy.write { db in try writeAuditAnchor(db, takenAt: now) }
        try copy.close()
        return head
    }

    /// `anchorAuditChain(inBackupAt:takenAt:)` on an open connection to the copy, inside the
    /// caller's write transaction.
    static func writeAuditAnchor(_ db: Database, takenAt now: Date) throws -> AuditChainHead? {
        guard let last = try Row.fetchOne(db, sql: "SELECT id, hash FROM audit_event ORDER BY id DESC LIMIT 1") else {
            let empty = AuditChainHead(lastId: 0, hash: [UInt8](AuditChain.genesis))
            try insertAnchor(db, empty, takenAt: now)
            return empty
        }
        let stored: DatabaseValue = last[1]
        guard case .blob(let hash) = stored.storage, hash.count == 32 else { return nil }
        let head = AuditChainHead(lastId: last[0], hash: [UInt8](hash))
        try insertAnchor(db, head, takenAt: now)
        return head
    }

    private static func insertAnchor(_ db: Database, _ head: AuditChainHead, takenAt now: Date) throws {
        try db.execute(sql: "INSERT INTO audit_anchor (taken_at, last_id, hash) VALUES (?, ?, ?)",
                       arguments: [now.epochMilliseconds, head.lastId, Data(head.hash)])
    }
}
