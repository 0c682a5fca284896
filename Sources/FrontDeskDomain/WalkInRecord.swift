import Foundation

/// A walk-in that already happened, recorded after the fact (a history import, the demo's past
/// days and this morning's queue): who arrived for which queue, when, and how far it went.
///
/// Instants are UTC; `arrivedAt ≤ calledAt ≤ leftAt`. The store records it as `checkIn` at
/// `arrivedAt`, `call` at `calledAt` and `close` at `leftAt` would have
/// (`AppDatabase.recordWalkIns(_:visitorIds:by:at:batchSize:)`).
public struct WalkInRecord: Hashable, Sendable {
    /// Index into the visitors the records were made for: the store is given their ids in the
    /// same order.
    public var visitorIndex: Int
    public var category: ServiceCategory
    public var arrivedAt: Date
    public var calledAt: Date?
    /// The desk that called the ticket (`Desk 2`).
    public var calledBy: String?
    /// When the visit was closed; set exactly when `outcome` is.
    public var leftAt: Date?
    public var outcome: VisitOutcome?

    /// A record with the given fields; call and close are optional (a visit still waiting).
    public init(visitorIndex: Int, category: ServiceCategory, arrivedAt: Date, calledAt: Date? = nil,
                calledBy: String? = nil, leftAt: Date? = nil, outcome: VisitOutcome? = nil) {
        self.visitorIndex = visitorIndex
        self.category = category
        self.arrivedAt = arrivedAt
        self.calledAt = calledAt
        self.calledBy = calledBy
        self.leftAt = leftAt
        self.outcome = outcome
    }

    /// Where the visit stands: closed with its outcome, called, or waiting.
    public var status: VisitStatus {
        if let outcome { return .closed(outcome) }
        return calledAt == nil ? .waiting : .called
    }
}
