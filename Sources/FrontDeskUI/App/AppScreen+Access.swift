import Foundation
import FrontDeskDomain
import TerminalKit

/// Kiosk mode (issue 5 §3): the terminal locks itself after `idleSeconds` without a key, and
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

    static func wrap(_ e: SignInScreen.Effect) -> Effect { e == .quit ? .quit : .signIn(e) }

    /// The part of `update` about who is signed in: the sign-in screen while nobody is, the
    /// kiosk's idle lock, and results that arrive after a lock (dropped). Returns nil when the
    /// event goes on to the screens.
    static func updateAccess(_ state: inout State, _ event: Event) -> [Effect]? {
        switch event {
        case .signIn(let e):
            let effects = SignInScreen.update(&state.signIn, e).map(wrap)
            switch e {
            case .signedIn(let member), .firstAdminCreated(let member):
                return effects + openSession(&state, member)
            case .quitAuthorized:
                state.quitAuthorized = true
                return [.quit]
            default:
                return effects
            }
        case .key(let key):
            state.keySinceTick = true
            guard state.session != nil else { return SignInScreen.update(&state.signIn, .key(key)).map(wrap) }
            return nil
        case .tick(let now):
            var effects = SignInScreen.update(&state.signIn, .tick(now)).map(wrap)
            let idle: Bool
            if state.keySinceTick {
                state.keySinceTick = false
                state.lastActivity = now
                idle = false
            } else {
                idle = state.kiosk.map { now.timeIntervalSince(state.lastActivity) >= $0.idleSeconds } ?? false
            }
            guard state.session != nil else {
                // A kiosk left with half a PIN typed, or asking for a quit, starts over.
                if idle, !state.signIn.pin.isEmpty || state.signIn.mode == .kioskQuit {
                    effects += SignInScreen.reset(&state.signIn).map(wrap)
                    state.signIn.notice = nil
                }
                return effects
            }
            return idle ? lock(&state, reason: "idle") : nil
        case .resized(let size):
            _ = SignInScreen.update(&state.signIn, .resized(size))
            return nil
        case .dataChanged:
            guard state.session != nil else { return SignInScreen.update(&state.signIn, .dataChanged).map(wrap) }
            return nil
        case .reception, .booking, .schedule, .admin, .occupancy:
            // A result that arrives after a lock belongs to nobody now.
            return state.session == nil ? [] : nil
        }
    }

    /// Opens the member's session: their home screen, a counselor's own schedule, every screen
    /// loading afresh.
    static func openSession(_ state: inout State, _ member: StaffMember) -> [Effect] {
        state.session = member
        state.lastActivity = state.signIn.now
        state.keySinceTick = false
        state.menu = nil
        if let counselorId = member.counselorId { state.schedule.counselorId = counselorId }
        // The title bar names the desk and who is signed in at it.
        let desk = "\(state.pristine.reception.deskName) · \(member.name)"
        state.reception.deskName = desk; state.booking.deskName = desk; state.schedule.deskName = desk; state.admin.deskName = desk
        state.occupancy.deskName = desk
        let allowed = state.allowedScreens
        state.reception.allowedScreens = allowed; state.booking.allowedScreens = allowed
        state.schedule.allowedScreens = allowed; state.admin.allowedScreens = allowed
        state.occupancy.allowedScreens = allowed
        var home = home(for: member)
        if let preferred = state.preferredScreen, state.allowedScreens.contains(preferred) { home = preferred }
        state.shown = home
        var effects = startScreens(state)
        if home != .reception { effects += show(&state, home) }
        return effects
    }

    /// Ends the session: the screens return to their state before sign-in (nothing the member
    /// saw stays), the sign-in screen shows, and the sign-out is recorded.
    static func lock(_ state: inout State, reason: String) -> [Effect] {
        guard let member = state.session else { return [] }
        let size = state.size, now = state.signIn.now
        state.session = nil
        state.menu = nil
        state.reception = state.pristine.reception
        state.booking = state.pristine.booking
        state.schedule = state.pristine.schedule
        state.admin = state.pristine.admin
        state.occupancy = state.pristine.occupancy
        state.reception.size = size; state.booking.size = size; state.schedule.size = size; state.admin.size = size
        state.occupancy.size = size
        state.reception.now = now; state.booking.now = now; state.schedule.now = now; state.admin.now = now
        state.occupancy.now = now
        return [.signedOut(member, reason: reason)] + SignInScreen.reset(&state.signIn).map(wrap)
    }

    /// In kiosk mode a screen's confirmed quit does not quit: the session ends and the sign-in
    /// screen asks for a coordinator's or admin's PIN.
    static func guardKioskQuit(_ state: inout State, _ effects: [Effect]) -> [Effect] {
        guard state.kiosk != nil, effects.contains(.quit) else { return effects }
        let rest = effects.filter { $0 != .quit }
        let locked = lock(&state, reason: "kiosk quit asked")
        state.signIn.mode = .kioskQuit
        state.signIn.notice = Notice(.info, state.signIn.strings("signin.kioskQuitHint"))
        return rest + locked
    }
}
