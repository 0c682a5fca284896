import Foundation
import FrontDeskDomain
import GRDB

extension AppDatabase {
    /// Appends one audit event; call it inside the write transaction of the change it records.
    /// `detail` must hold no name: codes, tickets and counts only.
    ///
    /// The only place rows are added: it links the row into the hash chain (`AuditChain`). The
    /// last row is read in the caller's IMMEDIATE transaction, so no other terminal writes
    /// between that read and the insert. The new id follows both the last row and SQLite's
    /// AUTOINCREMENT counter: after rows were deleted at the end, the next row leaves a gap
    /// that `verifyAuditChain` reports.
    static func audit(_ db: Database, _ action: AuditAction, entity: String, entityId: Int64?, detail: String,
                      by actor: Actor, at now: Date) throws {
        let last = try Row.fetchOne(db.cachedStatement(sql: "SELECT id, hash FROM audit_event ORDER BY id DESC LIMIT 1"))
        let counter = try Int64.fetchOne(db.cachedStatement(sql: "SELECT seq FROM sqlite_sequence WHERE name = 'audit_event'")) ?? 0
        let lastId: Int64 = last?[0] ?? 0
        let previous: Data = last.map { ($0[1] as Data?) ?? Data() } ?? AuditChain.genesis
        let fields: [DatabaseValue] = [(max(lastId, counter) + 1).databaseValue, now.epochMilliseconds.databaseValue,
                                       actor.name.databaseValue, actor.terminal.databaseValue, action.rawValue.databaseValue,
                                       entity.databaseValue, entityId.databaseValue, detail.databaseValue]
        let hash = AuditChain.hash(previous: previous, fields: fields)
        let statement = try db.cachedStatement(sql: """
            INSERT INTO audit_event (\(AuditChain.columns), hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        try statement.execute(arguments: StatementArguments(fields + [hash.databaseValue]))
    }

    /// Writes a `visitor.opened` event: someone looked at this visitor's record.
    /// - Throws: `StoreError.visitorNotFound`.
    public func recordVisitorOpened(id: Int64, by actor: Actor, at now: Date) throws {
        try writer.write { db in
            guard let visitor = try VisitorRecord.fetchOne(db, key: id) else { throw StoreError.visitorNotFound(id) }
            try Self.audit(db, .visitorOpened, entity: "visitor", entityId: id, detail: "code \(visitor.code)",
                           by: actor, at: now)
        }
    }

    /// The latest audit events, newest first, at most `limit`; only those of one record when
    /// `entity` (and `entityId`) are given.
    public func auditEvents(limit: Int, entity: String? = nil, entityId: Int64? = nil) throws -> [AuditEvent] {
        try writer.read { db in
            var request = AuditEventRecord.all()
            if let entity { request = request.filter(AuditEventRecord.Columns.entity == entity) }
            if let entityId { request = request.filter(AuditEventRecord.Columns.entityId == entityId) }
            return try request.order(AuditEventRecord.Columns.id.desc).limit(max(0, limit)).fetchAll(db).map(\.event)
        }
    }
}

extension AppDatabase: AuditRepository {
    /// The audit events that match, oldest first.
    public func auditEvents(matching filter: AuditFilter) throws -> [AuditEvent] {
        try writer.read { db in
            var conditions: [String] = []
            var arguments: StatementArguments = []
            if let id = filter.visitorId {
                conditions.append("""
                    ((entity = 'visitor' AND entity_id = ?)
                     OR (entity = 'visit' AND entity_id IN (SELECT id FROM visit WHERE visitor_id = ?))
                     OR (entity = 'appointment' AND entity_id IN (SELECT id FROM appointment WHERE visitor_id = ?)))
                    """)
                arguments += [id, id, id]
            }
            if let name = filter.actorName {
                conditions.append("actor_name = ? COLLATE NOCASE")
                arguments += [name]
            }
            if let from = filter.from {
                conditions.append("at >= ?")
                arguments += [from.epochMilliseconds]
            }
            if let to = filter.to {
                conditions.append("at < ?")
                arguments += [to.epochMilliseconds]
            }
            let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            return try AuditEventRecord.fetchAll(db, sql: "SELECT * FROM audit_event \(whereClause) ORDER BY id", arguments: arguments)
                .map(\.event)
        }
    }
}
