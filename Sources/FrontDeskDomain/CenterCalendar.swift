import Foundation

/// A calendar day in the center's time zone (no time, no zone): `2026-04-14`.
public struct LocalDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`; nil when malformed or not a real date.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), (1...31).contains(d) else { return nil }
        var gregorian = Calendar(identifier: .gregorian)
        gregorian.timeZone = TimeZone(identifier: "UTC")! // safe: UTC always exists
        guard let date = gregorian.date(from: DateComponents(year: y, month: m, day: d)),
              gregorian.component(.day, from: date) == d else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }

    /// `YYYYMMDD`, the form used as a compact key (queue-day numbering).
    public var compactKey: Int { year * 10_000 + month * 100 + day }

    public static func < (a: LocalDate, b: LocalDate) -> Bool { a.compactKey < b.compactKey }
}

/// The center's calendar: its time zone and the calendar arithmetic done in it.
///
/// Instants are stored in UTC; days, tickets and schedules are counted in center-local time
/// (default `Africa/Casablanca`, which moves between UTC+0 and UTC+1 around Ramadan). Days are
/// stepped with `Calendar` in that zone, never by adding seconds: a day may have 23 or 25 hours.
public struct CenterCalendar: Sendable, Equatable {
    public let timeZone: TimeZone
    private let calendar: Calendar

    /// - Parameter timeZone: the center's zone; `Africa/Casablanca` by default.
    public init(timeZone: TimeZone = TimeZone(identifier: "Africa/Casablanca")!) { // safe: in the tz database
        self.timeZone = timeZone
        var c = Calendar(identifier: .gregorian)
        c.timeZone = timeZone
        c.firstWeekday = 2 // Monday
        c.locale = Locale(identifier: "en_US_POSIX")
        calendar = c
    }

    /// A calendar for a zone identifier such as `Africa/Casablanca`; nil when the zone is unknown.
    public init?(identifier: String) {
        guard let zone = TimeZone(identifier: identifier) else { return nil }
        self.init(timeZone: zone)
    }

    public static func == (a: CenterCalendar, b: CenterCalendar) -> Bool { a.timeZone.identifier == b.timeZone.identifier }

    /// The center-local calendar day that contains the instant.
    public func localDate(of instant: Date) -> LocalDate {
        let c = calendar.dateComponents([.year, .month, .day], from: instant)
        return LocalDate(year: c.year ?? 1970, month: c.month ?? 1, day: c.day ?? 1)
    }

    /// The first instant of the local day (local midnight, or the first existing time after it).
    public func startOfDay(_ date: LocalDate) -> Date {
        let noon = calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day, hour: 12)) ?? Date(timeIntervalSince1970: 0)
        return calendar.startOfDay(for: noon)
    }

    /// The local day `days` calendar days after `date` (negative goes back).
    public func adding(days: Int, to date: LocalDate) -> LocalDate {
        let noon = calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day, hour: 12)) ?? Date(timeIntervalSince1970: 0)
        let moved = calendar.date(byAdding: .day, value: days, to: noon) ?? noon
        return localDate(of: moved)
    }

    /// The half-open UTC interval `[start of day, start of next day)` of a local day.
    public func interval(of date: LocalDate) -> Range<Date> {
        startOfDay(date)..<startOfDay(adding(days: 1, to: date))
    }

    /// Local wall-clock hour and minute of an instant.
    public func timeOfDay(of instant: Date) -> (hour: Int, minute: Int) {
        let c = calendar.dateComponents([.hour, .minute], from: instant)
        return (c.hour ?? 0, c.minute ?? 0)
    }

    /// `HH:MM` in center time.
    public func clockText(_ instant: Date) -> String {
        let t = timeOfDay(of: instant)
        return String(format: "%02d:%02d", t.hour, t.minute)
    }

    /// The weekday of a local day, 1 = Sunday … 7 = Saturday (Gregorian numbering).
    public func weekday(of date: LocalDate) -> Int {
        calendar.component(.weekday, from: startOfDay(date))
    }

    /// The calendar year (center time) that contains the instant.
    public func year(of instant: Date) -> Int { localDate(of: instant).year }
}
