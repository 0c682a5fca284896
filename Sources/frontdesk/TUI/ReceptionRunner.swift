import Foundation
import FrontDeskDomain
import FrontDeskStore
import FrontDeskUI
import TerminalKit

/// The main loop of the reception screen: reads events, runs `update`, performs its effects
/// against the store and feeds the results back, and draws a whole frame after every change.
///
/// Other terminals' writes are noticed by polling the store's change token (`PRAGMA
/// data_version`) every `pollInterval`; the clock ticks once per second for waiting times.
final class ReceptionRunner {
    let db: AppDatabase
    let terminal: Terminal
    let actor: Actor
    let calendar: CenterCalendar
    /// How often to look for other terminals' writes, in seconds.
    let pollInterval: TimeInterval = 0.5

    init(db: AppDatabase, terminal: Terminal, actor: Actor, calendar: CenterCalendar) {
        self.db = db
        self.terminal = terminal
        self.actor = actor
        self.calendar = calendar
    }

    func run(_ initial: ReceptionScreen.State) {
        var state = initial
        var pending = ReceptionScreen.start(state)
        var token = (try? db.changeToken()) ?? 0
        var lastPoll = Date()
        var lastTick = Date()
        while !state.quitRequested {
            // Perform effects until none are left; each result is an event.
            while !pending.isEmpty {
                let effect = pending.removeFirst()
                if effect == .quit { return }
                if let event = perform(effect, state: state) {
                    pending += ReceptionScreen.update(&state, event)
                }
            }
            if state.quitRequested { return }
            draw(state)
            let event = terminal.nextEvent(timeoutMilliseconds: 250)
            let now = Date()
            switch event {
            case .key(let key)?:
                pending += ReceptionScreen.update(&state, .key(key))
            case .resize(let size)?:
                pending += ReceptionScreen.update(&state, .resized(size))
            case nil:
                break
            }
            if now.timeIntervalSince(lastTick) >= 1 || event != nil {
                lastTick = now
                pending += ReceptionScreen.update(&state, .tick(now))
            }
            if now.timeIntervalSince(lastPoll) >= pollInterval {
                lastPoll = now
                if let current = try? db.changeToken(), current != token {
                    token = current
                    pending += ReceptionScreen.update(&state, .dataChanged)
                }
            }
            // Our own writes change the token too; absorb them so they don't reload twice.
            if pending.contains(where: { if case .loadQueue = $0 { true } else { false } }) {
                token = (try? db.changeToken()) ?? token
            }
        }
    }

    private func draw(_ state: ReceptionScreen.State) {
        var frame = Frame(size: terminal.size)
        var shown = state
        shown.size = frame.size
        ReceptionScreen.render(shown, into: &frame)
        terminal.draw(frame)
    }

    /// Runs one effect against the store; the result comes back as an event.
    private func perform(_ effect: ReceptionScreen.Effect, state: ReceptionScreen.State) -> ReceptionScreen.Event? {
        let now = Date()
        do {
            switch effect {
            case .loadQueue(let day):
                return .queueLoaded(try db.queue(on: day), try db.queueCounts(on: day))
            case .search(let query, let limit):
                return .searchCompleted(query: query, results: try db.searchVisitors(query, limit: limit))
            case .register(let visitor):
                return .visitorRegistered(try db.register(visitor, by: actor, at: now))
            case .checkIn(let visitorId, let category):
                let visit = try db.checkIn(visitorId: visitorId, category: category, by: actor, at: now)
                guard let visitor = try db.visitor(id: visitorId) else { return .failed(.queue(.visitorNotFound)) }
                return .checkedIn(visit, visitor)
            case .callNext(let category):
                return .ticketCalled(try db.callNext(category: category, by: actor, at: now))
            case .close(let visitId, let outcome):
                return .visitClosed(try db.close(visitId: visitId, outcome: outcome, by: actor, at: now))
            case .quit:
                return nil
            }
        } catch let error as QueueError {
            return .failed(.queue(error))
        } catch let error as VisitorValidationError {
            return .failed(.validation(error))
        } catch let error as StoreError {
            return .failed(.store(error.message))
        } catch {
            return .failed(.store(state.strings("error.store")))
        }
    }
}
