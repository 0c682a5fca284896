import Foundation

/// Available minutes of counselors and rooms per center-local day: the denominators of
/// utilization.
///
/// - A **counselor** is available during their working hours (breaks are the gaps between
///   ranges) that lie inside the center's opening hours, minus their absences. A day the whole
///   center is closed gives 0: a closed day counts as unavailable, not as idle. An inactive
///   counselor gives 0.
/// - A **room** is available during the center's opening hours, except on days the center or the
///   room is closed. An inactive room gives 0.
///
/// Minutes are **elapsed** minutes between UTC instants, so a range that spans a clock change
/// counts the time that really passed: 00:00–24:00 on Sun 2026-02-15 in `Africa/Casablanca`
/// (clocks go back) is 1,500 minutes, on Sun 2026-03-22 (clocks go forward) 1,380. Ranges are
/// mapped to instants by the same rules as slots (`CenterCalendar+LocalTime`), days are stepped
/// by calendar.
public struct AvailableTime: Sendable {
    public let calendar: CenterCalendar
    public let settings: CenterSettings
    private let closures: [Closure]
    private let absences: [Int64: [UTCInterval]]
    /// Day clocks made once per day (each asks the zone for its transitions: microseconds).
    private let clocks: [LocalDate: DayClock]

    /// - Parameters: `closures` and `absences` that may touch the days asked (more is harmless);
    ///   `days`, the days that will be asked, to prepare their clocks once.
    public init(calendar: CenterCalendar, settings: CenterSettings, closures: [Closure], absences: [Absence], days: [LocalDate] = []) {
        self.calendar = calendar
        self.settings = settings
        self.closures = closures
        clocks = Dictionary(days.map { ($0, DayClock($0, calendar: calendar)) }, uniquingKeysWith: { a, _ in a })
        var byCounselor: [Int64: [UTCInterval]] = [:]
        for a in absences where !a.interval.isEmpty { byCounselor[a.counselorId, default: []].append(a.interval) }
        self.absences = byCounselor
    }

    /// True when a whole-center closure covers the day.
    public func centerClosed(on date: LocalDate) -> Bool {
        closures.contains { $0.isCenterWide && $0.covers(date) }
    }

    /// True when the center or this room is closed that day.
    public func roomClosed(_ roomId: Int64, on date: LocalDate) -> Bool {
        closures.contains { $0.applies(toRoom: roomId) && $0.covers(date) }
    }

    /// The counselor's available minutes on a local day (see the type).
    public func minutes(of counselor: Counselor, on date: LocalDate) -> Int {
        guard counselor.active, !centerClosed(on: date) else { return 0 }
        let clock = clock(date)
        let weekday = date.isoWeekday
        let working = counselor.hours.ranges(on: weekday).map(clock.interval)
        let opening = settings.openingHours.ranges(on: weekday).map(clock.interval)
        let free = Self.subtract(Self.intersect(working, opening), absences[counselor.id] ?? [])
        return Self.minutes(free)
    }

    /// The room's available minutes on a local day (see the type).
    public func minutes(of room: Room, on date: LocalDate) -> Int {
        guard room.active, !roomClosed(room.id, on: date) else { return 0 }
        let clock = clock(date)
        return Self.minutes(settings.openingHours.ranges(on: date.isoWeekday).map(clock.interval))
    }

    private func clock(_ date: LocalDate) -> DayClock { clocks[date] ?? DayClock(date, calendar: calendar) }

    // MARK: Interval arithmetic (sorted, disjoint lists)

    /// Whole elapsed minutes of disjoint intervals (seconds summed, then divided).
    static func minutes(_ intervals: [UTCInterval]) -> Int {
        Int(intervals.reduce(0.0) { $0 + max(0, $1.seconds) } / 60)
    }

    /// The parts common to both lists.
    static func intersect(_ a: [UTCInterval], _ b: [UTCInterval]) -> [UTCInterval] {
        var out: [UTCInterval] = []
        for x in a where !x.isEmpty {
            for y in b where !y.isEmpty {
                let s = max(x.start, y.start), e = min(x.end, y.end)
                if s < e { out.append(UTCInterval(start: s, end: e)) }
            }
        }
        return out.sorted { $0.start < $1.start }
    }

    /// The parts of `a` outside every interval of `b` (which may overlap each other).
    static func subtract(_ a: [UTCInterval], _ b: [UTCInterval]) -> [UTCInterval] {
        var out = a.filter { !$0.isEmpty }
        for cut in b where !cut.isEmpty {
            out = out.flatMap { x -> [UTCInterval] in
                guard x.overlaps(cut) else { return [x] }
                var parts: [UTCInterval] = []
                if x.start < cut.start { parts.append(UTCInterval(start: x.start, end: cut.start)) }
                if cut.end < x.end { parts.append(UTCInterval(start: cut.end, end: x.end)) }
                return parts
            }
        }
        return out
    }
}
