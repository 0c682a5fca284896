import Foundation

/// A candidate booking: who, where, for what, when.
public struct BookingRequest: Hashable, Sendable {
    public var service: Service
    public var counselor: Counselor
    public var room: Room
    /// The visitor, or nil for a group session (whose attendees are checked at enrollment).
    public var visitorId: Int64?
    /// UTC, half-open `[start, end)`.
    public var interval: UTCInterval
    /// Seats needed in the room (counselor not counted).
    public var seats: Int
    /// When rescheduling, the appointment being moved: it never conflicts with its new time.
    public var replacingAppointmentId: Int64?

    /// - Parameter seats: default the service's group capacity, or 1 for an individual service,
    ///   plus 1 when an interpreter comes (`interpreterLanguage` set).
    public init(service: Service, counselor: Counselor, room: Room, visitorId: Int64?, interval: UTCInterval,
                seats: Int? = nil, interpreterLanguage: String? = nil, replacingAppointmentId: Int64? = nil) {
        self.service = service
        self.counselor = counselor
        self.room = room
        self.visitorId = visitorId
        self.interval = interval
        self.seats = seats ?? Self.defaultSeats(service: service, interpreter: interpreterLanguage != nil)
        self.replacingAppointmentId = replacingAppointmentId
    }

    /// The group capacity or 1, plus 1 for an interpreter.
    public static func defaultSeats(service: Service, interpreter: Bool) -> Int {
        (service.groupCapacity ?? 1) + (interpreter ? 1 : 0)
    }

    /// The same request at another time (each occurrence of a weekly series).
    public func moved(to interval: UTCInterval) -> BookingRequest {
        var copy = self
        copy.interval = interval
        return copy
    }
}

/// What the rules check a request against: the rows the store read in its write transaction.
public struct BookingContext: Sendable {
    /// The center's calendar, for local days and hours.
    public var calendar: CenterCalendar
    /// Existing appointments, any status (cancelled ones and the one being replaced are ignored).
    /// Must include every appointment of the request's counselor, room and visitor (and of the
    /// visitor's group sessions) that overlaps the interval; more is harmless.
    public var appointments: [Appointment]
    /// Absences (others than the counselor's are ignored).
    public var absences: [Absence]
    /// Closures (all; those of other rooms are ignored).
    public var closures: [Closure]
    /// The center's opening hours; nil skips that check.
    public var openingHours: WeeklyHours?
    /// Group sessions the visitor is enrolled in: their appointments hold the visitor too.
    public var visitorGroupSessionIds: Set<Int64>
    /// When given, a request starting before it is refused (`.startsInPast`). Pass nil to record
    /// a past appointment (a correction).
    public var now: Date?

    public init(calendar: CenterCalendar, appointments: [Appointment], absences: [Absence] = [], closures: [Closure] = [],
                openingHours: WeeklyHours? = nil, visitorGroupSessionIds: Set<Int64> = [], now: Date? = nil) {
        self.calendar = calendar
        self.appointments = appointments
        self.absences = absences
        self.closures = closures
        self.openingHours = openingHours
        self.visitorGroupSessionIds = visitorGroupSessionIds
        self.now = now
    }
}

/// The rules a booking must satisfy. Pure: the store calls `validate` inside its IMMEDIATE write
/// transaction with the rows it read there, screens call `problems` to explain.
///
/// Rules, in the order problems are reported:
/// 1. `start < end`, else `BookingError.emptyInterval` (invalid input, not a problem).
/// 2. Active service, counselor and room.
/// 3. The counselor delivers the service; the duration is the service's.
/// 4. Not in the past (when `now` is given).
/// 5. No whole-center or room closure on any local day the interval touches.
/// 6. Inside one range of the center's opening hours and one of the counselor's working hours,
///    on the local day of `start`.
/// 7. Not overlapping an absence of the counselor.
/// 8. Room capacity ≥ seats needed.
/// 9. Room, counselor and visitor each in at most one non-cancelled appointment at a time,
///    intervals half-open so back-to-back is fine (10:00–10:45 then 10:45–11:30);
///    conflicts are listed room, then counselor, then visitor, each by start.
public enum BookingRules {
    /// Every rule the request breaks; empty when it can be booked.
    /// - Throws: `BookingError.emptyInterval` when `start >= end`.
    public static func problems(for request: BookingRequest, in context: BookingContext) throws(BookingError) -> [BookingProblem] {
        let interval = request.interval
        guard !interval.isEmpty else { throw .emptyInterval(interval) }
        let service = request.service, counselor = request.counselor, room = request.room
        var problems: [BookingProblem] = []

        if !service.active { problems.append(.serviceInactive(serviceId: service.id)) }
        if !counselor.active { problems.append(.counselorInactive(counselor: counselor.name)) }
        if !room.active { problems.append(.roomInactive(room: room.name)) }
        if !counselor.delivers(service.id) {
            problems.append(.serviceNotDelivered(counselor: counselor.name, serviceId: service.id))
        }
        let seconds = Int(interval.seconds.rounded())
        if seconds != service.durationMinutes * 60 {
            problems.append(.wrongDuration(expectedMinutes: service.durationMinutes, actualSeconds: seconds))
        }
        if let now = context.now, interval.start < now { problems.append(.startsInPast(now: now)) }

        let calendar = context.calendar
        let firstDay = calendar.localDate(of: interval.start)
        let lastDay = calendar.localDate(of: interval.end.addingTimeInterval(-1))
        var day = firstDay
        while day <= lastDay {
            if let closure = context.closures.first(where: { $0.covers(day) && $0.applies(toRoom: room.id) }) {
                problems.append(.closed(closure, date: day))
            }
            day = day.adding(days: 1)
        }

        let clock = DayClock(firstDay, calendar: calendar)
        func inside(_ hours: WeeklyHours) -> (ok: Bool, ranges: [TimeRange]) {
            let ranges = hours.ranges(on: firstDay.isoWeekday)
            return (ranges.contains { clock.interval($0).contains(interval) }, ranges)
        }
        if let opening = context.openingHours {
            let check = inside(opening)
            if !check.ok { problems.append(.outsideOpeningHours(date: firstDay, hours: check.ranges)) }
        }
        let working = inside(counselor.hours)
        if !working.ok {
            problems.append(.outsideWorkingHours(counselor: counselor.name, date: firstDay, hours: working.ranges))
        }
        for absence in context.absences.sorted(by: { $0.interval.start < $1.interval.start })
        where absence.counselorId == counselor.id && absence.interval.overlaps(interval) {
            problems.append(.counselorAbsent(counselor: counselor.name, absence: absence))
        }
        if room.capacity < request.seats {
            problems.append(.roomTooSmall(room: room.name, capacity: room.capacity, needed: request.seats))
        }
        problems += conflicts(for: request, among: context.appointments, visitorGroupSessionIds: context.visitorGroupSessionIds)
            .map(BookingProblem.conflict)
        return problems
    }

    /// Throws unless the request can be booked.
    /// - Throws: `BookingError.emptyInterval` for `start >= end`; `BookingError.refused(problems)`
    ///   when any rule of `problems(for:in:)` is broken.
    public static func validate(_ request: BookingRequest, in context: BookingContext) throws(BookingError) {
        let found = try problems(for: request, in: context)
        if !found.isEmpty { throw .refused(found) }
    }

    /// The request with the first of `candidates` for whom it breaks no rule: the counselor
    /// chosen when none is named. The store calls it inside its write transaction, with the
    /// candidates in `CounselorRanking` order (`CounselorRanking.candidates`), so a booking is
    /// refused only when no suitable counselor is free then.
    ///
    /// Problems that do not depend on the counselor (the room or the visitor taken, a closure,
    /// the past…) are the same for every candidate: as soon as a candidate has only those, they
    /// are the answer.
    /// - Parameter request: the booking with any counselor (replaced by each candidate in turn).
    /// - Throws: `.emptyInterval` for `start >= end`; `.refused(problems)` when what refuses the
    ///   time is not the counselor; `.noCounselorFree` when every candidate is booked, away,
    ///   off duty or inactive then (or there is no candidate).
    public static func chooseCounselor(_ candidates: [Counselor], for request: BookingRequest,
                                       in context: BookingContext) throws(BookingError) -> BookingRequest {
        guard !request.interval.isEmpty else { throw .emptyInterval(request.interval) }
        var shared: [BookingProblem]?
        var own: [BookingProblem] = []
        for counselor in candidates {
            var attempt = request
            attempt.counselor = counselor
            let found = try problems(for: attempt, in: context)
            if found.isEmpty { return attempt }
            let mine = found.filter(\.isAboutCounselor)
            let others = found.filter { !$0.isAboutCounselor }
            if mine.isEmpty { throw .refused(others) }
            if shared == nil { shared = others }
            own += mine
        }
        throw .noCounselorFree(serviceId: request.service.id, interval: request.interval, problems: (shared ?? []) + own)
    }

    /// The existing appointments that hold the request's room, counselor or visitor during its
    /// interval: room conflicts first, then counselor, then visitor, each by start. Ignores
    /// cancelled appointments and `replacingAppointmentId`. An empty interval conflicts with nothing.
    public static func conflicts(for request: BookingRequest, among appointments: [Appointment],
                                 visitorGroupSessionIds: Set<Int64> = []) -> [BookingConflict] {
        let live = appointments
            .filter { $0.status.holdsResources && $0.id != request.replacingAppointmentId && $0.interval.overlaps(request.interval) }
            .sorted { ($0.start, $0.id) < ($1.start, $1.id) }
        var out: [BookingConflict] = []
        for a in live where a.roomId == request.room.id {
            out.append(BookingConflict(resource: .room(id: request.room.id, name: request.room.name), appointmentId: a.id, interval: a.interval))
        }
        for a in live where a.counselorId == request.counselor.id {
            out.append(BookingConflict(resource: .counselor(id: request.counselor.id, name: request.counselor.name), appointmentId: a.id, interval: a.interval))
        }
        if let visitor = request.visitorId {
            for a in live where a.visitorId == visitor || a.groupSessionId.map(visitorGroupSessionIds.contains) == true {
                out.append(BookingConflict(resource: .visitor(id: visitor), appointmentId: a.id, interval: a.interval))
            }
        }
        return out
    }
}
