import Foundation
import FrontDeskDomain
import GRDB

extension AppDatabase {
    /// Appends one audit event; call it inside the write transaction of the change it records.
    /// `detail` must hold no name: codes, tickets and counts only.
    static func audit(_ db: Database, _ action: AuditAction, entity: String, entityId: Int64?, detail: String,
                      by actor: Actor, at now: Date) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO audit_event (at, actor_name, actor_terminal, action, entity, entity_id, detail)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        try statement.execute(arguments: [now.epochMilliseconds, actor.name, actor.terminal, action.rawValue, entity,
                                          entityId, detail])
    }

    /// Writes a `visitor.opened` event: someone looked at this visitor's record.
    /// - Throws: `StoreError.visitorNotFound`.
    public func recordVisitorOpened(id: Int64, by actor: Actor, at now: Date) throws {
        try writeImmediately { db in
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
