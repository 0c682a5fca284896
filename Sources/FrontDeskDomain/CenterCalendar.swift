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
        let date = LocalDate(year: y, month: m, day: d)
        guard date.isValid else { return nil } // 2026-02-30: proleptic Gregorian arithmetic
        self = date
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        NumberText.zeroPadded(year, width: 4) + "-" + NumberText.zeroPadded(month, width: 2) + "-" + NumberText.zeroPadded(day, width: 2)
    }

    /// `YYYYMMDD`, the form used as a compact key (queue-day numbering).
    public var compactKey: Int { year * 10_000 + month * 100 + day }

    public static func < (a: LocalDate, b: LocalDate) -> Bool { a.compactKey < b.compactKey }
}

/// The center's calendar: its time zone and the calendar arithmetic done in it.
///
/// Instants are stored in UTC; days, tickets and schedules are counted in center-local time
/// (default `Africa/Casablanca`, which moves between UTC+0 and UTC+1 around Ramadan). Days are
/// stepped by calendar arithmetic on dates (`LocalDate.adding(days:)`), never by adding seconds:
/// a day may have 23 or 25 hours. Instants and wall-clock times are mapped through the zone's UTC
/// offsets and transitions only (`CenterCalendar+LocalTime`), with no `Foundation.Calendar`:
/// one set of rules for every reading, and no calendar set-up in a short command's run.
public struct CenterCalendar: Sendable, Equatable {
    /// The zone's offsets over time, from the system's tzdata when it has the zone
    /// (`ZoneRules.source` says where they came from).
    public let zone: ZoneRules

    /// - Parameter zone: the center's zone; `Africa/Casablanca` by default.
    public init(zone: ZoneRules = CenterCalendar.defaultZone) {
        self.zone = zone
    }

    /// A calendar for a zone identifier such as `Africa/Casablanca`, its rules read from the
    /// system's tzdata (`$TZDIR` or `/usr/share/zoneinfo`), else from the built-in ICU data;
    /// nil when the zone is unknown to both.
    public init?(identifier: String) {
        guard let zone = ZoneRules.named(identifier) else { return nil }
        self.init(zone: zone)
    }

    /// `Africa/Casablanca`, from the system's tzdata when present.
    public static var defaultZone: ZoneRules {
        ZoneRules.named("Africa/Casablanca")! // safe: in the built-in ICU data when not on the system
    }

    public static func == (a: CenterCalendar, b: CenterCalendar) -> Bool { a.zone.identifier == b.zone.identifier }

    /// The center-local calendar day that contains the instant.
    public func localDate(of instant: Date) -> LocalDate { localDateTime(of: instant).date }

    /// The first instant of the local day: local midnight, the earlier one when midnight happens
    /// twice, or the instant the clocks jump when midnight is skipped (as in `Calendar.startOfDay`).
    public func startOfDay(_ date: LocalDate) -> Date { boundary(date, .midnight) }

    /// The local day `days` calendar days after `date` (negative goes back).
    public func adding(days: Int, to date: LocalDate) -> LocalDate { date.adding(days: days) }

    /// The half-open UTC interval `[start of day, start of next day)` of a local day.
    public func interval(of date: LocalDate) -> Range<Date> {
        startOfDay(date)..<startOfDay(date.adding(days: 1))
    }

    /// Local wall-clock hour and minute of an instant.
    public func timeOfDay(of instant: Date) -> (hour: Int, minute: Int) {
        let minutes = localDateTime(of: instant).time.minutesSinceMidnight
        return (minutes / 60, minutes % 60)
    }

    /// `HH:MM` in center time.
    public func clockText(_ instant: Date) -> String {
        let t = timeOfDay(of: instant)
        return NumberText.zeroPadded(t.hour, width: 2) + ":" + NumberText.zeroPadded(t.minute, width: 2)
    }

    /// The weekday of a local day, 1 = Sunday … 7 = Saturday (Gregorian numbering).
    public func weekday(of date: LocalDate) -> Int { date.isoWeekday.rawValue % 7 + 1 }

    /// The calendar year (center time) that contains the instant.
    public func year(of instant: Date) -> Int { localDate(of: instant).year }
}
