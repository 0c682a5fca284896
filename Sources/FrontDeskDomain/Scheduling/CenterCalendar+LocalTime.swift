import Foundation

/// Why a local date and time could not be turned into an instant.
public enum LocalTimeError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The wall-clock time is skipped by a forward clock change in the zone (02:30 on
    /// 2026-03-22 in `Africa/Casablanca`, where clocks jump from 02:00 to 03:00). `zone` is the
    /// zone identifier.
    case nonexistent(LocalDateTime, zone: String)
    /// The date is not a real calendar date (2026-02-30, month 13).
    case invalidDate(LocalDate)

    /// An English message for the command line and logs.
    public var description: String {
        switch self {
        case .nonexistent(let dt, let zone):
            "\(dt.time) does not exist on \(dt.date) in \(zone): the clocks move forward over it; choose another time"
        case .invalidDate(let d):
            "\(d) is not a calendar date"
        }
    }
}

extension CenterCalendar {
    /// The UTC instant at which the center's wall clock shows `time` on `date`.
    ///
    /// Rules (RFC 5545 §3.3.5 resolves DATE-TIME with a zone the same way for repeated times):
    /// - A time that happens once gives that instant.
    /// - A time that happens **twice** (after a backward clock change) gives the **earlier** of
    ///   the two instants: 02:30 on 2026-02-15 in `Africa/Casablanca` is 01:30Z (still at UTC+1),
    ///   not 02:30Z.
    /// - A time that does **not exist** (skipped by a forward change) is refused: 02:30 on
    ///   2026-03-22 in `Africa/Casablanca` throws `.nonexistent`. (RFC 5545 would shift it; we
    ///   ask the person to choose, since a booking at a time nobody's clock shows is a mistake.)
    /// - `24:00` is 00:00 of the next day.
    ///
    /// Uses only the zone's UTC offsets, never its daylight-saving flag.
    /// - Throws: `LocalTimeError.nonexistent`, or `.invalidDate` for a date like 2026-02-30.
    public func instant(_ date: LocalDate, _ time: LocalTime) throws(LocalTimeError) -> Date {
        guard date.isValid else { throw .invalidDate(date) }
        switch resolve(date, time) {
        case .unique(let d), .repeated(let d, _): return d
        case .gap: throw .nonexistent(LocalDateTime(date, time), zone: zone.identifier)
        }
    }

    /// `instant(dateTime.date, dateTime.time)`.
    public func instant(_ dateTime: LocalDateTime) throws(LocalTimeError) -> Date {
        try instant(dateTime.date, dateTime.time)
    }

    /// Every UTC instant at which the wall clock shows `time` on `date`, earliest first:
    /// one normally, two in a repeated hour, none in a skipped hour (or for an invalid date).
    public func instants(_ date: LocalDate, _ time: LocalTime) -> [Date] {
        guard date.isValid else { return [] }
        switch resolve(date, time) {
        case .unique(let d): return [d]
        case .repeated(let a, let b): return [a, b]
        case .gap: return []
        }
    }

    /// The instant at which this calendar's wall clock shows what the center's wall clock
    /// showed at `instant` when the zone was `oldOffsetSeconds` ahead of UTC: how an
    /// appointment booked for 09:00 stays at 09:00 when a tzdata update changes the zone's
    /// offset on its day after it was booked (tzdata 2026f ends Morocco's UTC+1 on 2026-09-20).
    /// A reading shown twice gives the earlier instant (as `instant(_:_:)`); one the new rules
    /// skip (a night hour the clocks jump over) gives the old reading less the zone's new
    /// offset at `instant`. Seconds and fractions of the reading are kept.
    public func instant(keepingWallClockOf instant: Date, oldOffsetSeconds: Int) -> Date {
        let wall = instant.timeIntervalSince1970 + Double(oldOffsetSeconds)
        let whole = Int(wall.rounded(.down))
        let day = floorDiv(whole, Self.secondsPerWallDay)
        let second = whole - day * Self.secondsPerWallDay
        let beyondMinute = wall - Double(whole - second % 60)
        let time = LocalTime(minutesSinceMidnight: second / 60)! // safe: 0..<1440
        if let first = instants(LocalDate(dayNumber: day), time).first { return first.addingTimeInterval(beyondMinute) }
        return Date(timeIntervalSince1970: wall - Double(zone.secondsFromGMT(for: instant)))
    }

    /// The center-local date and wall-clock time (to the minute, seconds dropped) of an instant.
    public func localDateTime(of instant: Date) -> LocalDateTime {
        let wall = Int(instant.timeIntervalSince1970.rounded(.down)) + zone.secondsFromGMT(for: instant)
        let day = floorDiv(wall, Self.secondsPerWallDay)
        let minutes = (wall - day * Self.secondsPerWallDay) / 60
        return LocalDateTime(LocalDate(dayNumber: day), LocalTime(minutesSinceMidnight: minutes)!) // safe: 0..<1440
    }

    // MARK: Resolution

    /// Seconds in a day *of wall-clock numbering*: used only to write a local date and time as
    /// one number ("wall seconds") before looking up the zone's offsets, never to step days.
    static let secondsPerWallDay = 86_400

    /// How a wall-clock reading maps onto instants.
    enum Resolution: Equatable {
        case unique(Date)
        /// Two instants, earlier first.
        case repeated(Date, Date)
        /// No instant; `resumesAt` is the instant the clocks jump (the first existing time after).
        case gap(resumesAt: Date)
    }

    /// Resolves `time` on `date` against the zone's UTC offsets.
    ///
    /// Every instant `u` with `u + offset(u) == wall` is a solution. Offsets lie within ±18 h,
    /// so the solutions lie in `[wall − 18 h, wall + 18 h]`; the offsets in force there are those
    /// at the window's start and after each transition inside it.
    func resolve(_ date: LocalDate, _ time: LocalTime) -> Resolution {
        let wall = date.dayNumber * Self.secondsPerWallDay + time.minutesSinceMidnight * 60
        let margin = 18 * 3600
        let lo = Date(timeIntervalSince1970: TimeInterval(wall - margin))
        let hi = Date(timeIntervalSince1970: TimeInterval(wall + margin))
        var offsets: [Int] = [zone.secondsFromGMT(for: lo), zone.secondsFromGMT(for: hi)]
        var cursor = lo
        var transitions: [Date] = []
        while transitions.count < 8, let next = zone.nextTransition(after: cursor), next <= hi {
            transitions.append(next)
            offsets.append(zone.secondsFromGMT(for: next))
            cursor = next
        }
        var solutions: [Date] = []
        for offset in Set(offsets) {
            let u = Date(timeIntervalSince1970: TimeInterval(wall - offset))
            if zone.secondsFromGMT(for: u) == offset { solutions.append(u) }
        }
        solutions.sort()
        switch solutions.count {
        case 0:
            // In a gap: the clocks jump at the first transition after the earliest candidate.
            let earliest = Date(timeIntervalSince1970: TimeInterval(wall - (offsets.max() ?? 0)))
            let jump = transitions.first(where: { $0 > earliest })
                ?? Date(timeIntervalSince1970: TimeInterval(wall - (offsets.min() ?? 0)))
            return .gap(resumesAt: jump)
        case 1: return .unique(solutions[0])
        default: return .repeated(solutions[0], solutions[solutions.count - 1])
        }
    }

    /// The instant of a range boundary: like `instant(_:_:)`, but a time inside a skipped hour
    /// gives the instant the clocks jump (so a range is never lost, only shortened).
    func boundary(_ date: LocalDate, _ time: LocalTime) -> Date {
        switch resolve(date, time) {
        case .unique(let d), .repeated(let d, _): return d
        case .gap(let jump): return jump
        }
    }

    /// The UTC interval of a local time range on a date (boundaries as in `boundary`).
    func interval(_ date: LocalDate, _ range: TimeRange) -> UTCInterval {
        UTCInterval(start: boundary(date, range.start), end: boundary(date, range.end))
    }
}

/// Maps the local times of one center day to instants cheaply.
///
/// When the zone's offset is the same for the whole window around the day (every day but the
/// few with a clock change), the mapping is arithmetic; otherwise it asks `CenterCalendar`.
struct DayClock {
    let date: LocalDate
    let calendar: CenterCalendar
    /// The day's constant offset in seconds, or nil on a clock-change day.
    private let fixedOffset: Int?
    private let wallMidnight: Int

    init(_ date: LocalDate, calendar: CenterCalendar) {
        self.date = date
        self.calendar = calendar
        wallMidnight = date.dayNumber * CenterCalendar.secondsPerWallDay
        let zone = calendar.zone
        // The window covers every instant whose wall time falls on this day or at 24:00.
        let lo = Date(timeIntervalSince1970: TimeInterval(wallMidnight - 18 * 3600))
        let hi = Date(timeIntervalSince1970: TimeInterval(wallMidnight + 42 * 3600))
        let offset = zone.secondsFromGMT(for: lo)
        let stable = date.isValid && zone.secondsFromGMT(for: hi) == offset
            && (zone.nextTransition(after: lo).map { $0 > hi } ?? true)
        fixedOffset = stable ? offset : nil
    }

    /// The instant of a local minute (0...1440) of the day: the earlier one when repeated,
    /// nil when skipped by a clock change.
    func instant(_ minutes: Int) -> Date? {
        if let fixedOffset {
            return Date(timeIntervalSince1970: TimeInterval(wallMidnight + minutes * 60 - fixedOffset))
        }
        guard let t = LocalTime(minutesSinceMidnight: minutes) else { return nil }
        return calendar.instants(date, t).first
    }

    /// The UTC interval of a local range on this day (boundaries as in `CenterCalendar.boundary`).
    func interval(_ range: TimeRange) -> UTCInterval {
        if let fixedOffset {
            return UTCInterval(
                start: Date(timeIntervalSince1970: TimeInterval(wallMidnight + range.start.minutesSinceMidnight * 60 - fixedOffset)),
                end: Date(timeIntervalSince1970: TimeInterval(wallMidnight + range.end.minutesSinceMidnight * 60 - fixedOffset)))
        }
        return calendar.interval(date, range)
    }
}

/// Integer division rounding toward negative infinity.
func floorDiv(_ a: Int, _ b: Int) -> Int {
    let q = a / b
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
}
