import Foundation
import FrontDeskDomain
import FrontDeskUI
import TerminalKit
import Testing

/// Booking reducer for group services: the sessions instead of free slots, enrolling or
/// waitlisting, the visitor's places, giving one up and who gets the seat.
struct BookingGroupUpdateTests {
    typealias B = BookingScreen

    func send(_ state: inout Harness<B>, _ keys: Key...) -> [B.Effect] {
        keys.flatMap { B.update(&state, .key($0)) }
    }

    /// The sessions of the support group over the 14 days from Tue 14 April.
    let query = B.SessionQuery(serviceId: "psychosocial-support-group", from: LocalDate(year: 2026, month: 4, day: 14),
                               through: LocalDate(year: 2026, month: 4, day: 27))

    /// The catalog loaded, Youssef (visitor 1) chosen, focus on the services.
    func chosen() -> Harness<B> {
        var state = Sched.booking()
        _ = B.update(&state, .catalogLoaded(services: Sched.services, counselors: Sched.counselors, rooms: Sched.rooms))
        _ = send(&state, .character("y"))
        _ = B.update(&state, .searchCompleted(query: "y", results: [Fixture.youssef]))
        _ = send(&state, .enter)
        return state
    }

    /// The support group chosen and its sessions loaded, focus on them.
    func sessionsShown() -> Harness<B> {
        var state = chosen()
        _ = send(&state, .down, .down)
        _ = B.update(&state, .sessionsFound(query, Sched.sessions))
        _ = send(&state, .enter)
        return state
    }

    @Test func aGroupServiceListsItsOpenSessionsInsteadOfSlots() {
        var state = chosen()
        #expect(state.categoryServices == [Sched.individual, Sched.firstAid, Sched.group])
        #expect(send(&state, .down) == [.findSlots(SlotQuery(service: Sched.firstAid, from: query.from, through: query.through,
                                                            visitorId: 1, languages: ["ar"], limit: B.slotLimit))])
        // The group service: its sessions are asked for, the slots are dropped.
        #expect(send(&state, .down) == [.findSessions(query)])
        #expect(state.showsSessions)
        #expect(state.slotQuery == nil)
        #expect(state.slots == [])
        // An answer to another query is dropped.
        _ = B.update(&state, .sessionsFound(B.SessionQuery(serviceId: "other", from: query.from, through: query.through), Sched.sessions))
        #expect(state.sessions == [])
        #expect(B.update(&state, .sessionsFound(query, Sched.sessions)) == [])
        // Not the one already started, nor the cancelled one.
        #expect(state.openSessions == [Sched.fullSession, Sched.openSession])
        #expect(state.slotList.count == 2)
        #expect(state.selectedSession == Sched.fullSession)
        #expect(state.selectedSlot == nil)
        // The counselor filter keeps the sessions as loaded, shown for one counselor.
        _ = send(&state, .enter)
        #expect(state.focus == .slots)
        #expect(send(&state, .function(4)) == [])
        #expect(state.counselorFilter == 1)
        #expect(state.openSessions == [Sched.fullSession])
        #expect(BookingKeys.map(for: .slots, sessions: true).command(for: .character("l")) == nil)
        // Back to an individual service: the slots again.
        #expect(send(&state, .function(4)) == [])
        #expect(state.counselorFilter == 2)
        #expect(state.openSessions == [Sched.openSession])
        _ = send(&state, .function(4))
        #expect(state.counselorFilter == nil)
        _ = send(&state, .backTab)
        #expect(send(&state, .up) == [.findSlots(SlotQuery(service: Sched.firstAid, from: query.from, through: query.through,
                                                          visitorId: 1, languages: ["ar"], limit: B.slotLimit))])
        #expect(!state.showsSessions)
        #expect(state.sessionQuery == nil)
        #expect(state.sessions == [])
    }

    @Test func enterOnAFullSessionPutsTheVisitorOnTheWaitlist() {
        var state = sessionsShown()
        #expect(send(&state, .enter) == [])
        #expect(state.modal == .enroll(B.Enrollment(session: Sched.fullSession)))
        if case .enroll(let e) = state.modal { #expect(e.waitlists) }
        #expect(send(&state, .enter) == [.enroll(visitorId: 1, sessionId: 11)])
        #expect(state.modal == .enroll(B.Enrollment(session: Sched.fullSession, sending: true)))
        // A second Enter while the store answers sends nothing.
        #expect(send(&state, .enter) == [])
        let after = Sched.session(11, date: "2026-04-15", time: "14:00", enrolled: [2, 4, 6], waitlist: [3, 1])
        #expect(B.update(&state, .enrolled(after.appointment, .waitlisted(position: 2))) == [.loadAppointments(visitorId: 1), .findSessions(query)])
        #expect(state.modal == nil)
        #expect(state.notice == Notice(.info, "Session full: waitlist position 2: Wed 15 Apr 14:00 · Psychosocial support group · Karima Benali."))
        // Focus goes to the visitor's new place among their appointments: Enter does nothing there.
        #expect(state.focus == .appointments)
        #expect(state.selectedAppointment == Sched.place(after, .waitlisted(position: 2)))
        #expect(send(&state, .enter) == [])
        #expect(state.modal == nil)
        // Back in the sessions, the reloaded session knows the visitor's place: Enter says so and opens nothing.
        _ = B.update(&state, .sessionsFound(query, [after, Sched.openSession]))
        _ = send(&state, .backTab)
        #expect(state.focus == .slots)
        #expect(state.selectedSession == after)
        #expect(send(&state, .enter) == [])
        #expect(state.modal == nil)
        #expect(state.notice == Notice(.error, "Already on this session's waitlist (position 2)."))
    }

    @Test func enterOnASessionWithSeatsEnrollsAndARefusalKeepsTheDialog() {
        var state = sessionsShown()
        _ = send(&state, .down)
        #expect(send(&state, .enter) == [])
        #expect(state.modal == .enroll(B.Enrollment(session: Sched.openSession)))
        if case .enroll(let e) = state.modal { #expect(!e.waitlists) }
        #expect(send(&state, .character("y")) == [.enroll(visitorId: 1, sessionId: 12)])
        // The visitor has another appointment then: refused, the dialog stays with the reason.
        let busy = BookingProblem.conflict(BookingConflict(resource: .visitor(id: 1), appointmentId: 7,
                                                           interval: UTCInterval(start: Sched.at("2026-04-22", "14:30"), minutes: 45)))
        #expect(B.update(&state, .failed(.booking(.refused([busy])))) == [.findSessions(query)])
        let message = "the visitor has an appointment 2026-04-22 14:30–15:15"
        #expect(state.modal == .enroll(B.Enrollment(session: Sched.openSession, error: message)))
        #expect(state.notice == Notice(.error, message))
        #expect(send(&state, .escape) == [])
        #expect(state.modal == nil)
        // Enrolled another time.
        _ = send(&state, .enter)
        _ = send(&state, .enter)
        let after = Sched.session(12, date: "2026-04-22", time: "14:00", enrolled: [2, 1], counselor: Sched.youssef)
        #expect(B.update(&state, .enrolled(after.appointment, .enrolled)) == [.loadAppointments(visitorId: 1), .findSessions(query)])
        #expect(state.notice == Notice(.info, "Enrolled: Wed 22 Apr 14:00 · Psychosocial support group · يوسف العلوي."))
    }

    @Test func theVisitorsPlacesAreAmongTheirAppointmentsAndCancellingOnePromotesTheNext() {
        var state = sessionsShown()
        let seat = Sched.place(Sched.fullSession, .enrolled)
        let waiting = Sched.place(Sched.openSession, .waitlisted(position: 1))
        let individual = Sched.listing(7, Fixture.youssef, date: "2026-04-20", time: "09:00")
        _ = B.update(&state, .appointmentsLoaded(visitorId: 1, [waiting, individual, seat]))
        #expect(state.upcoming == [seat, individual, waiting])
        _ = send(&state, .tab)
        #expect(state.focus == .appointments)
        #expect(state.selectedAppointment == seat)
        // x on a session: give up the seat (no reason asked), never cancel the whole session.
        #expect(send(&state, .delete) == [])
        #expect(state.modal == .cancelEnrollment(seat))
        #expect(send(&state, .enter) == [.cancelEnrollment(visitorId: 1, sessionId: 11)])
        #expect(state.modal == nil)
        #expect(B.update(&state, .enrollmentCancelled(sessionId: 11, promoted: Fixture.aissatou))
                == [.loadAppointments(visitorId: 1), .findSessions(query)])
        #expect(state.notice == Notice(.info, "Aïssatou Diallo-Ndiaye Traoré gets the seat from the waitlist · cancelled: Wed 15 Apr 14:00 · Psychosocial support group · Karima Benali."))
        // Leaving a waitlist promotes nobody; Esc keeps the place; an appointment asks for a reason.
        _ = send(&state, .end, .delete)
        #expect(state.modal == .cancelEnrollment(waiting))
        #expect(send(&state, .escape) == [])
        #expect(state.modal == nil)
        _ = send(&state, .delete, .character("y"))
        #expect(B.update(&state, .enrollmentCancelled(sessionId: 12, promoted: nil)) == [.loadAppointments(visitorId: 1), .findSessions(query)])
        #expect(state.notice == Notice(.info, "Enrollment cancelled: Wed 22 Apr 14:00 · Psychosocial support group · يوسف العلوي."))
        _ = send(&state, .up, .delete)
        guard case .cancel(let a, _)? = state.modal else { Issue.record("no reason dialog"); return }
        #expect(a == individual)
        // A session cannot be moved.
        state.modal = nil
        _ = send(&state, .home, .function(2))
        #expect(state.notice == Notice(.error, "This appointment cannot be moved."))
    }

    @Test func enrollingNeedsAVisitor() {
        var state = Sched.booking()
        _ = B.update(&state, .catalogLoaded(services: Sched.services, counselors: Sched.counselors, rooms: Sched.rooms))
        _ = send(&state, .tab)
        #expect(send(&state, .down, .down) == [.findSlots(SlotQuery(service: Sched.firstAid, from: query.from, through: query.through,
                                                                    limit: B.slotLimit)), .findSessions(query)])
        _ = B.update(&state, .sessionsFound(query, Sched.sessions))
        _ = send(&state, .enter)
        #expect(send(&state, .enter) == [])
        #expect(state.modal == nil)
        #expect(state.focus == .visitor)
        #expect(state.notice == Notice(.error, "Choose a visitor first."))
    }
}
