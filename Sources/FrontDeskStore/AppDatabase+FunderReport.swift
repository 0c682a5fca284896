import Foundation
import FrontDeskDomain
import GRDB

/// The funder report's counts, aggregated in one SQL statement (see `FunderReport` for what a
/// service is, `VisitorRecurrence` for new and returning, `AgeBand` for ages). Counts only: no
/// name or code leaves the database.
extension AppDatabase {
    /// The report of the period's center-local days, suppressed for publication.
    public func funderReport(_ period: ReportingPeriod) throws -> FunderReport {
        FunderReport(period: period, counts: try funderReportCounts(period))
    }

    /// The raw counts (consenting visitors; non-consenting ones as two numbers). Not for
    /// publication as they are: `funderReport` suppresses small cells.
    public func funderReportCounts(_ period: ReportingPeriod) throws -> FunderReportCounts {
        let statement = funderReportStatement(period)
        return try writer.read { db in
            var counts = FunderReportCounts()
            guard !period.days.isEmpty else { return counts }
            // One row per combination of attributes (a few thousand at most); the margins are
            // sums of these aggregate rows.
            let categories = ServiceCategory.allCases
            for row in try Row.fetchAll(db, sql: statement.sql, arguments: StatementArguments(statement.arguments)) {
                let visitors: Int = row["visitors"], services: Int = row["services"]
                guard row["ok"] as Bool else {
                    counts.nonConsentingVisitors += visitors
                    counts.nonConsentingServices += services
                    continue
                }
                counts.visitors += visitors
                counts.services += services
                let keys: [(ReportDimension, String)] = [(.sex, row["sex"]), (.ageBand, row["age"]), (.nationality, row["nationality"]),
                                                         (.status, row["status"]), (.recurrence, row["recurrence"])]
                for (d, k) in keys { counts.add(d, k, visitors: visitors, services: services) }
                for c in categories {
                    let v: Int = row["v_\(c.rawValue)"], n: Int = row["n_\(c.rawValue)"]
                    if v > 0 || n > 0 { counts.add(.category, c.rawValue, visitors: v, services: n) }
                }
            }
            return counts
        }
    }

    /// The report as one script for the `sqlite3` shell (the benchmark's side-by-side run).
    public func funderReportSQLScript(_ period: ReportingPeriod) -> String {
        let s = funderReportStatement(period)
        return Self.inline(s.sql, s.arguments) + ";\n"
    }

    /// One statement: the services of the period (`svc`), the visitors served before it
    /// (`earlier`: a range of each covering index, so its cost follows the history, not the
    /// number of visitors), one row per visitor served (`per`) with their attributes and
    /// whether they are in `earlier` (`vis`), then visitors and
    /// services per combination of consent and attributes, and per category.
    ///
    /// A visit that is the arrival for an appointment of the same visitor within 12 hours
    /// (arrived, in session or completed: the check-in marks it) is that appointment's service
    /// and is not counted a second time.
    func funderReportStatement(_ period: ReportingPeriod) -> (sql: String, arguments: [DatabaseValueConvertible]) {
        let span = periodSpan(period)
        let from = span.start.epochMilliseconds, to = span.end.epochMilliseconds
        let firstDay = period.first.description, lastDay = period.last.description
        let year = period.last.year
        let categories = ServiceCategory.allCases.map(\.rawValue)
        let perCategory = categories.map { "SUM(svc.category = '\($0)') AS n_\($0)" }.joined(separator: ", ")
        let sums = categories.map { "SUM(n_\($0) > 0) AS v_\($0), SUM(n_\($0)) AS n_\($0)" }.joined(separator: ", ")
        let sql = """
            WITH svc AS MATERIALIZED (
              SELECT a.visitor_id AS visitor_id, s.category AS category
              FROM appointment a INDEXED BY appointment_reporting JOIN service s ON s.id = a.service_id
              WHERE a.start_at >= ? AND a.start_at < ? AND a.status = 'completed' AND a.visitor_id IS NOT NULL
              UNION ALL
              SELECT e.visitor_id, s.category
              FROM appointment a INDEXED BY appointment_reporting
                JOIN group_enrollment e ON e.session_id = a.group_session_id AND NOT e.waitlisted
                JOIN service s ON s.id = a.service_id
              WHERE a.start_at >= ? AND a.start_at < ? AND a.status = 'completed' AND a.group_session_id IS NOT NULL
              UNION ALL
              SELECT v.visitor_id, v.category FROM visit v INDEXED BY visit_reporting
              WHERE v.day >= ? AND v.day <= ? AND v.outcome IN ('seen', 'redirected')
                AND NOT EXISTS (SELECT 1 FROM appointment a INDEXED BY appointment_by_visitor
                                WHERE a.visitor_id = v.visitor_id AND a.start_at > v.arrived_at - 43200000
                                  AND a.start_at < v.arrived_at + 43200000 AND a.status IN ('checked_in', 'in_session', 'completed'))
            ), earlier AS MATERIALIZED (
              SELECT visitor_id FROM appointment INDEXED BY appointment_reporting
              WHERE start_at < ? AND status = 'completed' AND visitor_id IS NOT NULL
              UNION
              SELECT e.visitor_id
              FROM appointment a INDEXED BY appointment_reporting
                JOIN group_enrollment e ON e.session_id = a.group_session_id AND NOT e.waitlisted
              WHERE a.start_at < ? AND a.status = 'completed' AND a.group_session_id IS NOT NULL
              UNION
              SELECT v.visitor_id FROM visit v INDEXED BY visit_reporting
              WHERE v.day < ? AND v.outcome IN ('seen', 'redirected')
                AND NOT EXISTS (SELECT 1 FROM appointment a INDEXED BY appointment_by_visitor
                                WHERE a.visitor_id = v.visitor_id AND a.start_at > v.arrived_at - 43200000
                                  AND a.start_at < v.arrived_at + 43200000 AND a.status IN ('checked_in', 'in_session', 'completed'))
            ), per AS MATERIALIZED (
              SELECT visitor_id AS id, COUNT(*) AS n, \(perCategory) FROM svc GROUP BY visitor_id
            ), vis AS MATERIALIZED (
              SELECT per.*, vi.consent_reporting AS ok, vi.sex AS sex, vi.nationality AS nationality, vi.status AS status,
                CASE WHEN vi.birth_year IS NULL OR vi.birth_year > ? THEN 'unknown'
                     WHEN ? - vi.birth_year <= 4 THEN '0-4' WHEN ? - vi.birth_year <= 11 THEN '5-11'
                     WHEN ? - vi.birth_year <= 17 THEN '12-17' WHEN ? - vi.birth_year <= 59 THEN '18-59' ELSE '60+' END AS age,
                CASE WHEN NOT vi.consent_reporting THEN NULL WHEN per.id IN earlier THEN 'returning' ELSE 'new' END AS recurrence
              FROM per JOIN visitor vi INDEXED BY visitor_reporting ON vi.id = per.id
            )
            SELECT ok, sex, age, nationality, status, recurrence, COUNT(*) AS visitors, SUM(n) AS services, \(sums)
            FROM vis GROUP BY ok, sex, age, nationality, status, recurrence
            """
        let args: [DatabaseValueConvertible] = [from, to, from, to, firstDay, lastDay, from, from, firstDay, year, year, year, year, year]
        return (sql, args)
    }
}
