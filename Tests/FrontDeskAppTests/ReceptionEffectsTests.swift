import Foundation
import FrontDeskApp
import FrontDeskDomain
import FrontDeskStore
import FrontDeskUI
import Testing

@Suite struct ReceptionEffectsTests {
    /// A second registration of one person comes back as candidates, stores nothing; choosing
    /// the record is audited; "a new person" registers it all the same.
    @Test func aResemblingRegistrationComesBackAsCandidates() throws {
        let center = try TestCenter()
        let reception = ReceptionEffects(center.context())
        let amina = Session(member: center.receptionist)
        guard case .visitorRegistered(let first)? = reception.perform(.register(AppFixture.newVisitor("يوسف", "المهاجر")), for: amina) else {
            Issue.record("not registered"); return
        }
        let again = AppFixture.newVisitor("Youssef", "El Mouhajir")
        guard case .possibleDuplicates(let typed, let candidates)? = reception.perform(.register(again), for: amina) else {
            Issue.record("no candidates"); return
        }
        #expect(typed == again && candidates == [first])
        #expect(try center.db.visitorCount() == 1)
        guard case .duplicateChosen(let chosen)? = reception.perform(.chooseExisting(first), for: amina) else {
            Issue.record("not chosen"); return
        }
        #expect(chosen == first)
        #expect(try center.trail(visitor: first.id).map(\.action) == [.visitorRegistered, .visitorDuplicateChosen])
        guard case .visitorRegistered(let second)? = reception.perform(.registerAnyway(again), for: amina) else {
            Issue.record("not registered anyway"); return
        }
        #expect(second.id != first.id)
        #expect(try center.db.visitorCount() == 2)
    }

    @Test func registeringAndCheckingInGivesATicketAndAnAuditRow() throws {
        let center = try TestCenter()
        let reception = ReceptionEffects(center.context())
        let amina = Session(member: center.receptionist)
        guard case .visitorRegistered(let visitor)? = reception.perform(.register(AppFixture.newVisitor("Yasmine", "Haddad")), for: amina) else {
            Issue.record("not registered"); return
        }
        guard case .checkedIn(let visit, let checkedIn)? = reception.perform(.checkIn(visitorId: visitor.id, category: .social), for: amina) else {
            Issue.record("not checked in"); return
        }
        #expect(visit.ticket.description == "S-001")
        #expect(visit.arrivedAt == AppFixture.now)
        #expect(checkedIn == visitor)
        let trail = try center.trail(visitor: visitor.id)
        #expect(trail.map(\.action) == [.visitorRegistered, .visitCheckedIn])
        // The member at this terminal's tty acts, at the clock's instant.
        #expect(trail.allSatisfy { $0.actor == Actor(name: "Amina", terminal: "pts/test") && $0.at == AppFixture.now })

        guard case .queueLoaded(let queue, let counts)? = reception.perform(.loadQueue(AppFixture.today), for: amina) else {
            Issue.record("no queue"); return
        }
        #expect(queue.map(\.visit.ticket.description) == ["S-001"])
        #expect(counts == QueueCounts(waiting: 1, called: 0, closed: 0, checkedInToday: 1))
        // The ticket names the desk; the trail names who called.
        guard case .ticketCalled(let called)? = reception.perform(.callNext(nil), for: amina) else { Issue.record("not called"); return }
        #expect(called.visit.calledBy == "Desk 1")
        guard case .visitClosed(let closed)? = reception.perform(.close(visitId: visit.id, outcome: .seen), for: amina) else {
            Issue.record("not closed"); return
        }
        #expect(closed.outcome == .seen)
        #expect(try center.trail(visitor: visitor.id).map(\.action) == [.visitorRegistered, .visitCheckedIn, .visitCalled, .visitClosed])
    }

    @Test func aRefusedCheckInArrivesAsAQueueFailure() throws {
        let center = try TestCenter()
        let reception = ReceptionEffects(center.context())
        let amina = Session(member: center.receptionist)
        let visitor = try center.register("يوسف", "المهاجر")
        _ = reception.perform(.checkIn(visitorId: visitor.id, category: .social), for: amina)
        guard case .failed(let failure)? = reception.perform(.checkIn(visitorId: visitor.id, category: .professional), for: amina) else {
            Issue.record("checked in twice"); return
        }
        #expect(failure == .queue(.alreadyCheckedIn(QueueTicket(category: .social, number: 1))))
        guard case .failed(let empty)? = reception.perform(.callNext(.psychological), for: amina) else { Issue.record("called"); return }
        #expect(empty == .queue(.queueEmpty(.psychological)))
    }

    @Test func searchAndExpectedArrivalsAreReadAsTheMemberMaySeeThem() throws {
        let center = try TestCenter()
        let visitor = try center.register("Aïssatou", "Diallo")
        let start = try center.instant(AppFixture.today, "11:00")
        _ = try center.db.book(NewAppointment(visitorId: visitor.id, serviceId: "consult-45", counselorId: center.leila.id, start: start),
                           by: AppFixture.setup, at: AppFixture.now)
        let reception = ReceptionEffects(center.context())
        guard case .searchCompleted(_, let found)? = reception.perform(.search(query: "aissatou", limit: 10), for: Session(member: center.receptionist)),
              case .searchCompleted(_, let hidden)? = reception.perform(.search(query: "aissatou", limit: 10), for: Session(member: center.coordinator))
        else { Issue.record("no search"); return }
        #expect(found.map(\.id) == [visitor.id])
        // A coordinator sees no person.
        #expect(hidden.isEmpty)
        guard case .expectedLoaded(let expected)? = reception.perform(.loadExpected(AppFixture.today), for: Session(member: center.receptionist)) else {
            Issue.record("no expected"); return
        }
        #expect(expected.map(\.visitorName) == ["Aïssatou Diallo"])
    }
}
