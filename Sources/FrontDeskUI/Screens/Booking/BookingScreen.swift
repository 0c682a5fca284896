import Foundation
import FrontDeskDomain
import TerminalKit

/// The booking screen: pick a visitor (the same incremental search as on reception), a
/// category and service, see the free slots (filtered by counselor, language and first day),
/// confirm; from the visitor's appointments, reschedule or cancel with a reason.
///
/// Elm architecture (STYLE.md): pure `update` returning `Effect`s that the runner performs
/// against the store; `render` draws the whole frame. A refused booking (another terminal took
/// the slot) keeps the visitor, the service, the filters and the confirmation open with the
/// message, and reloads the slots.
public enum BookingScreen {
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
        public init(slot: Slot, service: Service, error: String? = nil, sending: Bool = false) {
            self.slot = slot
            self.service = service
            self.error = error
            self.sending = sending
        }
    }

    /// A dialog over the screen; it sees keys first.
    public enum Modal: Hashable, Sendable {
        case help
        case quitConfirm
        case confirm(Confirmation)
        /// Cancelling an appointment: one text field for the reason.
        case cancel(AppointmentListing, FieldForm)
        /// The first day of the slot search, typed `YYYY-MM-DD`.
        case date(FieldForm)
    }

    public struct State: Sendable {
        public var strings: Localizer
        public var calendar: CenterCalendar
        public var deskName: String
        public var size: Size
        public var now: Date
        public var search = VisitorSearch()
        /// The visitor being booked for.
        public var visitor: Visitor?
        public var focus: Focus = .visitor
        public var services: [Service] = []
        public var counselors: [Counselor] = []
        public var rooms: [Room] = []
        public var category: ServiceCategory = .psychological
        public var serviceList = ListState()
        public var counselorFilter: Int64?
        public var languageFilter: String?
        /// First day searched; nil means today.
        public var fromDate: LocalDate?
        /// The query the shown slots answer, or the one asked last.
        public var slotQuery: SlotQuery?
        public var slots: [Slot] = []
        public var slotList = ListState()
        /// The visitor's appointments, as loaded (all statuses, latest first).
        public var appointments: [AppointmentListing] = []
        public var appointmentList = ListState()
        public var mode: Mode = .book
        public var modal: Modal?
        public var notice: Notice?
        public var quitRequested = false

        public init(strings: Localizer, calendar: CenterCalendar, deskName: String, size: Size, now: Date) {
            self.strings = strings
            self.calendar = calendar
            self.deskName = deskName
            self.size = size
            self.now = now
        }

        public var today: LocalDate { calendar.localDate(of: now) }

        /// Active services of the chosen category, in catalog order (a rescheduled
        /// appointment's service only, while rescheduling).
        public var categoryServices: [Service] {
            if case .reschedule(let a) = mode { return services.filter { $0.id == a.service.id } }
            return services.filter { $0.active && $0.category == category && !$0.isGroup }
        }

        public var selectedService: Service? {
            let list = categoryServices
            guard let i = serviceList.selected, list.indices.contains(i) else { return nil }
            return list[i]
        }

        public var selectedSlot: Slot? {
            guard let i = slotList.selected, slots.indices.contains(i) else { return nil }
            return slots[i]
        }

        /// Upcoming appointments of the visitor that are not cancelled, by start.
        public var upcoming: [AppointmentListing] {
            let start = calendar.startOfDay(today)
            return appointments.filter { $0.status != .cancelled && $0.appointment.end > start }
                .sorted { $0.appointment.start < $1.appointment.start }
        }

        public var selectedAppointment: AppointmentListing? {
            let list = upcoming
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
    }

    public enum Event: Sendable {
        case key(Key)
        case resized(Size)
        case tick(Date)
        /// The screen came to the front: reload what may have changed.
        case shown
        case dataChanged
        /// Open the screen for this visitor (from reception).
        case openFor(visitorId: Int64)
        case catalogLoaded(services: [Service], counselors: [Counselor], rooms: [Room])
        case searchCompleted(query: String, results: [Visitor])
        case visitorLoaded(Visitor)
        case appointmentsLoaded(visitorId: Int64, [AppointmentListing])
        case slotsFound(SlotQuery, [Slot])
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
        case book(NewAppointment)
        case reschedule(appointmentId: Int64, to: Date, counselorId: Int64, roomId: Int64)
        case cancel(appointmentId: Int64, reason: String)
        case quit
    }

    /// The first effects when the screen is created.
    public static func start(_ state: State) -> [Effect] { [.loadCatalog] }
}
