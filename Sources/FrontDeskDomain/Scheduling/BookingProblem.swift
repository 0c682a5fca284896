import Foundation

/// An existing appointment that holds a resource the request needs, during `interval`.
public struct BookingConflict: Hashable, Sendable {
    /// What is taken. Names are carried so a message needs no further lookup.
    public enum Resource: Hashable, Sendable {
        case room(id: Int64, name: String)
        case counselor(id: Int64, name: String)
        /// The visitor of the request (already booked, or enrolled in a group session then).
        case visitor(id: Int64)
    }

    public var resource: Resource
    /// The appointment holding it.
    public var appointmentId: Int64
    /// That appointment's interval (UTC), not the overlap.
    public var interval: UTCInterval

    public init(resource: Resource, appointmentId: Int64, interval: UTCInterval) {
        self.resource = resource
        self.appointmentId = appointmentId
        self.interval = interval
    }
}

/// One reason a booking request breaks the rules. Cases carry what a message needs.
///
/// The UI localizes by switching on the case; `message(calendar:)` gives English text for the
/// command line and logs, with times in center-local wall-clock time.
public enum BookingProblem: Hashable, Sendable {
    /// The room, counselor or visitor is held by another non-cancelled appointment
    /// (intervals are half-open: 10:00–10:45 and 10:45–11:30 do not conflict).
    case conflict(BookingConflict)
    /// `end − start` is not the service's duration.
    case wrongDuration(expectedMinutes: Int, actualSeconds: Int)
    /// The counselor does not deliver the service (`Counselor.serviceIds`).
    case serviceNotDelivered(counselor: String, serviceId: String)
    case serviceInactive(serviceId: String)
    case counselorInactive(counselor: String)
    case roomInactive(room: String)
    /// The room has fewer seats than needed.
    case roomTooSmall(room: String, capacity: Int, needed: Int)
    /// Not inside one range of the counselor's working hours on that local day; `hours` are the
    /// ranges of that day (empty: a day off).
    case outsideWorkingHours(counselor: String, date: LocalDate, hours: [TimeRange])
    /// Not inside the center's opening hours that day (`CenterSettings.openingHours`).
    case outsideOpeningHours(date: LocalDate, hours: [TimeRange])
    /// The counselor is absent for part of the interval.
    case counselorAbsent(counselor: String, absence: Absence)
    /// The center, or the room, is closed that day.
    case closed(Closure, date: LocalDate)
    /// Starts before `now` (only checked when the caller passes `now`).
    case startsInPast(now: Date)

    /// True for a problem of the counselor alone (booked then, away, off duty, inactive, not
    /// delivering the service): another counselor may be free. The others (room, visitor,
    /// closure, opening hours, the past, the service) hold whoever the counselor is.
    public var isAboutCounselor: Bool {
        switch self {
        case .conflict(let c):
            if case .counselor = c.resource { return true }
            return false
        case .serviceNotDelivered, .counselorInactive, .outsideWorkingHours, .counselorAbsent: return true
        case .wrongDuration, .serviceInactive, .roomInactive, .roomTooSmall, .outsideOpeningHours, .closed, .startsInPast: return false
        }
    }

    /// English text, times in center-local wall-clock time: `Salle 2 is booked 10:00–10:45`.
    public func message(calendar: CenterCalendar) -> String {
        switch self {
        case .conflict(let c):
            let when = Self.span(c.interval, calendar)
            switch c.resource {
            case .room(_, let name), .counselor(_, let name): return "\(name) is booked \(when)"
            case .visitor: return "the visitor is booked \(when)"
            }
        case .wrongDuration(let expected, let actual):
            return "the service lasts \(expected) min, not \(Self.minutes(actual))"
        case .serviceNotDelivered(let counselor, let service):
            return "\(counselor) does not deliver \(service)"
        case .serviceInactive(let service):
            return "\(service) is no longer offered"
        case .counselorInactive(let counselor):
            return "\(counselor) is not active"
        case .roomInactive(let room):
            return "\(room) is not in use"
        case .roomTooSmall(let room, let capacity, let needed):
            return "\(room) seats \(capacity), \(needed) needed"
        case .outsideWorkingHours(let counselor, let date, let hours):
            return hours.isEmpty ? "\(counselor) does not work on \(date)"
                : "\(counselor) works \(hours.map(\.description).joined(separator: ", ")) on \(date)"
        case .outsideOpeningHours(let date, let hours):
            return hours.isEmpty ? "the center is not open on \(date)"
                : "the center is open \(hours.map(\.description).joined(separator: ", ")) on \(date)"
        case .counselorAbsent(let counselor, let absence):
            return "\(counselor) is away \(Self.span(absence.interval, calendar))"
        case .closed(let closure, let date):
            return "\(closure.isCenterWide ? "the center" : "the room") is closed on \(date): \(closure.label)"
        case .startsInPast(let now):
            return "the time has passed (it is \(calendar.localDateTime(of: now)))"
        }
    }

    /// `10:00–10:45` within one local day, else `2026-04-14 22:00–2026-04-15 01:00`.
    static func span(_ interval: UTCInterval, _ calendar: CenterCalendar) -> String {
        let a = calendar.localDateTime(of: interval.start), b = calendar.localDateTime(of: interval.end)
        if a.date == b.date { return "\(a.time)–\(b.time)" }
        return "\(a)–\(b)"
    }

    private static func minutes(_ seconds: Int) -> String {
        seconds % 60 == 0 ? "\(seconds / 60) min" : "\(seconds) s"
    }
}

/// A booking that cannot be made.
public enum BookingError: Error, Hashable, Sendable {
    /// Invalid input: `start >= end` (10:00–10:00 is empty, not a conflict). Checked before any rule.
    case emptyInterval(UTCInterval)
    /// The request breaks these rules, in the order `BookingRules` checks them (never empty).
    case refused([BookingProblem])
    /// No counselor was named and none of those who suit is free during `interval`
    /// (`BookingRules.chooseCounselor`): `problems` are what holds the time whoever the
    /// counselor is (a room taken…), once, then each counselor's own, in the order they were
    /// tried. Empty only when there was no counselor to try.
    case noCounselorFree(serviceId: String, interval: UTCInterval, problems: [BookingProblem])

    /// English text, one problem per clause: `refused: Salle 2 is booked 10:00–10:45`;
    /// `no counselor who delivers social-orientation is free on 2026-04-14 10:00–10:45: Leila
    /// Amrani is booked 10:00–10:45; Karim Bennani is booked 10:00–10:45`.
    public func message(calendar: CenterCalendar) -> String {
        switch self {
        case .emptyInterval(let i):
            return "invalid time span: the end (\(calendar.localDateTime(of: i.end))) must be after the start (\(calendar.localDateTime(of: i.start)))"
        case .refused(let problems):
            return "refused: " + problems.map { $0.message(calendar: calendar) }.joined(separator: "; ")
        case .noCounselorFree(let service, let interval, let problems):
            let when = "\(calendar.localDate(of: interval.start)) \(BookingProblem.span(interval, calendar))"
            return "no counselor who delivers \(service) is free on \(when)"
                + (problems.isEmpty ? "" : ": " + problems.map { $0.message(calendar: calendar) }.joined(separator: "; "))
        }
    }
}
