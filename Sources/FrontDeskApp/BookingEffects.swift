import Foundation
import FrontDeskDomain
import FrontDeskUI

/// Performs the booking screen's effects: the catalog, search, a visitor's appointments, free
/// slots and group sessions, booking, rescheduling, cancelling, enrolling.
///
/// Opening a visitor's appointments is an opening of their record: it writes `visitor.opened`
/// once per visitor in a row for a session, not at every refresh (`lastOpening`).
public struct BookingEffects: Sendable {
    public let context: EffectContext
    /// The visitor whose record was last opened, and by which member; nil after a new session
    /// starts (`forgetOpenings()`).
    public private(set) var lastOpening: (member: Int64, visitor: Int64)?

    public init(_ context: EffectContext) { self.context = context }

    /// Forgets the last opening, so the next one is recorded even for the same visitor (a new
    /// session started).
    public mutating func forgetOpenings() { lastOpening = nil }

    /// Performs one effect for whoever is signed in; the result comes back as the screen's
    /// event (nil for none). Nothing is read or written while signed out (the event is then a
    /// failure, which the shell drops). Failures arrive as `SchedulingFailure`
    /// (`FailureMessages.scheduling`).
    public mutating func perform(_ effect: BookingScreen.Effect, for session: Session) -> BookingScreen.Event? {
        let store = context.store, calendar = context.calendar, now = context.clock.now()
        let actor = session.actor(at: context.terminal)
        do {
            let viewer = try session.requireViewer()
            switch effect {
            case .loadCatalog:
                return .catalogLoaded(services: try store.services(), counselors: try store.counselors(includeInactive: false),
                                      rooms: try store.rooms(includeInactive: true), programs: try store.programs())
            case .search(let query, let limit):
                return .searchCompleted(query: query, results: try store.searchVisitors(query, limit: limit, deskAt: now, as: viewer))
            case .loadVisitor(let id):
                guard let v = try store.visitor(id: id) else { return .failed(.scheduling(.visitorNotFound(id))) }
                return .visitorLoaded(v)
            case .loadAppointments(let visitorId):
                try recordOpening(visitorId: visitorId, for: session, by: actor, at: now)
                return .appointmentsLoaded(visitorId: visitorId, try store.appointments(visitorId: visitorId, limit: 200, as: viewer))
            case .findSlots(let query):
                return .slotsFound(query, try store.freeSlots(query, now: now))
            case .findSessions(let query):
                let span = UTCInterval(start: calendar.startOfDay(query.from), end: calendar.startOfDay(query.through.adding(days: 1)))
                return .sessionsFound(query, try store.groupSessions(serviceId: query.serviceId, overlapping: span))
            case .enroll(let visitorId, let sessionId):
                let outcome = try store.enroll(visitorId: visitorId, sessionId: sessionId, by: actor, at: now)
                guard let group = try store.groupSession(id: sessionId) else { return .failed(.scheduling(.groupSessionNotFound(sessionId))) }
                return .enrolled(group.appointment, outcome)
            case .cancelEnrollment(let visitorId, let sessionId):
                let promoted = try store.cancelEnrollment(visitorId: visitorId, sessionId: sessionId, by: actor, at: now)
                return .enrollmentCancelled(sessionId: sessionId, promoted: try promoted.flatMap { try store.visitor(id: $0) })
            case .book(let appointment):
                return .booked(try store.book(appointment, by: actor, at: now))
            case .reschedule(let id, let start, let counselorId, let roomId):
                return .rescheduled(try store.reschedule(appointmentId: id, to: start, counselorId: counselorId, roomId: roomId,
                                                         as: viewer, by: actor, at: now))
            case .cancel(let id, let reason):
                return .cancelled(try store.cancel(appointmentId: id, reason: reason, as: viewer, by: actor, at: now))
            }
        } catch {
            return .failed(context.failures.scheduling(error))
        }
    }

    /// Writes `visitor.opened` unless this member's last opening was of the same visitor.
    private mutating func recordOpening(visitorId: Int64, for session: Session, by actor: Actor, at now: Date) throws {
        guard let member = session.member?.id else { return }
        if let last = lastOpening, last.member == member, last.visitor == visitorId { return }
        try context.store.recordVisitorOpened(id: visitorId, by: actor, at: now)
        lastOpening = (member, visitorId)
    }
}
