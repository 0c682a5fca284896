import Foundation
import FrontDeskDomain
import GRDB

/// A row of `visit`: one check-in and its ticket.
struct VisitRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "visit"

    var id: Int64?
    var visitorId: Int64
    var category: ServiceCategory
    /// Center-local day, `YYYY-MM-DD`.
    var day: String
    var ticketNumber: Int
    /// Epoch milliseconds (UTC).
    var arrivedAt: Int64
    var calledAt: Int64?
    var calledBy: String?
    var leftAt: Int64?
    var outcome: VisitOutcome?

    enum CodingKeys: String, CodingKey {
        case id
        case visitorId = "visitor_id"
        case category, day
        case ticketNumber = "ticket_number"
        case arrivedAt = "arrived_at"
        case calledAt = "called_at"
        case calledBy = "called_by"
        case leftAt = "left_at"
        case outcome
    }

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let visitorId = Column(CodingKeys.visitorId)
        static let category = Column(CodingKeys.category)
        static let day = Column(CodingKeys.day)
        static let arrivedAt = Column(CodingKeys.arrivedAt)
        static let calledAt = Column(CodingKeys.calledAt)
        static let outcome = Column(CodingKeys.outcome)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    var ticket: QueueTicket { QueueTicket(category: category, number: ticketNumber) }

    /// The domain value; the row must have been inserted (it has an id).
    var visit: Visit {
        Visit(id: id ?? 0, visitorId: visitorId, category: category,
              day: LocalDate(iso: day) ?? LocalDate(year: 1970, month: 1, day: 1), ticketNumber: ticketNumber,
              arrivedAt: Date(epochMilliseconds: arrivedAt), calledAt: calledAt.map(Date.init(epochMilliseconds:)),
              calledBy: calledBy, leftAt: leftAt.map(Date.init(epochMilliseconds:)), outcome: outcome)
    }
}
