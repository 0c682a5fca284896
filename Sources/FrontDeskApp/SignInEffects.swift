import Foundation
import FrontDeskDomain
import FrontDeskUI

/// Performs the sign-in screen's effects: the staff list, PIN checks, the first admin, the
/// kiosk's ticket codes; and records a session's end. These run while nobody is signed in.
public struct SignInEffects: Sendable {
    public let context: EffectContext

    public init(_ context: EffectContext) { self.context = context }

    /// Performs one effect; the result comes back as the screen's event (nil for none).
    /// Failures arrive as `.refused(SignInError)` or `.failed(text)` (`FailureMessages.signIn`).
    public func perform(_ effect: SignInScreen.Effect) -> SignInScreen.Event? {
        let store = context.store, now = context.clock.now()
        do {
            switch effect {
            case .loadStaff:
                return .staffLoaded(try store.staff())
            case .signIn(let staffId, let pin, let kioskQuit):
                let member = try store.signIn(staffId: staffId, pin: pin, purpose: kioskQuit ? .kioskQuit : .session,
                                              terminal: context.terminal.terminal, at: now)
                return kioskQuit ? .quitAuthorized(member) : .signedIn(member)
            case .createFirstAdmin(let name, let pin):
                // Only on a store with no staff at all: the store refuses otherwise.
                return .firstAdminCreated(try store.addFirstAdmin(name: name, pin: pin, by: context.terminal, at: now))
            case .loadTickets:
                // The board lists tickets in the queue's own order (`QueueEntry.queueOrder`).
                let open = QueueEntry.queueOrder(try store.queue(on: context.calendar.localDate(of: now)))
                // A called ticket names the desk that called it (where to go), never a person.
                let called = open.filter { $0.visit.calledAt != nil }.map { entry in
                    entry.visit.calledBy.map { "\(entry.visit.ticket) → \($0)" } ?? entry.visit.ticket.description
                }
                let waiting = open.filter { $0.visit.calledAt == nil }.map { $0.visit.ticket.description }
                return .ticketsLoaded(called: called, waiting: waiting)
            }
        } catch {
            return context.failures.signIn(error)
        }
    }

    /// Writes that `member`'s session ended at this terminal (`reason`: "signed out", "idle",
    /// "kiosk quit asked", "quit"). Best effort: a failure to record it does not keep anyone in.
    public func recordSignOut(_ member: StaffMember, reason: String) {
        try? context.store.recordSignOut(member, reason: reason, terminal: context.terminal.terminal, at: context.clock.now())
    }
}
