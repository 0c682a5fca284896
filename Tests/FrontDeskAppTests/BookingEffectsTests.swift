import Foundation
import FrontDeskApp
import FrontDeskDomain
import FrontDeskStore
import FrontDeskUI
import Testing

@Suite struct BookingEffectsTests {
    @Test func bookingThenCancelling() throws {
        let center = try TestCenter()
        var booking = BookingEffects(center.context())
        let amina = Session(member: center.receptionist)
        let visitor = try center.register("Youssef", "Alaoui")
        let start = try center.instant(AppFixture.today.adding(days: 1), "10:00")
        let new = NewAppointment(visitorId: visitor.id, serviceId: "consult-45", counselorId: center.leila.id, start: start)
        guard case .booked(let booked)? = booking.perform(.book(new), for: amina) else { Issue.record("not booked"); return }
        #expect(booked.status == .booked)
        #expect(booked.appointment.interval == UTCInterval(start: start, minutes: 45))
        #expect(booked.roomName == "Salle 2")
        // The same slot again is refused by the rules, as a booking failure the screen words.
        guard case .failed(.booking(let refusal))? = booking.perform(.book(new), for: amina) else { Issue.record("booked twice"); return }
        guard case .refused(let problems) = refusal else { Issue.record("\(refusal)"); return }
        #expect(!problems.isEmpty)

        guard case .cancelled(let cancelled)? = booking.perform(.cancel(appointmentId: booked.id, reason: "visitor ill"), for: amina) else {
            Issue.record("not cancelled"); return
        }
        #expect(cancelled.status == .cancelled)
        let trail = try center.trail(visitor: visitor.id).filter { $0.entity == "appointment" }
        #expect(trail.map(\.action) == [.appointmentBooked, .appointmentCancelled])
        #expect(trail.allSatisfy { $0.actor == Actor(name: "Amina", terminal: "pts/test") && $0.at == AppFixture.now })
    }

    @Test func changesAreMadeAsTheSignedInMember() throws {
        let center = try TestCenter()
        let visitor = try center.register("Samrawit")
        let start = try center.instant(AppFixture.today.adding(days: 1), "10:00")
        let booked = try center.db.book(NewAppointment(visitorId: visitor.id, serviceId: "consult-45", counselorId: center.leila.id, start: start),
                                        by: AppFixture.setup, at: AppFixture.now)
        var booking = BookingEffects(center.context())
        // A coordinator sees no person, so may not cancel: the store says so inside its transaction.
        guard case .failed(.store(let text))? = booking.perform(.cancel(appointmentId: booked.id, reason: "x"), for: Session(member: center.coordinator)) else {
            Issue.record("cancelled by a coordinator"); return
        }
        #expect(!text.isEmpty)
        #expect(try center.db.appointment(id: booked.id, as: .fileOwner)?.status == .booked)
    }

    @Test func openingAVisitorsAppointmentsIsAuditedOncePerVisitorInARow() throws {
        let center = try TestCenter()
        let youssef = try center.register("Youssef"), lina = try center.register("Lina")
        var effects = AppEffects(center.context())
        let signedIn = AppFixture.appState(session: center.receptionist)
        func open(_ v: Visitor, in state: AppScreen.State) { _ = effects.perform(.booking(.loadAppointments(visitorId: v.id)), in: state) }
        func openings(_ v: Visitor) throws -> Int {
            let trail = try center.trail(visitor: v.id)
            return trail.filter { $0.action == .visitorOpened }.count
        }

        open(youssef, in: signedIn)
        open(youssef, in: signedIn)
        #expect(try openings(youssef) == 1)
        open(lina, in: signedIn)
        open(youssef, in: signedIn)
        #expect(try openings(lina) == 1)
        #expect(try openings(youssef) == 2)
        // A new session (even the same member's, after a lock) opens the record afresh.
        _ = effects.perform(.signIn(.loadStaff), in: AppFixture.appState())
        open(youssef, in: signedIn)
        #expect(try openings(youssef) == 3)
        #expect(try center.trail(visitor: youssef.id).last?.actor == Actor(name: "Amina", terminal: "pts/test"))
    }

    @Test func slotsAndSessionsAreFoundFromTheClock() throws {
        let center = try TestCenter()
        var booking = BookingEffects(center.context())
        let amina = Session(member: center.receptionist)
        let service = try #require(AppFixture.services.first { $0.id == "consult-30" })
        let query = SlotQuery(service: service, from: AppFixture.today, through: AppFixture.today, limit: 3)
        guard case .slotsFound(_, let slots)? = booking.perform(.findSlots(query), for: amina) else { Issue.record("no slots"); return }
        // None before now (10:00 on the fixed clock).
        #expect(slots.count == 3)
        #expect(slots.allSatisfy { $0.interval.start >= AppFixture.now })
        guard case .sessionsFound(_, let sessions)? = booking.perform(
            .findSessions(BookingScreen.SessionQuery(serviceId: "group", from: AppFixture.today, through: AppFixture.today.adding(days: 7))), for: amina)
        else { Issue.record("no sessions"); return }
        #expect(sessions.isEmpty)
    }
}
