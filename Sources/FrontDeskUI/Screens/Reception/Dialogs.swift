import FrontDeskDomain
import TerminalKit

/// Choosing the category of a walk-in check-in for one visitor.
public struct CheckInDialog: Hashable, Sendable {
    public var visitor: Visitor
    public var category: ServiceCategory
    /// The visitor's appointment today not yet arrived, if any: offered first ("Arrived for
    /// 09:00 · Leila Amrani"), before a walk-in ticket.
    public var appointment: AppointmentListing?
    /// True while the arrival is highlighted (the first choice); else `category` is.
    public var onArrival: Bool
    /// The program the walk-in counts for, chosen with F6 (issue 15); nil: by rule.
    public var programId: String?
    /// The program the appointment counts for, as stored, then as F6 changes it while the
    /// arrival is highlighted; nil: by rule.
    public var arrivalProgramId: String?

    /// The program the arrival sets, when F6 changed it here; nil: left as stored.
    public var arrivalProgramChange: ProgramChoice? {
        arrivalProgramId == appointment?.appointment.programId ? nil : ProgramChoice(programId: arrivalProgramId)
    }

    /// The program chosen for a walk-in of `category`: the one chosen with F6 when it was
    /// chosen for that category (the highlighted one), else nil (by rule).
    public func chosenProgram(for category: ServiceCategory) -> String? {
        category == self.category ? programId : nil
    }

    public init(visitor: Visitor, category: ServiceCategory = .social, appointment: AppointmentListing? = nil) {
        self.visitor = visitor
        self.category = category
        self.appointment = appointment
        arrivalProgramId = appointment?.appointment.programId
        onArrival = appointment != nil
    }
}

/// The ticket just given, shown large enough to read from a step away.
public struct TicketDialog: Hashable, Sendable {
    public var ticket: QueueTicket
    public var visitorName: String
    public var visitorCode: VisitorCode
    /// Tickets waiting ahead in the same category when it was given.
    public var ahead: Int

    public init(ticket: QueueTicket, visitorName: String, visitorCode: VisitorCode, ahead: Int) {
        self.ticket = ticket
        self.visitorName = visitorName
        self.visitorCode = visitorCode
        self.ahead = ahead
    }
}

/// Closing a visit: seen, left without being seen, or redirected.
public struct CloseVisitDialog: Hashable, Sendable {
    public var entry: QueueEntry
    public var outcome: VisitOutcome
    /// The other desk that called the ticket, while the member has not yet said to close it
    /// anyway: the dialog first asks, naming that desk. Nil for a ticket this desk called (or
    /// nobody called), and once answered.
    public var otherDesk: String?

    /// - Parameter deskName: this terminal's desk; a ticket another desk called asks first.
    public init(entry: QueueEntry, outcome: VisitOutcome = .seen, deskName: String? = nil) {
        self.entry = entry
        self.outcome = outcome
        if let calledBy = entry.visit.calledBy, let deskName, calledBy != deskName {
            otherDesk = calledBy
        }
    }
}

/// "Already registered?": the records that resemble a registration, and the choice between one
/// of them (no new record) and a new person. Esc goes back to the form, its values kept.
public struct DuplicatesDialog: Hashable, Sendable {
    /// The registration that was not stored.
    public var visitor: NewVisitor
    /// The records resembling it, best first.
    public var candidates: [Visitor]
    public var list: ListState
    /// The form to go back to.
    public var form: VisitorForm

    public init(visitor: NewVisitor, candidates: [Visitor], form: VisitorForm) {
        self.visitor = visitor
        self.candidates = candidates
        self.form = form
        list = ListState(count: candidates.count, viewportHeight: 6)
    }

    /// The highlighted record.
    public var selected: Visitor? { list.selected.flatMap { candidates.indices.contains($0) ? candidates[$0] : nil } }
}

/// A group session of today's expected arrivals: its seated visitors, each marked arrived on
/// their own (Enter on the highlighted one). Esc closes; a letter closes it and goes to the search.
public struct GroupArrivalsDialog: Hashable, Sendable {
    /// The session's row in "Expected today".
    public var session: AppointmentListing
    public var attendees: [GroupAttendee]
    public var list: ListState

    /// Rows of visitors shown at once.
    public static let visibleRows = 8

    public init(session: AppointmentListing, attendees: [GroupAttendee]) {
        self.session = session
        self.attendees = attendees
        list = ListState(count: attendees.count, viewportHeight: Self.visibleRows)
        // Start on the first visitor not yet arrived.
        if let first = attendees.firstIndex(where: { $0.arrivedAt == nil }) { list.select(first) }
    }

    /// The highlighted visitor.
    public var selected: GroupAttendee? { list.selected.flatMap { attendees.indices.contains($0) ? attendees[$0] : nil } }

    /// The attendees after a change, the highlight kept on the same visitor, then moved on to
    /// the next one not yet arrived (the next person at the desk).
    public mutating func update(_ attendees: [GroupAttendee], marked visitorId: Int64) {
        self.attendees = attendees
        list.setCount(attendees.count)
        guard let at = attendees.firstIndex(where: { $0.visitorId == visitorId }) else { return }
        let after = attendees.indices.filter { $0 > at } + attendees.indices.filter { $0 < at }
        list.select(after.first { attendees[$0].arrivedAt == nil } ?? at)
    }
}
