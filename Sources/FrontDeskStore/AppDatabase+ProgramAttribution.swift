import Foundation
import FrontDeskDomain
import GRDB

/// Issue 15 item 1: each delivered service counts for one program, by `ProgramRules` (the
/// service, the visitor's status, the day), unless a program was chosen for it at booking or
/// check-in. Kept in `delivered_service.program_id` at write time, like the rest of the
/// report's rows, so that a program's or a funder's report reads its services by index.
extension AppDatabase {
    /// The fourteenth migration's identifier.
    static let programAttributionMigration = "v14: services attributed to programs"

    /// Migration v14: a program's days as instants (`start_at`, `end_at`: UTC ms of the start of
    /// its first day and of the day after its last, in the center's zone; `end_at` NULL while
    /// it runs on), the program chosen for an appointment or a walk-in (`program_id`, NULL: by
    /// rule), and each delivered service's service id, chosen program, program and funder,
    /// with the previous and first instants of the visitor's services in that program and with
    /// that funder (as `prev_at`, `prev_category_at` and `first_at` are over all services), so
    /// that a program's or a funder's report counts unique and new visitors from one covering
    /// index, like the report of everything. The view and triggers of migration v5 are made
    /// again with these columns, and every visitor's services are rebuilt.
    static func attributeServicesToPrograms(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE program ADD COLUMN start_at INTEGER;
            ALTER TABLE program ADD COLUMN end_at INTEGER;
            ALTER TABLE appointment ADD COLUMN program_id TEXT REFERENCES program(id) ON DELETE SET NULL;
            ALTER TABLE visit ADD COLUMN program_id TEXT REFERENCES program(id) ON DELETE SET NULL;
            ALTER TABLE delivered_service ADD COLUMN service_id TEXT;
            ALTER TABLE delivered_service ADD COLUMN chosen_program_id TEXT;
            ALTER TABLE delivered_service ADD COLUMN program_id TEXT;
            ALTER TABLE delivered_service ADD COLUMN funder TEXT;
            ALTER TABLE delivered_service ADD COLUMN prev_program_at INTEGER;
            ALTER TABLE delivered_service ADD COLUMN prev_program_category_at INTEGER;
            ALTER TABLE delivered_service ADD COLUMN first_program_at INTEGER;
            ALTER TABLE delivered_service ADD COLUMN prev_funder_at INTEGER;
            ALTER TABLE delivered_service ADD COLUMN prev_funder_category_at INTEGER;
            ALTER TABLE delivered_service ADD COLUMN first_funder_at INTEGER;
            CREATE INDEX delivered_service_by_program
              ON delivered_service (program_id, profile_id, category, birth_year, at, prev_program_at, prev_program_category_at, first_program_at);
            CREATE INDEX delivered_service_by_funder
              ON delivered_service (funder, profile_id, category, birth_year, at, prev_funder_at, prev_funder_category_at, first_funder_at);
            """)
        for name in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'delivered_service_%'") {
            try db.execute(sql: "DROP TRIGGER \(name)")
        }
        try db.execute(sql: "DROP VIEW delivered_service_source")
        try db.execute(sql: deliveredServiceSourceView(programs: true))
        try db.execute(sql: deliveredServiceTriggers(.v14))
        let zone = try String.fetchOne(db, sql: "SELECT time_zone FROM center_setting")
        try storeProgramDays(db, calendar: zone.flatMap(CenterCalendar.init(identifier:)) ?? CenterCalendar())
        try db.execute(sql: refreshDeliveredServicesSQL(visitors: "SELECT id FROM visitor", layout: .v14))
    }

    /// What a program can be chosen for: an appointment (its group session's seats with it) or
    /// a walk-in visit.
    public enum ProgramChoiceTarget: Sendable, Equatable {
        case appointment(Int64)
        case visit(Int64)
    }

    /// The program a service counts for, chosen by staff at booking or check-in instead of the
    /// rule (`programId` nil: back to the rule), in one transaction with a `program.chosen`
    /// audit event; the delivered services follow (triggers).
    /// The program must cover the service (a walk-in: a service of its category), the
    /// visitor's status (any, for a group session's own appointment) and its day
    /// (`Program.covers`).
    /// - Returns: the program the service counts for now: the chosen one, or (`programId` nil)
    ///   the rule's; nil when no program covers it, or for a group session's own appointment
    ///   (each seat counts by its visitor's status).
    /// - Throws: `ProgramError.unknownProgram`, `.serviceNotFound`, `.notCovered` (nothing written).
    @discardableResult
    public func chooseProgram(_ programId: String?, for target: ProgramChoiceTarget, by actor: Actor, at now: Date) throws -> String? {
        let now = now.storedPrecision
        return try writer.write { db in
            try Self.chooseProgram(db, programId, for: target, by: actor, at: now, calendar: calendar)
        }
    }

    /// `chooseProgram` in the caller's write transaction (check-in of an appointment chooses
    /// its program in the arrival's transaction). `now` is already at stored precision.
    /// - Throws: as `chooseProgram`.
    static func chooseProgram(_ db: Database, _ programId: String?, for target: ProgramChoiceTarget, by actor: Actor, at now: Date,
                              calendar: CenterCalendar) throws -> String? {
        let (table, id, entity) = switch target {
        case .appointment(let id): ("appointment", id, "appointment")
        case .visit(let id): ("visit", id, "visit")
        }
        if let programId {
            let row: Row? = switch target {
            case .appointment(let id): try Row.fetchOne(db, sql: """
                SELECT a.service_id AS service, NULL AS category, v.status AS status, a.start_at AS at, NULL AS day
                FROM appointment a LEFT JOIN visitor v ON v.id = a.visitor_id WHERE a.id = ?
                """, arguments: [id])
            case .visit(let id): try Row.fetchOne(db, sql: """
                SELECT NULL AS service, w.category AS category, v.status AS status, NULL AS at, w.day AS day
                FROM visit w JOIN visitor v ON v.id = w.visitor_id WHERE w.id = ?
                """, arguments: [id])
            }
            guard let row else {
                // An unknown program is named first, as before the service is looked for.
                if try Bool.fetchOne(db, sql: "SELECT 1 FROM program WHERE id = ?", arguments: [programId]) != true {
                    throw ProgramError.unknownProgram(programId)
                }
                throw ProgramError.serviceNotFound
            }
            let services: [String] = if let category = row["category"] as String? {
                try Self.serviceIds(db, of: category)
            } else {
                [row["service"] as String? ?? ""]
            }
            let day = (row["day"] as String?).flatMap(LocalDate.init(iso:))
                ?? calendar.localDate(of: Date(epochMilliseconds: row["at"] as Int64? ?? 0))
            try Self.requireProgram(db, programId, covering: services, status: (row["status"] as String?).flatMap(LegalStatus.init(rawValue:)),
                                    on: day)
        }
        try db.execute(sql: "UPDATE \(table) SET program_id = ? WHERE id = ?", arguments: [programId, id])
        guard db.changesCount == 1 else { throw ProgramError.serviceNotFound }
        try Self.audit(db, .programChosen, entity: entity, entityId: id, detail: programId ?? "by rule", by: actor, at: now)
        if let programId { return programId }
        // The rule's program, as the delivered service's triggers work it out.
        let source = switch target {
        case .appointment: """
            SELECT a.service_id AS service, sv.category AS category, vi.status AS status, a.start_at AS at
            FROM appointment a JOIN service sv ON sv.id = a.service_id JOIN visitor vi ON vi.id = a.visitor_id WHERE a.id = ?
            """
        case .visit: """
            SELECT NULL AS service, w.category AS category, vi.status AS status, w.arrived_at AS at
            FROM visit w JOIN visitor vi ON vi.id = w.visitor_id WHERE w.id = ?
            """
        }
        let rule = Self.programAttributionSQL(service: "s.service", category: "s.category", status: "s.status", at: "s.at")
        return try String.fetchOne(db, sql: "SELECT \(rule) FROM (\(source)) s", arguments: [id])
    }

    /// Checks, in the caller's transaction, that the program `programId` exists and funds one of
    /// `services` for a visitor of `status` (nil: any status, a group session's own
    /// appointment) on the center-local `day` (`Program.covers`): the one rule for a program
    /// chosen at booking, at check-in or afterwards.
    /// - Throws: `ProgramError.unknownProgram`, `ProgramError.notCovered`.
    static func requireProgram(_ db: Database, _ programId: String, covering services: [String], status: LegalStatus?,
                               on day: LocalDate) throws {
        guard let program = try fetchPrograms(db).first(where: { $0.id == programId }) else {
            throw ProgramError.unknownProgram(programId)
        }
        let statuses = status.map { [$0] } ?? LegalStatus.allCases
        guard services.contains(where: { service in statuses.contains { program.covers(service: service, status: $0, on: day) } }) else {
            throw ProgramError.notCovered(programId)
        }
    }

    /// The ids of the services of a category (a walk-in is seen for its category).
    static func serviceIds(_ db: Database, of category: String) throws -> [String] {
        try String.fetchAll(db, sql: "SELECT id FROM service WHERE category = ?", arguments: [category])
    }

    /// Writes every program's `start_at` and `end_at` from its days in the center's zone (a day
    /// is not always 24 hours: the day's start is asked of the calendar).
    static func storeProgramDays(_ db: Database, calendar: CenterCalendar) throws {
        for row in try Row.fetchAll(db, sql: "SELECT id, first_day, last_day FROM program") {
            guard let first = LocalDate(iso: row["first_day"]) else { continue }
            let last = (row["last_day"] as String?).flatMap { LocalDate(iso: $0) }
            try db.execute(sql: "UPDATE program SET start_at = ?, end_at = ? WHERE id = ?",
                           arguments: [calendar.startOfDay(first).epochMilliseconds,
                                       last.map { calendar.startOfDay($0.adding(days: 1)).epochMilliseconds }, row["id"] as String])
        }
    }

    /// Counts every delivered service again for the program the rules give it now (after a
    /// program was added or changed; a chosen program stays), with the instants per program and
    /// funder: every visitor with a service is rebuilt (seconds at 100,000 visitors; an
    /// administrator's change of the catalog, rare).
    static func attributeDeliveredServicesAgain(_ db: Database) throws {
        // Every visitor: a subquery on `delivered_service` itself would be empty once its rows are deleted.
        try db.execute(sql: refreshDeliveredServicesSQL(visitors: "SELECT id FROM visitor"))
    }

    /// `ProgramRules.attribution` as an SQL expression: the id of the program a service counts
    /// for, or NULL. The programs that fund the service (a walk-in, with no service, is covered
    /// by a program funding any service of its category), serve the status (a program with no
    /// status serves all) and run at the instant; among them a program serving some statuses
    /// before one serving all, then (a service) the one funding fewer services or (a walk-in) the
    /// one funding more services of the category, then the catalog's order. The same rule as
    /// the Swift one; a test holds them equal.
    /// - Parameters: SQL expressions for the service id (NULL for a walk-in), its category, the
    ///   visitor's status and the instant (UTC ms).
    static func programAttributionSQL(service: String, category: String, status: String, at: String) -> String {
        let serves = """
            p.start_at <= \(at) AND (p.end_at IS NULL OR \(at) < p.end_at)
              AND (NOT EXISTS (SELECT 1 FROM program_status x WHERE x.program_id = p.id)
                   OR EXISTS (SELECT 1 FROM program_status x WHERE x.program_id = p.id AND x.status = \(status)))
            """
        let someStatuses = "EXISTS (SELECT 1 FROM program_status x WHERE x.program_id = p.id)"
        return """
            CASE WHEN \(service) IS NOT NULL THEN
              (SELECT p.id FROM program p JOIN program_service ps ON ps.program_id = p.id AND ps.service_id = \(service)
               WHERE \(serves)
               ORDER BY \(someStatuses) DESC, (SELECT COUNT(*) FROM program_service y WHERE y.program_id = p.id), p.position LIMIT 1)
            ELSE
              (SELECT p.id FROM program p JOIN program_service ps ON ps.program_id = p.id
                 JOIN service sv ON sv.id = ps.service_id AND sv.category = \(category)
               WHERE \(serves)
               GROUP BY p.id ORDER BY \(someStatuses) DESC, COUNT(*) DESC, p.position LIMIT 1)
            END
            """
    }
}
