/// A wall-clock time of day in the center's zone, to the minute: `09:00`, `16:30`.
///
/// Stored as minutes since local midnight, `0...1440`. `24:00` (1440) exists only to end a
/// range that runs to midnight (`TimeRange` 20:00–24:00); it reads as 00:00 of the next day.
/// A `LocalTime` has no zone and no date: `CenterCalendar.instant(_:_:)` turns a date and a time
/// into a UTC instant.
public struct LocalTime: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// Minutes since local midnight, `0...1440`.
    public let minutesSinceMidnight: Int

    /// `hour` 0…23 and `minute` 0…59, or exactly 24:00; nil otherwise.
    public init?(hour: Int, minute: Int) {
        guard (0...23).contains(hour) && (0...59).contains(minute) || (hour == 24 && minute == 0) else { return nil }
        minutesSinceMidnight = hour * 60 + minute
    }

    /// Minutes since midnight, `0...1440`; nil outside.
    public init?(minutesSinceMidnight minutes: Int) {
        guard (0...1440).contains(minutes) else { return nil }
        minutesSinceMidnight = minutes
    }

    /// Parses `HH:MM` (also `H:MM`); nil when malformed or out of range.
    public init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) }),
              let h = Int(parts[0]), let m = Int(parts[1]) else { return nil }
        self.init(hour: h, minute: m)
    }

    public static let midnight = LocalTime(minutesSinceMidnight: 0)! // safe: in range
    /// 24:00, the end of the day.
    public static let endOfDay = LocalTime(minutesSinceMidnight: 1440)! // safe: in range

    public var hour: Int { minutesSinceMidnight / 60 }
    public var minute: Int { minutesSinceMidnight % 60 }

    /// `HH:MM`.
    public var description: String {
        let h = hour, m = minute
        return (h < 10 ? "0" : "") + String(h) + ":" + (m < 10 ? "0" : "") + String(m)
    }

    public static func < (a: Self, b: Self) -> Bool { a.minutesSinceMidnight < b.minutesSinceMidnight }

    /// Encoded as the string `HH:MM`.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let t = LocalTime(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a time HH:MM: \(text)"))
        }
        self = t
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}

/// A center-local date and wall-clock time, without zone: `2026-03-22 02:30`.
///
/// Not every `LocalDateTime` names an instant: across a forward clock change some do not exist,
/// across a backward change some happen twice (see `CenterCalendar.instant(_:)`).
public struct LocalDateTime: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var date: LocalDate
    public var time: LocalTime

    public init(_ date: LocalDate, _ time: LocalTime) {
        self.date = date
        self.time = time
    }

    /// Parses `YYYY-MM-DD HH:MM` (or with `T` between), as typed on the command line; nil when
    /// malformed or not a real date.
    public init?(iso text: String) {
        let parts = text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == " " || $0 == "T" })
        guard parts.count == 2, let d = LocalDate(iso: String(parts[0])), let t = LocalTime(String(parts[1])),
              t < .endOfDay else { return nil }
        self.init(d, t)
    }

    /// `YYYY-MM-DD HH:MM`.
    public var description: String { "\(date) \(time)" }

    public static func < (a: Self, b: Self) -> Bool { (a.date, a.time) < (b.date, b.time) }
}

/// A half-open range of local wall-clock times on one day, `[start, end)`: `09:00–12:30`.
///
/// `end` may be 24:00. Back-to-back ranges (`09:00–12:00`, `12:00–13:00`) do not overlap.
public struct TimeRange: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let start: LocalTime
    public let end: LocalTime

    /// nil unless `start < end` (an empty or reversed range is not a range).
    public init?(_ start: LocalTime, _ end: LocalTime) {
        guard start < end else { return nil }
        self.start = start
        self.end = end
    }

    /// Parses `HH:MM-HH:MM` (hyphen or en dash); nil when malformed or empty.
    public init?(_ text: String) {
        let parts = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "-" || $0 == "–" })
        guard parts.count == 2,
              let s = LocalTime(String(parts[0]).trimmingSpaces), let e = LocalTime(String(parts[1]).trimmingSpaces)
        else { return nil }
        self.init(s, e)
    }

    /// Length in minutes (wall clock; the elapsed time differs on a clock-change day).
    public var durationMinutes: Int { end.minutesSinceMidnight - start.minutesSinceMidnight }

    public func contains(_ time: LocalTime) -> Bool { start <= time && time < end }

    public func overlaps(_ other: TimeRange) -> Bool { start < other.end && other.start < end }

    /// `09:00–17:00` (en dash).
    public var description: String { "\(start)–\(end)" }

    public static func < (a: Self, b: Self) -> Bool { (a.start, a.end) < (b.start, b.end) }

    private enum CodingKeys: String, CodingKey { case start, end }

    /// Encoded as `{"start": "09:00", "end": "17:00"}`; decoding refuses an empty range.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let s = try c.decode(LocalTime.self, forKey: .start), e = try c.decode(LocalTime.self, forKey: .end)
        guard let r = TimeRange(s, e) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "empty time range \(s)–\(e)"))
        }
        self = r
    }
}

/// A day of the week, numbered as ISO 8601 does: 1 = Monday … 7 = Sunday.
public enum Weekday: Int, CaseIterable, Codable, Sendable, Comparable, CustomStringConvertible {
    case monday = 1, tuesday, wednesday, thursday, friday, saturday, sunday

    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }

    /// English name, lower case (`monday`), as used on the command line.
    public var description: String {
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"][rawValue - 1]
    }

    /// Monday to Friday.
    public static let workweek: [Weekday] = [.monday, .tuesday, .wednesday, .thursday, .friday]
}

extension LocalDate {
    /// Days since 1970-01-01 in the proleptic Gregorian calendar (negative before). Pure calendar
    /// arithmetic, independent of any zone (H. Hinnant's `days_from_civil`).
    var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The date `dayNumber` days after 1970-01-01 (`civil_from_days`).
    init(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }

    /// True when the fields name a real Gregorian date (not 2026-02-30, not month 13).
    public var isValid: Bool {
        (1...12).contains(month) && (1...31).contains(day) && LocalDate(dayNumber: dayNumber) == self
    }

    /// The ISO weekday of this date (Monday first). Pure calendar arithmetic: the weekday of a
    /// calendar date is the same in every zone.
    public var isoWeekday: Weekday {
        // 1970-01-01 was a Thursday (ISO 4).
        let r = ((dayNumber + 3) % 7 + 7) % 7
        return Weekday(rawValue: r + 1)! // safe: 1...7
    }

    /// The date `days` calendar days later (earlier when negative), by calendar arithmetic,
    /// never by adding seconds; equal to `CenterCalendar.adding(days:to:)` in every zone.
    public func adding(days: Int) -> LocalDate { LocalDate(dayNumber: dayNumber + days) }

    /// Calendar days from `self` to `other` (negative when `other` is earlier).
    public func days(to other: LocalDate) -> Int { other.dayNumber - dayNumber }
}

extension String {
    fileprivate var trimmingSpaces: String {
        String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}
