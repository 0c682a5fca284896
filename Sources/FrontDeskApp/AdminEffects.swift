import Foundation
import FrontDeskDomain
import FrontDeskUI

/// Performs the admin screen's effects: the lists, and saving and removing counselors, rooms,
/// closures, absences, services and staff logins. What a change did comes back as an
/// `AdminScreen.Change`, which the screen words.
public struct AdminEffects: Sendable {
    public let context: EffectContext

    public init(_ context: EffectContext) { self.context = context }

    /// Days before and after today (center-local) whose closures and absences the lists show.
    static let daysBack = 31, daysAhead = 731

    /// Performs one effect for whoever is signed in; the result comes back as the screen's
    /// event (nil for none). Nothing is read or written while signed out (the event is then a
    /// failure, which the shell drops). Failures arrive as `SchedulingFailure`
    /// (`FailureMessages.scheduling`).
    public func perform(_ effect: AdminScreen.Effect, for session: Session) -> AdminScreen.Event? {
        let store = context.store, calendar = context.calendar, now = context.clock.now()
        let actor = session.actor(at: context.terminal)
        do {
            _ = try session.requireViewer()
            switch effect {
            case .load:
                let today = calendar.localDate(of: now)
                let first = today.adding(days: -Self.daysBack), last = today.adding(days: Self.daysAhead)
                let window = UTCInterval(start: calendar.startOfDay(first), end: calendar.startOfDay(last))
                return .loaded(AdminScreen.Data(
                    counselors: try store.counselors(includeInactive: true), rooms: try store.rooms(includeInactive: true),
                    closures: try store.closures(from: first, through: last),
                    services: try store.services(), absences: try store.absences(counselorId: nil, overlapping: window),
                    staff: try store.staff(includeInactive: true), programs: try store.programs()))
            case .saveCounselor(let c):
                return .saved(.saved(name: try store.saveCounselor(c, by: actor, at: now).name))
            case .removeCounselor(let id):
                return .saved(.removed(try store.removeCounselor(id: id, by: actor, at: now)))
            case .saveRoom(let r):
                return .saved(.saved(name: try store.saveRoom(r, by: actor, at: now).name))
            case .removeRoom(let id):
                return .saved(.removed(try store.removeRoom(id: id, by: actor, at: now)))
            case .saveClosure(let c):
                return .saved(.saved(name: try store.saveClosure(c, by: actor, at: now).label))
            case .removeClosure(let id):
                try store.removeClosure(id: id, by: actor, at: now)
                return .saved(.removed(.deleted))
            case .saveAbsence(let a):
                return .saved(.saved(name: try store.saveAbsence(a, by: actor, at: now).reason))
            case .removeAbsence(let id):
                try store.removeAbsence(id: id, by: actor, at: now)
                return .saved(.removed(.deleted))
            case .setServiceActive(let id, let active):
                return .saved(.serviceSaved(try store.setServiceActive(id: id, active: active, by: actor, at: now)))
            case .disableStaff(let name):
                try store.disableStaff(named: name, by: actor, at: now)
                return .saved(.staffDisabled(name: name))
            case .saveProgram(let p):
                try store.saveProgram(p, by: actor, at: now)
                return .saved(.saved(name: context.strings.language == .fr ? p.nameFr : p.nameEn))
            }
        } catch let error as ProgramError {
            return .failed(.store(context.strings.message(for: error)))
        } catch {
            return .failed(context.failures.scheduling(error))
        }
    }
}
