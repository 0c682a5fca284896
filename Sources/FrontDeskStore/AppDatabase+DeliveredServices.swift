import GRDB

/// The funder report's services, kept at write time so that a year's report takes
/// under 100 ms. `delivered_service` holds one row per service delivered (see `FunderReport`:
/// a completed appointment, a seat in a completed group session, a walk-in closed as seen or
/// redirected that is not the arrival for an appointment), with what the report needs to count
/// unique visitors over any range of instants without grouping by visitor:
///
/// - `prev_at`: the visitor's previous service instant (NULL for their first service ever). In
///   a range `[from, to)`, each visitor served has exactly one service with
///   `prev_at IS NULL OR prev_at < from` (their first in the range), so counting those rows
///   counts the visitors; `prev_at IS NULL` marks the one service of a new visitor.
/// - `prev_category_at`: the same within the service's category (unique visitors per category).
/// - `first_at`: the visitor's first service ever (a service of a new visitor when `>= from`).
/// - `profile_id`, `birth_year`: the visitor's reporting attributes (`reporting_profile`:
///   consent, sex, nationality, status; a few hundred combinations), so that the report reads
///   the services already ordered by (profile, category, birth year) and groups without sorting.
///
/// Triggers on `appointment`, `group_enrollment`, `visit`, `visitor` and `service` rebuild the
/// rows of every visitor a write touches (`refreshDeliveredServicesSQL`), inside the writing
/// statement's transaction: a status correction that un-completes an appointment, a waitlist
/// promotion, a walk-in closed as seen, a corrected birth year all show in the next report.
/// A visitor's rows are few (a handful of services), so a rebuild costs a few index searches.
extension AppDatabase {
    /// The identifier of the migration that adds `delivered_service` (for the report's speed).
    static let deliveredServicesMigration = "v5: services delivered per visitor, kept by triggers"

    /// Appointment statuses by which a walk-in of the same visitor within 12 hours is that
    /// appointment's arrival (the check-in marks it), not a service of its own.
    static let arrivalStatuses = "'checked_in', 'in_session', 'completed'"
    /// Walk-in outcomes that are a service.
    static let servedOutcomes = "'seen', 'redirected'"

    /// Creates the tables, their indexes and triggers, and fills them from the existing rows.
    static func createDeliveredServices(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE reporting_profile (
              id INTEGER PRIMARY KEY,
              consent_reporting BOOLEAN NOT NULL, sex TEXT NOT NULL, nationality TEXT NOT NULL, status TEXT NOT NULL,
              UNIQUE (consent_reporting, sex, nationality, status));
            CREATE TABLE delivered_service (
              visitor_id INTEGER NOT NULL, profile_id INTEGER NOT NULL REFERENCES reporting_profile(id), birth_year INTEGER,
              category TEXT NOT NULL, at INTEGER NOT NULL, prev_at INTEGER, prev_category_at INTEGER, first_at INTEGER NOT NULL);
            CREATE INDEX delivered_service_by_visitor ON delivered_service (visitor_id);
            CREATE INDEX delivered_service_reporting
              ON delivered_service (profile_id, category, birth_year, at, prev_at, prev_category_at, first_at);
            """)
        try db.execute(sql: deliveredServiceSourceView(programs: false))
        try db.execute(sql: deliveredServiceTriggers(.v5))
        try db.execute(sql: refreshDeliveredServicesSQL(visitors: "SELECT id FROM visitor", layout: .v5))
    }

    /// The services of every visitor by the funder report's rules (see `FunderReport`), as a
    /// view: `visitor_id, at, category, kind` (0 appointment, 1 group seat, 2 walk-in),
    /// `source_id` (the appointment's or the visit's id); with `programs` (migration v14 on),
    /// also `service_id` (NULL for a walk-in, seen for a category) and `chosen_program_id` (the
    /// program chosen at booking or check-in, NULL: by rule). A constraint on `visitor_id`
    /// reaches each branch of the union (SQLite's push-down), so a visitor's services cost a few
    /// index searches. One view rather than its text in every trigger: SQLite parses the whole
    /// schema at each connection's first statement, triggers included. Migration v5 made it
    /// without programs; its text stays as it was, as migrations are append-only.
    static func deliveredServiceSourceView(programs: Bool) -> String {
        let (appointment, seat, walkIn) = programs
            ? (", a.service_id AS service_id, a.program_id AS chosen_program_id", ", a.service_id, a.program_id", ", NULL, v.program_id")
            : ("", "", "")
        return """
            CREATE VIEW delivered_service_source AS
            SELECT a.visitor_id AS visitor_id, a.start_at AS at, sv.category AS category, 0 AS kind, a.id AS source_id\(appointment)
            FROM appointment a JOIN service sv ON sv.id = a.service_id
            WHERE a.status = 'completed' AND a.visitor_id IS NOT NULL
            UNION ALL
            SELECT e.visitor_id, a.start_at, sv.category, 1, a.id\(seat)
            FROM group_enrollment e JOIN appointment a ON a.group_session_id = e.session_id JOIN service sv ON sv.id = a.service_id
            WHERE NOT e.waitlisted AND a.status = 'completed'
            UNION ALL
            SELECT v.visitor_id, v.arrived_at, v.category, 2, v.id\(walkIn)
            FROM visit v
            WHERE v.outcome IN (\(servedOutcomes))
              AND NOT EXISTS (SELECT 1 FROM appointment a WHERE a.visitor_id = v.visitor_id
                                AND a.start_at > v.arrived_at - 43200000 AND a.start_at < v.arrived_at + 43200000
                                AND a.status IN (\(arrivalStatuses)))
            """
    }

    /// The columns of `delivered_service` as each migration left them: the triggers and the
    /// statements a migration made stay as they were (migrations are append-only).
    enum DeliveredServiceLayout: Sendable {
        /// Migration v5: services with the visitor's birth year.
        case v5
        /// Migration v14: also service, chosen program, program, funder and the instants per
        /// program and per funder.
        case v14
        /// Migration v15: the visitor's age at the service (`age`, whole years by the calendar
        /// on the service's center-local day, `Age.years`) instead of the birth year.
        case v15

        /// What the triggers and every rebuild write now.
        static let current = v15
    }

    /// Statements that rebuild the `delivered_service` rows of the visitors `visitors` selects
    /// (an SQL expression usable in `IN (…)`: a subquery, or `NEW.visitor_id` in a trigger):
    /// their reporting profile, then their services from `delivered_service_source` with the
    /// previous and first instants; from v14, the service, the program chosen for it and the
    /// program it counts for (`programAttributionSQL`); from v15, the age at the service.
    static func refreshDeliveredServicesSQL(visitors: String, layout: DeliveredServiceLayout = .current) -> String {
        let head = """
            DELETE FROM delivered_service WHERE visitor_id IN (\(visitors));
            INSERT OR IGNORE INTO reporting_profile (consent_reporting, sex, nationality, status)
              SELECT consent_reporting, sex, nationality, status FROM visitor WHERE id IN (\(visitors));
            """
        guard layout != .v5 else {
            return head + """

                INSERT INTO delivered_service (visitor_id, profile_id, birth_year, category, at, prev_at, prev_category_at, first_at)
                  SELECT s.visitor_id, p.id, vi.birth_year, s.category, s.at,
                    LAG(s.at) OVER (PARTITION BY s.visitor_id ORDER BY s.at, s.kind, s.source_id),
                    LAG(s.at) OVER (PARTITION BY s.visitor_id, s.category ORDER BY s.at, s.kind, s.source_id),
                    MIN(s.at) OVER (PARTITION BY s.visitor_id)
                  FROM delivered_service_source s JOIN visitor vi ON vi.id = s.visitor_id
                    JOIN reporting_profile p ON p.consent_reporting = vi.consent_reporting AND p.sex = vi.sex AND p.nationality = vi.nationality
                      AND p.status = vi.status
                  WHERE s.visitor_id IN (\(visitors));
                """
        }
        // The program is worked out in a subquery (no WITH inside a trigger), then each service's
        // previous and first instants over all of the visitor's services, within the program and
        // within the funder.
        let order = "ORDER BY x.at, x.kind, x.source_id"
        let (ageColumn, ageValue, ageSource) = layout == .v14
            ? ("birth_year", "x.birth_year", "vi.birth_year")
            : ("age", ageSQL(day: "x.local_day", birthYear: "x.birth_year", birthDate: "x.birth_date"),
               "vi.birth_year, vi.birth_date, \(localDayKeySQL(at: "s.at")) AS local_day")
        return head + """

            INSERT INTO delivered_service (visitor_id, profile_id, \(ageColumn), category, at, prev_at, prev_category_at, first_at,
                                           service_id, chosen_program_id, program_id, funder,
                                           prev_program_at, prev_program_category_at, first_program_at,
                                           prev_funder_at, prev_funder_category_at, first_funder_at)
              SELECT x.visitor_id, x.profile_id, \(ageValue), x.category, x.at,
                LAG(x.at) OVER (PARTITION BY x.visitor_id \(order)),
                LAG(x.at) OVER (PARTITION BY x.visitor_id, x.category \(order)),
                MIN(x.at) OVER (PARTITION BY x.visitor_id),
                x.service_id, x.chosen_program_id, x.program_id, pr.funder,
                LAG(x.at) OVER (PARTITION BY x.visitor_id, x.program_id \(order)),
                LAG(x.at) OVER (PARTITION BY x.visitor_id, x.program_id, x.category \(order)),
                MIN(x.at) OVER (PARTITION BY x.visitor_id, x.program_id),
                LAG(x.at) OVER (PARTITION BY x.visitor_id, pr.funder \(order)),
                LAG(x.at) OVER (PARTITION BY x.visitor_id, pr.funder, x.category \(order)),
                MIN(x.at) OVER (PARTITION BY x.visitor_id, pr.funder)
              FROM (SELECT s.visitor_id, p.id AS profile_id, \(ageSource), s.category, s.at, s.kind, s.source_id, s.service_id,
                           s.chosen_program_id, IFNULL(s.chosen_program_id, \(programAttributionSQL(service: "s.service_id", category: "s.category", status: "vi.status", at: "s.at"))) AS program_id
                    FROM delivered_service_source s JOIN visitor vi ON vi.id = s.visitor_id
                      JOIN reporting_profile p ON p.consent_reporting = vi.consent_reporting AND p.sex = vi.sex AND p.nationality = vi.nationality
                        AND p.status = vi.status
                    WHERE s.visitor_id IN (\(visitors))) AS x
                LEFT JOIN program pr ON pr.id = x.program_id;
            """
    }

    /// The visitors an appointment row (`row`: `NEW` or `OLD`) concerns: its visitor, or the
    /// visitors enrolled in its group session.
    private static func appointmentVisitors(_ row: String) -> String {
        "SELECT \(row).visitor_id UNION ALL SELECT visitor_id FROM group_enrollment WHERE session_id = \(row).group_session_id"
    }

    /// The triggers that keep `delivered_service` equal to a rebuild from the source tables.
    /// Each fires only on writes that can change a service (its WHEN clause); from v14, also a
    /// change of the program chosen for an appointment or a walk-in; from v15, of a birth date.
    static func deliveredServiceTriggers(_ layout: DeliveredServiceLayout) -> String {
        let arrival = arrivalStatuses, served = servedOutcomes, programs = layout != .v5
        func trigger(_ name: String, _ event: String, when: String, visitors: String) -> String {
            "CREATE TRIGGER \(name) AFTER \(event) WHEN \(when)\nBEGIN\n\(refreshDeliveredServicesSQL(visitors: visitors, layout: layout))\nEND;\n"
        }
        return [
            trigger("delivered_service_appointment_inserted", "INSERT ON appointment",
                    when: "NEW.status IN (\(arrival))", visitors: appointmentVisitors("NEW")),
            trigger("delivered_service_appointment_updated", "UPDATE ON appointment",
                    when: """
                        (OLD.status IN (\(arrival)) OR NEW.status IN (\(arrival))) AND (OLD.status IS NOT NEW.status
                          OR OLD.start_at IS NOT NEW.start_at OR OLD.visitor_id IS NOT NEW.visitor_id
                          OR OLD.service_id IS NOT NEW.service_id OR OLD.group_session_id IS NOT NEW.group_session_id\(programs ? " OR OLD.program_id IS NOT NEW.program_id" : ""))
                        """,
                    visitors: appointmentVisitors("OLD") + " UNION ALL " + appointmentVisitors("NEW")),
            trigger("delivered_service_appointment_deleted", "DELETE ON appointment",
                    when: "OLD.status IN (\(arrival))", visitors: appointmentVisitors("OLD")),
            trigger("delivered_service_enrollment_inserted", "INSERT ON group_enrollment",
                    when: "NOT NEW.waitlisted", visitors: "NEW.visitor_id"),
            trigger("delivered_service_enrollment_updated", "UPDATE ON group_enrollment",
                    when: "OLD.waitlisted IS NOT NEW.waitlisted OR OLD.visitor_id IS NOT NEW.visitor_id OR OLD.session_id IS NOT NEW.session_id",
                    visitors: "OLD.visitor_id, NEW.visitor_id"),
            trigger("delivered_service_enrollment_deleted", "DELETE ON group_enrollment",
                    when: "NOT OLD.waitlisted", visitors: "OLD.visitor_id"),
            trigger("delivered_service_visit_inserted", "INSERT ON visit",
                    when: "NEW.outcome IN (\(served))", visitors: "NEW.visitor_id"),
            trigger("delivered_service_visit_updated", "UPDATE ON visit",
                    when: """
                        (OLD.outcome IN (\(served)) OR NEW.outcome IN (\(served))) AND (OLD.outcome IS NOT NEW.outcome
                          OR OLD.arrived_at IS NOT NEW.arrived_at OR OLD.visitor_id IS NOT NEW.visitor_id OR OLD.category IS NOT NEW.category\(programs ? " OR OLD.program_id IS NOT NEW.program_id" : ""))
                        """,
                    visitors: "OLD.visitor_id, NEW.visitor_id"),
            trigger("delivered_service_visit_deleted", "DELETE ON visit",
                    when: "OLD.outcome IN (\(served))", visitors: "OLD.visitor_id"),
            trigger("delivered_service_visitor_updated", "UPDATE ON visitor",
                    when: """
                        OLD.consent_reporting IS NOT NEW.consent_reporting OR OLD.sex IS NOT NEW.sex OR OLD.nationality IS NOT NEW.nationality
                          OR OLD.status IS NOT NEW.status OR OLD.birth_year IS NOT NEW.birth_year\(layout == .v15 ? " OR OLD.birth_date IS NOT NEW.birth_date" : "")
                        """,
                    visitors: "NEW.id"),
            trigger("delivered_service_visitor_deleted", "DELETE ON visitor", when: "1", visitors: "OLD.id"),
            trigger("delivered_service_category_changed", "UPDATE ON service",
                    when: "OLD.category IS NOT NEW.category",
                    visitors: """
                        SELECT visitor_id FROM appointment WHERE service_id = NEW.id AND visitor_id IS NOT NULL
                        UNION ALL SELECT e.visitor_id FROM appointment a JOIN group_enrollment e ON e.session_id = a.group_session_id
                        WHERE a.service_id = NEW.id
                        """),
        ].joined()
    }
}
