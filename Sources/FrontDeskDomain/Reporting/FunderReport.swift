import Foundation

/// Whether a visitor came for the first time in the period.
///
/// A visitor is **new** in a period when their first service ever (any category, any time
/// before or in the period) falls within it, and **returning** when they had a service before
/// the period's first day. Only visitors with a service in the period are counted at all.
public enum VisitorRecurrence: String, CaseIterable, Codable, Sendable {
    case new
    case returning
}

/// The ways a funder report splits its counts.
public enum ReportDimension: String, CaseIterable, Codable, Sendable {
    case sex
    case ageBand = "age_band"
    case nationality
    case status
    /// A visitor counts once in each category they were served in, so these visitor counts
    /// may add up to more than the total; services add up.
    case category
    case recurrence = "new_returning"
}

/// A count as a report may show it (see `SmallCells`): the number; "<5" when it is from 1 to 4
/// (small enough to point at a person); "x" when it is hidden only so that a "<5" cannot be
/// worked out from a total. A hidden count may be of any size: it is never shown as "<5",
/// which would be wrong information (issue 15: Senegal with 37 visitors was printed `<5`).
public enum ReportCount: Hashable, Sendable, CustomStringConvertible, Encodable {
    case exact(Int)
    /// A count from 1 to 4.
    case suppressed
    /// A count hidden to protect another (complementary suppression), whatever its size.
    case hidden

    /// What `hidden` is shown as in text, CSV and workbooks.
    public static let hiddenMark = "x"
    /// Why a count is hidden, for JSON readers (beside its `null`).
    public static let hiddenReason = "hidden so that a count under \(SmallCells.threshold) cannot be worked out from a total"

    /// `12`, `<5` or `x`.
    public var description: String {
        switch self {
        case .exact(let n): String(n)
        case .suppressed: "<\(SmallCells.threshold)"
        case .hidden: Self.hiddenMark
        }
    }

    public var value: Int? { if case .exact(let n) = self { n } else { nil } }

    /// A JSON number, the string `"<5"`, or `null` for a hidden count (its row says why).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .exact(let n): try c.encode(n)
        case .suppressed: try c.encode(description)
        case .hidden: try c.encodeNil()
        }
    }
}

/// Small-cell suppression of funder reports, so that no published count points at a person.
///
/// Rules, applied to one column (visitors, or services) of one dimension at a time:
/// 1. **Primary**: a count from 1 to 4 (`threshold − 1`) is shown as "<5". Zero is shown: it
///    describes nobody.
/// 2. **Complementary**: a suppressed count must not be recoverable by subtracting the shown
///    cells from the total. So while a dimension has exactly one suppressed cell, or its
///    suppressed cells add up to less than the threshold (two cells of 1 and 1 would be
///    recovered from their sum of 2), the smallest shown non-zero cell is hidden too (ties:
///    the later cell), shown as "x" (`ReportCount.hidden`), never as "<5". When no cell is left
///    to hide the total itself is hidden ("<5" if it is from 1 to 4, else "x").
/// 3. The **total** is shown as "<5" when it is itself from 1 to 4.
///
/// The same total is shown above every dimension; each dimension is a partition of it (but for
/// `category`, where a visitor can count in several), and is protected on its own.
public enum SmallCells {
    public static let threshold = 5

    /// The count as shown when it stands alone (a total).
    public static func shown(_ n: Int) -> ReportCount {
        (1..<threshold).contains(n) ? .suppressed : .exact(n)
    }

    /// The cells as shown, and whether the total must be suppressed too.
    public static func suppress(_ counts: [Int], total: Int) -> (cells: [ReportCount], totalSuppressed: Bool) {
        var hidden = counts.map { (1..<threshold).contains($0) }
        func needsMore() -> Bool {
            let n = hidden.filter { $0 }.count
            guard n > 0 else { return false }
            let sum = zip(counts, hidden).filter(\.1).reduce(0) { $0 + $1.0 }
            return n == 1 || sum < threshold
        }
        var totalSuppressed = (1..<threshold).contains(total)
        while needsMore() {
            let candidates = counts.indices.filter { !hidden[$0] && counts[$0] > 0 }
            guard let next = candidates.min(by: { (counts[$0], -$0) < (counts[$1], -$1) }) else {
                totalSuppressed = true
                break
            }
            hidden[next] = true
        }
        return (zip(counts, hidden).map { count, isHidden in isHidden ? (shown(count) == .suppressed ? .suppressed : .hidden) : .exact(count) },
                totalSuppressed)
    }
}

extension SmallCells {
    /// A cross-table's cells as shown (rows × columns, e.g. sex × age band), whose row and
    /// column totals are published elsewhere as they are shown here (`rowTotals`,
    /// `columnTotals`: the one-way tables, already suppressed).
    ///
    /// Primary cells (1 to 4) are `<5`. Then, until nothing changes, each row and each column
    /// whose total is shown is protected as a one-way table is: a line with exactly one
    /// unknown cell, or unknown cells adding up to less than 5, has its smallest shown non-zero
    /// cell hidden (`x`; ties: the later cell), or a zero when only zeros are left (so a cell
    /// hidden here may be 0: still never shown as `<5`). A line whose total is hidden has one
    /// more unknown already. A cell hidden for a row may call for one more in its column, hence
    /// the repetition; it ends, as each pass hides one more cell or stops.
    /// - Returns: the cells, same shape as `counts`.
    public static func suppress(_ counts: [[Int]], rowTotals: [ReportCount], columnTotals: [ReportCount]) -> [[ReportCount]] {
        let rows = counts.count, columns = counts.first?.count ?? 0
        var hidden = counts.map { $0.map { (1..<threshold).contains($0) } }
        func protect(_ line: [(Int, Int)], totalShown: Bool) -> Bool {
            guard totalShown else { return false }
            let unknown = line.filter { hidden[$0.0][$0.1] }
            guard !unknown.isEmpty else { return false }
            let sum = unknown.reduce(0) { $0 + counts[$1.0][$1.1] }
            guard unknown.count == 1 || sum < threshold else { return false }
            // The smallest shown non-zero cell; when none is left (the others are zeros), a zero:
            // a hidden zero is as unknown to a reader as any hidden count.
            let shownCells = line.enumerated().filter { !hidden[$0.element.0][$0.element.1] }
            let nonZero = shownCells.filter { counts[$0.element.0][$0.element.1] > 0 }
            guard let next = (nonZero.isEmpty ? shownCells : nonZero)
                .min(by: { (counts[$0.element.0][$0.element.1], -$0.offset) < (counts[$1.element.0][$1.element.1], -$1.offset) })
            else { return false } // every cell of the line is hidden already
            hidden[next.element.0][next.element.1] = true
            return true
        }
        var changed = true
        while changed {
            changed = false
            for r in 0..<rows where protect((0..<columns).map { (r, $0) }, totalShown: rowTotals.indices.contains(r) && rowTotals[r].value != nil) {
                changed = true
            }
            for c in 0..<columns where protect((0..<rows).map { ($0, c) }, totalShown: columnTotals.indices.contains(c) && columnTotals[c].value != nil) {
                changed = true
            }
        }
        return (0..<rows).map { r in
            (0..<columns).map { c in hidden[r][c] ? (shown(counts[r][c]) == .suppressed ? .suppressed : .hidden) : .exact(counts[r][c]) }
        }
    }
}

/// The raw counts of a funder report, as the store aggregates them (consenting visitors only,
/// plus the number of those left out). Not for publication as is: `FunderReport` suppresses.
public struct FunderReportCounts: Hashable, Sendable {
    /// One value of a dimension: unique visitors and services delivered.
    public struct Cell: Hashable, Sendable {
        public var visitors: Int
        public var services: Int
        public init(visitors: Int, services: Int) {
            self.visitors = visitors
            self.services = services
        }

        /// Adds counts to this cell.
        mutating func add(visitors: Int, services: Int) {
            self.visitors += visitors
            self.services += services
        }
    }

    public var visitors = 0
    public var services = 0
    /// Dimension → value key (`female`, `18-24`, `ML`, `refugee`, `social`, `new`) → counts.
    public var cells: [ReportDimension: [String: Cell]] = [:]
    /// Sex → age band → counts: the cross-table funders ask for.
    public var sexByAge: [String: [String: Cell]] = [:]
    /// The bands of the `age_band` keys.
    public var ageBands = AgeBands.standard
    /// Visitors served in the period who did not consent to reporting: counted here only.
    public var nonConsentingVisitors = 0
    public var nonConsentingServices = 0

    public init(ageBands: AgeBands = .standard) { self.ageBands = ageBands }

    /// Adds visitors and services to a cell.
    public mutating func add(_ dimension: ReportDimension, _ key: String, visitors: Int, services: Int) {
        cells[dimension, default: [:]][key, default: Cell(visitors: 0, services: 0)].add(visitors: visitors, services: services)
    }

    /// Adds visitors and services to a cell of the sex × age band table.
    public mutating func add(sex: String, ageBand: String, visitors: Int, services: Int) {
        sexByAge[sex, default: [:]][ageBand, default: Cell(visitors: 0, services: 0)].add(visitors: visitors, services: services)
    }
}

/// A funder report of a date range, anonymized by construction: counts only (no names, no
/// codes), small counts suppressed (`SmallCells`), visitors who did not consent to reporting
/// left out and counted separately.
///
/// **Services delivered** in the period: completed individual appointments; seats in completed
/// group sessions (enrolled, not waitlisted); walk-in visits closed as `seen` or `redirected` (a
/// referral is a service). A visit that left unseen is not a service. Counted by the local day
/// of the appointment's start or the visit's arrival. **Unique visitors**: those with at least
/// one service in the period.
public struct FunderReport: Hashable, Sendable {
    public struct Row: Hashable, Sendable {
        public var dimension: ReportDimension
        /// The value's key (`female`, `18-24`, `ML`, `asylum_seeker`, `psychological`, `new`).
        public var key: String
        public var visitors: ReportCount
        public var services: ReportCount
    }

    /// One cell of the sex × age band table.
    public struct CrossCell: Hashable, Sendable {
        public var sex: String
        public var ageBand: String
        public var visitors: ReportCount
        public var services: ReportCount
    }

    public var period: ReportingPeriod
    /// The age bands of the `age_band` rows and the cross-table's columns.
    public var ageBands: AgeBands
    public var visitors: ReportCount
    public var services: ReportCount
    public var rows: [Row]
    /// Sex × age band, row by row (sexes as in `rows(.sex)`, age bands as in `rows(.ageBand)`),
    /// protected with the one-way tables as its margins (`SmallCells.suppress(_:rowTotals:columnTotals:)`).
    public var sexByAge: [CrossCell]
    /// Left out of every count above; nothing else is said of them. From 1 to 4 they are "<5"
    /// like any count: no number a report prints points at a person.
    public var nonConsentingVisitors: ReportCount
    public var nonConsentingServices: ReportCount
    /// The programs whose services are counted (one program, or a funder's programs); nil:
    /// every service, with or without a program.
    public var programs: [String]?
    /// Each target of those programs for a year the period reaches, with what was achieved.
    public var achievements: [TargetAchievement]
    /// True when every breakdown is hidden and no nationality listed: the report counts fewer
    /// than 5 visitors, or its cells could not otherwise be kept from being worked out.
    public private(set) var breakdownWithheld = false
    /// True when the sex × age table alone is withheld (every cell hidden, but those of a sex
    /// or age band the one-way tables show as 0) and the one-way
    /// tables are shown: with the table, its cells and the one-way tables would give each
    /// other away (a small report: 11 visitors, one of them a girl of 12–17); without it,
    /// nothing can be worked out. False when `breakdownWithheld` (everything is withheld).
    public private(set) var sexByAgeWithheld = false

    /// The values every report lists, even at zero (nationalities: those present; age bands:
    /// the standard ones, a report's own are `ageBands.keys`).
    public static func keys(_ dimension: ReportDimension) -> [String] {
        switch dimension {
        case .sex: Sex.allCases.map(\.rawValue)
        case .ageBand: AgeBands.standard.keys
        case .status: LegalStatus.allCases.map(\.rawValue)
        case .category: ServiceCategory.allCases.map(\.rawValue)
        case .recurrence: VisitorRecurrence.allCases.map(\.rawValue)
        case .nationality: []
        }
    }

    /// - Parameters: programs: the programs counted (nil: all services); achievements: their
    ///   targets with the raw counts achieved (suppressed here like any count).
    public init(period: ReportingPeriod, counts: FunderReportCounts, programs: [String]? = nil,
                achievements: [(target: ProgramTarget, programId: String, through: LocalDate, achieved: Int)] = []) {
        self.period = period
        self.ageBands = counts.ageBands
        self.programs = programs
        self.achievements = achievements.map {
            TargetAchievement(programId: $0.programId, target: $0.target, through: $0.through, achieved: SmallCells.shown($0.achieved))
        }
        var rows: [Row] = []
        var hideVisitors = false, hideServices = false
        for dimension in ReportDimension.allCases {
            let present = counts.cells[dimension] ?? [:]
            var keys = dimension == .ageBand ? counts.ageBands.keys : Self.keys(dimension)
            keys += present.keys.filter { !keys.contains($0) }.sorted()
            let cells = keys.map { present[$0] ?? .init(visitors: 0, services: 0) }
            let v = SmallCells.suppress(cells.map(\.visitors), total: counts.visitors)
            let s = SmallCells.suppress(cells.map(\.services), total: counts.services)
            hideVisitors = hideVisitors || v.totalSuppressed
            hideServices = hideServices || s.totalSuppressed
            for (i, key) in keys.enumerated() {
                rows.append(Row(dimension: dimension, key: key, visitors: v.cells[i], services: s.cells[i]))
            }
        }
        self.rows = rows
        let sexes = rows.filter { $0.dimension == .sex }, ages = rows.filter { $0.dimension == .ageBand }
        var cross: [CrossCell] = []
        let visitorCells = SmallCells.suppress(sexes.map { s in ages.map { counts.sexByAge[s.key]?[$0.key]?.visitors ?? 0 } },
                                               rowTotals: sexes.map(\.visitors), columnTotals: ages.map(\.visitors))
        let serviceCells = SmallCells.suppress(sexes.map { s in ages.map { counts.sexByAge[s.key]?[$0.key]?.services ?? 0 } },
                                               rowTotals: sexes.map(\.services), columnTotals: ages.map(\.services))
        for (r, sex) in sexes.enumerated() {
            for (c, age) in ages.enumerated() {
                cross.append(CrossCell(sex: sex.key, ageBand: age.key, visitors: visitorCells[r][c], services: serviceCells[r][c]))
            }
        }
        sexByAge = cross
        func total(_ n: Int, hidden: Bool) -> ReportCount { hidden && SmallCells.shown(n) != .suppressed ? .hidden : SmallCells.shown(n) }
        visitors = total(counts.visitors, hidden: hideVisitors)
        services = total(counts.services, hidden: hideServices)
        nonConsentingVisitors = SmallCells.shown(counts.nonConsentingVisitors)
        nonConsentingServices = SmallCells.shown(counts.nonConsentingServices)
        // The rules above protect each line alone; a reader combines them (bounds of `<5` and
        // `x`, rows, columns, the grand total): hide more until nothing is recovered, or
        // withhold the breakdown of a report of fewer than 5 visitors, or of one that cannot be
        // protected. A sex × age table that cannot be protected with the one-way tables is
        // first withheld alone: a funder still gets the one-way tables of a small program.
        if SmallCells.shown(counts.visitors) == .suppressed {
            withholdBreakdown()
        } else {
            let asSuppressed = self
            if !protectAcrossLines(counts, withSexByAge: true) {
                self = asSuppressed
                sexByAgeWithheld = true
                // Every cell hidden but those of a sex or age band of none (0 shown in the
                // one-way tables, which are never hidden: the cell is 0 for anyone).
                let oneWay = rows
                let noneShown = { (d: ReportDimension, key: String, v: Bool) in
                    oneWay.contains { $0.dimension == d && $0.key == key && (v ? $0.visitors : $0.services) == .exact(0) }
                }
                sexByAge = sexByAge.map { c in
                    func cell(_ v: Bool) -> ReportCount { noneShown(.sex, c.sex, v) || noneShown(.ageBand, c.ageBand, v) ? .exact(0) : .hidden }
                    return CrossCell(sex: c.sex, ageBand: c.ageBand, visitors: cell(true), services: cell(false))
                }
                if !protectAcrossLines(counts, withSexByAge: false) {
                    self = asSuppressed
                    withholdBreakdown()
                }
            }
        }
        // A target of the report's own span counts what the total counts: hidden with it.
        for (i, a) in self.achievements.enumerated() where a.through == period.last && period.first == LocalDate(year: a.target.year, month: 1, day: 1) {
            let shownTotal = a.target.measure == .uniqueVisitors ? visitors : services
            if shownTotal.value == nil && a.achieved.value != nil { self.achievements[i].achieved = .hidden }
        }
    }

    /// Every count of the report as one system for `SmallCellsAudit`: the total, each one-way
    /// row, each sex × age cell, of visitors and of services together (a row's visitors are at
    /// most its services: a reader combines the two columns); hides what it says to hide.
    /// `withSexByAge` false: the sex × age table is withheld, its rows and columns are not
    /// lines a reader can use. - Returns: false when a count stays recoverable with nothing
    /// left to hide (some counts may then be hidden already).
    private mutating func protectAcrossLines(_ counts: FunderReportCounts, withSexByAge: Bool) -> Bool {
        let sexes = rows.indices.filter { rows[$0].dimension == .sex }, ages = rows.indices.filter { rows[$0].dimension == .ageBand }
        let crossBase = 1 + rows.count, size = crossBase + sexByAge.count
        var truth: [Int] = [], shown: [ReportCount] = [], lines: [SmallCellsAudit.Line] = []
        // Visitors' counts at 0..<size, services' at size..<2 × size, in the same order.
        for (c, column) in [\FunderReportCounts.Cell.visitors, \FunderReportCounts.Cell.services].enumerated() {
            let isVisitors = c == 0, base = c * size
            truth += [isVisitors ? counts.visitors : counts.services]
                + rows.map { counts.cells[$0.dimension]?[$0.key]?[keyPath: column] ?? 0 }
                + sexByAge.map { counts.sexByAge[$0.sex]?[$0.ageBand]?[keyPath: column] ?? 0 }
            shown += [isVisitors ? visitors : services] + rows.map { isVisitors ? $0.visitors : $0.services }
                + sexByAge.map { isVisitors ? $0.visitors : $0.services }
            lines += ReportDimension.allCases.map { d in
                SmallCellsAudit.Line(total: base, parts: rows.indices.filter { rows[$0].dimension == d }.map { base + $0 + 1 },
                                     relation: d == .category && isVisitors ? .cover : .sum)
            }
            let bands = ages.count
            for (r, sex) in sexes.enumerated() where withSexByAge {
                lines.append(SmallCellsAudit.Line(total: base + sex + 1, parts: (0..<bands).map { base + crossBase + r * bands + $0 }))
            }
            for (a, age) in ages.enumerated() where withSexByAge {
                lines.append(SmallCellsAudit.Line(total: base + age + 1, parts: sexes.indices.map { base + crossBase + $0 * bands + a }))
            }
        }
        let zeroMayHide = truth.indices.map { $0 % size >= crossBase }
        let known = shown.indices.map { SmallCellsAudit.known(shown[$0], zeroMayHide: zeroMayHide[$0]) }
        let pairs = (0..<size).filter { withSexByAge || $0 < crossBase }.map { ($0, size + $0) }
        guard let protected = SmallCellsAudit.protect(truth, known, lines: lines, atMost: pairs, zeroMayHide: zeroMayHide) else { return false }
        func count(_ i: Int) -> ReportCount { SmallCellsAudit.shown(protected[i]) }
        visitors = count(0)
        services = count(size)
        for i in rows.indices {
            rows[i].visitors = count(i + 1)
            rows[i].services = count(size + i + 1)
        }
        for i in sexByAge.indices {
            sexByAge[i].visitors = count(crossBase + i)
            sexByAge[i].services = count(size + crossBase + i)
        }
        return true
    }

    /// A breakdown that would point at people is not published: every one-way and sex × age
    /// count is hidden and the nationalities are not listed (a listed nationality has at least
    /// one visitor); the totals stay as shown.
    private mutating func withholdBreakdown() {
        breakdownWithheld = true
        sexByAgeWithheld = false
        rows = rows.filter { $0.dimension != .nationality }.map { Row(dimension: $0.dimension, key: $0.key, visitors: .hidden, services: .hidden) }
        sexByAge = sexByAge.map { CrossCell(sex: $0.sex, ageBand: $0.ageBand, visitors: .hidden, services: .hidden) }
    }

    public func rows(_ dimension: ReportDimension) -> [Row] { rows.filter { $0.dimension == dimension } }
}

/// A program's target for a year beside what it achieved (issue 15 item 2): unique visitors or
/// services of the program from the year's first day through `through` (the report's last day,
/// or the year's last when the report runs past it). The achieved count is suppressed like any
/// count (1 to 4: "<5").
public struct TargetAchievement: Hashable, Sendable {
    public var programId: String
    public var target: ProgramTarget
    /// The last center-local day counted.
    public var through: LocalDate
    public var achieved: ReportCount

    /// Achieved as a whole percentage of the target (`31`), nil when the count is suppressed.
    public var percent: Int? {
        achieved.value.map { Int((Double($0) * 100 / Double(target.count)).rounded(.down)) }
    }

    /// The targets of `programs` in years the period reaches, each counted from its year's first
    /// day through the period's last day, the year's last or `today` (center-local), whichever
    /// comes first: a year not over yet is said to be achieved through today, not its end.
    public static func spans(of programs: [Program], in period: ReportingPeriod,
                             today: LocalDate? = nil) -> [(target: ProgramTarget, programId: String, first: LocalDate, through: LocalDate)] {
        programs.flatMap { p in
            p.targets.filter { (period.first.year...period.last.year).contains($0.year) }.map { t in
                let yearEnd = LocalDate(year: t.year, month: 12, day: 31), first = LocalDate(year: t.year, month: 1, day: 1)
                return (t, p.id, first, max(first, min(period.last, yearEnd, today ?? yearEnd)))
            }
        }
    }
}
