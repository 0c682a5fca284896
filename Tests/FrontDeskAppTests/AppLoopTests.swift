import Foundation
import FrontDeskApp
import FrontDeskDomain
import FrontDeskStore
import FrontDeskUI
import TerminalKit
import Testing

/// The whole loop on a headless terminal: keys in, frames out, effects against a real file.
@Suite struct AppLoopTests {
    init() { TerminalLocale.useUTF8ForTests() }

    /// Steps until the terminal's queued keys are used up and their effects performed (each
    /// step reads at most one key; the fixed clock brings no tick or poll of its own).
    static func settle(_ loop: AppLoop, steps: Int = 40) -> Bool {
        for _ in 0..<steps { guard loop.step(timeoutMilliseconds: 0) else { return false } }
        return true
    }

    static func text(_ terminal: HeadlessTerminal) -> String { terminal.screenText.joined(separator: "\n") }

    @Test func signInSeeTheReceptionAndQuit() throws {
        let center = try TestCenter()
        let waiting = try center.register("Youssef", "Alaoui")
        _ = try center.db.checkIn(visitorId: waiting.id, category: .social, by: AppFixture.setup, at: AppFixture.now.addingTimeInterval(-900))
        let terminal = HeadlessTerminal(size: Size(width: 80, height: 24))
        let loop = AppLoop(state: AppFixture.appState(), context: center.context(), terminal: terminal)

        #expect(Self.settle(loop))
        #expect(Self.text(terminal).contains("Who are you?"))
        #expect(!Self.text(terminal).contains("Youssef"))

        // Amina is first in the list; her PIN, then Enter.
        for c in "1111" { terminal.enqueue(.key(.character(c))) }
        terminal.enqueue(.key(.enter))
        #expect(Self.settle(loop))
        #expect(loop.state.session == center.receptionist)
        let reception = Self.text(terminal)
        #expect(reception.contains("FrontDesk · Reception"))
        #expect(reception.contains("Desk 1 · Amina"))
        #expect(reception.contains("S-001 Youssef Alaoui"))
        #expect(reception.contains("15 min"))

        // F10, then yes: the loop ends and the session's end is recorded.
        terminal.enqueue(.key(.function(10)), .key(.character("y")))
        #expect(!Self.settle(loop))
        #expect(loop.state.quitRequested)
        loop.finish()
        let trail = try center.trail().filter { $0.entity == "staff" && $0.entityId == center.receptionist.id && $0.action != .staffAdded }
        #expect(trail.map(\.action) == [.signedIn, .signedOut])
        #expect(trail.last?.detail == "quit")
        #expect(trail.allSatisfy { $0.actor == Actor(name: "Amina", terminal: "pts/test") && $0.at == AppFixture.now })
    }

    @Test func anotherTerminalsWriteIsNoticedAndOurOwnIsAbsorbed() throws {
        let center = try TestCenter()
        let clock = SteppedClock(AppFixture.now)
        let terminal = HeadlessTerminal(size: Size(width: 80, height: 24))
        let loop = AppLoop(state: AppFixture.appState(session: center.receptionist), context: center.context(clock: clock.clock),
                           terminal: terminal)
        #expect(Self.settle(loop, steps: 3))
        #expect(Self.text(terminal).contains("Waiting 0"))
        // Another terminal checks a visitor in; the next poll (half a second on) reloads.
        let visitor = try center.register("Lina")
        _ = try center.db.checkIn(visitorId: visitor.id, category: .psychological, by: AppFixture.setup, at: AppFixture.now)
        #expect(Self.settle(loop, steps: 2))
        #expect(!Self.text(terminal).contains("P-001"))
        clock.advance(1)
        #expect(Self.settle(loop, steps: 3))
        #expect(Self.text(terminal).contains("P-001 Lina"))
        #expect(Self.text(terminal).contains("Waiting 1"))
    }

    /// An idle terminal draws once every few seconds (and when the minute changes), not on
    /// every turn; a key, another terminal's write and the waits' minutes still show.
    @Test func anIdleTerminalDrawsRarelyAndStillShowsWhatChanges() throws {
        let center = try TestCenter()
        let visitor = try center.register("Youssef", "Alaoui")
        _ = try center.db.checkIn(visitorId: visitor.id, category: .social, by: AppFixture.setup, at: AppFixture.now)
        let clock = SteppedClock(AppFixture.now)
        let terminal = HeadlessTerminal(size: Size(width: 80, height: 24))
        let loop = AppLoop(state: AppFixture.appState(session: center.receptionist), context: center.context(clock: clock.clock),
                           terminal: terminal)
        #expect(Self.settle(loop, steps: 3))
        #expect(Self.text(terminal).contains("0 min"))
        // 100 idle seconds (the desk locks at 120), a turn every quarter second as the program runs.
        let before = loop.framesDrawn
        for _ in 0..<400 {
            clock.advance(0.25)
            _ = loop.step(timeoutMilliseconds: 0)
        }
        let idleFrames = loop.framesDrawn - before
        #expect(idleFrames <= 100 / Int(AppLoop.idleRedrawInterval) + 3, "\(idleFrames) frames in 100 idle seconds, not 400")
        #expect(idleFrames >= 100 / (Int(AppLoop.idleRedrawInterval) + 2), "the clock and the waits still move")
        #expect(Self.text(terminal).contains("1 min"))
        // A key is drawn at once.
        terminal.enqueue(.key(.character("y")))
        #expect(Self.settle(loop, steps: 2))
        #expect(Self.text(terminal).contains("/ y"))
    }
}

/// A clock that tests move by hand.
final class SteppedClock: @unchecked Sendable {
    private let lock = NSLock()
    private var instant: Date

    init(_ start: Date) { instant = start }

    func advance(_ seconds: TimeInterval) {
        lock.lock(); defer { lock.unlock() }
        instant.addTimeInterval(seconds)
    }

    var clock: AppClock {
        AppClock { [self] in
            lock.lock(); defer { lock.unlock() }
            return instant
        }
    }
}
