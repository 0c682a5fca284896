import Foundation
import FrontDeskDomain
import TerminalKit

/// The booking screen: pick a visitor (the same incremental search as on reception), a
/// category and service, see the free slots (filtered by counselor, language and first day),
/// confirm; from the visitor's appointments, reschedule or cancel with a reason.
///
/// For a group service (a class, a support group) the slots pane lists the upcoming sessions
/// with their seats left, or "full · N on waitlist"; Enter enrolls the visitor, or puts them on
/// the waitlist when the session is full (the dialog says which). Their enrollments and waitlist
/// places appear among their appointments; cancelling one frees the seat for the first waiting,
/// and the notice names who got it.
///
/// Elm architecture: pure `update` returning `Effect`s that the runner performs
/// against the store; `render` draws the whole frame. A refused booking (another terminal took
/// the slot) keeps the visitor, the service, the filters and the confirmation open with the
/// message, and reloads the slots.
///
/// A booking cannot double: after a booking (or a move, or an enrollment) focus goes to the
/// appointment just made in the visitor's appointments, where Enter does nothing, so Enter,
/// Enter, Enter books once. Without a counselor filter the booking names no counselor
/// (`CounselorChoice.anyFree`, preferring the slot's): the store chooses, in its write
/// transaction, another suitable counselor free then if that one was taken meanwhile.
/// `[`/`]` (or ^P/^N) show the slots from the previous or the next week.
public enum BookingScreen: Screen {
    /// Days searched for free slots from the first day.
    public static let searchDays = 14
    /// Slots listed at most.
    public static let slotLimit = 60

    /// Which pane takes keys.
    public enum Focus: Hashable, Sendable, CaseIterable { case visitor, services, slots, appointments }

    /// Booking a new appointment, or moving an existing one to the chosen slot.
    public enum Mode: Hashable, Sendable {
        case book
        case reschedule(AppointmentListing)
    }

    /// The slot about to be booked (or the new time of a rescheduled appointment).
    public struct Confirmation: Hashable, Sendable {
        public var slot: Slot
        public var service: Service
        /// Why the store refused it, when it did; the dialog stays open.
        public var error: String?
        /// True between Enter and the store's answer (a second Enter sends nothing).
        public var sending = false
        /// The program chosen for the booking (F6); nil: the rule's (`ProgramRules`).
        public var programId: String?
        public init(slot: Slot, service: Service, error: String? = nil, sending: Bool = false, programId: String? = nil) {
            self.slot = slot
            self.service = service
            self.error = error
            self.sending = sending
            self.programId = programId
        }
    }

    /// Enrolling the visitor in a group session, or on its waitlist when it is full.
    public struct Enrollment: Hashable, Sendable {
        public var session: GroupSessionListing
        /// Why the store refused it, when it did; the dialog stays open.
        public var error: String?
        /// True between Enter and the store's answer (a second Enter sends nothing).
        public var sending = false
        public init(session: GroupSessionListing, error: String? = nil, sending: Bool = false) {
            self.session = session
            self.error = error
            self.sending = sending
        }

        /// True when no seat is free: Enter puts the visitor on the waitlist.
        public var waitlists: Bool { session.session.seatsLeft == 0 }
    }

    /// The sessions asked for: one group service over local days `from...through`.
    public struct SessionQuery: Hashable, Sendable {
        public var serviceId: String
        public var from: LocalDate
        public var through: LocalDate
        public init(serviceId: String, from: LocalDate, through: LocalDate) {
            self.serviceId = serviceId
            self.from = from
            self.through = through
        }
    }

    /// A dialog over the screen; it sees keys first.
    public enum Modal: Hashable, Sendable {
        case confirm(Confirmation)
        case enroll(Enrollment)
        /// Cancelling the visitor's seat or waitlist place in a group session (no reason needed).
        case cancelEnrollment(AppointmentListing)
        /// Cancelling an appointment: one text field for the reason.
        case cancel(AppointmentListing, FieldForm)
        /// The first day of the slot search, typed `YYYY-MM-DD`.
        case date(FieldForm)
    }

    public struct State: Equatable, Sendable {
        public var search = VisitorSearch()
        /// The visitor being booked for.
        public var visitor: Visitor?
        public var focus: Focus = .visitor
        public var services: [Service] = []
        public var counselors: [Counselor] = []
        public var rooms: [Room] = []
        /// The catalog of programs (issue 15): the confirmation shows which one the booking
        /// counts for, and lets staff choose another.
        public var programs: [Program] = []
        public var category: ServiceCategory = .psychological
        public var serviceList = ListState()
        public var counselorFilter: Int64?
        public var languageFilter: String?
        /// The language of an interpreter who comes with the visitor (ISO 639), when no counselor
        /// need speak the visitor's language; the room must then seat one more.
        public var interpreterLanguage: String?
        /// First day searched; nil means today.
        public var fromDate: LocalDate?
        /// The query the shown slots answer, or the one asked last.
        public var slotQuery: SlotQuery?
        /// The query whose answer `slots` holds.
        public var slotsShown: SlotQuery?
        public var slots: [Slot] = []
        /// The sessions query of a group service, or the one asked last.
        public var sessionQuery: SessionQuery?
        /// Sessions of the chosen group service, as loaded (any status).
        public var sessions: [GroupSessionListing] = []
        /// The selection in the slots pane: a free slot, or a session of a group service.
        public var slotList = ListState()
        /// The visitor's appointments, as loaded (all statuses, latest first).
        public var appointments: [AppointmentListing] = []
        public var appointmentList = ListState()
        /// The appointment just booked, moved or enrolled in, with focus on it in the
        /// appointments pane: kept among `appointments` until a load brings it (a load asked
        /// before the booking cannot), so the selection never falls back to the slots.
        public var justMade: AppointmentListing?
        public var mode: Mode = .book
        public var modal: Modal?
        /// The center-local day the slots were asked from (set by the first tick or load).
        public var day: LocalDate?

        public init() {}

        /// Active services of the chosen category, in catalog order (a rescheduled
        /// appointment's service only, while rescheduling, under the name the listing carries:
        /// "appointment" when the role may not see which psychological service it is).
        public var categoryServices: [Service] {
            if case .reschedule(let a) = mode {
                return services.filter { $0.id == a.service.id }.map { service in
                    var shown = service
                    shown.nameFr = a.service.nameFr
                    shown.nameEn = a.service.nameEn
                    return shown
                }
            }
            return services.filter { $0.active && $0.category == category }
        }

        public var selectedService: Service? {
            let list = categoryServices
            guard let i = serviceList.selected, list.indices.contains(i) else { return nil }
            return list[i]
        }

        public var selectedSlot: Slot? {
            guard selectedService?.isGroup != true, let i = slotList.selected, slots.indices.contains(i) else { return nil }
            return slots[i]
        }

        /// True when the chosen service is a group service: the slots pane lists its sessions.
        public var showsSessions: Bool { selectedService?.isGroup == true }

        /// Sessions open for enrollment: not started, not cancelled or over, of the counselor
        /// filter if set, by start.
        public func openSessions(_ ctx: ScreenContext) -> [GroupSessionListing] {
            let now = ctx.now
            return sessions.filter { s in
                !s.appointment.status.isFinal && s.appointment.appointment.start > now
                    && (counselorFilter.map { $0 == s.appointment.appointment.counselorId } ?? true)
            }
            .sorted { ($0.appointment.appointment.start, $0.id) < ($1.appointment.appointment.start, $1.id) }
        }

        public func selectedSession(_ ctx: ScreenContext) -> GroupSessionListing? {
            guard showsSessions, let i = slotList.selected else { return nil }
            let list = openSessions(ctx)
            return list.indices.contains(i) ? list[i] : nil
        }

        /// Upcoming appointments of the visitor that are not cancelled, by start.
        public func upcoming(_ ctx: ScreenContext) -> [AppointmentListing] {
            let start = ctx.calendar.startOfDay(ctx.today)
            return appointments.filter { $0.status != .cancelled && $0.appointment.end > start }
                .sorted { $0.appointment.start < $1.appointment.start }
        }

        public func selectedAppointment(_ ctx: ScreenContext) -> AppointmentListing? {
            let list = upcoming(ctx)
            guard let i = appointmentList.selected, list.indices.contains(i) else { return nil }
            return list[i]
        }

        /// Active counselors who deliver the selected service.
        public var eligibleCounselors: [Counselor] {
            guard let s = selectedService else { return [] }
            return counselors.filter { $0.active && $0.delivers(s.id) }
        }

        /// Languages offered by the language filter: the visitor's first, then the others that
        /// eligible counselors speak, in code order.
        public var languageChoices: [String] {
            let visitorLanguages = visitor?.languages ?? []
            let spoken = Set(eligibleCounselors.flatMap(\.languages)).subtracting(visitorLanguages).sorted()
            return visitorLanguages + spoken
        }

        public func counselorName(_ id: Int64) -> String { counselors.first { $0.id == id }?.name ?? "#\(id)" }
        public func roomName(_ id: Int64) -> String { rooms.first { $0.id == id }?.name ?? "#\(id)" }
        public func service(_ id: String) -> Service? { services.first { $0.id == id } }

        /// The program a booking of `service` on `day` counts for by rule, for the visitor.
        public func ruledProgram(service: String, on day: LocalDate) -> Program? {
            guard let visitor else { return nil }
            return ProgramRules.attribution(service: service, status: visitor.status, on: day, in: programs)
        }

        /// The programs F6 steps through for a booking of `service` on the center-local `day`:
        /// those that fund it for the visitor's status that day (`Program.covers`, the rule the
        /// store holds the choice to), in catalog order (before them, nil: by rule).
        public func programChoices(service: String, on day: LocalDate) -> [String?] {
            [nil] + programs.filter { p in visitor.map { p.covers(service: service, status: $0.status, on: day) } ?? p.services.contains(service) }
                .map { Optional($0.id) }
        }
    }

    public enum Event: ScreenEvent, Sendable {
        /// A key, the clock, a resize, a reload or coming to the front: from the shell.
        case shell(ShellEvent)
        /// Open the screen for this visitor (from reception).
        case openFor(visitorId: Int64)
        case catalogLoaded(services: [Service], counselors: [Counselor], rooms: [Room], programs: [Program] = [])
        case searchCompleted(query: String, results: [Visitor])
        case visitorLoaded(Visitor)
        case appointmentsLoaded(visitorId: Int64, [AppointmentListing])
        case slotsFound(SlotQuery, [Slot])
        case sessionsFound(SessionQuery, [GroupSessionListing])
        /// The visitor got a seat or a waitlist place in the session (its appointment, read after).
        case enrolled(AppointmentListing, EnrollmentOutcome)
        /// The visitor's seat or place is given up; `promoted` got the freed seat, if anyone.
        case enrollmentCancelled(sessionId: Int64, promoted: Visitor?)
        case booked(AppointmentListing)
        case rescheduled(AppointmentListing)
        case cancelled(AppointmentListing)
        case failed(Failure)
    }

    /// Why an effect failed, as the runner reports it.
    public typealias Failure = SchedulingFailure

    public enum Effect: Equatable, Sendable {
        case loadCatalog
        case search(query: String, limit: Int)
        case loadVisitor(Int64)
        case loadAppointments(visitorId: Int64)
        case findSlots(SlotQuery)
        case findSessions(SessionQuery)
        case enroll(visitorId: Int64, sessionId: Int64)
        case cancelEnrollment(visitorId: Int64, sessionId: Int64)
        case book(NewAppointment)
        case reschedule(appointmentId: Int64, to: Date, counselorId: Int64, roomId: Int64)
        case cancel(appointmentId: Int64, reason: String)
    }

    /// The first effects when the screen is created.
    public static func start(_ state: inout State, _ context: ScreenContext) -> [Effect] {
        state.day = context.today
        return [.loadCatalog]
    }


    public static func hasDialog(_ state: State) -> Bool { state.modal != nil }
}

extension BookingScreen.Effect {
    /// True when performing the effect may write to the store (an audit row counts): the loop
    /// then absorbs the change token it moved, so its own write does not reload the screen twice.
    /// Exhaustive on purpose: a new effect must say whether it writes.
    public var writes: Bool {
        switch self {
        case .loadCatalog, .search, .loadVisitor, .findSlots, .findSessions: false
        // Opening a visitor's appointments writes `visitor.opened` to the audit trail.
        case .loadAppointments, .enroll, .cancelEnrollment, .book, .reschedule, .cancel: true
        }
    }
}
