import Foundation

/// The center-local days an occupancy view or a report covers, `first...last` inclusive.
public struct ReportingPeriod: Hashable, Sendable, CustomStringConvertible {
    /// How the period was chosen, which decides how it moves.
    public enum Kind: String, Hashable, Sendable, CaseIterable { case day, week, month, range }

    public var kind: Kind
    public var first: LocalDate
    public var last: LocalDate

    public init(kind: Kind = .range, first: LocalDate, last: LocalDate) {
        self.kind = kind
        self.first = first
        self.last = last
    }

    public static func day(_ date: LocalDate) -> ReportingPeriod { ReportingPeriod(kind: .day, first: date, last: date) }

    /// The week holding the date, starting on the center's configured first weekday.
    public static func week(containing date: LocalDate, settings: CenterSettings) -> ReportingPeriod {
        let start = settings.weekStart(containing: date)
        return ReportingPeriod(kind: .week, first: start, last: start.adding(days: 6))
    }

    /// The calendar month holding the date.
    public static func month(containing date: LocalDate) -> ReportingPeriod {
        let first = LocalDate(year: date.year, month: date.month, day: 1)
        let next = date.month == 12 ? LocalDate(year: date.year + 1, month: 1, day: 1) : LocalDate(year: date.year, month: date.month + 1, day: 1)
        return ReportingPeriod(kind: .month, first: first, last: next.adding(days: -1))
    }

    /// A year (`2026`), a quarter (`2026-Q3`) or a month (`2026-07`) as written on the command
    /// line, checked against the option it was given to (`--year`, `--quarter`, `--month`);
    /// nil when it is not one. Years from 2000 to 2100.
    public init?(named text: String, option: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard let year = Int(parts[0]), parts[0].count == 4, (2000...2100).contains(year) else { return nil }
        switch (option, parts.count) {
        case ("--year", 1):
            self.init(kind: .range, first: LocalDate(year: year, month: 1, day: 1), last: LocalDate(year: year, month: 12, day: 31))
        case ("--quarter", 2):
            let q = parts[1].uppercased()
            guard q.count == 2, q.first == "Q", let n = Int(q.dropFirst()), (1...4).contains(n) else { return nil }
            let first = LocalDate(year: year, month: n * 3 - 2, day: 1)
            self.init(kind: .range, first: first, last: Self.month(containing: LocalDate(year: year, month: n * 3, day: 1)).last)
        case ("--month", 2):
            guard parts[1].count == 2, let m = Int(parts[1]), (1...12).contains(m) else { return nil }
            self = Self.month(containing: LocalDate(year: year, month: m, day: 1))
        default:
            return nil
        }
    }

    /// Every day of the period, stepped by calendar; empty when `last < first`.
    public var days: [LocalDate] {
        guard first <= last else { return [] }
        return (0...first.days(to: last)).map { first.adding(days: $0) }
    }

    public var dayCount: Int { max(0, first.days(to: last) + 1) }

    /// The period before (negative) or after: a day by days, a week by weeks, a month by months,
    /// a range by its own length.
    public func moved(by steps: Int, settings: CenterSettings) -> ReportingPeriod {
        switch kind {
        case .day: return .day(first.adding(days: steps))
        case .week: return .week(containing: first.adding(days: 7 * steps), settings: settings)
        case .month:
            let index = first.year * 12 + (first.month - 1) + steps
            return .month(containing: LocalDate(year: index / 12, month: index % 12 + 1, day: 1))
        case .range:
            let n = dayCount * steps
            return ReportingPeriod(kind: .range, first: first.adding(days: n), last: last.adding(days: n))
        }
    }

    /// `2026-11-01…2026-11-30`, or one date.
    public var description: String { first == last ? first.description : "\(first)…\(last)" }
}
