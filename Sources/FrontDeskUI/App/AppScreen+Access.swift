import Foundation
import FrontDeskDomain
import TerminalKit

/// Kiosk mode: the terminal locks itself after `idleSeconds` without a key, and
/// quitting needs a coordinator's or admin's PIN.
public struct KioskSettings: Hashable, Sendable {
    /// Seconds without a key before the lock (default 5 minutes).
    public var idleSeconds: TimeInterval
    public init(idleSeconds: TimeInterval = 300) { self.idleSeconds = idleSeconds }
}

extension AppScreenKind {
    /// The screen of the permission table this kind is.
    public var protectedScreen: ProtectedScreen {
        switch self {
        case .reception: .reception
        case .booking: .booking
        case .schedule: .schedule
        case .admin: .admin
        case .occupancy: .occupancy
        case .reports: .reports
        }
    }
}

extension AppScreen.State {
    /// The viewer the store reads for: the signed-in member, nil when nobody is.
    public var viewer: Viewer? { session?.viewer }

    /// The screens the signed-in member's role may open, in menu order; none when signed out.
    public var allowedScreens: [AppScreenKind] {
        guard let viewer else { return [] }
        return AppScreenKind.allCases.filter { Permissions.mayOpen($0.protectedScreen, viewer) }
    }
}

extension AppScreen {
    /// Where a member lands after signing in: their role's home screen, else the first allowed.
    public static func home(for member: StaffMember) -> AppScreenKind {
        let home = Permissions.home[member.role]
        let allowed = AppScreenKind.allCases.filter { Permissions.mayOpen($0.protectedScreen, member.viewer) }
        return allowed.first { $0.protectedScreen == home } ?? allowed.first ?? .reception
    }

    /// The part of `update` about who is signed in: the sign-in screen while nobody is, the
    /// kiosk's idle lock, and results that arrive after a lock (dropped). Returns nil when the
    /// event goes on to the screens.
    static func updateAccess(_ state: inout State, _ event: Event) -> [Effect]? {
        switch event {
        case .signIn(let e):
            let effects = route(SignInScreen.self, \.signIn, e, nil, &state).map(Effect.signIn)
            switch e {
            case .signedIn(let member), .firstAdminCreated(let member):
                return effects + openSession(&state, member)
            case .quitAuthorized:
                state.quitRequested = true
                return effects
            default:
                return effects
            }
        case .key(let key):
            state.keySinceTick = true
            guard state.session != nil else { return signedOutKey(&state, key) }
            return nil
        case .paste(let text):
            state.keySinceTick = true
            guard state.session != nil else {
                guard state.overlay == nil, !Chrome.isTooSmall(state.size) else { return [] }
                return route(SignInScreen.self, \.signIn, .shell(.paste(text)), nil, &state).map(Effect.signIn)
            }
            return nil
        case .tick(let now):
            state.now = now
            var effects = route(SignInScreen.self, \.signIn, .tick, nil, &state).map(Effect.signIn)
            let idle: Bool
            if state.keySinceTick {
                state.keySinceTick = false
                state.lastActivity = now
                idle = false
            } else {
                idle = idleLimit(state).map { now.timeIntervalSince(state.lastActivity) >= $0 } ?? false
            }
            guard state.session != nil else {
                // A kiosk left with half a PIN typed, or asking for a quit, starts over.
                if idle, !state.signIn.pin.isEmpty || state.signIn.mode == .kioskQuit {
                    effects += SignInScreen.reset(&state.signIn).map(Effect.signIn)
                    state.notices[nil] = nil
                }
                return effects
            }
            return idle ? lock(&state, reason: "idle") : nil
        case .resized(let size):
            state.size = size
            _ = route(SignInScreen.self, \.signIn, .resized, nil, &state)
            return nil
        case .dataChanged:
            guard state.session != nil else { return route(SignInScreen.self, \.signIn, .dataChanged, nil, &state).map(Effect.signIn) }
            return nil
        case .reception, .booking, .schedule, .admin, .occupancy, .reports:
            // A result that arrives after a lock belongs to nobody now.
            return state.session == nil ? [] : nil
        }
    }

    /// How long the terminal may stay without a key before the session locks (seconds): a
    /// kiosk's idle time; at a desk, a receptionist's idle time, another role's staff idle time.
    /// While nobody is signed in, the kiosk's (a half-typed PIN is forgotten), else none.
    static func idleLimit(_ state: State) -> TimeInterval? {
        if let kiosk = state.kiosk { return kiosk.idleSeconds }
        guard let session = state.session else { return nil }
        return session.role == .receptionist ? state.receptionIdleSeconds : state.staffIdleSeconds
    }

    /// A key while nobody is signed in: the too-small guard and the quit question, else the
    /// sign-in screen's.
    private static func signedOutKey(_ state: inout State, _ key: Key) -> [Effect] {
        // A kiosk's sign-in screen never asks to quit: only a PIN ends a kiosk.
        let tooSmall = Chrome.isTooSmall(state.size)
        if tooSmall, state.kiosk != nil, state.overlay == nil { return [] }
        switch overlayKey(&state.overlay, key, tooSmall: tooSmall) {
        case .consumed: return []
        case .quitConfirmed: return confirmQuit(&state)
        case .passed: return route(SignInScreen.self, \.signIn, .shell(.key(key)), nil, &state).map(Effect.signIn)
        }
    }

    /// Opens the member's session: their home screen, a counselor's own schedule, every screen
    /// loading afresh.
    static func openSession(_ state: inout State, _ member: StaffMember) -> [Effect] {
        state.session = member
        state.lastActivity = state.now
        state.keySinceTick = false
        state.overlay = nil
        if let counselorId = member.counselorId { state.schedule.counselorId = counselorId }
        state.schedule.date = state.calendar.localDate(of: state.now)
        var home = home(for: member)
        if let preferred = state.preferredScreen, state.allowedScreens.contains(preferred) { home = preferred }
        state.shown = home
        var effects = startScreens(&state)
        if home != .reception { effects += show(&state, home) }
        return effects
    }

    /// Ends the session: the screens return to their state before sign-in (nothing the member
    /// saw stays, notices included), the sign-in screen shows, and the sign-out is recorded.
    static func lock(_ state: inout State, reason: String) -> [Effect] {
        guard let member = state.session else { return [] }
        state.session = nil
        state.overlay = nil
        state.reception = state.pristine.reception
        state.booking = state.pristine.booking
        state.schedule = state.pristine.schedule
        state.admin = state.pristine.admin
        state.occupancy = state.pristine.occupancy
        state.reports = state.pristine.reports
        state.notices = [:]
        return [.signedOut(member, reason: reason)] + SignInScreen.reset(&state.signIn).map(Effect.signIn)
    }
}
