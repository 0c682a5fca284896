import Foundation
import FrontDeskDomain
import FrontDeskUI

/// Performs any effect of the shell (`AppScreen.Effect`) with the handler of its screen, for
/// whoever the app state says is signed in.
public struct AppEffects: Sendable {
    public let context: EffectContext
    public var signIn: SignInEffects
    public var reception: ReceptionEffects
    public var booking: BookingEffects
    public var schedule: ScheduleEffects
    public var admin: AdminEffects
    public var occupancy: OccupancyEffects
    public var reports: ReportsEffects
    /// The member signed in at the last effect: a change starts a new session (its openings
    /// are recorded afresh, even by the same member signing in again).
    private var lastMember: Int64?

    public init(_ context: EffectContext) {
        self.context = context
        signIn = SignInEffects(context)
        reception = ReceptionEffects(context)
        booking = BookingEffects(context)
        schedule = ScheduleEffects(context)
        admin = AdminEffects(context)
        occupancy = OccupancyEffects(context)
        reports = ReportsEffects(context)
    }

    /// Performs one effect; the result comes back as the shell's event (nil for none).
    /// - Parameter state: the app state when the effect is performed: who is signed in.
    public mutating func perform(_ effect: AppScreen.Effect, in state: AppScreen.State) -> AppScreen.Event? {
        let session = Session(state)
        if session.member?.id != lastMember { booking.forgetOpenings() }
        lastMember = session.member?.id
        switch effect {
        case .signIn(let e): return signIn.perform(e).map(AppScreen.Event.signIn)
        case .reception(let e): return reception.perform(e, for: session).map(AppScreen.Event.reception)
        case .booking(let e): return booking.perform(e, for: session).map(AppScreen.Event.booking)
        case .schedule(let e): return schedule.perform(e, for: session).map(AppScreen.Event.schedule)
        case .admin(let e): return admin.perform(e, for: session).map(AppScreen.Event.admin)
        case .occupancy(let e): return occupancy.perform(e, for: session).map(AppScreen.Event.occupancy)
        case .reports(let e): return reports.perform(e, for: session).map(AppScreen.Event.reports)
        case .signedOut(let member, let reason):
            signIn.recordSignOut(member, reason: reason)
            return nil
        }
    }
}

extension AppScreen.Effect {
    /// True when performing the effect may write to the store: each screen's effect says so
    /// itself (`ReceptionScreen.Effect.writes`…); recording a sign-out writes.
    public var writes: Bool {
        switch self {
        case .reception(let e): e.writes
        case .booking(let e): e.writes
        case .schedule(let e): e.writes
        case .admin(let e): e.writes
        case .occupancy(let e): e.writes
        case .reports(let e): e.writes
        case .signIn(let e): e.writes
        case .signedOut: true
        }
    }
}
