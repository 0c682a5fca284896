import Foundation
import FrontDeskDomain
import TerminalKit

/// The reception desk (home screen): today's walk-in queue with waiting times, counts,
/// incremental visitor search, check-in with a queue ticket, the new-visitor form, call next
/// and close a visit.
///
/// Elm architecture (STYLE.md): `State` is a value, `update` is pure and returns `Effect`s that
/// the runner performs against the store, feeding results back as `Event`s; `render` draws the
/// whole frame. The clock reaches the screen only through `.tick(now)` events.
public enum ReceptionScreen {
    /// The smallest size at which the screen is drawn; below it a one-line message shows.
    public static let minimumSize = Size(width: 80, height: 24)
    /// Visitors listed for a search.
    public static let searchLimit = VisitorSearch.limit

    /// Which pane takes typing.
    public enum Focus: Hashable, Sendable { case queue, search, expected }

    /// A dialog over the screen; it sees keys first.
    public enum Modal: Hashable, Sendable {
        case help
        case quitConfirm
        case checkIn(CheckInDialog)
        case ticket(TicketDialog)
        case closeVisit(CloseVisitDialog)
        case visitorForm(VisitorForm)
    }

    /// A line of feedback under the panes.
    public struct Notice: Hashable, Sendable {
        public enum Kind: Hashable, Sendable { case info, error }
        public var kind: Kind
        public var text: String
        public init(_ kind: Kind, _ text: String) {
            self.kind = kind
            self.text = text
        }
    }

    /// Everything the screen shows and remembers.
    public struct State: Sendable {
        public var strings: Localizer
        public var calendar: CenterCalendar
        public var reference: ReferenceData
        /// Who works at this terminal, shown in the title bar and used as "called by".
        public var deskName: String
        public var size: Size
        /// The last clock tick (UTC instant); waiting minutes are computed from it.
        public var now: Date
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
        public var expectedList = ListState()
        public var modal: Modal?
        public var notice: Notice?
        public var quitRequested = false
        /// The screens the signed-in member may open, for the help's "every screen" column; nil
        /// lists them all (before sign-in, and in tests of one screen).
        public var allowedScreens: [AppScreenKind]?

        public init(strings: Localizer, calendar: CenterCalendar, reference: ReferenceData, deskName: String, size: Size, now: Date) {
            self.strings = strings
            self.calendar = calendar
            self.reference = reference
            self.deskName = deskName
            self.size = size
            self.now = now
        }

        /// The center-local day of `now`: the queue shown.
        public var today: LocalDate { calendar.localDate(of: now) }

        /// Rows of the queue pane: called tickets first (being seen), then waiting tickets in
        /// arrival order, both filtered by the category filter; closed visits are not listed.
        public var queueRows: [QueueEntry] {
            let open = visits.filter { $0.visit.isOpen && (categoryFilter == nil || $0.visit.category == categoryFilter) }
            let called = open.filter { $0.visit.calledAt != nil }.sorted { ($0.visit.calledAt ?? now) > ($1.visit.calledAt ?? now) }
            let waiting = open.filter { $0.visit.calledAt == nil }.sorted { $0.visit.arrivedAt < $1.visit.arrivedAt }
            return called + waiting
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
            return selectedQueueEntry?.visit.visitorId ?? selectedVisitor?.id
        }

        /// Waiting tickets in a category and the longest wait among them (minutes).
        public func waitingSummary(_ category: ServiceCategory) -> (count: Int, longestMinutes: Int) {
            let waiting = visits.filter { $0.visit.category == category && $0.visit.status == .waiting }
            return (waiting.count, waiting.map { $0.visit.waitMinutes(now: now) }.max() ?? 0)
        }
    }

    /// What happened: keys, clock ticks, resizes and the results of effects.
    public enum Event: Sendable {
        case key(Key)
        case resized(Size)
        case tick(Date)
        /// Another terminal (or this one) changed the database.
        case dataChanged
        case queueLoaded([QueueEntry], QueueCounts)
        /// Today's appointments (any status), as the store lists them.
        case expectedLoaded([AppointmentListing])
        /// An expected visitor was marked arrived (appointment checked in).
        case arrivalMarked(AppointmentListing)
        case searchCompleted(query: String, results: [Visitor])
        case visitorRegistered(Visitor)
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
        /// Mark an expected visitor arrived: their appointment moves to checked in.
        case markArrived(appointmentId: Int64)
        case search(query: String, limit: Int)
        case register(NewVisitor)
        case checkIn(visitorId: Int64, category: ServiceCategory)
        case callNext(ServiceCategory?)
        case close(visitId: Int64, outcome: VisitOutcome)
        case quit
    }

    /// The first effects when the screen opens.
    public static func start(_ state: State) -> [Effect] { [.loadQueue(state.today), .loadExpected(state.today)] }
}

extension ReceptionScreen.Effect {
    /// True when performing the effect may write to the store (an audit row counts): the loop
    /// then absorbs the change token it moved, so its own write does not reload the screen twice.
    /// Exhaustive on purpose: a new effect must say whether it writes.
    public var writes: Bool {
        switch self {
        case .loadQueue, .loadExpected, .search, .quit: false
        case .markArrived, .register, .checkIn, .callNext, .close: true
        }
    }
}
