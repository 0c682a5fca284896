import Foundation
import FrontDeskDomain
import FrontDeskUI
import TerminalKit

/// The main loop of the TUI, on any `Terminal` (ncurses in the program, `HeadlessTerminal` in
/// tests): reads events, runs `AppScreen.update`, performs the effects with `AppEffects` and
/// feeds their results back as events, and draws a whole frame after every change.
///
/// Other terminals' writes are noticed by polling the store's change token every
/// `pollInterval` seconds, for whichever screen is shown; the screens' clock ticks once a
/// second. Both are measured on the context's clock.
///
/// A frame is drawn only when something may have changed on screen: after an event, after
/// effects ran (another terminal's write among them), when a tick asks for work, when the
/// clock's minute changes, and otherwise at most every `idleRedrawInterval` seconds (waits
/// count in minutes from each arrival). An idle terminal thus renders once every few seconds,
/// not four times a second, however long the names in its lists.
public final class AppLoop {
    /// The app state as it stands between steps.
    public private(set) var state: AppScreen.State
    public let terminal: any Terminal
    /// How often to look for other terminals' writes, in seconds.
    public let pollInterval: TimeInterval
    private var effects: AppEffects
    private var pending: [AppScreen.Effect] = []
    /// The store's change token as last seen (our own writes absorbed).
    private var token: Int64 = 0
    private var lastPoll: Date
    private var lastTick: Date
    private var started = false
    /// A frame is due: something may have changed on screen since the last one.
    private var needsDraw = true
    /// When the last frame was drawn, on the context's clock.
    private var lastDraw: Date
    /// The longest an idle terminal goes without drawing, in seconds.
    public static let idleRedrawInterval: TimeInterval = 5
    /// Frames drawn so far (for tests of the idle behaviour).
    public private(set) var framesDrawn = 0

    /// - Parameters:
    ///   - state: the first state (the sign-in screen unless a session is given).
    ///   - context: the store, the clock, this terminal's identity, the strings.
    public init(state: AppScreen.State, context: EffectContext, terminal: any Terminal, pollInterval: TimeInterval = 0.5) {
        self.state = state
        self.terminal = terminal
        self.pollInterval = pollInterval
        effects = AppEffects(context)
        let now = context.clock.now()
        lastPoll = now
        lastTick = now
        lastDraw = now
    }

    private var store: any FrontDeskRepository { effects.context.store }

    /// Runs until the app quits, then records the end of an open session.
    public func run() {
        defer { finish() }
        while step() {}
    }

    /// Queues the first effects and reads the change token; `step` calls it once.
    public func start() {
        guard !started else { return }
        started = true
        pending = AppScreen.start(&state)
        if state.shown != .reception { pending += AppScreen.update(&state, .dataChanged) }
        token = (try? store.changeToken()) ?? 0
    }

    /// One turn: performs the pending effects (their results update the state), draws the
    /// frame, waits up to `timeoutMilliseconds` for one event and applies it, then the tick and
    /// the poll when they are due.
    /// - Returns: false once the app has quit (nothing was drawn then).
    @discardableResult
    public func step(timeoutMilliseconds: Int = 250) -> Bool {
        start()
        if performPending() { needsDraw = true }
        if state.quitRequested { return false }
        if needsDraw { draw() }
        let event = terminal.nextEvent(timeoutMilliseconds: timeoutMilliseconds)
        let now = effects.context.clock.now()
        if event != nil { needsDraw = true }
        switch event {
        case .key(let key)?:
            pending += AppScreen.update(&state, .key(key))
        case .resize(let size)?:
            pending += AppScreen.update(&state, .resized(size))
        case .paste(let text)?:
            pending += AppScreen.update(&state, .paste(text))
        case nil:
            break
        }
        if now.timeIntervalSince(lastTick) >= 1 || event != nil {
            lastTick = now
            let work = AppScreen.update(&state, .tick(now))
            pending += work
            let minute = { (date: Date) in (date.timeIntervalSince1970 / 60).rounded(.down) }
            if !work.isEmpty || minute(now) != minute(lastDraw) || now.timeIntervalSince(lastDraw) >= Self.idleRedrawInterval {
                needsDraw = true
            }
        }
        if now.timeIntervalSince(lastPoll) >= pollInterval {
            lastPoll = now
            if let current = try? store.changeToken(), current != token {
                token = current
                pending += AppScreen.update(&state, .dataChanged)
            }
        }
        return true
    }

    /// Leaving the program ends the session too: the trail shows when, as a sign-out and a
    /// kiosk lock do.
    public func finish() {
        if let member = state.session { effects.signIn.recordSignOut(member, reason: "quit") }
    }

    /// Performs effects until none are left (each result is an event, which may bring more),
    /// or until the app quits.
    /// - Returns: true when any effect ran.
    @discardableResult
    private func performPending() -> Bool {
        let ran = !pending.isEmpty
        var wrote = false
        while !pending.isEmpty && !state.quitRequested {
            let effect = pending.removeFirst()
            wrote = wrote || effect.writes
            if let event = effects.perform(effect, in: state) {
                pending += AppScreen.update(&state, event)
            }
        }
        // Our own writes move the token too; absorb them so they don't reload twice.
        if wrote { token = (try? store.changeToken()) ?? token }
        return ran
    }

    private func draw() {
        var frame = Frame(size: terminal.size)
        AppScreen.render(state, into: &frame)
        terminal.draw(frame)
        needsDraw = false
        lastDraw = effects.context.clock.now()
        framesDrawn += 1
    }
}
