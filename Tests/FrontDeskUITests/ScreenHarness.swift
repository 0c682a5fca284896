import Foundation
import FrontDeskDomain
import FrontDeskUI
import TerminalKit

/// One screen driven the way the shell drives it (`AppScreen`): a context made of the fixture's
/// strings, calendar, desk, size and clock; keys seen first by the shell's overlays
/// (`AppScreen.overlayKey`, the shell's own function); the screen's notice and requests kept as
/// the shell keeps them; and frames drawn by the shell's `renderScreen`, chrome included.
///
/// Reads and writes of the screen's own fields pass through (`h.focus`, `h.results`), so reducer
/// tests read like the screen's State.
@dynamicMemberLookup
struct Harness<S: Screen> {
    var state: S.State
    var size: Size
    var now: Date
    var language: UILanguage
    /// Who is signed in; nil lists every screen in the help.
    var viewer: Viewer?
    /// The shell's notice line for this screen.
    var notice: Notice?
    /// The shell's overlay over this screen.
    var overlay: AppScreen.Overlay?
    /// The member confirmed quitting (or, on the sign-in screen of a desk, asked to).
    var quitRequested = false
    /// The sign-in screen of a desk quits at once instead of asking.
    var quitsAtOnce = false

    init(_ state: S.State, size: Size = Size(width: 80, height: 24), now: Date = Fixture.now, language: UILanguage = .en) {
        self.state = state
        self.size = size
        self.now = now
        self.language = language
    }

    subscript<T>(dynamicMember path: WritableKeyPath<S.State, T>) -> T {
        get { state[keyPath: path] }
        set { state[keyPath: path] = newValue }
    }

    subscript<T>(dynamicMember path: KeyPath<S.State, T>) -> T { state[keyPath: path] }

    /// The context the shell would give the screen now.
    var context: ScreenContext {
        ScreenContext(strings: Fixture.strings(language), calendar: Fixture.calendar, reference: Fixture.reference, deskName: "Desk 1",
                      size: size, now: now, viewer: viewer, allowedScreens: nil, notice: notice)
    }

    /// Sends one of the screen's events, as `AppScreen` routes it.
    mutating func send(_ event: S.Event) -> [S.Effect] {
        var ctx = context
        let effects = S.update(&state, event, &ctx)
        notice = ctx.notice
        switch ctx.request {
        case .quit? where quitsAtOnce: quitRequested = true
        case let request?: overlay = AppScreen.overlay(for: request)
        case nil: break
        }
        return effects
    }

    /// An event as the shell delivers it: a key passes the overlays first.
    mutating func deliver(_ event: S.Event) -> [S.Effect] {
        if case .key(let key)? = ShellEventProbe.shellEvent(of: event) { return press(key) }
        return send(event)
    }

    /// A key, as the shell passes it: the overlays first, then the screen.
    mutating func press(_ key: Key) -> [S.Effect] {
        switch AppScreen.overlayKey(&overlay, key, tooSmall: context.isTooSmall) {
        case .consumed: return []
        case .quitConfirmed:
            quitRequested = true
            return []
        case .passed: return send(.key(key))
        }
    }

    mutating func press(_ keys: Key...) -> [S.Effect] { keys.flatMap { press($0) } }

    /// Types text into the screen, one key a character.
    mutating func type(_ text: String) -> [S.Effect] { text.flatMap { press(.character($0)) } }

    /// The terminal changed size.
    mutating func resize(_ newSize: Size) -> [S.Effect] {
        size = newSize
        return send(.resized)
    }

    /// The clock moved on.
    mutating func tick(_ at: Date) -> [S.Effect] {
        now = at
        return send(.tick)
    }

    mutating func start() -> [S.Effect] { S.start(&state, context) }

    /// The whole frame as the shell draws it.
    var frame: Frame {
        var frame = Frame(size: size)
        AppScreen.renderScreen(S.self, state, context, overlay: overlay, into: &frame)
        return frame
    }
}

/// The reducer tests' entry points: `S.update(&harness, event)` as the shell delivers it (a key
/// passes the overlays first), `S.start(harness)`, `S.render(harness, into:)`.
extension Screen {
    static func start(_ h: inout Harness<Self>) -> [Effect] { h.start() }

    static func render(_ h: Harness<Self>, into frame: inout Frame) {
        AppScreen.renderScreen(Self.self, h.state, h.context, overlay: h.overlay, into: &frame)
    }
}

extension Screen {
    static func update(_ h: inout Harness<Self>, _ event: Event) -> [Effect] { h.deliver(event) }
}

/// The booking screen's lists that depend on the clock, read with the harness's context.
extension Harness where S == BookingScreen {
    var openSessions: [GroupSessionListing] { state.openSessions(context) }
    var selectedSession: GroupSessionListing? { state.selectedSession(context) }
    var upcoming: [AppointmentListing] { state.upcoming(context) }
    var selectedAppointment: AppointmentListing? { state.selectedAppointment(context) }
}

extension Harness where S == ReceptionScreen {
    func waitingSummary(_ category: ServiceCategory) -> (count: Int, longestMinutes: Int) { state.waitingSummary(category, now: now) }
}

/// Reads the shell's event out of any screen's `case shell(ShellEvent)` (tests only: the
/// harness delivers keys through the overlays as the shell does).
enum ShellEventProbe {
    static func shellEvent<E>(of event: E) -> ShellEvent? {
        guard let child = Mirror(reflecting: event).children.first, child.label == "shell" else { return nil }
        return child.value as? ShellEvent
    }
}
