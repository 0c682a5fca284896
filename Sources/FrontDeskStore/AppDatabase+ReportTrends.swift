import Foundation
import FrontDeskDomain
import GRDB

/// The reports screen's trends (`ReportTrends`): three reads, each over the twelve months
/// ending with the report's last month.
extension AppDatabase {
    /// The trends for a report of `period` over `programs`' services (nil: every service).
    public func reportTrends(_ period: ReportingPeriod, programs: [String]?) throws -> ReportTrends {
        let firsts = ReportTrends.trendMonths(endingWith: period.last)
        let next = ReportTrends.trendMonths(endingWith: LocalDate(year: period.last.year, month: period.last.month, day: 1).adding(days: 31))
            .last ?? period.last
        let bounds = (firsts + [next]).map { calendar.startOfDay($0).epochMilliseconds }
        let visitors = try monthlyVisitors(firsts: firsts, bounds: bounds, programs: programs)
        let span = periodSpan(period)
        let from = span.start.epochMilliseconds, to = span.end.epochMilliseconds
        return try writer.read { db in
            var months = zip(firsts, visitors).map { ReportTrends.Month(first: $0, visitors: SmallCells.shown($1)) }
            func month(_ at: Int64) -> Int? {
                guard at >= bounds[0], at < bounds[bounds.count - 1] else { return nil }
                return bounds.lastIndex { $0 <= at }
            }
            // Walk-ins: waits of the served tickets per month (`TicketFate`); arrivals of the
            // period by weekday and hour.
            let cutoffs = QueueCutoffs(days: ReportingPeriod(first: firsts[0], last: next.adding(days: -1)).days,
                                       openingHours: try Self.settings(db).openingHours, calendar: calendar)
            var waits = Array(repeating: [Int](), count: months.count)
            var grid = Array(repeating: Array(repeating: 0, count: 24), count: 7)
            let visits = try Row.fetchCursor(db, sql: """
                SELECT arrived_at, called_at, left_at, outcome, day FROM visit WHERE day >= ? AND day < ?
                """, arguments: [firsts[0].description, next.description])
            while let row = try visits.next() {
                let arrived: Int64 = row[0]
                guard let m = month(arrived) else { continue }
                let at = Date(epochMilliseconds: arrived)
                if let day = LocalDate(iso: row[4]), let cutoff = cutoffs.cutoff(day: day, arrivedAt: at) {
                    let (fate, minutes) = Visit.fate(arrivedAt: at, calledAt: (row[1] as Int64?).map(Date.init(epochMilliseconds:)),
                                                     leftAt: (row[2] as Int64?).map(Date.init(epochMilliseconds:)),
                                                     outcome: (row[3] as String?).flatMap(VisitOutcome.init(rawValue:)), cutoff: cutoff, now: .distantFuture)
                    if fate == .served, let minutes { waits[m].append(minutes) }
                }
                if arrived >= from, arrived < to {
                    let local = calendar.localDateTime(of: at)
                    grid[local.date.isoWeekday.rawValue - 1][local.time.hour] += 1
                }
            }
            for i in months.indices {
                months[i].waits = waits[i].count
                months[i].medianWaitMinutes = Statistics.percentile(waits[i], percent: 50)
            }
            // Individual appointments with an outcome: no-shows against those who came.
            var counselors: [Int64: (Int, Int)] = [:], services: [String: (Int, Int)] = [:]
            let appointments = try Row.fetchCursor(db, sql: """
                SELECT start_at, counselor_id, service_id, status = 'no_show' FROM appointment
                WHERE start_at >= ? AND start_at < ? AND visitor_id IS NOT NULL
                  AND status IN ('no_show', 'checked_in', 'in_session', 'completed')
                """, arguments: [bounds[0], bounds[bounds.count - 1]])
            while let row = try appointments.next() {
                let start: Int64 = row[0], noShow: Bool = row[3]
                guard let m = month(start) else { continue }
                if noShow { months[m].noShows += 1 } else { months[m].attended += 1 }
                guard start >= from, start < to else { continue }
                let add = noShow ? (1, 0) : (0, 1)
                let c = counselors[row[1], default: (0, 0)], s = services[row[2], default: (0, 0)]
                counselors[row[1]] = (c.0 + add.0, c.1 + add.1)
                services[row[2]] = (s.0 + add.0, s.1 + add.1)
            }
            let counselorNames = Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT id, name FROM counselor").map { ($0[0] as Int64, $0[1] as String) })
            let serviceRows = Dictionary(uniqueKeysWithValues: try ServiceRecord.fetchAll(db).map { ($0.id, $0.service) })
            return ReportTrends(
                months: months, walkIns: grid,
                byCounselor: counselors.map { ReportTrends.NoShowLine(name: counselorNames[$0.key] ?? "#\($0.key)", noShows: $0.value.0, attended: $0.value.1) }
                    .sorted { $0.name.localizedStandardCompare($1.name) == .orderedAscending },
                byService: services.map { key, value in
                    let service = serviceRows[key]
                    return ReportTrends.NoShowLine(name: service?.nameFr ?? key, noShows: value.0, attended: value.1, englishName: service?.nameEn)
                }.sorted { $0.name.localizedStandardCompare($1.name) == .orderedAscending })
        }
    }

    /// Unique visitors of each month (raw), one statement for the twelve: a visitor's first
    /// service of a month is the one whose previous service (of the scope) came before the
    /// month's first instant (`AppDatabase+DeliveredServices`). Several programs of different
    /// funders have no stored instants: their months are counted one report at a time.
    func monthlyVisitors(firsts: [LocalDate], bounds: [Int64], programs: [String]?) throws -> [Int] {
        let (column, filter, arguments): (String, String, [DatabaseValueConvertible])
        switch reportScope(programs) {
        case .all: (column, filter, arguments) = ("prev_at", "", [])
        case .program(let id): (column, filter, arguments) = ("prev_program_at", " AND d.program_id = ?", [id])
        case .funder(let funder): (column, filter, arguments) = ("prev_funder_at", " AND d.funder = ?", [funder])
        case .programs(let ids):
            return try firsts.indices.map { i in
                let last = i + 1 < firsts.count ? firsts[i + 1].adding(days: -1) : calendar.localDate(of: Date(epochMilliseconds: bounds[i + 1] - 1))
                return try funderReportCounts(ReportingPeriod(first: firsts[i], last: last), programs: ids).visitors
            }
        }
        let month = "CASE " + bounds.dropFirst().dropLast().enumerated().map { "WHEN d.at < \($1) THEN \($0)" }.joined(separator: " ")
            + " ELSE \(bounds.count - 2) END"
        let start = "CASE " + bounds.dropFirst().dropLast().enumerated().map { "WHEN d.at < \($1) THEN \(bounds[$0])" }.joined(separator: " ")
            + " ELSE \(bounds[bounds.count - 2]) END"
        let sql = """
            SELECT \(month) AS k, SUM(IFNULL(d.\(column), 0) < \(start)) AS v
            FROM delivered_service d JOIN reporting_profile p ON p.id = d.profile_id
            WHERE p.consent_reporting AND d.at >= ? AND d.at < ?\(filter)
            GROUP BY k
            """
        var counts = Array(repeating: 0, count: firsts.count)
        try writer.read { db in
            for row in try Row.fetchAll(db, sql: sql, arguments: StatementArguments([bounds[0], bounds[bounds.count - 1]] + arguments)) {
                counts[row[0]] = row[1]
            }
        }
        return counts
    }
}
