import Foundation

/// A queue ticket: category letter and the day's number in that category, `S-014`.
///
/// Numbers start at 1 each center-local day for each category and never repeat within it,
/// even after visits are closed.
public struct QueueTicket: Hashable, Sendable, Codable, CustomStringConvertible, Comparable {
    public var category: ServiceCategory
    public var number: Int

    public init(category: ServiceCategory, number: Int) {
        self.category = category
        self.number = number
    }

    /// Parses `S-014` or `s14`; nil when malformed.
    public init?(_ text: String) {
        let t = text.replacingOccurrences(of: "-", with: "")
        guard let first = t.first, let category = ServiceCategory(ticketLetter: first),
              let n = Int(t.dropFirst()), n > 0 else { return nil }
        self.init(category: category, number: n)
    }

    /// `S-014`: at least three digits.
    public var description: String { "\(category.ticketLetter)-" + NumberText.zeroPadded(number, width: 3) }

    public static func < (a: Self, b: Self) -> Bool { (a.category, a.number) < (b.category, b.number) }
}

/// How a visit ended.
public enum VisitOutcome: String, CaseIterable, Codable, Sendable {
    case seen
    case leftUnseen = "left_unseen"
    case redirected
}

/// Where a visit stands in the queue.
public enum VisitStatus: Hashable, Sendable {
    /// Checked in, waiting to be called.
    case waiting
    /// Called to a desk (ticket announced), not yet closed.
    case called
    /// Closed with an outcome.
    case closed(VisitOutcome)
}

/// One arrival at the center (a check-in), with its queue ticket.
///
/// Instants are UTC; `day` is the center-local day of arrival, which the ticket number belongs to.
public struct Visit: Hashable, Sendable, Identifiable {
    public var id: Int64
    public var visitorId: Int64
    public var category: ServiceCategory
    public var day: LocalDate
    public var ticketNumber: Int
    public var arrivedAt: Date
    public var calledAt: Date?
    /// The staff member or desk that called the ticket ("Desk 2", a counselor's name).
    public var calledBy: String?
    public var leftAt: Date?
    public var outcome: VisitOutcome?

    public init(id: Int64, visitorId: Int64, category: ServiceCategory, day: LocalDate, ticketNumber: Int,
                arrivedAt: Date, calledAt: Date? = nil, calledBy: String? = nil, leftAt: Date? = nil, outcome: VisitOutcome? = nil) {
        self.id = id
        self.visitorId = visitorId
        self.category = category
        self.day = day
        self.ticketNumber = ticketNumber
        self.arrivedAt = arrivedAt
        self.calledAt = calledAt
        self.calledBy = calledBy
        self.leftAt = leftAt
        self.outcome = outcome
    }

    public var ticket: QueueTicket { QueueTicket(category: category, number: ticketNumber) }

    public var status: VisitStatus {
        if let outcome { return .closed(outcome) }
        return calledAt == nil ? .waiting : .called
    }

    public var isOpen: Bool { outcome == nil }

    /// Whole minutes waited: `now − arrivedAt` while waiting, `calledAt − arrivedAt` once called
    /// (never negative).
    public func waitMinutes(now: Date) -> Int {
        let end = calledAt ?? leftAt ?? now
        return max(0, Int(end.timeIntervalSince(arrivedAt) / 60))
    }
}

/// A visit with the little the queue shows of its visitor.
public struct QueueEntry: Hashable, Sendable, Identifiable {
    public var visit: Visit
    public var visitorCode: VisitorCode
    public var visitorName: String

    public init(visit: Visit, visitorCode: VisitorCode, visitorName: String) {
        self.visit = visit
        self.visitorCode = visitorCode
        self.visitorName = visitorName
    }

    public var id: Int64 { visit.id }
}
