import Foundation
import FrontDeskDomain
import GRDB

/// The funder report's counts, aggregated in one SQL statement (see `FunderReport` for what a
/// service is, `VisitorRecurrence` for new and returning, `AgeBand` for ages). Counts only: no
/// name or code leaves the database.
extension AppDatabase {
    /// The report of the period's center-local days, suppressed for publication: every service,
    /// or the services of `programs` with their targets (`TargetAchievement`).
    public func funderReport(_ period: ReportingPeriod, programs: [String]? = nil) throws -> FunderReport {
        let counts = try funderReportCounts(period, programs: programs)
        guard let programs else { return FunderReport(period: period, counts: counts) }
        let statements = achievementStatements(period, catalog: try self.programs().filter { programs.contains($0.id) })
        let achieved = try writer.read { db in
            try statements.map { a in
                (target: a.target, programId: a.programId, through: a.through,
                 achieved: try Int.fetchOne(db, sql: a.sql, arguments: StatementArguments(a.arguments)) ?? 0)
            }
        }
        return FunderReport(period: period, counts: counts, programs: programs, achievements: achieved)
    }

    /// One statement per target of `catalog`'s programs in a year the period reaches
    /// (`TargetAchievement.spans`): the program's unique visitors or services from the year's
    /// first day through `through`, consenting visitors only, as every count of the report.
    func achievementStatements(_ period: ReportingPeriod, catalog: [Program])
        -> [(target: ProgramTarget, programId: String, through: LocalDate, sql: String, arguments: [DatabaseValueConvertible])] {
        TargetAchievement.spans(of: catalog, in: period).map { span in
            let from = calendar.startOfDay(span.first).epochMilliseconds
            let to = calendar.startOfDay(span.through.adding(days: 1)).epochMilliseconds
            let count = span.target.measure == .uniqueVisitors ? "COUNT(DISTINCT d.visitor_id)" : "COUNT(*)"
            let sql = """
                SELECT \(count) FROM delivered_service d INDEXED BY delivered_service_by_program JOIN reporting_profile p ON p.id = d.profile_id
                WHERE d.program_id = ? AND d.at >= ? AND d.at < ? AND p.consent_reporting
                """
            return (span.target, span.programId, span.through, sql, [span.programId, from, to])
        }
    }

    /// The raw counts (consenting visitors; non-consenting ones as two numbers), of every
    /// service or of `programs`' services. Not for publication as they are: `funderReport`
    /// suppresses small cells.
    public func funderReportCounts(_ period: ReportingPeriod, programs: [String]? = nil) throws -> FunderReportCounts {
        let statement = funderReportStatement(period, programs: programs)
        return try writer.read { db in
            var counts = FunderReportCounts()
            guard !period.days.isEmpty else { return counts }
            // One row per combination of attributes and category (a few thousand at most); the
            // margins are sums of these aggregate rows. A visitor is counted once in `visitors`
            // (the row of their first service in the period) and once per category served.
            for row in try Row.fetchAll(db, sql: statement.sql, arguments: StatementArguments(statement.arguments)) {
                let visitors: Int = row[6], services: Int = row[7], newVisitors: Int = row[8], newServices: Int = row[9]
                let categoryVisitors: Int = row[10]
                guard row[0] as Bool else {
                    counts.nonConsentingVisitors += visitors
                    counts.nonConsentingServices += services
                    continue
                }
                counts.visitors += visitors
                counts.services += services
                let keys: [(ReportDimension, String)] = [(.sex, row[1]), (.ageBand, row[2]), (.nationality, row[3]), (.status, row[4])]
                for (d, k) in keys { counts.add(d, k, visitors: visitors, services: services) }
                counts.add(sex: row[1], ageBand: row[2], visitors: visitors, services: services)
                if newVisitors > 0 || newServices > 0 { counts.add(.recurrence, "new", visitors: newVisitors, services: newServices) }
                if visitors > newVisitors || services > newServices {
                    counts.add(.recurrence, "returning", visitors: visitors - newVisitors, services: services - newServices)
                }
                counts.add(.category, row[5], visitors: categoryVisitors, services: services)
            }
            return counts
        }
    }

    /// The report as one script for the `sqlite3` shell (the benchmark's side-by-side run).
    /// With `programs`, the statements of their targets' achievements follow.
    public func funderReportSQLScript(_ period: ReportingPeriod, programs: [String]? = nil) -> String {
        let s = funderReportStatement(period, programs: programs)
        var script = Self.inline(s.sql, s.arguments) + ";\n"
        if let programs {
            let catalog = ((try? self.programs()) ?? []).filter { programs.contains($0.id) }
            for a in achievementStatements(period, catalog: catalog) { script += Self.inline(a.sql, a.arguments) + ";\n" }
        }
        return script
    }

    /// One statement over `delivered_service` (kept at write time, see
    /// `AppDatabase+DeliveredServices`): the services of the period from one covering index in
    /// order of (profile, category, birth year), so SQLite groups them without sorting (`c`,
    /// a few thousand rows for a year); then by age band of the period's last year (`b`, a
    /// sort of those rows); then the profiles' attributes. (`IFNULL(prev_at, 0) < from`: no
    /// previous service counts as one before the period; it reads ~7% faster than
    /// `prev_at IS NULL OR prev_at < from`.)
    ///
    /// Columns: consent (`ok`), sex, age band, nationality, status, category; then unique
    /// visitors whose first service in the period has that category (each visitor once over all
    /// rows), services, new visitors (first service ever in the period) and their services, and
    /// unique visitors of the category. Services are placed by instant: an appointment's or
    /// seat's start, a walk-in's arrival (its `day` is the center-local day of that instant).
    ///
    /// With `programs`, the services of those programs only, read by `delivered_service_by_program`
    /// up to the period's end; the previous and first instants are then those of the visitor's
    /// services in these programs (window functions over that history), so that a visitor is
    /// new when first served by these programs in the period.
    func funderReportStatement(_ period: ReportingPeriod, programs: [String]? = nil) -> (sql: String, arguments: [DatabaseValueConvertible]) {
        let span = periodSpan(period)
        let from = span.start.epochMilliseconds, to = span.end.epochMilliseconds
        let year = period.last.year
        let services: String
        var args: [DatabaseValueConvertible]
        if let programs {
            let marks = programs.isEmpty ? "NULL" : programs.map { _ in "?" }.joined(separator: ", ")
            services = """
                WITH w AS (
                  SELECT profile_id, birth_year, category, at,
                    LAG(at) OVER (PARTITION BY visitor_id ORDER BY at) AS prev_at,
                    LAG(at) OVER (PARTITION BY visitor_id, category ORDER BY at) AS prev_category_at,
                    MIN(at) OVER (PARTITION BY visitor_id) AS first_at
                  FROM delivered_service INDEXED BY delivered_service_by_program
                  WHERE program_id IN (\(marks)) AND at < ?
                ), c AS (
                  SELECT profile_id, category, birth_year, COUNT(*) AS n, SUM(IFNULL(prev_at, 0) < ?) AS v,
                         SUM(prev_at IS NULL) AS new_v, SUM(first_at >= ?) AS new_n, SUM(IFNULL(prev_category_at, 0) < ?) AS cat_v
                  FROM w WHERE at >= ?
                  GROUP BY profile_id, category, birth_year
                )
                """
            args = programs.map { $0 as DatabaseValueConvertible } + [to, from, from, from, from]
        } else {
            services = """
                WITH c AS (
                  SELECT profile_id, category, birth_year, COUNT(*) AS n, SUM(IFNULL(prev_at, 0) < ?) AS v,
                         SUM(prev_at IS NULL) AS new_v, SUM(first_at >= ?) AS new_n, SUM(IFNULL(prev_category_at, 0) < ?) AS cat_v
                  FROM delivered_service INDEXED BY delivered_service_reporting
                  WHERE at >= ? AND at < ?
                  GROUP BY profile_id, category, birth_year
                )
                """
            args = [from, from, from, from, to]
        }
        let sql = """
            \(services), b AS (
              SELECT profile_id, category,
                CASE WHEN birth_year IS NULL OR birth_year > ? THEN 'unknown'
                     WHEN ? - birth_year <= 4 THEN '0-4' WHEN ? - birth_year <= 11 THEN '5-11'
                     WHEN ? - birth_year <= 17 THEN '12-17' WHEN ? - birth_year <= 24 THEN '18-24'
                     WHEN ? - birth_year <= 59 THEN '25-59' ELSE '60+' END AS age,
                SUM(v) AS v, SUM(n) AS n, SUM(new_v) AS new_v, SUM(new_n) AS new_n, SUM(cat_v) AS cat_v
              FROM c GROUP BY profile_id, category, age
            )
            SELECT p.consent_reporting AS ok, p.sex AS sex, b.age AS age, p.nationality AS nationality, p.status AS status,
              b.category AS category, b.v AS visitors, b.n AS services, b.new_v AS new_visitors, b.new_n AS new_services,
              b.cat_v AS category_visitors
            FROM b JOIN reporting_profile p ON p.id = b.profile_id
            """
        args += [year, year, year, year, year, year]
        return (sql, args)
    }
}
