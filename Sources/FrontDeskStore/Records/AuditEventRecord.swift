import Foundation
import FrontDeskDomain
import GRDB

/// A row of `audit_event`, the append-only trail (triggers refuse UPDATE and DELETE).
struct AuditEventRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "audit_event"

    var id: Int64?
    /// Epoch milliseconds (UTC).
    var at: Int64
    var actorName: String
    var actorTerminal: String
    var action: AuditAction
    var entity: String
    var entityId: Int64?
    /// Name-free: codes, tickets, counts.
    var detail: String

    enum CodingKeys: String, CodingKey {
        case id, at
        case actorName = "actor_name"
        case actorTerminal = "actor_terminal"
        case action, entity
        case entityId = "entity_id"
        case detail
    }

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let entity = Column(CodingKeys.entity)
        static let entityId = Column(CodingKeys.entityId)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    var event: AuditEvent {
        AuditEvent(id: id ?? 0, at: Date(epochMilliseconds: at), actor: Actor(name: actorName, terminal: actorTerminal),
                   action: action, entity: entity, entityId: entityId, detail: detail)
    }
}
