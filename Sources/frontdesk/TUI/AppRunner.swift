import Foundation
import FrontDeskDomain
import FrontDeskStore
import FrontDeskUI
import TerminalKit

/// The main loop of the TUI: reads events, runs `AppScreen.update`, performs every screen's
/// effects against the store (through the repository protocols) and feeds the results back as
/// events, and draws a whole frame after every change.
///
/// Other terminals' writes are noticed by polling the store's change token (`PRAGMA
/// data_version`) every `pollInterval`, for whichever screen is shown; the clock ticks once per
/// second.
final class AppRunner {
    let db: AppDatabase
    let terminal: Terminal
    /// This terminal (desk name and tty); the audit trail names the signed-in member at it.
    let terminalActor: Actor
    let calendar: CenterCalendar
    /// Who acts: the signed-in member at this terminal. Set when a session opens.
    private var actor: Actor
    /// Who reads: the signed-in member's role; nobody (no reads) while signed out.
    private var viewer: Viewer?
    /// The signed-in member's id; nil while signed out.
    private var sessionMember: Int64?
    /// How often to look for other terminals' writes, in seconds.
    let pollInterval: TimeInterval = 0.5

    init(db: AppDatabase, terminal: Terminal, actor: Actor, calendar: CenterCalendar) {
        self.db = db
        self.terminal = terminal
        self.terminalActor = actor
        self.actor = actor
        self.calendar = calendar
    }

    func run(_ initial: AppScreen.State) {
        var state = initial
        // Leaving the program ends the session too: the trail shows when, as ^O and a kiosk lock do.
        defer {
            if let member = state.session {
                try? db.recordSignOut(member, reason: "quit", terminal: terminalActor.terminal, at: Date())
            }
        }
        var pending = AppScreen.start(&state)
        if state.shown != .reception { pending += AppScreen.update(&state, .dataChanged) }
        var token = (try? db.changeToken()) ?? 0
        var lastPoll = Date()
        var lastTick = Date()
        while !state.quitRequested {
            // Perform effects until none are left; each result is an event.
            var wrote = false
            while !pending.isEmpty {
                let effect = pending.removeFirst()
                actor = Actor(name: state.session?.name ?? terminalActor.name, terminal: terminalActor.terminal)
                viewer = state.viewer
                if sessionMember != state.session?.id { lastOpening = nil }
                sessionMember = state.session?.id
                wrote = wrote || Self.writes(effect)
                if let event = perform(effect, state: state) {
                    pending += AppScreen.update(&state, event)
                }
            }
            // Our own writes change the token too; absorb them so they don't reload twice.
            if wrote { token = (try? db.changeToken()) ?? token }
            if state.quitRequested { return }
            draw(state)
            let event = terminal.nextEvent(timeoutMilliseconds: 250)
            let now = Date()
            switch event {
            case .key(let key)?:
                pending += AppScreen.update(&state, .key(key))
            case .resize(let size)?:
                pending += AppScreen.update(&state, .resized(size))
            case nil:
                break
            }
            if now.timeIntervalSince(lastTick) >= 1 || event != nil {
                lastTick = now
                pending += AppScreen.update(&state, .tick(now))
            }
            if now.timeIntervalSince(lastPoll) >= pollInterval {
                lastPoll = now
                if let current = try? db.changeToken(), current != token {
                    token = current
                    pending += AppScreen.update(&state, .dataChanged)
                }
            }
        }
    }

    private func draw(_ state: AppScreen.State) {
        var frame = Frame(size: terminal.size)
        AppScreen.render(state, into: &frame)
        terminal.draw(frame)
    }

    /// True for effects that write to the database.
    static func writes(_ effect: AppScreen.Effect) -> Bool {
        switch effect {
        case .reception(let e):
            switch e {
            case .register, .checkIn, .callNext, .close: return true
            default: return false
            }
        case .booking(let e):
            switch e {
            case .book, .reschedule, .cancel, .enroll, .cancelEnrollment: return true
            default: return false
            }
        case .schedule(let e):
            switch e {
            case .setStatus, .correctStatus, .saveNote: return true
            default: return false
            }
        case .admin(let e):
            if case .load = e { return false }
            return true
        case .occupancy:
            return false
        case .signIn(let e):
            switch e {
            case .signIn, .createFirstAdmin: return true
            default: return false
            }
        case .signedOut:
            return true
        }
    }

    /// Runs one effect against the store; the result comes back as an event.
    private func perform(_ effect: AppScreen.Effect, state: AppScreen.State) -> AppScreen.Event? {
        switch effect {
        case .reception(let e): return perform(e, strings: state.strings).map(AppScreen.Event.reception)
        case .booking(let e): return .booking(perform(e, strings: state.strings))
        case .schedule(let e): return .schedule(perform(e, strings: state.strings))
        case .admin(let e): return .admin(perform(e, strings: state.strings))
        case .occupancy(let e): return perform(e, strings: state.strings).map(AppScreen.Event.occupancy)
        case .signIn(let e): return .signIn(perform(e, strings: state.strings))
        case .signedOut(let member, let reason):
            try? db.recordSignOut(member, reason: reason, terminal: terminalActor.terminal, at: Date())
            return nil
        }
    }

    // MARK: Sign-in

    private func perform(_ effect: SignInScreen.Effect, strings: Localizer) -> SignInScreen.Event {
        let now = Date()
        do {
            switch effect {
            case .loadStaff:
                return .staffLoaded(try db.staff())
            case .signIn(let staffId, let pin, let kioskQuit):
                let member = try db.signIn(staffId: staffId, pin: pin, purpose: kioskQuit ? .kioskQuit : .session,
                                           terminal: terminalActor.terminal, at: now)
                return kioskQuit ? .quitAuthorized(member) : .signedIn(member)
            case .createFirstAdmin(let name, let pin):
                // Only on a database with no staff at all: the store refuses otherwise.
                return .firstAdminCreated(try db.addFirstAdmin(name: name, pin: pin, by: terminalActor, at: now))
            case .loadTickets:
                let queue = try db.queue(on: calendar.localDate(of: now))
                let called = queue.filter { $0.visit.calledAt != nil && $0.visit.outcome == nil }
                    .sorted { ($0.visit.calledAt ?? now) > ($1.visit.calledAt ?? now) }.map { $0.visit.ticket.description }
                let waiting = queue.filter { $0.visit.calledAt == nil && $0.visit.outcome == nil }.map { $0.visit.ticket.description }
                return .ticketsLoaded(called: called, waiting: waiting)
            }
        } catch let error as SignInError {
            return .refused(error)
        } catch let error as StaffError {
            return .failed(error.description)
        } catch let error as AccessError {
            return .failed(error.description)
        } catch {
            return .failed(strings("error.store"))
        }
    }

    /// The visitor whose record this session last opened (session member id, visitor id).
    private var lastOpening: (member: Int64, visitor: Int64)?

    /// Writes a `visitor.opened` event when the signed-in member opens a visitor's record (their
    /// appointments on the booking screen): once per visitor in a row, not at every refresh.
    private func recordOpening(visitorId: Int64, at now: Date) throws {
        guard let member = sessionMember else { return }
        if let last = lastOpening, last.member == member, last.visitor == visitorId { return }
        try db.recordVisitorOpened(id: visitorId, by: actor, at: now)
        lastOpening = (member, visitorId)
    }

    /// The signed-in member's viewer. - Throws: `AccessError` when nobody is signed in (a
    /// result arriving after a lock must not read anything).
    private func reader() throws -> Viewer {
        guard let viewer else { throw AccessError.notAllowed("signed out") }
        return viewer
    }

    /// Turns a thrown error into the failure the scheduling screens show.
    private func failure(_ error: Error, _ strings: Localizer) -> SchedulingFailure {
        switch error {
        case let e as BookingError: .booking(e)
        case let e as SchedulingError: .scheduling(e)
        case let e as StoreError: .store(e.message)
        case let e as AccessError: .store(e.description)
        case let e as StaffError: .store(e.description)
        default: .store(strings("error.store"))
        }
    }

    // MARK: Booking

    private func perform(_ effect: BookingScreen.Effect, strings: Localizer) -> BookingScreen.Event {
        let now = Date()
        do {
            switch effect {
            case .loadCatalog:
                return .catalogLoaded(services: try db.services(), counselors: try db.counselors(includeInactive: false),
                                      rooms: try db.rooms(includeInactive: true))
            case .search(let query, let limit):
                return .searchCompleted(query: query, results: try db.searchVisitors(query, limit: limit, as: try reader()))
            case .loadVisitor(let id):
                guard let v = try db.visitor(id: id) else { return .failed(.scheduling(.visitorNotFound(id))) }
                return .visitorLoaded(v)
            case .loadAppointments(let visitorId):
                let viewer = try reader()
                try recordOpening(visitorId: visitorId, at: now)
                return .appointmentsLoaded(visitorId: visitorId, try db.appointments(visitorId: visitorId, limit: 200, as: viewer))
            case .findSlots(let query):
                return .slotsFound(query, try db.freeSlots(query, now: now))
            case .findSessions(let query):
                let span = UTCInterval(start: calendar.startOfDay(query.from), end: calendar.startOfDay(query.through.adding(days: 1)))
                return .sessionsFound(query, try db.groupSessions(serviceId: query.serviceId, overlapping: span))
            case .enroll(let visitorId, let sessionId):
                let outcome = try db.enroll(visitorId: visitorId, sessionId: sessionId, by: actor, at: now)
                guard let session = try db.groupSession(id: sessionId) else { return .failed(.scheduling(.groupSessionNotFound(sessionId))) }
                return .enrolled(session.appointment, outcome)
            case .cancelEnrollment(let visitorId, let sessionId):
                let promoted = try db.cancelEnrollment(visitorId: visitorId, sessionId: sessionId, by: actor, at: now)
                return .enrollmentCancelled(sessionId: sessionId, promoted: try promoted.flatMap { try db.visitor(id: $0) })
            case .book(let appointment):
                return .booked(try db.book(appointment, by: actor, at: now))
            case .reschedule(let id, let start, let counselorId, let roomId):
                return .rescheduled(try db.reschedule(appointmentId: id, to: start, counselorId: counselorId, roomId: roomId, as: try reader(), by: actor, at: now))
            case .cancel(let id, let reason):
                return .cancelled(try db.cancel(appointmentId: id, reason: reason, as: try reader(), by: actor, at: now))
            }
        } catch {
            return .failed(failure(error, strings))
        }
    }

    // MARK: Schedule

    private func perform(_ effect: ScheduleScreen.Effect, strings: Localizer) -> ScheduleScreen.Event {
        let now = Date()
        do {
            switch effect {
            case .loadCounselors:
                return .counselorsLoaded(try db.counselors(includeInactive: false))
            case .loadAgenda(let request):
                let interval = UTCInterval(start: calendar.startOfDay(request.from), end: calendar.startOfDay(request.through.adding(days: 1)))
                return .agendaLoaded(request, try db.appointments(counselorId: request.counselorId, overlapping: interval, as: try reader()))
            case .setStatus(let id, let status):
                return .statusChanged(try db.setStatus(appointmentId: id, to: status, as: try reader(), by: actor, at: now))
            case .correctStatus(let id, let status, let reason):
                return .statusCorrected(try db.correctStatus(appointmentId: id, to: status, reason: reason, as: try reader(), by: actor, at: now))
            case .saveNote(let id, let text):
                try db.saveCounselorNote(appointmentId: id, note: text, as: try reader(), by: actor, at: now)
                return .noteSaved(appointmentId: id)
            }
        } catch {
            return .failed(failure(error, strings))
        }
    }

    // MARK: Occupancy

    private func perform(_ effect: OccupancyScreen.Effect, strings: Localizer) -> OccupancyScreen.Event? {
        switch effect {
        case .load(let request):
            do {
                let settings = try db.centerSettings()
                let period = request.span == .week ? ReportingPeriod.week(containing: request.anchor, settings: settings)
                    : ReportingPeriod.month(containing: request.anchor)
                return .loaded(request, try db.occupancy(period))
            } catch let error as StoreError {
                return .failed(error.message)
            } catch {
                return .failed(strings("error.store"))
            }
        }
    }

    // MARK: Admin

    private func perform(_ effect: AdminScreen.Effect, strings s: Localizer) -> AdminScreen.Event {
        let now = Date()
        do {
            switch effect {
            case .load:
                let today = calendar.localDate(of: now)
                let window = UTCInterval(start: calendar.startOfDay(today.adding(days: -31)), end: calendar.startOfDay(today.adding(days: 731)))
                return .loaded(AdminScreen.Data(
                    counselors: try db.counselors(includeInactive: true), rooms: try db.rooms(includeInactive: true),
                    closures: try db.closures(from: today.adding(days: -31), through: today.adding(days: 731)),
                    services: try db.services(), absences: try db.absences(counselorId: nil, overlapping: window),
                    staff: try db.staff(includeInactive: true)))
            case .saveCounselor(let c):
                return .saved(s("admin.saved", try db.saveCounselor(c, by: actor, at: now).name))
            case .removeCounselor(let id):
                return .saved(s("admin.removed.\(try db.removeCounselor(id: id, by: actor, at: now).rawValue)"))
            case .saveRoom(let r):
                return .saved(s("admin.saved", try db.saveRoom(r, by: actor, at: now).name))
            case .removeRoom(let id):
                return .saved(s("admin.removed.\(try db.removeRoom(id: id, by: actor, at: now).rawValue)"))
            case .saveClosure(let c):
                return .saved(s("admin.saved", try db.saveClosure(c, by: actor, at: now).label))
            case .removeClosure(let id):
                try db.removeClosure(id: id, by: actor, at: now)
                return .saved(s("admin.removed.deleted"))
            case .saveAbsence(let a):
                return .saved(s("admin.saved", try db.saveAbsence(a, by: actor, at: now).reason))
            case .removeAbsence(let id):
                try db.removeAbsence(id: id, by: actor, at: now)
                return .saved(s("admin.removed.deleted"))
            case .setServiceActive(let id, let active):
                let service = try db.setServiceActive(id: id, active: active, by: actor, at: now)
                return .saved(s("admin.saved", s.serviceName(service)))
            case .disableStaff(let name):
                try db.disableStaff(named: name, by: actor, at: now)
                return .saved(s("admin.staffDisabled", name))
            }
        } catch {
            return .failed(failure(error, s))
        }
    }

    // MARK: Reception

    private func perform(_ effect: ReceptionScreen.Effect, strings: Localizer) -> ReceptionScreen.Event? {
        let now = Date()
        do {
            switch effect {
            case .loadQueue(let day):
                return .queueLoaded(try db.queue(on: day), try db.queueCounts(on: day))
            case .loadExpected(let day):
                let interval = db.calendar.interval(of: day)
                return .expectedLoaded(try db.appointments(counselorId: nil, overlapping: UTCInterval(start: interval.lowerBound, end: interval.upperBound),
                                                           as: try reader()))
            case .markArrived(let appointmentId):
                return .arrivalMarked(try db.setStatus(appointmentId: appointmentId, to: .checkedIn, as: try reader(), by: actor, at: now))
            case .search(let query, let limit):
                return .searchCompleted(query: query, results: try db.searchVisitors(query, limit: limit, as: try reader()))
            case .register(let visitor):
                return .visitorRegistered(try db.register(visitor, by: actor, at: now))
            case .checkIn(let visitorId, let category):
                let visit = try db.checkIn(visitorId: visitorId, category: category, by: actor, at: now)
                guard let visitor = try db.visitor(id: visitorId) else { return .failed(.queue(.visitorNotFound)) }
                return .checkedIn(visit, visitor)
            case .callNext(let category):
                // The ticket names the desk (where the visitor goes); the audit trail, who called.
                return .ticketCalled(try db.callNext(category: category, by: actor, desk: terminalActor.name, at: now))
            case .close(let visitId, let outcome):
                return .visitClosed(try db.close(visitId: visitId, outcome: outcome, by: actor, at: now))
            }
        } catch let error as QueueError {
            return .failed(.queue(error))
        } catch let error as VisitorValidationError {
            return .failed(.validation(error))
        } catch let error as StoreError {
            return .failed(.store(error.message))
        } catch let error as BookingError {
            return .failed(.store(strings.message(for: .booking(error), calendar: calendar)))
        } catch let error as SchedulingError {
            return .failed(.store(strings.message(for: .scheduling(error), calendar: calendar)))
        } catch {
            return .failed(.store(strings("error.store")))
        }
    }
}
