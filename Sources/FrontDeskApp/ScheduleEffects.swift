import Foundation
import FrontDeskDomain
import FrontDeskUI

/// Performs the schedule screen's effects: counselors, a counselor's agenda, status changes,
/// corrections and the counselor's notes.
public struct ScheduleEffects: Sendable {
    public let context: EffectContext

    public init(_ context: EffectContext) { self.context = context }

    /// Performs one effect for whoever is signed in; the result comes back as the screen's
    /// event (nil for none). Nothing is read or written while signed out (the event is then a
    /// failure, which the shell drops). Failures arrive as `SchedulingFailure`
    /// (`FailureMessages.scheduling`).
    public func perform(_ effect: ScheduleScreen.Effect, for session: Session) -> ScheduleScreen.Event? {
        let store = context.store, calendar = context.calendar, now = context.clock.now()
        let actor = session.actor(at: context.terminal)
        do {
            let viewer = try session.requireViewer()
            switch effect {
            case .loadCounselors:
                return .counselorsLoaded(try store.counselors(includeInactive: false))
            case .loadAgenda(let request):
                let interval = UTCInterval(start: calendar.startOfDay(request.from), end: calendar.startOfDay(request.through.adding(days: 1)))
                return .agendaLoaded(request, try store.appointments(counselorId: request.counselorId, overlapping: interval, as: viewer))
            case .setStatus(let id, let status):
                return .statusChanged(try store.setStatus(appointmentId: id, to: status, as: viewer, by: actor, at: now))
            case .correctStatus(let id, let status, let reason):
                return .statusCorrected(try store.correctStatus(appointmentId: id, to: status, reason: reason, as: viewer, by: actor, at: now))
            case .saveNote(let id, let text):
                try store.saveCounselorNote(appointmentId: id, note: text, as: viewer, by: actor, at: now)
                return .noteSaved(appointmentId: id)
            case .noteOpened(let id):
                _ = try store.readCounselorNote(appointmentId: id, as: viewer, by: actor, at: now)
                return .noteRead(appointmentId: id)
            }
        } catch {
            return .failed(context.failures.scheduling(error))
        }
    }
}
