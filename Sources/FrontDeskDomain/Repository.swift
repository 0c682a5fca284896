import Foundation

/// Why a check-in, call or close was refused. Each case reads as a message for the desk.
public enum QueueError: Error, Equatable, Sendable {
    /// The visitor already holds an open visit today (its ticket is given).
    case alreadyCheckedIn(QueueTicket)
    case visitorNotFound
    case visitorArchived
    case visitNotFound
    /// The visit is already closed.
    case visitClosed
    /// Nobody waits in the requested category (nil: in any category).
    case queueEmpty(ServiceCategory?)
}

/// A registration refused by the rules; nothing was stored.
public enum VisitorValidationError: Error, Equatable, Sendable {
    case givenNameMissing
    /// A name longer than `VisitorRules.maxNameLength` characters.
    case nameTooLong(max: Int)
    /// A character of a name carries more marks than any script needs (`max` marks on one
    /// letter at most): a pile of combining marks.
    case nameMarksPiled(max: Int)
    /// A name holding control characters or nothing printable.
    case nameInvalid
    case nationalityUnknown(String)
    case languageUnknown(String)
    case birthYearInvalid(String)
    case birthYearInFuture(Int)
    case phoneInvalid(String)
    /// Consent to keep a record for services was not recorded.
    case consentMissing
}

/// The center's counts of today's walk-in queue, for the reception summary.
public struct QueueCounts: Hashable, Sendable {
    public var waiting: Int
    public var called: Int
    public var closed: Int
    public var checkedInToday: Int

    public init(waiting: Int = 0, called: Int = 0, closed: Int = 0, checkedInToday: Int = 0) {
        self.waiting = waiting
        self.called = called
        self.closed = closed
        self.checkedInToday = checkedInToday
    }
}

/// Reading and writing visitors. Implemented by FrontDeskStore over SQLite; kept free of any
/// database type so that another store (PostgreSQL for several sites) can implement it too.
///
/// Reads of people go through a `Viewer` (the signed-in member's role, or `Viewer.fileOwner` on
/// the command line): a store implementing this protocol applies `Permissions` itself.
public protocol VisitorRepository: Sendable {
    /// Registers a visitor and gives them the next public code of the center-local year of
    /// `now` (UTC instant). Writes an audit event.
    /// - Throws: `VisitorValidationError` when the record breaks a rule (nothing is written),
    ///   or a store error.
    func register(_ visitor: NewVisitor, by actor: Actor, at now: Date) throws -> Visitor

    /// Registers a visitor as a new person unless existing records resemble them
    /// (`DuplicateRule`), checked in the same write transaction as the insert, so two desks
    /// cannot both register one person.
    /// - Parameter allowingDuplicates: register even so (the member said it is a new person);
    ///   the audit event then names the records it resembled.
    /// - Throws: `DuplicateError.possibleDuplicates` (nothing written) when records resemble the
    ///   visitor and `allowingDuplicates` is false; `VisitorValidationError`; a store error.
    func register(_ visitor: NewVisitor, allowingDuplicates: Bool, by actor: Actor, at now: Date) throws -> Visitor

    /// The records that resemble a registration (`DuplicateRule`), at most 20, archived ones
    /// left out. Reads only.
    func possibleDuplicates(of visitor: NewVisitor) throws -> [Visitor]

    /// Records that the member, registering someone, chose this existing record instead (an
    /// audit event; nothing else changes).
    func recordDuplicateChosen(_ visitorId: Int64, by actor: Actor, at now: Date) throws

    /// Registers many visitors (demo data, imports) as `register` does, `batchSize` per write
    /// transaction; every record is checked before anything is written.
    /// - Parameter progress: called after each batch with (registered so far, total).
    /// - Returns: the registered visitors, in the order given.
    /// - Throws: `VisitorValidationError` (nothing written), or a store error (batches already
    ///   committed stay).
    @discardableResult
    func registerMany(_ visitors: [NewVisitor], by actor: Actor, at now: Date, batchSize: Int,
                      progress: ((Int, Int) -> Void)?) throws -> [Visitor]

    /// Registers the rows of an import all together or none: checked against existing records
    /// for duplicates in the same write transaction; nothing is written in a dry run or when a
    /// row resembles a record and `allowingDuplicates` is false.
    /// - Parameter progress: (steps done, steps in all), now and then.
    /// - Throws: `VisitorValidationError` or a store error; nothing is written then.
    func importVisitors(_ visitors: [NewVisitor], allowingDuplicates: Bool, dryRun: Bool, by actor: Actor, at now: Date,
                        progress: ((Int, Int) -> Void)?) throws -> VisitorImportOutcome

    /// Visitors matching a typed query, best first, at most `limit`, as `viewer` may see them:
    /// everyone for a receptionist (and the file owner); a counselor's own visitors only;
    /// nobody for roles that see no person (`Permissions`, `.visitorIdentity`).
    ///
    /// Matches any part of a name in any script, case- and accent-insensitively and across
    /// Latin/Arabic spelling (consonant skeleton), a public code (`V-2026-00042`, or its digits),
    /// or phone digits. An empty query returns nothing.
    func searchVisitors(_ query: String, limit: Int, as viewer: Viewer) throws -> [Visitor]

    /// `searchVisitors(_:limit:as:)` with the desk's ranking: those in the queue of the
    /// center-local day of `now` (UTC instant) or with an appointment that day (booked or
    /// arrived) come first when they match, then the others.
    func searchVisitors(_ query: String, limit: Int, deskAt now: Date, as viewer: Viewer) throws -> [Visitor]

    /// The visitor with this public code, if any.
    func visitor(code: VisitorCode) throws -> Visitor?

    /// The visitor with this id, if any.
    func visitor(id: Int64) throws -> Visitor?

    /// How many visitors are registered (archived ones included).
    func visitorCount() throws -> Int
}

/// What an import did: the visitors registered (none in a dry run or when duplicates stopped
/// it), and for each row (index in the list given) that resembles existing records, their codes.
public struct VisitorImportOutcome: Sendable {
    public var registered: [Visitor]
    public var duplicates: [Int: [VisitorCode]]

    public init(registered: [Visitor], duplicates: [Int: [VisitorCode]]) {
        self.registered = registered
        self.duplicates = duplicates
    }
}

extension VisitorRepository {
    /// `registerMany` in batches of 10,000.
    @discardableResult
    public func registerMany(_ visitors: [NewVisitor], by actor: Actor, at now: Date,
                             progress: ((Int, Int) -> Void)? = nil) throws -> [Visitor] {
        try registerMany(visitors, by: actor, at: now, batchSize: 10_000, progress: progress)
    }
}

/// The walk-in queue: check-in, call, close. Every write is one IMMEDIATE transaction.
/// Instants are UTC; days are the center's local days (`CenterCalendar`).
public protocol QueueRepository: Sendable {
    /// Checks a visitor in as a walk-in and gives the next ticket of the category for the
    /// center-local day of `now`. - Throws: `QueueError.alreadyCheckedIn` when the visitor
    /// holds an open visit, `.visitorNotFound`, `.visitorArchived`.
    func checkIn(visitorId: Int64, category: ServiceCategory, by actor: Actor, at now: Date) throws -> Visit

    /// `checkIn`, with the program the walk-in counts for chosen at the desk (issue 15; nil:
    /// by rule), stored with the visit and audited (`program.chosen`) in the same transaction.
    /// - Throws: as `checkIn`; `ProgramError.unknownProgram` (nothing written).
    func checkIn(visitorId: Int64, category: ServiceCategory, programId: String?, by actor: Actor, at now: Date) throws -> Visit

    /// Open and closed visits of a center-local day, with visitor names, in arrival order.
    func queue(on day: LocalDate) throws -> [QueueEntry]

    /// Waiting, called, closed and total check-ins of a center-local day.
    func queueCounts(on day: LocalDate) throws -> QueueCounts

    /// Calls the longest-waiting ticket of the category (nil: of any category) for the day of
    /// `now`. The ticket names `desk` (where the visitor goes; nil: the actor's name), the
    /// audit trail the actor. - Throws: `QueueError.queueEmpty`.
    func callNext(category: ServiceCategory?, by actor: Actor, desk: String?, at now: Date) throws -> QueueEntry

    /// Calls this visit's ticket (out of order). - Throws: `.visitNotFound`, `.visitClosed`.
    func call(visitId: Int64, by actor: Actor, at now: Date) throws -> QueueEntry

    /// Closes a visit with an outcome. - Throws: `.visitNotFound`, `.visitClosed`.
    func close(visitId: Int64, outcome: VisitOutcome, by actor: Actor, at now: Date) throws -> Visit

    /// Records past walk-ins in bulk (demo history), `batchSize` per write transaction, each
    /// with the next ticket of its center-local day and category in arrival order.
    /// - Parameter visitorIds: the ids the plan's `visitorIndex` points into.
    /// - Returns: how many visits were stored.
    @discardableResult
    func recordWalkIns(_ plan: [WalkInRecord], visitorIds: [Int64], by actor: Actor, at now: Date, batchSize: Int) throws -> Int

    /// A number that changes whenever any connection (another terminal, or this process)
    /// commits a write; screens poll it to know when to reload (`PRAGMA data_version` in SQLite).
    func changeToken() throws -> Int64
}

extension QueueRepository {
    /// `callNext` with the actor's name on the ticket.
    public func callNext(category: ServiceCategory?, by actor: Actor, at now: Date) throws -> QueueEntry {
        try callNext(category: category, by: actor, desk: nil, at: now)
    }

    /// `recordWalkIns` in batches of 20,000.
    @discardableResult
    public func recordWalkIns(_ plan: [WalkInRecord], visitorIds: [Int64], by actor: Actor, at now: Date) throws -> Int {
        try recordWalkIns(plan, visitorIds: visitorIds, by: actor, at: now, batchSize: 20_000)
    }
}
