import Foundation
import FrontDeskDomain
import GRDB

extension AppDatabase: QueueRepository {
    /// Checks a visitor in and gives them the next ticket of the category for the center-local
    /// day of `now` (highest number of that day and category + 1, read in the same IMMEDIATE
    /// transaction as the insert, so terminals never hand out the same number). Writes a
    /// `visit.checked_in` event.
    ///
    /// An open visit left from an earlier day (nobody closed it) is closed first, as
    /// `left_unseen` (`seen` if it had been called), with its own `visit.closed` event.
    /// - Throws: `QueueError.alreadyCheckedIn(ticket)` when the visitor holds an open visit of
    ///   this day; `.visitorNotFound`; `.visitorArchived`.
    public func checkIn(visitorId: Int64, category: ServiceCategory, by actor: Actor, at now: Date) throws -> Visit {
        try checkIn(visitorId: visitorId, category: category, programId: nil, by: actor, at: now)
    }

    public func checkIn(visitorId: Int64, category: ServiceCategory, programId: String?, by actor: Actor, at now: Date) throws -> Visit {
        let now = now.storedPrecision
        let day = calendar.localDate(of: now)
        return try writer.write { db in
            guard let visitor = try VisitorRecord.fetchOne(db, key: visitorId) else { throw QueueError.visitorNotFound }
            guard !visitor.archived else { throw QueueError.visitorArchived }
            if let programId {
                try Self.requireProgram(db, programId, covering: try Self.serviceIds(db, of: category.rawValue), status: visitor.visitor.status, on: day)
            }
            if var open = try VisitRecord
                .filter(VisitRecord.Columns.visitorId == visitorId && VisitRecord.Columns.outcome == nil)
                .fetchOne(db) {
                guard let openDay = LocalDate(iso: open.day), openDay < day else {
                    throw QueueError.alreadyCheckedIn(open.ticket)
                }
                open.outcome = open.calledAt == nil ? .leftUnseen : .seen
                open.leftAt = now.epochMilliseconds
                try open.update(db)
                try Self.audit(db, .visitClosed, entity: "visit", entityId: open.id,
                               detail: "ticket \(open.ticket) of \(open.day) \(open.outcome?.rawValue ?? ""): still open at next check-in",
                               by: actor, at: now)
            }
            let last = try Int.fetchOne(db, sql: "SELECT MAX(ticket_number) FROM visit WHERE day = ? AND category = ?",
                                        arguments: [day.description, category.rawValue]) ?? 0
            var visit = VisitRecord(id: nil, visitorId: visitorId, category: category, day: day.description,
                                    ticketNumber: last + 1, arrivedAt: now.epochMilliseconds)
            try visit.insert(db)
            try Self.audit(db, .visitCheckedIn, entity: "visit", entityId: visit.id,
                           detail: "ticket \(visit.ticket) on \(visit.day) for \(visitor.code)", by: actor, at: now)
            if let programId, let id = visit.id {
                try db.execute(sql: "UPDATE visit SET program_id = ? WHERE id = ?", arguments: [programId, id])
                try Self.audit(db, .programChosen, entity: "visit", entityId: id, detail: programId, by: actor, at: now)
            }
            try markTodaysAppointmentCheckedIn(db, visitorId: visitorId, day: day, by: actor, at: now)
            return visit.visit
        }
    }

    public func queue(on day: LocalDate) throws -> [QueueEntry] {
        try writer.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT visit.*, visitor.code_year, visitor.code_number, visitor.given_name, visitor.family_name
                FROM visit JOIN visitor ON visitor.id = visit.visitor_id
                WHERE visit.day = ?
                ORDER BY visit.arrived_at, visit.id
                """, arguments: [day.description])
            return try rows.map(Self.entry)
        }
    }

    /// Calls the longest-waiting ticket (earliest arrival, then lowest id) of the category, or
    /// of any category when nil, among the waiting visits of the center-local day of `now`.
    /// Sets `called_at` and `called_by` (`desk`, else the actor's name: where the visitor goes);
    /// writes `visit.called` naming the actor.
    /// - Throws: `QueueError.queueEmpty(category)`.
    public func callNext(category: ServiceCategory?, by actor: Actor, at now: Date) throws -> QueueEntry {
        try callNext(category: category, by: actor, desk: nil, at: now)
    }

    /// `callNext(category:by:at:)` with the desk named on the ticket apart from the actor.
    public func callNext(category: ServiceCategory?, by actor: Actor, desk: String?, at now: Date) throws -> QueueEntry {
        let now = now.storedPrecision
        let day = calendar.localDate(of: now)
        return try writer.write { db in
            var request = VisitRecord.filter(VisitRecord.Columns.day == day.description
                && VisitRecord.Columns.outcome == nil && VisitRecord.Columns.calledAt == nil)
            if let category { request = request.filter(VisitRecord.Columns.category == category.rawValue) }
            guard var visit = try request.order(VisitRecord.Columns.arrivedAt, VisitRecord.Columns.id).fetchOne(db) else {
                throw QueueError.queueEmpty(category)
            }
            try Self.markCalled(db, &visit, by: actor, desk: desk, at: now)
            return try Self.entry(db, visit)
        }
    }

    /// Calls this visit's ticket, out of turn. Calling an already called ticket again keeps
    /// the first `called_at` (the wait ended then) and records who called it last.
    /// - Throws: `.visitNotFound`, `.visitClosed`.
    public func call(visitId: Int64, by actor: Actor, at now: Date) throws -> QueueEntry {
        let now = now.storedPrecision
        return try writer.write { db in
            guard var visit = try VisitRecord.fetchOne(db, key: visitId) else { throw QueueError.visitNotFound }
            guard visit.outcome == nil else { throw QueueError.visitClosed }
            try Self.markCalled(db, &visit, by: actor, at: now)
            return try Self.entry(db, visit)
        }
    }

    /// Closes a visit with its outcome at `now` (`left_at`); writes `visit.closed`. The day's
    /// ticket numbers go on from where they were: closing never frees a number.
    /// - Throws: `.visitNotFound`, `.visitClosed`.
    public func close(visitId: Int64, outcome: VisitOutcome, by actor: Actor, at now: Date) throws -> Visit {
        let now = now.storedPrecision
        return try writer.write { db in
            guard var visit = try VisitRecord.fetchOne(db, key: visitId) else { throw QueueError.visitNotFound }
            guard visit.outcome == nil else { throw QueueError.visitClosed }
            visit.outcome = outcome
            visit.leftAt = now.epochMilliseconds
            try visit.update(db)
            try Self.audit(db, .visitClosed, entity: "visit", entityId: visit.id,
                           detail: "ticket \(visit.ticket) of \(visit.day) \(outcome.rawValue)", by: actor, at: now)
            return visit.visit
        }
    }

    /// Waiting, called, closed and total check-ins of a center-local day.
    public func queueCounts(on day: LocalDate) throws -> QueueCounts {
        try writer.read { db in
            let row = try Row.fetchOne(db, sql: """
                SELECT
                    COALESCE(SUM(outcome IS NULL AND called_at IS NULL), 0) AS waiting,
                    COALESCE(SUM(outcome IS NULL AND called_at IS NOT NULL), 0) AS called,
                    COALESCE(SUM(outcome IS NOT NULL), 0) AS closed,
                    COUNT(*) AS total
                FROM visit WHERE day = ?
                """, arguments: [day.description])
            guard let row else { return QueueCounts() }
            return QueueCounts(waiting: row["waiting"], called: row["called"], closed: row["closed"],
                               checkedInToday: row["total"])
        }
    }

    /// A visitor's visits, latest first, at most `limit`.
    public func visits(visitorId: Int64, limit: Int) throws -> [Visit] {
        try writer.read { db in
            try VisitRecord.filter(VisitRecord.Columns.visitorId == visitorId)
                .order(VisitRecord.Columns.arrivedAt.desc, VisitRecord.Columns.id.desc)
                .limit(max(0, limit))
                .fetchAll(db).map(\.visit)
        }
    }

    // MARK: Internals

    /// Marks the visitor's first booked appointment of the center-local day checked in (the
    /// reception's check-in is the arrival), in the check-in's transaction, with its
    /// `appointment.status_changed` event. Nothing happens when there is none.
    private func markTodaysAppointmentCheckedIn(_ db: Database, visitorId: Int64, day: LocalDate, by actor: Actor, at now: Date) throws {
        let span = calendar.interval(of: day)
        guard let id = try Int64.fetchOne(db, sql: """
            SELECT id FROM appointment
            WHERE visitor_id = ? AND status = 'booked' AND start_at >= ? AND start_at < ?
            ORDER BY start_at, id LIMIT 1
            """, arguments: [visitorId, span.lowerBound.epochMilliseconds, span.upperBound.epochMilliseconds]) else { return }
        try db.execute(sql: "UPDATE appointment SET status = 'checked_in' WHERE id = ?", arguments: [id])
        try Self.audit(db, .appointmentStatusChanged, entity: "appointment", entityId: id,
                       detail: "booked → checked_in at check-in", by: actor, at: now)
    }

    private static func markCalled(_ db: Database, _ visit: inout VisitRecord, by actor: Actor, desk: String? = nil,
                                   at now: Date) throws {
        let recall = visit.calledAt != nil
        if !recall { visit.calledAt = now.epochMilliseconds }
        visit.calledBy = desk ?? actor.name
        try visit.update(db)
        try audit(db, .visitCalled, entity: "visit", entityId: visit.id,
                  detail: "ticket \(visit.ticket) of \(visit.day)\(recall ? " called again" : "")", by: actor, at: now)
    }

    /// The queue entry of a visit, with its visitor's code and name.
    private static func entry(_ db: Database, _ visit: VisitRecord) throws -> QueueEntry {
        guard let visitor = try VisitorRecord.fetchOne(db, key: visit.visitorId) else { throw QueueError.visitorNotFound }
        return QueueEntry(visit: visit.visit, visitorCode: visitor.code, visitorName: visitor.visitor.fullName)
    }

    /// A queue entry from a `visit.*` row joined with the visitor's code and names.
    private static func entry(_ row: Row) throws -> QueueEntry {
        let visit = try VisitRecord(row: row)
        let given: String = row["given_name"]
        let family: String = row["family_name"]
        return QueueEntry(visit: visit.visit, visitorCode: VisitorCode(year: row["code_year"], number: row["code_number"]),
                          visitorName: Visitor.fullName(given: given, family: family))
    }
}
