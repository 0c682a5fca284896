import Foundation
import FrontDeskDomain
import GRDB

extension AppDatabase {
    /// Inserts or updates the given services (by id) in one transaction and writes one
    /// `catalog.loaded` event. Services of the database that are not in the list are kept as
    /// they are (deactivate them by loading them with `active: false`).
    public func loadCatalog(_ services: [Service], by actor: Actor, at now: Date) throws {
        let now = now.storedPrecision
        try writer.write { db in
            for service in services {
                try ServiceRecord(service).upsert(db)
            }
            try Self.audit(db, .catalogLoaded, entity: "service", entityId: nil, detail: "\(services.count) services",
                           by: actor, at: now)
        }
    }

    /// The catalog, by category (psychological, social, professional) then id.
    public func services() throws -> [Service] {
        try writer.read(Self.fetchServices)
    }

    /// The catalog, by category then id, from one statement read by column position (no
    /// `Codable` decoding: short commands such as `occupancy` are timed as whole processes).
    /// The table's CHECK constraint admits only the three categories.
    static func fetchServices(_ db: Database) throws -> [Service] {
        try Row.fetchAll(db, sql: "SELECT id, name_fr, name_en, category, duration_min, group_capacity, active FROM service")
            .compactMap { r -> Service? in
                guard let category = ServiceCategory(rawValue: r[3]) else { return nil }
                return Service(id: r[0], nameFr: r[1], nameEn: r[2], category: category, durationMinutes: r[4],
                               groupCapacity: r[5], active: r[6])
            }
            .sorted { ($0.category, $0.id) < ($1.category, $1.id) }
    }
}
