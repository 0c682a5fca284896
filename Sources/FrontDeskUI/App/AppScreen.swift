import Foundation
import FrontDeskDomain
import TerminalKit

/// The application shell: the states of every screen, which one is shown, the screens menu,
/// the global keys that switch screens (`AppKeys`), and who is signed in (`AppScreen+Access`):
/// until someone signs in, only the sign-in screen is shown, and the F-keys and the menu offer
/// only the screens the member's role may open (`Permissions`).
///
/// Each screen keeps its own Elm loop; the shell wraps their events and effects
/// (`AppEvent.booking(…)`, `AppEffect.booking(…)`) so one runner performs them all. The shell
/// handles its keys only when the shown screen has no dialog open: dialogs consume keys first.
public enum AppScreen {
    public struct State: Sendable {
        public var shown: AppScreenKind = .reception
        public var reception: ReceptionScreen.State
        public var booking: BookingScreen.State
        public var schedule: ScheduleScreen.State
        public var admin: AdminScreen.State
        /// Made from the reception's settings (strings, calendar, desk, size, clock).
        public var occupancy: OccupancyScreen.State
        /// The screens menu, when open: the highlighted entry.
        public var menu: Int?
        /// The screen to open after sign-in when the role allows it (`--screen`), else the home.
        public var preferredScreen: AppScreenKind?
        /// The signed-in staff member; nil while the sign-in screen is shown.
        public var session: StaffMember?
        public var signIn: SignInScreen.State
        /// Kiosk mode: locks after idle time, quitting needs a coordinator's or admin's PIN.
        public var kiosk: KioskSettings?
        /// The last tick that followed a key (UTC); idle time counts from it.
        public var lastActivity: Date
        /// A key arrived since the last tick.
        var keySinceTick = false
        /// A coordinator's or admin's PIN ended the kiosk session.
        var quitAuthorized = false
        /// The screens as they were before anyone signed in: a lock returns them to this, so
        /// nothing shown to the last member stays in memory.
        let pristine: Screens

        /// The screens' states, as a value to restore on a lock.
        struct Screens: Sendable {
            var reception: ReceptionScreen.State
            var booking: BookingScreen.State
            var schedule: ScheduleScreen.State
            var admin: AdminScreen.State
            var occupancy: OccupancyScreen.State
        }

        /// - Parameters:
        ///   - session: who is signed in from the start (tests); nil shows the sign-in screen.
        ///   - kiosk: kiosk settings, or nil for a desk terminal.
        public init(reception: ReceptionScreen.State, booking: BookingScreen.State, schedule: ScheduleScreen.State,
                    admin: AdminScreen.State, session: StaffMember? = nil, kiosk: KioskSettings? = nil) {
            self.reception = reception
            self.booking = booking
            self.schedule = schedule
            self.admin = admin
            occupancy = OccupancyScreen.State(strings: reception.strings, calendar: reception.calendar, deskName: reception.deskName,
                                              size: reception.size, now: reception.now)
            self.session = session
            self.kiosk = kiosk
            self.signIn = SignInScreen.State(strings: reception.strings, calendar: reception.calendar, deskName: reception.deskName,
                                             size: reception.size, now: reception.now, kiosk: kiosk != nil)
            self.lastActivity = reception.now
            self.pristine = Screens(reception: reception, booking: booking, schedule: schedule, admin: admin, occupancy: occupancy)
            if let session {
                shown = AppScreen.home(for: session)
                let allowed = allowedScreens
                self.reception.allowedScreens = allowed; self.booking.allowedScreens = allowed
                self.schedule.allowedScreens = allowed; self.admin.allowedScreens = allowed
                occupancy.allowedScreens = allowed
            }
        }

        public var quitRequested: Bool {
            if quitAuthorized || signIn.quitRequested { return true }
            return kiosk == nil
                && (reception.quitRequested || booking.quitRequested || schedule.quitRequested || admin.quitRequested
                    || occupancy.quitRequested)
        }

        /// True when the shown screen has a dialog open.
        public var screenHasModal: Bool {
            switch shown {
            case .reception: reception.modal != nil
            case .booking: booking.modal != nil
            case .schedule: schedule.modal != nil
            case .admin: admin.modal != nil
            case .occupancy: occupancy.modal != nil
            }
        }

        public var size: Size { reception.size }
    }

    public enum Event: Sendable {
        case signIn(SignInScreen.Event)
        case key(Key)
        case resized(Size)
        case tick(Date)
        /// Another terminal (or this one) changed the database.
        case dataChanged
        case reception(ReceptionScreen.Event)
        case booking(BookingScreen.Event)
        case schedule(ScheduleScreen.Event)
        case admin(AdminScreen.Event)
        case occupancy(OccupancyScreen.Event)
    }

    public enum Effect: Equatable, Sendable {
        case reception(ReceptionScreen.Effect)
        case booking(BookingScreen.Effect)
        case schedule(ScheduleScreen.Effect)
        case admin(AdminScreen.Effect)
        case occupancy(OccupancyScreen.Effect)
        case signIn(SignInScreen.Effect)
        /// Record that the member's session ended (kiosk lock, kiosk quit request).
        case signedOut(StaffMember, reason: String)
        case quit
    }

    /// The first effects: the sign-in screen's, or, when signed in, every screen's start.
    public static func start(_ state: State) -> [Effect] {
        guard state.session != nil else { return SignInScreen.start(state.signIn).map(wrap) }
        return startScreens(state)
    }

    static func startScreens(_ state: State) -> [Effect] {
        ReceptionScreen.start(state.reception).map(wrap) + BookingScreen.start(state.booking).map(Effect.booking)
            + ScheduleScreen.start(state.schedule).map(Effect.schedule) + AdminScreen.start(state.admin).map(Effect.admin)
    }

    private static func wrap(_ e: ReceptionScreen.Effect) -> Effect { e == .quit ? .quit : .reception(e) }

    /// Applies one event. Pure.
    public static func update(_ state: inout State, _ event: Event) -> [Effect] {
        if let handled = updateAccess(&state, event) { return handled }
        switch event {
        case .signIn:
            return []
        case .key(let key):
            if state.menu != nil { return handleMenuKey(&state, key) }
            if !state.screenHasModal, let command = AppKeys.global.command(for: key) {
                switch command {
                case .menu: state.menu = state.allowedScreens.firstIndex(of: state.shown) ?? 0
                case .show(let kind): return show(&state, kind)
                case .signOut: return lock(&state, reason: "signed out")
                }
                return []
            }
            return guardKioskQuit(&state, forward(&state, key))
        case .resized(let size):
            return ReceptionScreen.update(&state.reception, .resized(size)).map(wrap)
                + BookingScreen.update(&state.booking, .resized(size)).map(unwrapQuit)
                + ScheduleScreen.update(&state.schedule, .resized(size)).map(unwrapQuit)
                + AdminScreen.update(&state.admin, .resized(size)).map(unwrapQuit)
                + OccupancyScreen.update(&state.occupancy, .resized(size)).map(unwrapQuit)
        case .tick(let now):
            return ReceptionScreen.update(&state.reception, .tick(now)).map(wrap)
                + BookingScreen.update(&state.booking, .tick(now)).map(unwrapQuit)
                + ScheduleScreen.update(&state.schedule, .tick(now)).map(unwrapQuit)
                + OccupancyScreen.update(&state.occupancy, .tick(now)).map(unwrapQuit)
        case .dataChanged:
            switch state.shown {
            case .reception: return ReceptionScreen.update(&state.reception, .dataChanged).map(wrap)
            case .booking: return BookingScreen.update(&state.booking, .dataChanged).map(unwrapQuit)
            case .schedule: return ScheduleScreen.update(&state.schedule, .dataChanged).map(unwrapQuit)
            case .admin: return AdminScreen.update(&state.admin, .dataChanged).map(unwrapQuit)
            case .occupancy: return OccupancyScreen.update(&state.occupancy, .dataChanged).map(unwrapQuit)
            }
        case .reception(let e): return ReceptionScreen.update(&state.reception, e).map(wrap)
        case .booking(let e): return BookingScreen.update(&state.booking, e).map(unwrapQuit)
        case .schedule(let e): return ScheduleScreen.update(&state.schedule, e).map(unwrapQuit)
        case .admin(let e): return AdminScreen.update(&state.admin, e).map(unwrapQuit)
        case .occupancy(let e): return OccupancyScreen.update(&state.occupancy, e).map(unwrapQuit)
        }
    }

    private static func unwrapQuit(_ e: BookingScreen.Effect) -> Effect { e == .quit ? .quit : .booking(e) }
    private static func unwrapQuit(_ e: ScheduleScreen.Effect) -> Effect { e == .quit ? .quit : .schedule(e) }
    private static func unwrapQuit(_ e: AdminScreen.Effect) -> Effect { e == .quit ? .quit : .admin(e) }
    private static func unwrapQuit(_ e: OccupancyScreen.Effect) -> Effect { e == .quit ? .quit : .occupancy(e) }

    private static func forward(_ state: inout State, _ key: Key) -> [Effect] {
        switch state.shown {
        case .reception: ReceptionScreen.update(&state.reception, .key(key)).map(wrap)
        case .booking: BookingScreen.update(&state.booking, .key(key)).map(unwrapQuit)
        case .schedule: ScheduleScreen.update(&state.schedule, .key(key)).map(unwrapQuit)
        case .admin: AdminScreen.update(&state.admin, .key(key)).map(unwrapQuit)
        case .occupancy: OccupancyScreen.update(&state.occupancy, .key(key)).map(unwrapQuit)
        }
    }

    /// Brings a screen to the front and lets it reload. Booking from the reception opens for
    /// the visitor selected there (search result or queue ticket). A screen the member's role
    /// may not open is not shown.
    static func show(_ state: inout State, _ kind: AppScreenKind) -> [Effect] {
        guard state.allowedScreens.contains(kind) else {
            state.menu = nil
            return []
        }
        let from = state.shown
        state.menu = nil
        state.shown = kind
        switch kind {
        case .reception:
            return ReceptionScreen.update(&state.reception, .dataChanged).map(wrap)
        case .booking:
            var effects = BookingScreen.update(&state.booking, .shown).map(unwrapQuit)
            if from == .reception, let id = state.reception.bookingCandidateId {
                effects += BookingScreen.update(&state.booking, .openFor(visitorId: id)).map(unwrapQuit)
            }
            return effects
        case .schedule:
            return ScheduleScreen.update(&state.schedule, .shown).map(unwrapQuit)
        case .admin:
            return AdminScreen.update(&state.admin, .shown).map(unwrapQuit)
        case .occupancy:
            return OccupancyScreen.update(&state.occupancy, .shown).map(unwrapQuit)
        }
    }

    private static func handleMenuKey(_ state: inout State, _ key: Key) -> [Effect] {
        let all = state.allowedScreens
        guard !all.isEmpty else {
            state.menu = nil
            return []
        }
        let i = state.menu ?? 0
        switch key {
        case .escape, .function(12), .control("g"): state.menu = nil
        case .up: state.menu = (i - 1 + all.count) % all.count
        case .down, .tab: state.menu = (i + 1) % all.count
        case .enter: return show(&state, all[i])
        case .character(let c):
            if let kind = all.first(where: { $0.menuLetter == Character(c.lowercased()) }) { return show(&state, kind) }
            if let d = c.wholeNumberValue, (1...all.count).contains(d) { return show(&state, all[d - 1]) }
        default:
            if let command = AppKeys.global.command(for: key), case .show(let kind) = command { return show(&state, kind) }
        }
        return []
    }

    /// Draws the shown screen, and the screens menu over it.
    public static func render(_ state: State, into frame: inout Frame) {
        guard state.session != nil else { return SignInScreen.render(state.signIn, into: &frame) }
        switch state.shown {
        case .reception: ReceptionScreen.render(state.reception, into: &frame)
        case .booking: BookingScreen.render(state.booking, into: &frame)
        case .schedule: ScheduleScreen.render(state.schedule, into: &frame)
        case .admin: AdminScreen.render(state.admin, into: &frame)
        case .occupancy: OccupancyScreen.render(state.occupancy, into: &frame)
        }
        guard let selected = state.menu, !Chrome.isTooSmall(frame.size) else { return }
        let s = state.reception.strings
        let all = state.allowedScreens
        let box = Dialog.rect(width: 40, height: all.count + 4, in: frame.area)
        let inner = Box.render(into: &frame, rect: box, title: s("menu.title"), style: .bold)
        for (i, kind) in all.enumerated() {
            let key = AppKeys.global.bindings.first { $0.command == .show(kind) }?.keys.first?.name ?? ""
            let line = "\(i == selected ? "▶" : " ") \(i + 1) \(kind.menuLetter)  \(s("screen.\(kind.rawValue)"))"
            let row = inner.row(i).inset(dx: 1, dy: 0)
            frame.put(line, in: row, style: i == selected ? .reverse : .plain)
            frame.put(key, in: Rect(x: row.maxX - 4, y: row.y, width: 4, height: 1), style: i == selected ? .reverse : .dim, alignRight: true)
        }
        frame.put(s("menu.hint"), in: inner.row(inner.height - 1).inset(dx: 1, dy: 0), style: .dim)
    }
}
