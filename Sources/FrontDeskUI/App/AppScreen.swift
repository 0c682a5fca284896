import Foundation
import FrontDeskDomain
import TerminalKit

/// The application shell: the states of every screen, which one is shown, and everything the
/// screens share, as gitui's popups do:
/// - one `ScreenContext` (strings, calendar, desk, size, clock, role, allowed screens) made
///   here and handed to each screen's `update` and `render`;
/// - the overlays, which see keys before the screen: too-small, quit confirmation, help and the
///   screens menu; and the kiosk lock (`AppScreen+Access`);
/// - the chrome every screen shows alike: title bar, notice line, key bar (`AppScreen+Render`).
///
/// Until someone signs in, only the sign-in screen is shown, and the F-keys and the menu offer
/// only the screens the member's role may open (`Permissions`). Quitting has one path: a screen
/// asks (`ShellRequest.quit`), the shell confirms, and `quitRequested` ends the loop.
public enum AppScreen {
    /// The idle time after which a receptionist's session locks at a desk terminal: 2 minutes.
    public static let defaultReceptionIdleSeconds: TimeInterval = 120
    /// The idle time after which a counselor's, a coordinator's or an admin's session locks at a
    /// desk terminal: 15 minutes. Their screens show names and notes too (a counselor's day),
    /// but they work away from the keyboard longer (a session with a visitor) than a desk does.
    public static let defaultStaffIdleSeconds: TimeInterval = 900

    /// What the shell draws over the shown screen; it sees keys first.
    public enum Overlay: Hashable, Sendable {
        /// The shown screen's keys and the global keys.
        case help
        /// "Quit FrontDesk? (y/n)".
        case quitConfirm
        /// The screens menu, with the highlighted entry.
        case menu(Int)
    }

    public struct State: Sendable {
        /// This terminal as every screen sees it before anyone signs in: strings, calendar,
        /// reference lists, the desk's name, the size and the last clock tick. Each screen's
        /// context is made from it (`context(_:)`).
        public private(set) var terminal: ScreenContext
        /// The terminal's size in cells.
        public var size: Size {
            get { terminal.size }
            set { terminal = terminal.with(size: newValue) }
        }
        /// The last clock tick (UTC).
        public var now: Date {
            get { terminal.now }
            set { terminal = terminal.with(now: newValue) }
        }
        public var strings: Localizer { terminal.strings }
        public var calendar: CenterCalendar { terminal.calendar }
        public var shown: AppScreenKind = .reception
        public var reception = ReceptionScreen.State()
        public var booking = BookingScreen.State()
        public var schedule: ScheduleScreen.State
        public var admin = AdminScreen.State()
        public var occupancy = OccupancyScreen.State()
        public var reports = ReportsScreen.State()
        public var signIn: SignInScreen.State
        /// The overlay over the shown screen, if any.
        public var overlay: Overlay?
        /// Each screen's notice line, and the sign-in screen's (`nil` key).
        var notices: [AppScreenKind?: Notice] = [:]
        /// The screen to open after sign-in when the role allows it (`--screen`), else the home.
        public var preferredScreen: AppScreenKind?
        /// The signed-in staff member; nil while the sign-in screen is shown.
        public var session: StaffMember?
        /// Kiosk mode: locks after idle time, quitting needs a coordinator's or admin's PIN.
        public var kiosk: KioskSettings?
        /// Outside kiosk mode, a receptionist's session locks after this many seconds without a
        /// key (nil: never), so a desk left alone shows no one's name.
        public var receptionIdleSeconds: TimeInterval? = AppScreen.defaultReceptionIdleSeconds
        /// Outside kiosk mode, any other role's session locks after this many seconds without a
        /// key (nil: never).
        public var staffIdleSeconds: TimeInterval? = AppScreen.defaultStaffIdleSeconds
        /// The last tick that followed a key (UTC); idle time counts from it.
        public var lastActivity: Date
        /// A key arrived since the last tick.
        var keySinceTick = false
        /// The member confirmed quitting (or a kiosk's quit was authorized): the loop ends.
        public internal(set) var quitRequested = false
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
            var reports: ReportsScreen.State
        }

        /// - Parameters:
        ///   - deskName: this terminal's name in the title bar (and the audit trail's).
        ///   - size: the terminal's size in cells; `now`: the first clock reading (UTC).
        ///   - session: who is signed in from the start (tests); nil shows the sign-in screen.
        ///   - kiosk: kiosk settings, or nil for a desk terminal.
        public init(strings: Localizer, calendar: CenterCalendar, reference: ReferenceData, deskName: String, size: Size, now: Date,
                    session: StaffMember? = nil, kiosk: KioskSettings? = nil) {
            terminal = ScreenContext(strings: strings, calendar: calendar, reference: reference, deskName: deskName, size: size, now: now)
            self.kiosk = kiosk
            signIn = SignInScreen.State(kiosk: kiosk != nil)
            schedule = ScheduleScreen.State(date: calendar.localDate(of: now))
            lastActivity = now
            pristine = Screens(reception: reception, booking: booking, schedule: schedule, admin: admin, occupancy: occupancy, reports: reports)
            if let session {
                self.session = session
                shown = AppScreen.home(for: session)
                if let counselorId = session.counselorId { schedule.counselorId = counselorId }
            }
        }

        /// The context handed to a screen: `kind` nil is the sign-in screen.
        public func context(_ kind: AppScreenKind?) -> ScreenContext {
            var context = terminal.with(viewer: .some(viewer),
                                        allowedScreens: .some(session == nil ? nil : allowedScreens))
            context.notice = notices[kind] ?? nil
            return context
        }

        /// The notice line of a screen (`nil`: the sign-in screen's).
        public func notice(_ kind: AppScreenKind?) -> Notice? { notices[kind] ?? nil }

        /// The screen whose keys and chrome are live: nil while the sign-in screen is shown.
        var live: AppScreenKind? { session == nil ? nil : shown }

        /// True when the shown screen has a dialog open.
        public var screenHasDialog: Bool {
            switch live {
            case nil: SignInScreen.hasDialog(signIn)
            case .reception?: ReceptionScreen.hasDialog(reception)
            case .booking?: BookingScreen.hasDialog(booking)
            case .schedule?: ScheduleScreen.hasDialog(schedule)
            case .admin?: AdminScreen.hasDialog(admin)
            case .occupancy?: OccupancyScreen.hasDialog(occupancy)
            case .reports?: ReportsScreen.hasDialog(reports)
            }
        }
    }

    public enum Event: Sendable {
        case signIn(SignInScreen.Event)
        case key(Key)
        /// Text pasted into the terminal (bracketed paste).
        case paste(String)
        case resized(Size)
        case tick(Date)
        /// Another terminal (or this one) changed the database.
        case dataChanged
        case reception(ReceptionScreen.Event)
        case booking(BookingScreen.Event)
        case schedule(ScheduleScreen.Event)
        case admin(AdminScreen.Event)
        case occupancy(OccupancyScreen.Event)
        case reports(ReportsScreen.Event)
    }

    public enum Effect: Equatable, Sendable {
        case reception(ReceptionScreen.Effect)
        case booking(BookingScreen.Effect)
        case schedule(ScheduleScreen.Effect)
        case admin(AdminScreen.Effect)
        case occupancy(OccupancyScreen.Effect)
        case reports(ReportsScreen.Effect)
        case signIn(SignInScreen.Effect)
        /// Record that the member's session ended (kiosk lock, kiosk quit request, sign-out).
        case signedOut(StaffMember, reason: String)
    }

    /// The first effects: the sign-in screen's, or, when signed in, every screen's start.
    public static func start(_ state: inout State) -> [Effect] {
        guard state.session != nil else { return SignInScreen.start(&state.signIn, state.context(nil)).map(Effect.signIn) }
        return startScreens(&state)
    }

    static func startScreens(_ state: inout State) -> [Effect] {
        let (reception, booking, schedule, admin) = (state.context(.reception), state.context(.booking), state.context(.schedule),
                                                     state.context(.admin))
        return ReceptionScreen.start(&state.reception, reception).map(Effect.reception)
            + BookingScreen.start(&state.booking, booking).map(Effect.booking)
            + ScheduleScreen.start(&state.schedule, schedule).map(Effect.schedule)
            + AdminScreen.start(&state.admin, admin).map(Effect.admin)
    }

    /// Applies one event. Pure.
    public static func update(_ state: inout State, _ event: Event) -> [Effect] {
        if let handled = updateAccess(&state, event) { return handled }
        switch event {
        case .signIn:
            return []
        case .key(let key):
            return handleKey(&state, key)
        case .paste(let text):
            // Pasted text is for the shown screen's text field; an overlay or a small window
            // takes none of it.
            guard state.overlay == nil, !Chrome.isTooSmall(state.size) else { return [] }
            return send(&state, state.shown, .paste(text))
        case .resized(let size):
            state.size = size
            return AppScreenKind.allCases.flatMap { send(&state, $0, .resized) }
        case .tick(let now):
            state.now = now
            return [AppScreenKind.reception, .booking, .schedule, .occupancy, .reports, .admin].flatMap { send(&state, $0, .tick) }
        case .dataChanged:
            return send(&state, state.shown, .dataChanged)
        case .reception(let e): return route(ReceptionScreen.self, \.reception, e, .reception, &state).map(Effect.reception)
        case .booking(let e): return route(BookingScreen.self, \.booking, e, .booking, &state).map(Effect.booking)
        case .schedule(let e): return route(ScheduleScreen.self, \.schedule, e, .schedule, &state).map(Effect.schedule)
        case .admin(let e): return route(AdminScreen.self, \.admin, e, .admin, &state).map(Effect.admin)
        case .occupancy(let e): return route(OccupancyScreen.self, \.occupancy, e, .occupancy, &state).map(Effect.occupancy)
        case .reports(let e): return route(ReportsScreen.self, \.reports, e, .reports, &state).map(Effect.reports)
        }
    }

    /// Sends one of the shell's events to a screen.
    static func send(_ state: inout State, _ kind: AppScreenKind, _ event: ShellEvent) -> [Effect] {
        switch kind {
        case .reception: route(ReceptionScreen.self, \.reception, .shell(event), .reception, &state).map(Effect.reception)
        case .booking: route(BookingScreen.self, \.booking, .shell(event), .booking, &state).map(Effect.booking)
        case .schedule: route(ScheduleScreen.self, \.schedule, .shell(event), .schedule, &state).map(Effect.schedule)
        case .admin: route(AdminScreen.self, \.admin, .shell(event), .admin, &state).map(Effect.admin)
        case .occupancy: route(OccupancyScreen.self, \.occupancy, .shell(event), .occupancy, &state).map(Effect.occupancy)
        case .reports: route(ReportsScreen.self, \.reports, .shell(event), .reports, &state).map(Effect.reports)
        }
    }

    /// Runs a screen's `update` with its context, keeps the notice it sets, and carries out what
    /// it asks of the shell. `kind` nil is the sign-in screen.
    static func route<S: Screen>(_ screen: S.Type, _ path: WritableKeyPath<State, S.State>, _ event: S.Event, _ kind: AppScreenKind?,
                                 _ state: inout State) -> [S.Effect] {
        var context = state.context(kind)
        // In place: no copy of the screen's state (its lists) on every key.
        let effects = S.update(&state[keyPath: path], event, &context)
        state.notices[kind] = context.notice
        switch context.request {
        case .quit? where kind == nil:
            // The sign-in screen of a desk quits at once (a kiosk's asks for a PIN itself).
            if state.kiosk == nil { state.quitRequested = true }
        case let request?:
            state.overlay = overlay(for: request)
        case nil:
            break
        }
        return effects
    }

    // MARK: Keys

    /// What the shell's overlays did with a key.
    public enum OverlayOutcome: Equatable, Sendable {
        /// An overlay took the key (or the window is too small for anything else).
        case consumed
        /// The member confirmed quitting.
        case quitConfirmed
        /// No overlay: the key goes on to the global keys and the screen.
        case passed
    }

    /// The overlays see keys first: below the minimum size only F10 and the quit answer work;
    /// the help closes on its keys; the quit question takes yes or no. The screens menu is not
    /// handled here (it needs the allowed screens). Pure; used by the shell and by tests that
    /// drive one screen the way the shell does.
    public static func overlayKey(_ overlay: inout Overlay?, _ key: Key, tooSmall: Bool) -> OverlayOutcome {
        if tooSmall, overlay != .quitConfirm {
            if ShellKeys.tooSmall.command(for: key) == .quit { overlay = .quitConfirm }
            return .consumed
        }
        switch overlay {
        case .help?:
            if ShellKeys.help.command(for: key) == .close { overlay = nil }
            return .consumed
        case .quitConfirm?:
            switch ShellKeys.quit.command(for: key) {
            case .confirm?: overlay = nil; return .quitConfirmed
            case .cancel?: overlay = nil
            case .close?, nil: break
            }
            return .consumed
        case .menu?, nil:
            return .passed
        }
    }

    /// The overlay a screen's request opens.
    public static func overlay(for request: ShellRequest) -> Overlay {
        switch request {
        case .help: .help
        case .quit: .quitConfirm
        }
    }

    private static func handleKey(_ state: inout State, _ key: Key) -> [Effect] {
        if case .menu(let selected)? = state.overlay, !Chrome.isTooSmall(state.size) { return handleMenuKey(&state, selected, key) }
        switch overlayKey(&state.overlay, key, tooSmall: Chrome.isTooSmall(state.size)) {
        case .consumed: return []
        case .quitConfirmed: return confirmQuit(&state)
        case .passed: break
        }
        if !state.screenHasDialog, let command = AppKeys.global.command(for: key) {
            switch command {
            case .menu: state.overlay = .menu(state.allowedScreens.firstIndex(of: state.shown) ?? 0)
            case .show(let kind): return show(&state, kind)
            case .signOut: return lock(&state, reason: "signed out")
            }
            return []
        }
        return send(&state, state.shown, .key(key))
    }

    /// "Yes" to the quit question: a desk quits; a kiosk ends the session instead and the
    /// sign-in screen asks for a coordinator's or admin's PIN.
    static func confirmQuit(_ state: inout State) -> [Effect] {
        state.overlay = nil
        guard state.kiosk != nil else {
            state.quitRequested = true
            return []
        }
        guard state.session != nil else { return [] }
        let locked = lock(&state, reason: "kiosk quit asked")
        state.signIn.mode = .kioskQuit
        state.notices[nil] = Notice(.info, state.strings("signin.kioskQuitHint"))
        return locked
    }

    /// Brings a screen to the front and lets it reload. Booking from the reception opens for
    /// the visitor selected there (search result or queue ticket). A screen the member's role
    /// may not open is not shown.
    static func show(_ state: inout State, _ kind: AppScreenKind) -> [Effect] {
        state.overlay = nil
        guard state.allowedScreens.contains(kind) else { return [] }
        let from = state.shown
        state.shown = kind
        var effects = send(&state, kind, kind == .reception ? .dataChanged : .shown)
        if kind == .booking, from == .reception, let id = state.reception.bookingCandidateId {
            effects += route(BookingScreen.self, \.booking, .openFor(visitorId: id), .booking, &state).map(Effect.booking)
            // The person is handed to the booking screen: back at the reception, the search is
            // empty for the next one (a name typed then never extends the last one's).
            ReceptionScreen.backToSearch(&state.reception)
        }
        return effects
    }

    private static func handleMenuKey(_ state: inout State, _ selected: Int, _ key: Key) -> [Effect] {
        let all = state.allowedScreens
        guard !all.isEmpty else {
            state.overlay = nil
            return []
        }
        switch ShellKeys.menu.command(for: key) {
        case .cancel?: state.overlay = nil
        case .moveUp?: state.overlay = .menu((selected - 1 + all.count) % all.count)
        case .moveDown?: state.overlay = .menu((selected + 1) % all.count)
        case .choose?: return show(&state, all[selected])
        case .pageUp?, .pageDown?: break
        case nil:
            // A screen's letter or number picks it, as does its F-key.
            if let kind = ShellKeys.menuChoices(all).command(for: key) { return show(&state, kind) }
            if case .show(let kind)? = AppKeys.global.command(for: key) { return show(&state, kind) }
        }
        return []
    }
}
