import Foundation

/// What the coordinator's reports screen draws beside the funder report (issue 15 item 4):
/// monthly trends, walk-ins by weekday and hour, no-shows by counselor and service. Counts
/// only: counselors and services are named, visitors never.
///
/// - Unique visitors per month are of the report's scope (every service, a funder's or a
///   program's) and suppressed like the report's counts (1 to 4: `<5`, `SmallCells.shown`).
/// - Waits and no-shows are of the whole center (walk-ins and appointments have no program
///   until they are delivered). The waits are of the served tickets (arrival → call, as in the
///   occupancy report: `TicketFate`, `WalkInStats`).
/// - A no-show rate is no-shows ÷ (no-shows + arrivals and completed) among individual
///   appointments (`AppointmentCounts.noShowRate`).
public struct ReportTrends: Hashable, Sendable {
    /// One month of the trend.
    public struct Month: Hashable, Sendable {
        /// The month's first day (center-local).
        public var first: LocalDate
        /// Unique visitors of the scope served that month, suppressed.
        public var visitors: ReportCount
        /// Served tickets, and their median wait in minutes (nil without any).
        public var waits: Int
        public var medianWaitMinutes: Int?
        /// Individual appointments marked no-show, and those that arrived or were completed.
        public var noShows: Int
        public var attended: Int

        public init(first: LocalDate, visitors: ReportCount, waits: Int = 0, medianWaitMinutes: Int? = nil, noShows: Int = 0, attended: Int = 0) {
            self.first = first
            self.visitors = visitors
            self.waits = waits
            self.medianWaitMinutes = medianWaitMinutes
            self.noShows = noShows
            self.attended = attended
        }

        public var noShowRate: Double? { Statistics.ratio(noShows, noShows + attended) }
    }

    /// No-shows of one counselor or one service over the report's period.
    public struct NoShowLine: Hashable, Sendable {
        /// The counselor's name, or the service's French name.
        public var name: String
        public var noShows: Int
        public var attended: Int
        /// A service's English name.
        public var englishName: String?

        public init(name: String, noShows: Int, attended: Int, englishName: String? = nil) {
            self.name = name
            self.noShows = noShows
            self.attended = attended
            self.englishName = englishName
        }

        public var rate: Double? { Statistics.ratio(noShows, noShows + attended) }
    }

    /// The no-shows of `lines` as the reports show them: 1 to 4 `<5`, and more hidden (`x`)
    /// so that none of those can be worked out from their sum, which the monthly trend adds
    /// up to (`SmallCells.suppress`, then `SmallCellsAudit` over that one line). Same order
    /// as `lines`. A line's attended count is never shown beside it (with the appointments it
    /// would give the no-shows back): the reports show no-shows of appointments.
    public static func shownNoShows(_ lines: [NoShowLine]) -> [ReportCount] {
        let counts = lines.map(\.noShows), total = counts.reduce(0, +)
        let first = SmallCells.suppress(counts, total: total).cells
        let known = [.exact(total)] + first.map { SmallCellsAudit.known($0) }
        let line = SmallCellsAudit.Line(total: 0, parts: counts.indices.map { $0 + 1 })
        guard let protected = SmallCellsAudit.protect([total] + counts, known, lines: [line], zeroMayHide: Array(repeating: false, count: counts.count + 1))
        else { return counts.map { _ in .hidden } }
        return protected.dropFirst().map(SmallCellsAudit.shown)
    }

    /// The twelve months ending with the report's last month, oldest first.
    public var months: [Month]
    /// Walk-in arrivals of the report's period by ISO weekday (index 0 Monday … 6 Sunday) and
    /// center-local hour (index 0 … 23).
    public var walkIns: [[Int]]
    /// Counselors and services with at least one appointment counted, by name.
    public var byCounselor: [NoShowLine]
    public var byService: [NoShowLine]

    public init(months: [Month], walkIns: [[Int]] = Array(repeating: Array(repeating: 0, count: 24), count: 7),
                byCounselor: [NoShowLine] = [], byService: [NoShowLine] = []) {
        self.months = months
        self.walkIns = walkIns
        self.byCounselor = byCounselor
        self.byService = byService
    }

    /// The first days of the twelve months ending with the month of `last`, oldest first.
    public static func trendMonths(endingWith last: LocalDate) -> [LocalDate] {
        let index = last.year * 12 + last.month - 1
        return (0..<12).reversed().map { back in
            let i = index - back
            return LocalDate(year: i / 12, month: i % 12 + 1, day: 1)
        }
    }
}

/// The trends' tables for export (CSV, xlsx, JSON): one table per picture of the reports
/// screen. Unique visitors as shown (`<5`); the other figures are of visits and appointments.
public enum ReportTrendsExport {
    /// Which picture's figures.
    public enum Table: String, Sendable { case months, walkIns = "walk_ins", noShows = "no_shows" }

    /// What an exported table covers, written under its header as a funder report's is: when
    /// it was produced (UTC), its center-local days, and the funder or programs of its unique
    /// visitors (nil: every service).
    public struct About: Hashable, Sendable {
        public var producedAt: Date
        public var period: ReportingPeriod
        public var funder: String?
        public var programs: [String]?
        public init(producedAt: Date, period: ReportingPeriod, funder: String? = nil, programs: [String]? = nil) {
            self.producedAt = producedAt
            self.period = period
            self.funder = funder
            self.programs = programs
        }

        /// `produced_at`, `period` (`first/last`), `funder`, `programs` (ids separated by spaces).
        var fields: [(String, String)] {
            [("produced_at", producedAt.formatted(Date.ISO8601FormatStyle())), ("period", "\(period.first)/\(period.last)")]
                + (funder.map { [("funder", $0)] } ?? []) + (programs.map { [("programs", $0.joined(separator: " "))] } ?? [])
        }
    }

    /// The days `table` covers: the twelve months of `months`, else the report's period.
    public static func period(of table: Table, _ t: ReportTrends, report: ReportingPeriod) -> ReportingPeriod {
        guard table == .months, let first = t.months.first?.first else { return report }
        return ReportingPeriod(first: first, last: report.last)
    }

    /// Writes `table` into `csv`. `months`: month, visitors, waits, median_wait_min, no_shows,
    /// attended. `walkIns`: weekday (1 Monday … 7), then one column per hour `h00` … `h23`.
    /// `noShows`: kind (`counselor`, `service`), name, no_shows (as `shownNoShows`),
    /// appointments (no-shows and attended together, `<5` from 1 to 4). Under the header,
    /// what it covers (`about`: a name in the first column, its value in the second). Every
    /// count from 1 to 4 is written `<5`, as in the funder report.
    public static func fill(_ csv: inout CSVWriter, _ t: ReportTrends, _ table: Table, english: Bool, about: About? = nil) {
        func count(_ n: Int) -> CSVWriter.Cell { SmallCells.shown(n).value.map { .number($0) } ?? .text(SmallCells.shown(n).description) }
        func header(_ names: [String]) {
            csv.appendHeader(names)
            for (name, value) in about?.fields ?? [] {
                csv.append([.text(name), .text(value)] + Array(repeating: CSVWriter.Cell.empty, count: max(0, names.count - 2)))
            }
        }
        switch table {
        case .months:
            header(["month", "visitors", "waits", "median_wait_min", "no_shows", "attended"])
            for m in t.months {
                csv.append([.text(String(m.first.description.prefix(7))), m.visitors.value.map { .number($0) } ?? .text(m.visitors.description),
                            count(m.waits), m.medianWaitMinutes.map { .number($0) } ?? .empty, count(m.noShows), count(m.attended)])
            }
        case .walkIns:
            header(["weekday"] + (0..<24).map { String(format: "h%02d", $0) })
            for (i, hours) in t.walkIns.enumerated() { csv.append([.number(i + 1)] + hours.map(count)) }
        case .noShows:
            header(["kind", "name", "no_shows", "appointments"])
            func shown(_ c: ReportCount) -> CSVWriter.Cell { c.value.map { .number($0) } ?? .text(c.description) }
            for (l, n) in zip(t.byCounselor, ReportTrends.shownNoShows(t.byCounselor)) {
                csv.append([.text("counselor"), .text(l.name), shown(n), count(l.noShows + l.attended)])
            }
            for (l, n) in zip(t.byService, ReportTrends.shownNoShows(t.byService)) {
                csv.append([.text("service"), .text(english ? l.englishName ?? l.name : l.name), shown(n), count(l.noShows + l.attended)])
            }
        }
    }

    /// The same table as JSON: what it covers (`about`'s fields as keys) and `rows`, an array
    /// of objects keyed by the CSV's header.
    public static func json(_ t: ReportTrends, _ table: Table, english: Bool, about: About) -> [String: JSONValue] {
        var object = Dictionary(uniqueKeysWithValues: about.fields.map { ($0.0, JSONValue.text($0.1)) })
        object["rows"] = .array(rows(t, table, english: english).map(JSONValue.object))
        return object
    }

    /// The table's rows as objects keyed by the CSV's header.
    static func rows(_ t: ReportTrends, _ table: Table, english: Bool) -> [[String: JSONValue]] {
        var csv = CSVWriter(keepingCells: true)
        fill(&csv, t, table, english: english)
        let header = csv.header ?? []
        return csv.rows.map { row in
            Dictionary(uniqueKeysWithValues: zip(header, row).map { name, cell in
                switch cell {
                case .number(let n): (name, JSONValue.number(n))
                case .text(let s): (name, .text(s))
                default: (name, JSONValue.null)
                }
            })
        }
    }
}

/// A value of an exported JSON object.
public indirect enum JSONValue: Encodable, Hashable, Sendable {
    case number(Int)
    case text(String)
    case null
    case array([JSONValue])
    case object([String: JSONValue])

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .number(let n): try c.encode(n)
        case .text(let s): try c.encode(s)
        case .null: try c.encodeNil()
        case .array(let a): try c.encode(a)
        case .object(let o): try c.encode(o)
        }
    }
}
