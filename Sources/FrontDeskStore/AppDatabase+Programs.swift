import Foundation
import FrontDeskDomain
import GRDB

/// The catalog of programs (issue 15 item 1): which funder pays for which services, for which
/// statuses, when, with what targets. Seeded with the center's programs (`DefaultPrograms`).
/// Delivered services are attributed to programs in `AppDatabase+ProgramAttribution`.
extension AppDatabase: ProgramRepository {
    /// The twelfth migration's identifier.
    static let programsMigration = "v12: programs and funders"

    /// Migration v12: `program` (its `position` orders the catalog), the services it funds,
    /// the statuses it serves (none: every status) and its yearly targets; filled with the
    /// default catalog. Service ids are not foreign keys: the catalog of services is loaded
    /// after the migrations of a new file; `saveProgram` checks them.
    static func createProgramTables(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE program (
              id TEXT PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 2 AND 40 AND id NOT GLOB '*[^a-z0-9-]*'),
              name_fr TEXT NOT NULL CHECK (name_fr <> ''), name_en TEXT NOT NULL CHECK (name_en <> ''),
              funder TEXT NOT NULL CHECK (funder <> ''),
              first_day TEXT NOT NULL CHECK (length(first_day) = 10),
              last_day TEXT CHECK (last_day IS NULL OR (length(last_day) = 10 AND last_day >= first_day)),
              position INTEGER NOT NULL UNIQUE);
            CREATE TABLE program_service (
              program_id TEXT NOT NULL REFERENCES program(id) ON DELETE CASCADE, service_id TEXT NOT NULL,
              PRIMARY KEY (program_id, service_id)) WITHOUT ROWID;
            CREATE TABLE program_status (
              program_id TEXT NOT NULL REFERENCES program(id) ON DELETE CASCADE,
              status TEXT NOT NULL CHECK (status IN ('refugee', 'asylum_seeker', 'migrant', 'moroccan_national', 'other')),
              PRIMARY KEY (program_id, status)) WITHOUT ROWID;
            CREATE TABLE program_target (
              program_id TEXT NOT NULL REFERENCES program(id) ON DELETE CASCADE, year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
              measure TEXT NOT NULL CHECK (measure IN ('unique_visitors', 'services')), count INTEGER NOT NULL CHECK (count > 0),
              PRIMARY KEY (program_id, year, measure)) WITHOUT ROWID;
            """)
        for (position, program) in DefaultPrograms.catalog().enumerated() {
            try insert(db, program, position: position)
        }
    }

    public func programs() throws -> [Program] {
        try writer.read(Self.fetchPrograms)
    }

    public func saveProgram(_ program: Program, by actor: Actor, at now: Date) throws {
        let now = now.storedPrecision
        try writer.write { db in
            let known = Set(try String.fetchAll(db, sql: "SELECT id FROM service"))
            let p = try program.validated(knownServices: known)
            let position = try Int.fetchOne(db, sql: "SELECT position FROM program WHERE id = ?", arguments: [p.id])
            let added = position == nil
            if added {
                try Self.insert(db, p, position: try Int.fetchOne(db, sql: "SELECT IFNULL(MAX(position), -1) + 1 FROM program") ?? 0)
            } else {
                // Changed in place: a program chosen for appointments and walk-ins stays chosen
                // (deleting the row would clear those choices, `ON DELETE SET NULL`).
                try db.execute(sql: "UPDATE program SET name_fr = ?, name_en = ?, funder = ?, first_day = ?, last_day = ? WHERE id = ?",
                               arguments: [p.nameFr, p.nameEn, p.funder, p.first.description, p.last?.description, p.id])
                for table in ["program_service", "program_status", "program_target"] {
                    try db.execute(sql: "DELETE FROM \(table) WHERE program_id = ?", arguments: [p.id])
                }
                try Self.insertDetails(db, p)
            }
            // The services delivered count again by the changed catalog (chosen programs stay).
            try Self.storeProgramDays(db, calendar: calendar)
            try Self.attributeDeliveredServicesAgain(db)
            try Self.audit(db, .programSaved, entity: "program", entityId: nil,
                           detail: "\(p.id) \(added ? "added" : "changed"): \(p.funder), \(p.first)…\(p.last?.description ?? ""), "
                               + "services: \(p.services.count), statuses \(p.statuses.isEmpty ? "all" : p.statuses.map(\.rawValue).sorted().joined(separator: ","))",
                           by: actor, at: now)
        }
    }

    private static func insert(_ db: Database, _ p: Program, position: Int) throws {
        try db.execute(sql: """
            INSERT INTO program (id, name_fr, name_en, funder, first_day, last_day, position) VALUES (?, ?, ?, ?, ?, ?, ?)
            """, arguments: [p.id, p.nameFr, p.nameEn, p.funder, p.first.description, p.last?.description, position])
        try insertDetails(db, p)
    }

    /// The services, statuses and targets of a program whose row exists.
    private static func insertDetails(_ db: Database, _ p: Program) throws {
        for service in p.services.sorted() {
            try db.execute(sql: "INSERT INTO program_service (program_id, service_id) VALUES (?, ?)", arguments: [p.id, service])
        }
        for status in p.statuses.map(\.rawValue).sorted() {
            try db.execute(sql: "INSERT INTO program_status (program_id, status) VALUES (?, ?)", arguments: [p.id, status])
        }
        for t in p.targets {
            try db.execute(sql: "INSERT INTO program_target (program_id, year, measure, count) VALUES (?, ?, ?, ?)",
                           arguments: [p.id, t.year, t.measure.rawValue, t.count])
        }
    }

    static func fetchPrograms(_ db: Database) throws -> [Program] {
        var services: [String: Set<String>] = [:], statuses: [String: Set<LegalStatus>] = [:], targets: [String: [ProgramTarget]] = [:]
        for r in try Row.fetchAll(db, sql: "SELECT program_id, service_id FROM program_service") { services[r[0], default: []].insert(r[1]) }
        for r in try Row.fetchAll(db, sql: "SELECT program_id, status FROM program_status") {
            if let s = LegalStatus(rawValue: r[1]) { statuses[r[0], default: []].insert(s) }
        }
        for r in try Row.fetchAll(db, sql: "SELECT program_id, year, measure, count FROM program_target ORDER BY year, measure") {
            if let m = ProgramTarget.Measure(rawValue: r[2]) { targets[r[0], default: []].append(ProgramTarget(year: r[1], measure: m, count: r[3])) }
        }
        return try Row.fetchAll(db, sql: "SELECT id, name_fr, name_en, funder, first_day, last_day FROM program ORDER BY position").compactMap { r in
            let id: String = r[0]
            guard let first = LocalDate(iso: r[4]) else { return nil }
            let last = (r[5] as String?).flatMap { LocalDate(iso: $0) }
            return Program(id: id, nameFr: r[1], nameEn: r[2], funder: r[3], first: first, last: last, services: services[id] ?? [],
                           statuses: statuses[id] ?? [], targets: targets[id] ?? [])
        }
    }
}
