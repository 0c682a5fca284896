import Foundation
import FrontDeskDomain
import TerminalKit

/// The reception desk (home screen): today's walk-in queue with waiting times, counts,
/// incremental visitor search, check-in with a queue ticket, the new-visitor form, call next
/// and close a visit.
///
/// Elm architecture: `State` is a value, `update` is pure and returns `Effect`s that
/// the effect handlers perform against the store, feeding results back as `Event`s; `render`
/// draws the body inside the shell's chrome. The clock reaches the screen only through the
/// shell's `ScreenContext`.
public enum ReceptionScreen: Screen {
    /// Visitors listed for a search.
    public static let searchLimit = VisitorSearch.limit

    /// Which pane takes typing.
    public enum Focus: Hashable, Sendable { case queue, search, expected }

    /// A dialog over the screen; it sees keys first.
    public enum Modal: Hashable, Sendable {
        case checkIn(CheckInDialog)
        case ticket(TicketDialog)
        case closeVisit(CloseVisitDialog)
        case visitorForm(VisitorForm)
        /// The registration resembles existing records: is it one of them?
        case duplicates(DuplicatesDialog)
        case groupArrivals(GroupArrivalsDialog)
    }

    /// Everything the screen shows and remembers.
    public struct State: Equatable, Sendable {
        /// The center-local day whose queue is shown (set by the first tick or load).
        public var day: LocalDate?
        /// Today's visits (all statuses) in arrival order, as last loaded.
        public var visits: [QueueEntry] = []
        public var counts = QueueCounts()
        /// Search has focus at start: a receptionist types a name straight away.
        public var focus: Focus = .search
        public var categoryFilter: ServiceCategory?
        public var queueList = ListState()
        /// The visitor search (shared with the booking screen).
        public var search = VisitorSearch()
        public var searchField: TextField { get { search.field } set { search.field = newValue } }
        /// The query the shown results answer (results of older queries are dropped).
        public var resultsQuery: String { get { search.resultsQuery } set { search.resultsQuery = newValue } }
        public var results: [Visitor] { get { search.results } set { search.results = newValue } }
        public var resultsList: ListState { get { search.list } set { search.list = newValue } }
        /// Today's appointments not yet over (booked or arrived), by start: the expected arrivals.
        public var expected: [AppointmentListing] = []
        /// The catalog of programs and each category's services (issue 15): the check-in dialog
        /// shows which program a walk-in counts for, and F6 chooses another.
        public var programs: [Program] = []
        public var servicesByCategory: [ServiceCategory: [String]] = [:]

        /// The program a walk-in of `category` counts for by rule, today, for `visitor`.
        public func ruledProgram(for category: ServiceCategory, visitor: Visitor, on day: LocalDate) -> Program? {
            ProgramRules.attribution(walkInOf: servicesByCategory[category] ?? [], status: visitor.status, on: day, in: programs)
        }

        /// What F6 steps through for a walk-in of `category` by `visitor` on the center-local
        /// `day`: nil (by rule), then the programs that fund a service of the category for the
        /// visitor's status that day (`Program.covers`, the rule the store holds the choice
        /// to), in catalog order.
        public func programChoices(for category: ServiceCategory, visitor: Visitor, on day: LocalDate) -> [String?] {
            let services = servicesByCategory[category] ?? []
            return [nil] + programs.filter { p in services.contains { p.covers(service: $0, status: visitor.status, on: day) } }
                .map { Optional($0.id) }
        }

        /// The program `appointment` of `visitor` counts for by rule (its service, the
        /// visitor's status, its center-local day).
        public func ruledProgram(for appointment: AppointmentListing, visitor: Visitor) -> Program? {
            ProgramRules.attribution(service: appointment.service.id, status: visitor.status, on: appointment.localStart.date, in: programs)
        }

        /// What F6 steps through at the arrival for `appointment`: nil (by rule), then the
        /// programs that fund its service for the visitor's status on its day, in catalog order.
        public func programChoices(for appointment: AppointmentListing, visitor: Visitor) -> [String?] {
            [nil] + programs.filter { $0.covers(service: appointment.service.id, status: visitor.status, on: appointment.localStart.date) }
                .map { Optional($0.id) }
        }
        public var expectedList = ListState()
        public var modal: Modal?
        /// The visit this desk called last, to select once the queue is loaded again (so F6 then
        /// closes the ticket this desk called, not the one selected before).
        public var justCalled: Int64?

        public init() {}

        /// Rows of the queue pane in the queue's order (`QueueEntry.queueOrder`), filtered by
        /// the category filter; closed visits are not listed.
        public var queueRows: [QueueEntry] {
            QueueEntry.queueOrder(visits.filter { categoryFilter == nil || $0.visit.category == categoryFilter })
        }

        /// The selected queue row, if any.
        public var selectedQueueEntry: QueueEntry? {
            let rows = queueRows
            guard let i = queueList.selected, rows.indices.contains(i) else { return nil }
            return rows[i]
        }

        /// The selected expected arrival, if any.
        public var selectedExpected: AppointmentListing? {
            guard let i = expectedList.selected, expected.indices.contains(i) else { return nil }
            return expected[i]
        }

        /// The selected search result, if any.
        public var selectedVisitor: Visitor? { search.selected }

        /// The visitor to open the booking screen for: the selected search result when the
        /// search has focus, else the visitor of the selected queue ticket.
        public var bookingCandidateId: Int64? {
            if focus == .search, let v = selectedVisitor { return v.id }
            if focus == .expected { return selectedExpected?.appointment.visitorId }
            return selectedQueueEntry?.visit.visitorId ?? selectedVisitor?.id
        }

        /// Waiting tickets in a category and the longest wait among them (minutes).
        public func waitingSummary(_ category: ServiceCategory, now: Date) -> (count: Int, longestMinutes: Int) {
            let waiting = visits.filter { $0.visit.category == category && $0.visit.status == .waiting }
            return (waiting.count, waiting.map { $0.visit.waitMinutes(now: now) }.max() ?? 0)
        }
    }

    /// What happened: keys, clock ticks, resizes and the results of effects.
    public enum Event: ScreenEvent, Sendable {
        /// A key, the clock, a resize, a reload or coming to the front: from the shell.
        case shell(ShellEvent)
        case queueLoaded([QueueEntry], QueueCounts)
        /// Today's appointments (any status), as the store lists them.
        case expectedLoaded([AppointmentListing])
        /// The catalog of programs and the services of each category.
        case programsLoaded([Program], servicesByCategory: [ServiceCategory: [String]])
        /// An expected visitor was marked arrived (appointment checked in).
        case arrivalMarked(AppointmentListing)
        /// The seated visitors of a group session of today, to mark arrived one by one.
        case groupAttendeesLoaded(AppointmentListing, [GroupAttendee])
        /// One seated visitor marked arrived: the session's attendees after the change.
        case groupArrivalMarked(sessionId: Int64, visitorId: Int64, [GroupAttendee])
        case searchCompleted(query: String, results: [Visitor])
        case visitorRegistered(Visitor)
        /// The registration was not stored: these records resemble it (`DuplicateRule`).
        case possibleDuplicates(NewVisitor, [Visitor])
        /// The member chose an existing record instead of a new one (audited).
        case duplicateChosen(Visitor)
        case checkedIn(Visit, Visitor)
        case ticketCalled(QueueEntry)
        case visitClosed(Visit)
        case failed(Failure)
    }

    /// Why an effect failed, as the runner reports it.
    public enum Failure: Error, Equatable, Sendable {
        case queue(QueueError)
        case validation(VisitorValidationError)
        /// Any other store problem, already phrased for the desk (no stack trace, no SQL).
        case store(String)
    }

    /// What the runner must do; data, not calls.
    public enum Effect: Equatable, Sendable {
        case loadQueue(LocalDate)
        /// Load the day's appointments, for the expected arrivals.
        case loadExpected(LocalDate)
        /// Load the programs and the services of each category (for the check-in dialog).
        case loadPrograms
        /// Mark an expected visitor arrived: their appointment moves to checked in; with
        /// `program`, it counts for that program from then on (changed with F6 at check-in).
        case markArrived(appointmentId: Int64, program: ProgramChoice? = nil)
        /// Read the seated visitors of a group session (its row in "Expected today").
        case loadGroupAttendees(AppointmentListing)
        /// Mark one seated visitor of a group session arrived.
        case markGroupArrival(sessionId: Int64, visitorId: Int64)
        case search(query: String, limit: Int)
        case register(NewVisitor)
        /// Register even though records resemble the visitor: the member said it is a new person.
        case registerAnyway(NewVisitor)
        /// Use this existing record instead of registering (records the choice).
        case chooseExisting(Visitor)
        case checkIn(visitorId: Int64, category: ServiceCategory, programId: String? = nil)
        case callNext(ServiceCategory?)
        case close(visitId: Int64, outcome: VisitOutcome)
    }

    /// The first effects when the screen opens.
    public static func start(_ state: inout State, _ context: ScreenContext) -> [Effect] {
        state.day = context.today
        return [.loadQueue(context.today), .loadExpected(context.today), .loadPrograms]
    }


    public static func hasDialog(_ state: State) -> Bool { state.modal != nil }
}

extension ReceptionScreen.Effect {
    /// True when performing the effect may write to the store (an audit row counts): the loop
    /// then absorbs the change token it moved, so its own write does not reload the screen twice.
    /// Exhaustive on purpose: a new effect must say whether it writes.
    public var writes: Bool {
        switch self {
        case .loadQueue, .loadExpected, .loadPrograms, .search, .loadGroupAttendees: false
        case .markArrived, .markGroupArrival, .register, .registerAnyway, .chooseExisting, .checkIn, .callNext, .close: true
        }
    }
}
