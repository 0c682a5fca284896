import Foundation
import FrontDeskDomain
import GRDB

extension AppDatabase {
    /// Inserts or updates the given services (by id) in one transaction and writes one
    /// `catalog.loaded` event. Services of the database that are not in the list are kept as
    /// they are (deactivate them by loading them with `active: false`).
    public func loadCatalog(_ services: [Service], by actor: Actor, at now: Date) throws {
        let now = now.storedPrecision
        try writeImmediately { db in
            for service in services {
                try ServiceRecord(service).upsert(db)
            }
            try Self.audit(db, .catalogLoaded, entity: "service", entityId: nil, detail: "\(services.count) services",
                           by: actor, at: now)
        }
    }

    /// The catalog, by category (psychological, social, professional) then id.
    public func services() throws -> [Service] {
        try writer.read { db in
            try ServiceRecord.fetchAll(db).map(\.service).sorted { ($0.category, $0.id) < ($1.category, $1.id) }
        }
    }
}
