import Foundation
import FrontDeskDomain
import FrontDeskUI
import TerminalKit
import Testing

/// 80x24 snapshots of the booking screen on a group service: the sessions with seats left or
/// "full · N on waitlist", the visitor's seat and waitlist place among their appointments, the
/// enrollment dialog (a seat, or the waitlist) and giving up a seat.
@Suite(.serialized) struct BookingGroupSnapshotTests {
    typealias B = BookingScreen

    init() { TerminalLocale.useUTF8ForTests() }

    /// Aïssatou (visitor 3, accented name) on the support group: waiting first for the full
    /// session, about to book the open one; Youssef's counselor has an Arabic name.
    func state(_ language: UILanguage = .en) -> Harness<B> {
        var state = Sched.booking(language: language)
        _ = B.update(&state, .catalogLoaded(services: Sched.services, counselors: Sched.counselors, rooms: Sched.rooms))
        _ = B.update(&state, .key(.character("a")))
        _ = B.update(&state, .searchCompleted(query: "a", results: [Fixture.aissatou, Fixture.youssef]))
        _ = B.update(&state, .key(.enter))
        _ = B.update(&state, .key(.down))
        _ = B.update(&state, .key(.down))
        if let q = state.sessionQuery { _ = B.update(&state, .sessionsFound(q, Sched.sessions)) }
        _ = B.update(&state, .appointmentsLoaded(visitorId: 3, [
            Sched.place(Sched.fullSession, .waitlisted(position: 1)),
            Sched.listing(8, Fixture.aissatou, date: "2026-04-16", time: "10:00"),
        ]))
        _ = B.update(&state, .key(.enter))
        return state
    }

    func frame(_ state: Harness<B>) -> Frame { Sched.render { B.render(state, into: &$0) } }

    @Test func sessionsWithSeatsLeftAndTheVisitorsWaitlistPlace() throws {
        var state = state()
        _ = B.update(&state, .key(.down))
        let f = frame(state)
        try Snapshot.assert(f, named: "booking-sessions")
        #expect(f.text.contains("waitlist, position 1"))
        #expect(f.text.contains("2 seats left"))
        #expect(f.text.contains("waitlist #1"))
        try Snapshot.assert(frame(self.state(.fr)), named: "booking-sessions-fr")
    }

    @Test func enrollDialogs() throws {
        var state = state()
        _ = B.update(&state, .key(.down))
        _ = B.update(&state, .key(.enter))
        try Snapshot.assert(frame(state), named: "booking-enroll")
        _ = B.update(&state, .key(.enter))
        let after = Sched.session(12, date: "2026-04-22", time: "14:00", enrolled: [2, 3], counselor: Sched.youssef)
        _ = B.update(&state, .enrolled(after.appointment, .enrolled))
        if let q = state.sessionQuery { _ = B.update(&state, .sessionsFound(q, [Sched.fullSession, after])) }
        _ = B.update(&state, .appointmentsLoaded(visitorId: 3, [
            Sched.place(after, .enrolled), Sched.place(Sched.fullSession, .waitlisted(position: 1)),
            Sched.listing(8, Fixture.aissatou, date: "2026-04-16", time: "10:00"),
        ]))
        try Snapshot.assert(frame(state), named: "booking-enrolled")
    }

    /// Youssef on the full session: the dialog says he goes on the waitlist, at which place.
    @Test func fullSessionWaitlistDialog() throws {
        var state = Sched.booking()
        _ = B.update(&state, .catalogLoaded(services: Sched.services, counselors: Sched.counselors, rooms: Sched.rooms))
        _ = B.update(&state, .key(.character("y")))
        _ = B.update(&state, .searchCompleted(query: "y", results: [Fixture.youssef]))
        _ = B.update(&state, .key(.enter))
        _ = B.update(&state, .key(.down))
        _ = B.update(&state, .key(.down))
        if let q = state.sessionQuery { _ = B.update(&state, .sessionsFound(q, Sched.sessions)) }
        _ = B.update(&state, .key(.enter))
        _ = B.update(&state, .key(.enter))
        try Snapshot.assert(frame(state), named: "booking-enroll-waitlist")
    }

    /// Samrawit gives up her seat in the full session: the first waiting gets it.
    @Test func cancellingASeatPromotes() throws {
        var state = Sched.booking()
        _ = B.update(&state, .catalogLoaded(services: Sched.services, counselors: Sched.counselors, rooms: Sched.rooms))
        _ = B.update(&state, .openFor(visitorId: 2))
        _ = B.update(&state, .visitorLoaded(Fixture.samrawit))
        _ = B.update(&state, .appointmentsLoaded(visitorId: 2, [Sched.place(Sched.fullSession, .enrolled)]))
        _ = B.update(&state, .key(.backTab))
        _ = B.update(&state, .key(.backTab))
        _ = B.update(&state, .key(.delete))
        try Snapshot.assert(frame(state), named: "booking-enrollment-cancel")
        _ = B.update(&state, .key(.enter))
        _ = B.update(&state, .enrollmentCancelled(sessionId: 11, promoted: Fixture.aissatou))
        _ = B.update(&state, .appointmentsLoaded(visitorId: 2, []))
        let f = frame(state)
        try Snapshot.assert(f, named: "booking-enrollment-promoted")
        #expect(f.text.contains("Aïssatou Diallo-Ndiaye Traoré gets the seat from the waitlist"))
    }
}
