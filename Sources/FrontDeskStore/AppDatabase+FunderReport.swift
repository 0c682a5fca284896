import Foundation
import FrontDeskDomain
import GRDB

/// The funder report's counts, aggregated in one SQL statement (see `FunderReport` for what a
/// service is, `VisitorRecurrence` for new and returning, `AgeBands` and `Age` for ages). Counts only: no
/// name or code leaves the database.
extension AppDatabase {
    /// The report of the period's center-local days, suppressed for publication: every service,
    /// or the services of `programs` with their targets (`TargetAchievement`); ages in
    /// `ageBands` (nil: the center's, `CenterSettings.ageBands`).
    /// `today`: the center-local day of the report (`TargetAchievement.spans`).
    public func funderReport(_ period: ReportingPeriod, programs: [String]? = nil, ageBands: AgeBands? = nil,
                             today: LocalDate? = nil) throws -> FunderReport {
        // One read transaction: the bands, the catalog, the counts and the targets of one
        // snapshot (and no catalog read three times over: a short command's milliseconds).
        try writer.read { db in
            let bands = try ageBands ?? Self.ageBands(db)
            let catalog = programs == nil ? [] : try Self.fetchPrograms(db)
            let counts = try funderReportCounts(db, period, programs: programs, windowed: false, ageBands: bands, catalog: catalog)
            guard let programs else { return FunderReport(period: period, counts: counts) }
            let achieved = try achievementStatements(period, catalog: catalog.filter { programs.contains($0.id) }, today: today).map { a in
                (target: a.target, programId: a.programId, through: a.through,
                 achieved: try Int.fetchOne(db, sql: a.sql, arguments: StatementArguments(a.arguments)) ?? 0)
            }
            return FunderReport(period: period, counts: counts, programs: programs, achievements: achieved)
        }
    }

    /// The `c` part of the report for one program (`column` `program_id`) or one funder
    /// (`funder`): its services of the period from `delivered_service_by_<prefix>`, with the
    /// instants stored for it (`prev_<prefix>_at`, …).
    static func storedScopeSQL(_ column: String, _ prefix: String, _ key: String, from: Int64, to: Int64)
        -> (String, [DatabaseValueConvertible]) {
        ("""
            WITH c AS (
              SELECT profile_id, category, age, COUNT(*) AS n, SUM(IFNULL(prev_\(prefix)_at, 0) < ?) AS v,
                     SUM(prev_\(prefix)_at IS NULL) AS new_v, SUM(first_\(prefix)_at >= ?) AS new_n,
                     SUM(IFNULL(prev_\(prefix)_category_at, 0) < ?) AS cat_v
              FROM delivered_service INDEXED BY delivered_service_by_\(prefix)
              WHERE \(column) = ? AND at >= ? AND at < ?
              GROUP BY profile_id, category, age
            )
            """, [from, from, from, key, from, to])
    }

    /// One statement per target of `catalog`'s programs in a year the period reaches
    /// (`TargetAchievement.spans`): the program's unique visitors or services from the year's
    /// first day through `through`, consenting visitors only, as every count of the report.
    func achievementStatements(_ period: ReportingPeriod, catalog: [Program], today: LocalDate? = nil)
        -> [(target: ProgramTarget, programId: String, through: LocalDate, sql: String, arguments: [DatabaseValueConvertible])] {
        TargetAchievement.spans(of: catalog, in: period, today: today).map { span in
            let from = calendar.startOfDay(span.first).epochMilliseconds
            let to = calendar.startOfDay(span.through.adding(days: 1)).epochMilliseconds
            // A visitor's first service of the program in the span is the one whose previous
            // service of the program came before it: counting those counts the visitors.
            let unique = span.target.measure == .uniqueVisitors ? " AND IFNULL(d.prev_program_at, 0) < ?" : ""
            let sql = """
                SELECT COUNT(*) FROM delivered_service d INDEXED BY delivered_service_by_program JOIN reporting_profile p ON p.id = d.profile_id
                WHERE d.program_id = ? AND d.at >= ? AND d.at < ?\(unique) AND p.consent_reporting
                """
            return (span.target, span.programId, span.through, sql, [span.programId, from, to] + (unique.isEmpty ? [] : [from]))
        }
    }

    /// How a report's services are chosen: all of them; one program's or one funder's (all its
    /// programs), each read by its own covering index with its own stored instants; or several
    /// programs of different funders, whose instants are worked out by window functions.
    enum ReportScope: Equatable {
        case all
        case program(String)
        case funder(String)
        case programs([String])
    }

    /// The scope of a report of `programs` (nil: all services), in `catalog` (nil: read here).
    func reportScope(_ programs: [String]?, catalog: [Program]? = nil) -> ReportScope {
        guard let programs else { return .all }
        if programs.count == 1, let only = programs.first { return .program(only) }
        let catalog = catalog ?? (try? self.programs()) ?? []
        let funders = Set(catalog.filter { programs.contains($0.id) }.map(\.funder))
        if funders.count == 1, let funder = funders.first, Set(catalog.filter { $0.funder == funder }.map(\.id)) == Set(programs) {
            return .funder(funder)
        }
        return .programs(programs)
    }

    /// The raw counts (consenting visitors; non-consenting ones as two numbers), of every
    /// service or of `programs`' services. Not for publication as they are: `funderReport`
    /// suppresses small cells.
    /// Ages in `ageBands` (nil: the center's).
    public func funderReportCounts(_ period: ReportingPeriod, programs: [String]? = nil, ageBands: AgeBands? = nil) throws -> FunderReportCounts {
        try funderReportCounts(period, programs: programs, windowed: false, ageBands: ageBands)
    }

    /// The center's age bands (`CenterSettings.ageBands`).
    public func ageBands() throws -> AgeBands {
        try writer.read(Self.ageBands)
    }

    static func ageBands(_ db: Database) throws -> AgeBands {
        try String.fetchOne(db, sql: "SELECT age_bands FROM center_setting WHERE id = 1").flatMap(AgeBands.init(spec:)) ?? .standard
    }

    /// `funderReportCounts`; `windowed`: several programs' way (window functions) even for one
    /// program or one funder (tests hold the stored instants equal to it).
    func funderReportCounts(_ period: ReportingPeriod, programs: [String]?, windowed: Bool, ageBands: AgeBands? = nil) throws -> FunderReportCounts {
        try writer.read { db in
            try funderReportCounts(db, period, programs: programs, windowed: windowed, ageBands: ageBands ?? Self.ageBands(db),
                                   catalog: programs == nil ? [] : Self.fetchPrograms(db))
        }
    }

    /// `funderReportCounts` in `db`'s transaction, with the catalog of programs read there. The
    /// statement gives one row per combination of attributes and category (a few thousand at
    /// most); the margins are sums of these rows. A visitor is counted once in `visitors` (the
    /// row of their first service in the period) and once per category served.
    func funderReportCounts(_ db: Database, _ period: ReportingPeriod, programs: [String]?, windowed: Bool, ageBands bands: AgeBands,
                            catalog: [Program]) throws -> FunderReportCounts {
        var counts = FunderReportCounts(ageBands: bands)
        guard !period.days.isEmpty else { return counts }
        let statement = funderReportStatement(period, programs: programs, windowed: windowed, ageBands: bands, catalog: catalog)
        for row in try FunderReportRow.fetchAll(db, statement) {
            guard row.consenting else {
                counts.nonConsentingVisitors += row.visitors
                counts.nonConsentingServices += row.services
                continue
            }
            counts.visitors += row.visitors
            counts.services += row.services
            let keys: [(ReportDimension, String)] = [(.sex, row.sex), (.ageBand, row.ageBand), (.nationality, row.nationality), (.status, row.status)]
            for (d, k) in keys { counts.add(d, k, visitors: row.visitors, services: row.services) }
            counts.add(sex: row.sex, ageBand: row.ageBand, visitors: row.visitors, services: row.services)
            if row.newVisitors > 0 || row.newServices > 0 { counts.add(.recurrence, "new", visitors: row.newVisitors, services: row.newServices) }
            if row.visitors > row.newVisitors || row.services > row.newServices {
                counts.add(.recurrence, "returning", visitors: row.visitors - row.newVisitors, services: row.services - row.newServices)
            }
            counts.add(.category, row.category, visitors: row.categoryVisitors, services: row.services)
        }
        return counts
    }

    /// The report as one script for the `sqlite3` shell (the benchmark's side-by-side run).
    /// With `programs`, the statements of their targets' achievements follow.
    public func funderReportSQLScript(_ period: ReportingPeriod, programs: [String]? = nil) -> String {
        let s = funderReportStatement(period, programs: programs, ageBands: (try? ageBands()) ?? .standard)
        var script = Self.inline(s.sql, s.arguments) + ";\n"
        if let programs {
            let catalog = ((try? self.programs()) ?? []).filter { programs.contains($0.id) }
            for a in achievementStatements(period, catalog: catalog) { script += Self.inline(a.sql, a.arguments) + ";\n" }
        }
        return script
    }

    /// One statement over `delivered_service` (kept at write time, see
    /// `AppDatabase+DeliveredServices`): the services of the period from one covering index in
    /// order of (profile, category, age at the service), so SQLite groups them without sorting
    /// (`c`, a few thousand rows for a year); then by age band (`b`, a sort of those rows);
    /// then the profiles' attributes. A service counts in the band of the visitor's age on its
    /// day, a unique visitor in the band of their age at their first service in the period, so
    /// that a past period's figures do not depend on the day the report runs (P3). (`IFNULL(prev_at, 0) < from`: no
    /// previous service counts as one before the period; it reads ~7% faster than
    /// `prev_at IS NULL OR prev_at < from`.)
    ///
    /// Columns: consent (`ok`), sex, age band, nationality, status, category; then unique
    /// visitors whose first service in the period has that category (each visitor once over all
    /// rows), services, new visitors (first service ever in the period) and their services, and
    /// unique visitors of the category. Services are placed by instant: an appointment's or
    /// seat's start, a walk-in's arrival (its `day` is the center-local day of that instant).
    ///
    /// With `programs`, the services of those programs only, and the previous and first
    /// instants of the visitor's services in them, so that a visitor is new when first served by
    /// them in the period (`ReportScope`): for one program or one funder, the instants stored
    /// per program and per funder, read like the whole report's from one covering index;
    /// for several programs of different funders, window functions over their history.
    func funderReportStatement(_ period: ReportingPeriod, programs: [String]? = nil, windowed: Bool = false,
                               ageBands: AgeBands = .standard, catalog: [Program]? = nil)
        -> (sql: String, arguments: [DatabaseValueConvertible]) {
        let span = periodSpan(period)
        let from = span.start.epochMilliseconds, to = span.end.epochMilliseconds
        let services: String
        var args: [DatabaseValueConvertible]
        let scope = windowed ? programs.map(ReportScope.programs) ?? .all : reportScope(programs, catalog: catalog)
        if case .program(let key) = scope { (services, args) = Self.storedScopeSQL("program_id", "program", key, from: from, to: to) }
        else if case .funder(let key) = scope { (services, args) = Self.storedScopeSQL("funder", "funder", key, from: from, to: to) }
        else if let programs {
            let marks = programs.isEmpty ? "NULL" : programs.map { _ in "?" }.joined(separator: ", ")
            services = """
                WITH w AS (
                  SELECT profile_id, age, category, at,
                    LAG(at) OVER (PARTITION BY visitor_id ORDER BY at) AS prev_at,
                    LAG(at) OVER (PARTITION BY visitor_id, category ORDER BY at) AS prev_category_at,
                    MIN(at) OVER (PARTITION BY visitor_id) AS first_at
                  FROM delivered_service
                  WHERE program_id IN (\(marks)) AND at < ?
                ), c AS (
                  SELECT profile_id, category, age, COUNT(*) AS n, SUM(IFNULL(prev_at, 0) < ?) AS v,
                         SUM(prev_at IS NULL) AS new_v, SUM(first_at >= ?) AS new_n, SUM(IFNULL(prev_category_at, 0) < ?) AS cat_v
                  FROM w WHERE at >= ?
                  GROUP BY profile_id, category, age
                )
                """
            args = programs.map { $0 as DatabaseValueConvertible } + [to, from, from, from, from]
        } else {
            services = """
                WITH c AS (
                  SELECT profile_id, category, age, COUNT(*) AS n, SUM(IFNULL(prev_at, 0) < ?) AS v,
                         SUM(prev_at IS NULL) AS new_v, SUM(first_at >= ?) AS new_n, SUM(IFNULL(prev_category_at, 0) < ?) AS cat_v
                  FROM delivered_service INDEXED BY delivered_service_reporting
                  WHERE at >= ? AND at < ?
                  GROUP BY profile_id, category, age
                )
                """
            args = [from, from, from, from, to]
        }
        // The bands' bounds and labels are numbers and `-`, `+` (`AgeBands`): written in the
        // statement, so that SQLite compares with constants. The band is named `band`, not
        // `age`: SQLite resolves a GROUP BY name to the source's column first, and grouping by
        // the age itself returned 17,926 rows instead of 2,965 for a year (0.12 s, not 0.09 s).
        let labels = ageBands.labels
        let band = "CASE WHEN age IS NULL THEN '\(AgeBands.unknownKey)' "
            + zip(ageBands.lowerBounds.dropFirst(), labels).map { "WHEN age < \($0) THEN '\($1)' " }.joined()
            + "ELSE '\(labels.last ?? "")' END"
        let sql = """
            \(services), b AS (
              SELECT profile_id, category, \(band) AS band,
                SUM(v) AS v, SUM(n) AS n, SUM(new_v) AS new_v, SUM(new_n) AS new_n, SUM(cat_v) AS cat_v
              FROM c GROUP BY profile_id, category, band
            )
            SELECT p.consent_reporting AS ok, p.sex AS sex, b.band AS age, p.nationality AS nationality, p.status AS status,
              b.category AS category, b.v AS visitors, b.n AS services, b.new_v AS new_visitors, b.new_n AS new_services,
              b.cat_v AS category_visitors
            FROM b JOIN reporting_profile p ON p.id = b.profile_id
            """
        return (sql, args)
    }
}

/// One row of the funder report's statement (`AppDatabase.funderReportStatement`'s columns).
struct FunderReportRow: Sendable {
    let consenting: Bool
    let sex, ageBand, nationality, status, category: String
    let visitors, services, newVisitors, newServices, categoryVisitors: Int

    init(_ row: Row) {
        consenting = row[0]
        sex = row[1]; ageBand = row[2]; nationality = row[3]; status = row[4]; category = row[5]
        visitors = row[6]; services = row[7]; newVisitors = row[8]; newServices = row[9]; categoryVisitors = row[10]
    }

    /// The statement's rows, each read from SQLite's row while it is current (a cursor): no copy
    /// of every value first, as `Row.fetchAll` makes (a third of the Swift side's work).
    static func fetchAll(_ db: Database, _ statement: (sql: String, arguments: [DatabaseValueConvertible])) throws -> [FunderReportRow] {
        try Array(Row.fetchCursor(db, sql: statement.sql, arguments: StatementArguments(statement.arguments)).map(FunderReportRow.init))
    }
}
