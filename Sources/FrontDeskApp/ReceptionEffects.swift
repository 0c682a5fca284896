import Foundation
import FrontDeskDomain
import FrontDeskUI

/// Performs the reception screen's effects: the day's queue and expected appointments, search,
/// registration, check-in, calls and closes.
public struct ReceptionEffects: Sendable {
    public let context: EffectContext

    public init(_ context: EffectContext) { self.context = context }

    /// Performs one effect for whoever is signed in; the result comes back as the screen's
    /// event (nil for none). Nothing is read or written while signed out (the event is then a
    /// failure, which the shell drops). Failures arrive as `ReceptionScreen.Failure`
    /// (`FailureMessages.reception`).
    public func perform(_ effect: ReceptionScreen.Effect, for session: Session) -> ReceptionScreen.Event? {
        let store = context.store, now = context.clock.now(), actor = session.actor(at: context.terminal)
        do {
            let viewer = try session.requireViewer()
            switch effect {
            case .loadQueue(let day):
                return .queueLoaded(try store.queue(on: day), try store.queueCounts(on: day))
            case .loadExpected(let day):
                let interval = context.calendar.interval(of: day)
                return .expectedLoaded(try store.appointments(counselorId: nil, overlapping: UTCInterval(start: interval.lowerBound, end: interval.upperBound),
                                                              as: viewer))
            case .markArrived(let appointmentId, let program):
                return .arrivalMarked(try store.setStatus(appointmentId: appointmentId, to: .checkedIn, as: viewer, by: actor, at: now,
                                                          program: program))
            case .loadGroupAttendees(let session):
                guard let sessionId = session.appointment.groupSessionId else { return .groupAttendeesLoaded(session, []) }
                return .groupAttendeesLoaded(session, try store.groupAttendees(sessionId: sessionId))
            case .markGroupArrival(let sessionId, let visitorId):
                return .groupArrivalMarked(sessionId: sessionId, visitorId: visitorId,
                                           try store.markGroupArrival(sessionId: sessionId, visitorId: visitorId, by: actor, at: now))
            case .search(let query, let limit):
                return .searchCompleted(query: query, results: try store.searchVisitors(query, limit: limit, deskAt: now, as: viewer))
            case .register(let visitor):
                do {
                    return .visitorRegistered(try store.register(visitor, allowingDuplicates: false, by: actor, at: now))
                } catch DuplicateError.possibleDuplicates(let similar) {
                    return .possibleDuplicates(visitor, similar)
                }
            case .registerAnyway(let visitor):
                return .visitorRegistered(try store.register(visitor, allowingDuplicates: true, by: actor, at: now))
            case .chooseExisting(let visitor):
                try store.recordDuplicateChosen(visitor.id, by: actor, at: now)
                return .duplicateChosen(visitor)
            case .loadPrograms:
                return .programsLoaded(try store.programs(),
                                       servicesByCategory: Dictionary(grouping: try store.services(), by: \.category).mapValues { $0.map(\.id) })
            case .checkIn(let visitorId, let category, let programId):
                let visit = try store.checkIn(visitorId: visitorId, category: category, programId: programId, by: actor, at: now)
                guard let visitor = try store.visitor(id: visitorId) else { return .failed(.queue(.visitorNotFound)) }
                return .checkedIn(visit, visitor)
            case .callNext(let category):
                // The ticket names the desk (where the visitor goes); the audit trail, who called.
                return .ticketCalled(try store.callNext(category: category, by: actor, desk: context.terminal.name, at: now))
            case .close(let visitId, let outcome):
                return .visitClosed(try store.close(visitId: visitId, outcome: outcome, by: actor, at: now))
            }
        } catch {
            return .failed(context.failures.reception(error))
        }
    }
}
