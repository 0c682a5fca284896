import Foundation

/// Where an appointment stands.
///
/// Normal lifecycle (`AppointmentStatus.transitions`):
/// ```
/// booked ──► checkedIn ──► inSession ──► completed
///   │  └──────────┴──► noShow
///   └──────────┴───────────┴──► cancelled      (any non-final status)
/// ```
/// `completed`, `cancelled` and `noShow` are final. Anything else, including undoing a final
/// status, goes through `Appointment.correct(to:)`, which any staff member may use and the
/// store audits. Raw values are the store's column values.
public enum AppointmentStatus: String, CaseIterable, Codable, Sendable {
    case booked
    case checkedIn = "checked_in"
    case inSession = "in_session"
    case completed
    case cancelled
    case noShow = "no_show"

    /// The normal transitions, from → allowed next statuses. The single source of the lifecycle.
    public static let transitions: [AppointmentStatus: Set<AppointmentStatus>] = [
        .booked: [.checkedIn, .noShow, .cancelled],
        .checkedIn: [.inSession, .noShow, .cancelled],
        .inSession: [.completed, .cancelled],
        .completed: [],
        .cancelled: [],
        .noShow: [],
    ]

    /// True when no normal transition leaves this status.
    public var isFinal: Bool { Self.transitions[self, default: []].isEmpty }

    /// True when `next` is a normal transition from `self`.
    public func canMove(to next: AppointmentStatus) -> Bool { Self.transitions[self, default: []].contains(next) }

    /// True unless cancelled: a non-cancelled appointment holds its counselor, room and visitor
    /// (each is in at most one at a time), even when completed or a no-show.
    public var holdsResources: Bool { self != .cancelled }
}

/// Why a status change was refused.
public enum AppointmentStatusError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Not a normal transition; use `correct(to:)` to override.
    case notAllowed(from: AppointmentStatus, to: AppointmentStatus)
    /// Cancelling needs a non-blank reason.
    case reasonMissing
    /// Not yet: the status can be set from `from` (center-local), see `Appointment.earliest`.
    case tooEarly(AppointmentStatus, from: LocalDateTime)

    public var description: String {
        switch self {
        case .notAllowed(let a, let b): "an appointment cannot go from \(a.rawValue) to \(b.rawValue); a correction can"
        case .reasonMissing: "a cancellation needs a reason"
        case .tooEarly(let s, let from): "\(s.rawValue) can be set from \(from), not before"
        }
    }
}

/// A status correction made outside the normal lifecycle, for the store to audit.
public struct StatusCorrection: Hashable, Sendable {
    public var appointmentId: Int64
    public var from: AppointmentStatus
    public var to: AppointmentStatus

    public init(appointmentId: Int64, from: AppointmentStatus, to: AppointmentStatus) {
        self.appointmentId = appointmentId
        self.from = from
        self.to = to
    }
}

/// One booked meeting: a visitor (or a group session) with a counselor, in a room, for a service.
///
/// `start` and `end` are UTC instants, half-open `[start, end)`; show them in center time with
/// `CenterCalendar`. A group session is one appointment with `visitorId == nil` and
/// `groupSessionId` set; its attendees are in `GroupSession`.
public struct Appointment: Hashable, Sendable, Codable, Identifiable {
    public var id: Int64
    /// The visitor, or nil for a group session.
    public var visitorId: Int64?
    public var serviceId: String
    public var counselorId: Int64
    public var roomId: Int64
    public var start: Date
    public var end: Date
    public var status: AppointmentStatus
    /// ISO 639 code of the language an interpreter is booked for, if any.
    public var interpreterLanguage: String?
    /// Free text for staff, written when booking; empty when none.
    public var note: String
    /// The counselor's own notes on the session: only the appointment's counselor
    /// reads them (`Permissions`); nil when hidden from the reader, empty when none were written.
    public var counselorNote: String?
    /// Name of the staff member who booked it.
    public var createdBy: String
    /// Why it was cancelled; set with `.cancelled`.
    public var cancelReason: String?
    /// The group session this appointment carries, if any.
    public var groupSessionId: Int64?
    /// The program the appointment counts for, as chosen by staff at booking, at check-in or
    /// afterwards (issue 15); nil: by rule (`ProgramRules`: the service, the visitor's status,
    /// the day).
    public var programId: String?

    public init(id: Int64, visitorId: Int64?, serviceId: String, counselorId: Int64, roomId: Int64,
                start: Date, end: Date, status: AppointmentStatus = .booked, interpreterLanguage: String? = nil,
                note: String = "", createdBy: String, cancelReason: String? = nil, groupSessionId: Int64? = nil,
                counselorNote: String? = nil, programId: String? = nil) {
        self.id = id
        self.visitorId = visitorId
        self.serviceId = serviceId
        self.counselorId = counselorId
        self.roomId = roomId
        self.start = start
        self.end = end
        self.status = status
        self.interpreterLanguage = interpreterLanguage
        self.note = note
        self.createdBy = createdBy
        self.cancelReason = cancelReason
        self.groupSessionId = groupSessionId
        self.counselorNote = counselorNote
        self.programId = programId
    }

    /// `[start, end)`.
    public var interval: UTCInterval { UTCInterval(start: start, end: end) }

    /// Moves along the normal lifecycle (`AppointmentStatus.transitions`), no earlier than
    /// `earliest(_:calendar:)` allows; use `cancel(reason:)` to cancel.
    /// - Parameters: `now`, the instant of the change; `calendar`, the center's, for the day.
    /// - Throws: `.notAllowed` for any other move, including to `.cancelled`; `.tooEarly` before
    ///   the status's time.
    public mutating func advance(to next: AppointmentStatus, at now: Date, calendar: CenterCalendar) throws(AppointmentStatusError) {
        guard next != .cancelled, status.canMove(to: next) else { throw .notAllowed(from: status, to: next) }
        if let earliest = earliest(next, calendar: calendar), now < earliest {
            throw .tooEarly(next, from: calendar.localDateTime(of: earliest))
        }
        status = next
    }

    /// The first instant at which the lifecycle may reach `next`, nil when the clock does not
    /// matter (a cancellation):
    /// - arrived (`checkedIn`) and in session: from the start of the appointment's day in
    ///   center time (people come early; not days early);
    /// - no-show and completed: from the appointment's start (nobody is missing before it
    ///   begins; the funders' no-show rate counts only appointments that were due).
    /// A correction (`correct(to:)`) is not bound by it.
    public func earliest(_ next: AppointmentStatus, calendar: CenterCalendar) -> Date? {
        switch next {
        case .checkedIn, .inSession: calendar.startOfDay(calendar.localDate(of: start))
        case .noShow, .completed: start
        case .booked, .cancelled: nil
        }
    }

    /// Cancels a non-final appointment with a reason (trimmed).
    /// - Throws: `.reasonMissing` for a blank reason, `.notAllowed` from a final status.
    public mutating func cancel(reason: String) throws(AppointmentStatusError) {
        let trimmed = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw .reasonMissing }
        guard status.canMove(to: .cancelled) else { throw .notAllowed(from: status, to: .cancelled) }
        status = .cancelled
        cancelReason = trimmed
    }

    /// Sets any status, outside the lifecycle (a staff correction: "marked no-show by mistake").
    /// Leaving `.cancelled` clears `cancelReason`. Returns what changed, for the audit trail.
    ///
    /// Un-cancelling makes the appointment hold its resources again: the store must re-check
    /// `BookingRules` before saving such a correction.
    @discardableResult
    public mutating func correct(to next: AppointmentStatus) -> StatusCorrection {
        let change = StatusCorrection(appointmentId: id, from: status, to: next)
        if status == .cancelled && next != .cancelled { cancelReason = nil }
        status = next
        return change
    }
}
