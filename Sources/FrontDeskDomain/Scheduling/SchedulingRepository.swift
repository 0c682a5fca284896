import Foundation

/// Who an appointment is with.
public enum CounselorChoice: Hashable, Sendable {
    /// This counselor and no other (`frontdesk book --counselor`, the screen's counselor filter).
    case named(Int64)
    /// No counselor named: the store chooses, inside its write transaction, the first suitable
    /// counselor free then (`BookingRules.chooseCounselor`), `preferring` first (the counselor of
    /// the slot the desk chose), then the others in `CounselorRanking` order on the visitor's
    /// languages; with `language`, only counselors who speak it (the screen's language filter).
    case anyFree(preferring: Int64? = nil, language: String? = nil)

    /// How the counselors who may take it are ranked, for a visitor who speaks `visitorLanguages`
    /// (most preferred first): the visitor's languages rank them, a language filter requires its
    /// language, an interpreter makes languages play no part. A named counselor is not ranked.
    public func ranking(visitorLanguages: [String], interpreterLanguage: String?) -> CounselorRanking {
        switch self {
        case .anyFree(_, let language?):
            CounselorRanking(languages: [language], policy: .require, interpreterLanguage: interpreterLanguage)
        case .anyFree, .named:
            CounselorRanking(languages: visitorLanguages, policy: .rank, interpreterLanguage: interpreterLanguage)
        }
    }
}

/// An appointment to book: the store derives the end from the service's duration and, when
/// `roomId` is nil, chooses the smallest free room with enough seats; when no counselor is
/// named (`CounselorChoice.anyFree`), it chooses the counselor in the same write transaction.
public struct NewAppointment: Hashable, Sendable {
    public var visitorId: Int64
    public var serviceId: String
    /// The counselor named, or how the store chooses one.
    public var counselor: CounselorChoice
    /// The room, or nil to let the store choose (smallest free room with enough seats, ties by id).
    public var roomId: Int64?
    /// UTC instant of the start; resolve a local time with `CenterCalendar.instant(_:_:)`.
    public var start: Date
    /// ISO 639 code of an interpreter's language, if one comes (one more seat).
    public var interpreterLanguage: String?
    /// Free text for staff; empty when none.
    public var note: String
    /// The program the service counts for, chosen at booking (issue 15); nil: by rule
    /// (`ProgramRules`).
    public var programId: String? = nil

    /// An appointment with a named counselor.
    public init(visitorId: Int64, serviceId: String, counselorId: Int64, roomId: Int64? = nil, start: Date,
                interpreterLanguage: String? = nil, note: String = "") {
        self.init(visitorId: visitorId, serviceId: serviceId, counselor: .named(counselorId), roomId: roomId, start: start,
                  interpreterLanguage: interpreterLanguage, note: note)
    }

    /// An appointment with a named counselor, or with one the store chooses (`.anyFree`).
    public init(visitorId: Int64, serviceId: String, counselor: CounselorChoice, roomId: Int64? = nil, start: Date,
                interpreterLanguage: String? = nil, note: String = "") {
        self.visitorId = visitorId
        self.serviceId = serviceId
        self.counselor = counselor
        self.roomId = roomId
        self.start = start
        self.interpreterLanguage = interpreterLanguage
        self.note = note
    }

    /// The named counselor; nil when the store chooses.
    public var counselorId: Int64? {
        if case .named(let id) = counselor { return id }
        return nil
    }
}

/// Seats of a group session, as listed with its appointment.
public struct GroupSeats: Hashable, Sendable {
    public var sessionId: Int64
    public var capacity: Int
    public var enrolled: Int
    public var waitlisted: Int

    public init(sessionId: Int64, capacity: Int, enrolled: Int, waitlisted: Int) {
        self.sessionId = sessionId
        self.capacity = capacity
        self.enrolled = enrolled
        self.waitlisted = waitlisted
    }
}

/// An appointment with what screens and listings show of it: local times, the visitor's name
/// and code, the service, the counselor's and the room's names, the status.
/// A visitor holding a seat in a group session, as the desk marks arrivals.
public struct GroupAttendee: Hashable, Sendable, Identifiable {
    public var visitorId: Int64
    public var code: VisitorCode
    /// `given family`, NFC as stored.
    public var name: String
    /// When the desk marked them arrived (UTC); nil until then.
    public var arrivedAt: Date?

    public var id: Int64 { visitorId }

    public init(visitorId: Int64, code: VisitorCode, name: String, arrivedAt: Date?) {
        self.visitorId = visitorId
        self.code = code
        self.name = name
        self.arrivedAt = arrivedAt
    }
}

public struct AppointmentListing: Hashable, Sendable, Identifiable {
    public var appointment: Appointment
    /// Center-local start and end (wall clock), computed by the store with its calendar.
    public var localStart: LocalDateTime
    public var localEnd: LocalDateTime
    /// The visitor; nil for a group session.
    public var visitorCode: VisitorCode?
    /// `given family`, NFC as stored; nil for a group session.
    public var visitorName: String?
    public var service: Service
    public var counselorName: String
    public var roomName: String
    /// Seats of the group session this appointment carries, if any.
    public var group: GroupSeats?
    /// In a visitor's listing (`appointments(visitorId:limit:)`), their place in this group
    /// session: a seat, or a waitlist position. Nil elsewhere.
    public var place: EnrollmentOutcome?

    public init(appointment: Appointment, localStart: LocalDateTime, localEnd: LocalDateTime, visitorCode: VisitorCode?,
                visitorName: String?, service: Service, counselorName: String, roomName: String, group: GroupSeats? = nil,
                place: EnrollmentOutcome? = nil) {
        self.appointment = appointment
        self.localStart = localStart
        self.localEnd = localEnd
        self.visitorCode = visitorCode
        self.visitorName = visitorName
        self.service = service
        self.counselorName = counselorName
        self.roomName = roomName
        self.group = group
        self.place = place
    }

    public var id: Int64 { appointment.id }
    public var status: AppointmentStatus { appointment.status }
}

/// A group session to schedule, once or weekly.
public struct NewGroupSession: Hashable, Sendable {
    /// A group service (`Service.groupCapacity` set).
    public var serviceId: String
    public var counselorId: Int64
    public var roomId: Int64
    /// The first occurrence, center-local.
    public var start: LocalDateTime
    /// Repeat weekly at the same local time until this day (inclusive); nil for one session.
    public var until: LocalDate?
    /// Seats; nil uses the service's `groupCapacity`.
    public var capacity: Int?
    public var note: String

    public init(serviceId: String, counselorId: Int64, roomId: Int64, start: LocalDateTime, until: LocalDate? = nil,
                capacity: Int? = nil, note: String = "") {
        self.serviceId = serviceId
        self.counselorId = counselorId
        self.roomId = roomId
        self.start = start
        self.until = until
        self.capacity = capacity
        self.note = note
    }
}

/// A group session with its appointment (times, counselor, room).
public struct GroupSessionListing: Hashable, Sendable, Identifiable {
    public var session: GroupSession
    public var appointment: AppointmentListing

    public init(session: GroupSession, appointment: AppointmentListing) {
        self.session = session
        self.appointment = appointment
    }

    public var id: Int64 { session.id }
}

/// What scheduling a (weekly) group session did: the sessions created and the dates skipped.
public struct GroupScheduleResult: Hashable, Sendable {
    /// Why an occurrence was not scheduled.
    public enum Skip: Hashable, Sendable {
        /// The center or the room is closed, or the wall-clock time does not exist that day.
        case recurrence(WeeklyRecurrence.SkipReason)
        /// The booking rules refuse it (conflict, hours, absence…).
        case refused(BookingError)
    }

    /// One date of the series that got no session.
    public struct Skipped: Hashable, Sendable {
        public var date: LocalDate
        public var reason: Skip

        public init(date: LocalDate, reason: Skip) {
            self.date = date
            self.reason = reason
        }
    }

    public var scheduled: [GroupSessionListing]
    public var skipped: [Skipped]

    public init(scheduled: [GroupSessionListing], skipped: [Skipped]) {
        self.scheduled = scheduled
        self.skipped = skipped
    }
}

/// What removing a counselor or a room did: a resource with appointments keeps its history
/// and is deactivated instead of deleted.
public enum RemovalOutcome: String, Hashable, Sendable {
    case deleted
    case deactivated
}

/// A scheduling request refused for a reason other than the booking rules (those throw
/// `BookingError`). Each case reads as a message for the desk.
public enum SchedulingError: Error, Equatable, Sendable {
    case appointmentNotFound(Int64)
    case counselorNotFound(Int64)
    case roomNotFound(Int64)
    case serviceNotFound(String)
    case visitorNotFound(Int64)
    case absenceNotFound(Int64)
    case closureNotFound(Int64)
    case groupSessionNotFound(Int64)
    /// No active room has enough seats (or none is open) for the request.
    case noRoomAvailable(seats: Int)
    /// No counselor was named and no active counselor delivers the service (who speaks
    /// `language`, when the booking requires one).
    case noCounselor(serviceId: String, language: String?)
    /// A group service was booked as an individual appointment, or the reverse.
    case serviceIsGroup(String)
    case serviceIsNotGroup(String)
    /// A counselor or room name is already used by another one.
    case nameTaken(String)
    /// The value is invalid (a blank name, a non-positive capacity, an empty span…).
    case invalid(Invalid)
    /// A status change outside the lifecycle, or a cancellation without a reason.
    case status(AppointmentStatusError)
    /// An enrollment change that cannot be made.
    case group(GroupSessionError)

    /// What is wrong with a request that breaks no booking rule but cannot be carried out. Each
    /// case carries what a message needs; `description` is English, the command line and the
    /// screens word it in their language.
    public enum Invalid: Hashable, Sendable, CustomStringConvertible {
        case counselorNameMissing
        case roomNameMissing
        case roomWithoutSeats
        /// The first day is after the last (or one is not a calendar date).
        case closureDays(first: LocalDate, last: LocalDate)
        case closureLabelMissing
        /// An imported closure without a label or with its days out of order.
        case closureIncomplete
        case absenceEmpty
        /// The settings name another zone than the database's (`zone`).
        case timeZoneChange(zone: String)
        case slotGrid(ClosedRange<Int>)
        case deskLock(ClosedRange<Int>)
        case groupSessionWithoutSeats
        case visitorArchived(VisitorCode)
        /// The visitor is neither enrolled in the session nor on its waitlist.
        case noSeatHeld
        /// The session is cancelled or over.
        case sessionClosed(AppointmentStatus)
        /// A group session is moved by cancelling it and scheduling another.
        case groupSessionMove
        /// Only a booked appointment can be moved.
        case notBooked(AppointmentStatus)
        case correctionReasonMissing

        public var description: String {
            switch self {
            case .counselorNameMissing: "a counselor needs a name"
            case .roomNameMissing: "a room needs a name"
            case .roomWithoutSeats: "a room needs at least one seat"
            case .closureDays(let first, let last): "a closure runs from its first day to its last day (\(first) > \(last))"
            case .closureLabelMissing: "a closure needs a label"
            case .closureIncomplete: "a closure runs from its first day to its last day and has a label"
            case .absenceEmpty: "an absence must end after it starts"
            case .timeZoneChange(let zone): "the time zone is \(zone); changing it is not supported"
            case .slotGrid(let r): "the slot grid must be \(r.lowerBound) to \(r.upperBound) minutes"
            case .deskLock(let r): "the desk lock time must be \(r.lowerBound) to \(r.upperBound) minutes"
            case .groupSessionWithoutSeats: "a group session needs at least one seat"
            case .visitorArchived(let code): "the visitor \(code) is archived"
            case .noSeatHeld: "the visitor holds no seat in this session"
            case .sessionClosed(let status): "the session is \(status.rawValue)"
            case .groupSessionMove: "a group session is moved by cancelling it and scheduling another"
            case .notBooked(let status): "only a booked appointment can be moved (this one is \(status.rawValue))"
            case .correctionReasonMissing: "a correction needs a reason"
            }
        }
    }

    /// A one-line English explanation.
    public var message: String {
        switch self {
        case .appointmentNotFound(let id): "no appointment has the id \(id)"
        case .counselorNotFound(let id): "no counselor has the id \(id)"
        case .roomNotFound(let id): "no room has the id \(id)"
        case .serviceNotFound(let id): "no service is called \(id)"
        case .visitorNotFound(let id): "no visitor has the id \(id)"
        case .absenceNotFound(let id): "no absence has the id \(id)"
        case .closureNotFound(let id): "no closure has the id \(id)"
        case .groupSessionNotFound(let id): "no group session has the id \(id)"
        case .noRoomAvailable(let seats): "no room with \(seats) seat\(seats == 1 ? "" : "s") is free then"
        case .noCounselor(let service, let language?): "no active counselor who speaks \(language) delivers \(service)"
        case .noCounselor(let service, nil): "no active counselor delivers \(service)"
        case .serviceIsGroup(let id): "\(id) is a group service: enroll the visitor in a session"
        case .serviceIsNotGroup(let id): "\(id) is not a group service"
        case .nameTaken(let name): "the name \(name) is already used"
        case .invalid(let why): why.description
        case .status(let e): e.description
        case .group(let e):
            switch e {
            case .alreadyEnrolled: "the visitor is already enrolled"
            case .alreadyWaitlisted(let p): "the visitor is already on the waitlist (position \(p))"
            case .notEnrolled: "the visitor is neither enrolled nor on the waitlist"
            }
        }
    }
}

/// Counselors, rooms, closures, appointments and group sessions. Implemented by FrontDeskStore
/// over SQLite; kept free of any database type so that another store (PostgreSQL for several
/// sites) can implement it too.
///
/// Every write is one IMMEDIATE transaction with its audit event. Every booking decision (book,
/// reschedule, un-cancelling correction, group scheduling, enrollment) reads the rows of the
/// interval that matters and runs `BookingRules` inside that transaction, so two terminals can
/// never take the same slot: of two bookings of it at the same instant, exactly one succeeds.
///
/// Changes to an existing appointment and every listing of appointments take a `Viewer` (the
/// signed-in member, or `Viewer.fileOwner` on the command line): the store checks
/// `Permissions.mayChange` inside the write transaction and redacts what it returns
/// (`Permissions.redact`), so a store implementing this protocol keeps every access rule.
///
/// Instants (`Date`) are UTC; days and wall-clock times are the center's (`calendar`).
///
/// Errors: `BookingError` when the rules refuse a booking (`message(calendar:)` names what
/// conflicts and when), `SchedulingError` for the rest, `AccessError.notAllowed` when the viewer
/// may not, a store error for I/O failures.
public protocol SchedulingRepository: Sendable {
    /// The center's calendar (time zone) in which local days and times are counted.
    var calendar: CenterCalendar { get }

    // MARK: Reading resources

    /// Time zone, opening hours, first weekday, slot grid.
    func centerSettings() throws -> CenterSettings

    /// Counselors by name; inactive ones only when asked.
    func counselors(includeInactive: Bool) throws -> [Counselor]

    /// Rooms by name; inactive ones only when asked.
    func rooms(includeInactive: Bool) throws -> [Room]

    /// Closures touching the local days `first...last`, by first day.
    func closures(from first: LocalDate, through last: LocalDate) throws -> [Closure]

    /// Saves the closures of an import all together or none; those already there (same days,
    /// room and label) are counted, not added again. Nothing is written in a dry run.
    /// - Throws: `SchedulingError` (nothing written).
    func importClosures(_ closures: [Closure], dryRun: Bool, by actor: Actor, at now: Date) throws -> (added: [Closure], alreadyThere: Int)

    /// Absences overlapping `interval`, of one counselor or of all (nil), by start.
    func absences(counselorId: Int64?, overlapping interval: UTCInterval) throws -> [Absence]

    /// The service catalog (active and inactive), by category then id.
    func services() throws -> [Service]

    /// Inserts or updates the given services (by id) in one transaction and writes one
    /// `catalog.loaded` event; services not in the list are kept as they are.
    func loadCatalog(_ services: [Service], by actor: Actor, at now: Date) throws

    // MARK: Slots and appointments

    /// The next free slots (`SlotFinder`) over the rows of the searched days only. When the
    /// query names a visitor, the store adds the group sessions they are enrolled in.
    func freeSlots(_ query: SlotQuery, now: Date) throws -> [Slot]

    /// Books an individual appointment, status `booked`, after re-checking every rule in the
    /// write transaction (not in the past: `now`). Writes `appointment.booked`.
    ///
    /// When no counselor is named (`CounselorChoice.anyFree`), the counselor is chosen in that
    /// same transaction among those who suit and are free then (`BookingRules.chooseCounselor`,
    /// `CounselorRanking`), so a booking is refused only when none is free.
    /// - Throws: `BookingError` (conflict, hours, closure…; `.noCounselorFree` when no suitable
    ///   counselor is free), `SchedulingError` (unknown ids, a group service, no room,
    ///   `.noCounselor` when no active counselor delivers the service in the language asked).
    func book(_ appointment: NewAppointment, by actor: Actor, at now: Date) throws -> AppointmentListing

    /// Moves a booked appointment to `start` (same duration), with another counselor or room
    /// when given (nil keeps them), re-checking every rule; the appointment never conflicts
    /// with its old time. Writes `appointment.rescheduled` (old and new times).
    /// - Returns: the listing as `viewer` may see it.
    /// - Throws: `AccessError.notAllowed` when `viewer` may not change this appointment
    ///   (`Permissions.mayChange`, checked in the transaction); `BookingError`, `SchedulingError`;
    ///   `ProgramError.notCovered` when a program chosen for it does not fund it on the new day
    ///   (its period ends before, or starts after).
    func reschedule(appointmentId: Int64, to start: Date, counselorId: Int64?, roomId: Int64?,
                    as viewer: Viewer, by actor: Actor, at now: Date) throws -> AppointmentListing

    /// Cancels a non-final appointment with a reason. Cancelling a group session's
    /// appointment cancels the session. Writes `appointment.cancelled`.
    /// - Returns: the listing as `viewer` may see it.
    /// - Throws: `AccessError.notAllowed` (`Permissions.mayChange`),
    ///   `SchedulingError.status(.reasonMissing | .notAllowed)`, `.appointmentNotFound`.
    func cancel(appointmentId: Int64, reason: String, as viewer: Viewer, by actor: Actor, at now: Date) throws -> AppointmentListing

    /// Moves along the lifecycle (`AppointmentStatus.transitions`): checked in (arrived), in
    /// session, completed, no-show. Writes `appointment.status_changed`. With `program` (a
    /// check-in where the desk changed it), the program the appointment counts for is set in
    /// the same transaction (`program.chosen`) when it differs from the stored choice.
    /// - Returns: the listing as `viewer` may see it.
    /// - Throws: `AccessError.notAllowed` (`Permissions.mayChange`),
    ///   `SchedulingError.status(.notAllowed)` for any other move (cancel with `cancel`),
    ///   `ProgramError` for a program that does not fund the service for the visitor's status
    ///   that day; nothing is written then.
    func setStatus(appointmentId: Int64, to status: AppointmentStatus, as viewer: Viewer, by actor: Actor,
                   at now: Date, program: ProgramChoice?) throws -> AppointmentListing

    /// Sets any status outside the lifecycle (a staff correction), auditing before and after
    /// with the reason (`appointment.status_corrected`). Un-cancelling re-checks the rules.
    /// - Returns: the listing as `viewer` may see it.
    /// - Throws: `AccessError.notAllowed` (`Permissions.mayChange`), `SchedulingError.invalid`
    ///   without a reason, `BookingError` when un-cancelling meets a conflict.
    func correctStatus(appointmentId: Int64, to status: AppointmentStatus, reason: String,
                       as viewer: Viewer, by actor: Actor, at now: Date) throws -> AppointmentListing

    /// Writes the counselor's notes on an appointment and an `appointment.note_saved` event
    /// (the text stays out of the trail). Only the appointment's own counselor may (or the
    /// file owner). - Throws: `SchedulingError.appointmentNotFound`; `AccessError.notAllowed`.
    func saveCounselorNote(appointmentId: Int64, note: String, as viewer: Viewer, by actor: Actor, at now: Date) throws

    /// The counselor's notes on an appointment ("" when none), read for `viewer`, with an
    /// `appointment.note_read` event (every read is audited; the text stays out of the trail).
    /// Only the appointment's own counselor may (or the file owner).
    /// - Throws: `SchedulingError.appointmentNotFound`; `AccessError.notAllowed`.
    func readCounselorNote(appointmentId: Int64, as viewer: Viewer, by actor: Actor, at now: Date) throws -> String

    /// Records many appointments at once (demo history, imports), each checked by
    /// `BookingRules` against the stored rows (not against `now`: history may lie in the past),
    /// `batchSize` per write transaction; refused ones are skipped and counted, as are those
    /// that name no counselor (history records who it was with).
    /// - Returns: how many were stored and how many the rules refused.
    func recordAppointments(_ planned: [PlannedAppointment], by actor: Actor, at now: Date,
                            batchSize: Int) throws -> (stored: Int, refused: Int)

    /// One appointment, if it exists, as `viewer` may see it (`Permissions.redact`).
    func appointment(id: Int64, as viewer: Viewer) throws -> AppointmentListing?

    /// Appointments (any status, group sessions included) overlapping `interval`, of one
    /// counselor or all (nil), by start then counselor name, as `viewer` may see them.
    func appointments(counselorId: Int64?, overlapping interval: UTCInterval, as viewer: Viewer) throws -> [AppointmentListing]

    /// A visitor's appointments (any status), latest first, at most `limit`; group sessions
    /// they are enrolled in or waitlisted for are included, with their `place`; as `viewer`
    /// may see them.
    func appointments(visitorId: Int64, limit: Int, as viewer: Viewer) throws -> [AppointmentListing]

    // MARK: Group sessions

    /// Group sessions overlapping `interval` (of one service, or all when nil), by start.
    func groupSessions(serviceId: String?, overlapping interval: UTCInterval) throws -> [GroupSessionListing]

    /// One group session with its enrolled visitors and waitlist, if it exists.
    func groupSession(id: Int64) throws -> GroupSessionListing?

    /// Schedules a session, or a weekly series at the same local time, each occurrence checked
    /// by the rules in one transaction; refused and skipped dates are reported, not thrown.
    /// Writes `group_session.scheduled` per session.
    func scheduleGroupSession(_ session: NewGroupSession, by actor: Actor, at now: Date) throws -> GroupScheduleResult

    /// Enrolls a visitor if a seat is free, else puts them on the waitlist; the visitor must be
    /// free at that time. Writes `group_session.enrolled` or `.waitlisted`.
    func enroll(visitorId: Int64, sessionId: Int64, by actor: Actor, at now: Date) throws -> EnrollmentOutcome

    /// The visitors holding a seat in a group session (not the waitlist), in order of
    /// enrollment, each with their arrival.
    /// - Throws: `SchedulingError.groupSessionNotFound`.
    func groupAttendees(sessionId: Int64) throws -> [GroupAttendee]

    /// Marks one visitor holding a seat arrived for the session, on their own (the others are
    /// untouched), inside one write transaction; marking an arrived visitor again changes
    /// nothing. Writes `group_session.arrived`.
    /// - Returns: the session's attendees after the change.
    /// - Throws: `SchedulingError.groupSessionNotFound`; `SchedulingError.invalid` when the
    ///   visitor holds no seat (waitlisted or not enrolled) or the session is cancelled or over.
    func markGroupArrival(sessionId: Int64, visitorId: Int64, by actor: Actor, at now: Date) throws -> [GroupAttendee]

    /// Cancels a visitor's seat or waitlist place; a freed seat goes to the first on the
    /// waitlist (returned). Writes `group_session.enrollment_cancelled` and `.promoted`.
    func cancelEnrollment(visitorId: Int64, sessionId: Int64, by actor: Actor, at now: Date) throws -> Int64?

    // MARK: Administration

    /// Inserts (`id <= 0`) or updates a counselor with services, languages and hours.
    /// Writes `counselor.saved`. - Throws: `SchedulingError.nameTaken`, `.invalid`.
    func saveCounselor(_ counselor: Counselor, by actor: Actor, at now: Date) throws -> Counselor

    /// Deletes a counselor without appointments, else deactivates them. Writes `counselor.removed`.
    func removeCounselor(id: Int64, by actor: Actor, at now: Date) throws -> RemovalOutcome

    /// Inserts (`id <= 0`) or updates an absence. Writes `absence.saved`.
    func saveAbsence(_ absence: Absence, by actor: Actor, at now: Date) throws -> Absence

    /// Deletes an absence. Writes `absence.removed`.
    func removeAbsence(id: Int64, by actor: Actor, at now: Date) throws

    /// Inserts (`id <= 0`) or updates a room. Writes `room.saved`.
    func saveRoom(_ room: Room, by actor: Actor, at now: Date) throws -> Room

    /// Deletes a room without appointments, else deactivates it. Writes `room.removed`.
    func removeRoom(id: Int64, by actor: Actor, at now: Date) throws -> RemovalOutcome

    /// Inserts (`id <= 0`) or updates a closure. Writes `closure.saved`.
    func saveClosure(_ closure: Closure, by actor: Actor, at now: Date) throws -> Closure

    /// Deletes a closure. Writes `closure.removed`.
    func removeClosure(id: Int64, by actor: Actor, at now: Date) throws

    /// Offers or withdraws a service. Writes `service.saved`.
    func setServiceActive(id: String, active: Bool, by actor: Actor, at now: Date) throws -> Service

    /// Saves the center settings (opening hours, first weekday, grid). The time zone must be
    /// the store's calendar zone. Writes `settings.saved`.
    func saveCenterSettings(_ settings: CenterSettings, by actor: Actor, at now: Date) throws
}

extension SchedulingRepository {
    /// `recordAppointments` in batches of 2,000.
    public func recordAppointments(_ planned: [PlannedAppointment], by actor: Actor, at now: Date) throws -> (stored: Int, refused: Int) {
        try recordAppointments(planned, by: actor, at: now, batchSize: 2_000)
    }

    /// `setStatus` leaving the appointment's program as it is.
    public func setStatus(appointmentId: Int64, to status: AppointmentStatus, as viewer: Viewer, by actor: Actor,
                          at now: Date) throws -> AppointmentListing {
        try setStatus(appointmentId: appointmentId, to: status, as: viewer, by: actor, at: now, program: nil)
    }
}
