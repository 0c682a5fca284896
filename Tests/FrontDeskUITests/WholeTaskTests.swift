import Foundation
import FrontDeskDomain
import FrontDeskUI
import TerminalKit
import Testing

/// One whole task per screen, as staff do it, asserting the whole state after each step (the
/// States are `Equatable`): the expected state is the previous one with exactly the changes the
/// step should make, so any other change fails the test. Effects and the shell's notice and
/// overlay are asserted at each step too.
struct WholeTaskTests {
    init() { TerminalLocale.useUTF8ForTests() }

    /// The state once the shell has told the screen its size (lists take their heights from
    /// the layout): the baseline each task starts from. A resize changes nothing else.
    static func laidOut<S: Screen>(_ h: inout Harness<S>) -> S.State {
        #expect(h.resize(h.size) == [])
        return h.state
    }

    /// Reception: a walk-in is found by name, checked in as psychological, sees the ticket.
    @Test func receptionChecksInAWalkIn() {
        var h = Fixture.state()
        let day = LocalDate(year: 2026, month: 4, day: 14)
        #expect(ReceptionScreen.start(&h) == [.loadQueue(day), .loadExpected(day), .loadPrograms])
        #expect(h.state.day == day)
        var expected = Self.laidOut(&h)

        #expect(ReceptionScreen.update(&h, .queueLoaded(Fixture.busyQueue, QueueCounts(waiting: 4, called: 1))) == [])
        expected.visits = Fixture.busyQueue
        expected.counts = QueueCounts(waiting: 4, called: 1)
        expected.queueList = h.state.queueList
        #expect(expected.queueList.count == 5 && expected.queueList.selected == 0)
        #expect(h.state == expected)

        #expect(h.type("ama") == [.search(query: "a", limit: 50), .search(query: "am", limit: 50), .search(query: "ama", limit: 50)])
        expected.search.field.setText("ama")
        #expect(h.state == expected)

        let amina = Fixture.visitor(9, "Amina", "Tazi", nationality: "MA")
        #expect(ReceptionScreen.update(&h, .searchCompleted(query: "ama", results: [amina])) == [])
        expected.search.receive(query: "ama", results: [amina], viewportHeight: h.state.search.list.viewportHeight)
        #expect(h.state == expected)

        #expect(h.press(.enter) == [])
        expected.modal = .checkIn(CheckInDialog(visitor: amina))
        #expect(h.state == expected)

        #expect(h.press(.character("p")) == [.checkIn(visitorId: 9, category: .psychological)], "the letter decides")
        expected.modal = nil
        #expect(h.state == expected)

        let visit = Visit(id: 77, visitorId: 9, category: .psychological, day: day, ticketNumber: 4, arrivedAt: Fixture.now)
        #expect(ReceptionScreen.update(&h, .checkedIn(visit, amina)) == [.loadQueue(day), .loadExpected(day)])
        expected.modal = .ticket(TicketDialog(ticket: visit.ticket, visitorName: "Amina Tazi", visitorCode: amina.code, ahead: 1))
        expected.search.clear()
        expected.search.list = h.state.search.list
        #expect(h.state == expected)
        #expect(h.notice == Notice(.info, "Ticket P-004 given to V-2026-00009."))

        #expect(h.press(.character("k")) == [.search(query: "k", limit: 50)], "the next name closes the ticket")
        expected.modal = nil
        expected.search.field.setText("k")
        #expect(h.state == expected)
        #expect(h.overlay == nil && !h.quitRequested)
    }

    /// Booking: a visitor chosen, a slot confirmed, the booking answered.
    @Test func bookingBooksASlot() {
        var h = Sched.booking()
        #expect(BookingScreen.start(&h) == [.loadCatalog])
        #expect(h.state.day == LocalDate(year: 2026, month: 4, day: 14))
        var expected = Self.laidOut(&h)

        let effects = BookingScreen.update(&h, .catalogLoaded(services: Sched.services, counselors: Sched.counselors, rooms: Sched.rooms))
        guard case .findSlots(let firstQuery)? = effects.first, effects.count == 1 else { Issue.record("no slot search: \(effects)"); return }
        expected.services = Sched.services
        expected.counselors = Sched.counselors
        expected.rooms = Sched.rooms
        expected.slotQuery = firstQuery
        expected.serviceList = h.state.serviceList
        expected.slotList = h.state.slotList
        #expect(expected.serviceList.selected == 0)
        #expect(h.state == expected)

        #expect(h.press(.character("y")) == [.search(query: "y", limit: 50)])
        expected.search.field.setText("y")
        #expect(h.state == expected)

        _ = BookingScreen.update(&h, .searchCompleted(query: "y", results: [Fixture.youssef]))
        expected.search.receive(query: "y", results: [Fixture.youssef], viewportHeight: h.state.search.list.viewportHeight)
        #expect(h.state == expected)

        let chosen = h.press(.enter)
        guard case .findSlots(let query)? = chosen.last else { Issue.record("no slots for the visitor"); return }
        #expect(chosen == [.loadAppointments(visitorId: 1), .findSlots(query)])
        #expect(query.visitorId == 1 && query.languages == ["ar"])
        expected.visitor = Fixture.youssef
        expected.focus = .services
        expected.slotQuery = query
        #expect(h.state == expected)

        #expect(h.press(.enter) == [])
        expected.focus = .slots
        #expect(h.state == expected)

        #expect(BookingScreen.update(&h, .slotsFound(query, Sched.slots)) == [])
        expected.slots = Sched.slots
        expected.slotsShown = query
        expected.slotList = h.state.slotList
        #expect(expected.slotList.count == Sched.slots.count)
        #expect(h.state == expected)

        #expect(h.press(.enter) == [])
        let slot = Sched.slots[0]
        expected.modal = .confirm(BookingScreen.Confirmation(slot: slot, service: Sched.individual))
        #expect(h.state == expected)

        let appointment = NewAppointment(visitorId: 1, serviceId: Sched.individual.id, counselor: .anyFree(preferring: slot.counselorId),
                                         start: slot.interval.start)
        #expect(h.press(.enter) == [.book(appointment)])
        expected.modal = .confirm(BookingScreen.Confirmation(slot: slot, service: Sched.individual, sending: true))
        #expect(h.state == expected)

        // A third Enter while the store answers sends nothing.
        #expect(h.press(.enter) == [])
        #expect(h.state == expected)

        let listing = Sched.listing(5, Fixture.youssef, date: "2026-04-15", time: "09:00")
        #expect(BookingScreen.update(&h, .booked(listing)) == [.loadAppointments(visitorId: 1), .findSlots(query)])
        expected.modal = nil
        // Focus on the appointment just made, among the visitor's, until a load brings it.
        expected.focus = .appointments
        expected.appointments = [listing]
        expected.justMade = listing
        expected.appointmentList = h.state.appointmentList
        #expect(expected.appointmentList.count == 1 && expected.appointmentList.selected == 0)
        #expect(h.state == expected)
        #expect(h.notice == Notice(.info, "Booked: Wed 15 Apr 09:00 · Individual psychological counseling · Karima Benali."))

        // Enter, Enter, Enter again: nothing opens, nothing is booked, nothing changes.
        #expect(h.press(.enter, .enter, .enter) == [])
        #expect(h.state == expected)

        // The reload brings the appointment: the same screen, without the bridge.
        #expect(BookingScreen.update(&h, .appointmentsLoaded(visitorId: 1, [listing])) == [])
        expected.justMade = nil
        #expect(h.state == expected)
    }

    /// Schedule: a counselor's day, the first appointment marked arrived.
    @Test func scheduleMarksAnArrival() {
        var h = Sched.schedule()
        var expected = Self.laidOut(&h)
        let week = ScheduleScreen.AgendaRequest(counselorId: 1, from: LocalDate(year: 2026, month: 4, day: 13),
                                                through: LocalDate(year: 2026, month: 4, day: 19))
        #expect(ScheduleScreen.start(&h) == [.loadCounselors])
        #expect(h.state == expected)

        #expect(ScheduleScreen.update(&h, .counselorsLoaded(Sched.counselors)) == [.loadAgenda(week)])
        expected.counselors = Sched.counselors
        expected.counselorId = 1
        expected.request = week
        #expect(h.state == expected)

        let later = Sched.listing(3, Fixture.samrawit, date: "2026-04-14", time: "14:00")
        let first = Sched.listing(2, Fixture.youssef, date: "2026-04-14", time: "11:00")
        #expect(ScheduleScreen.update(&h, .agendaLoaded(week, [later, first])) == [])
        expected.agenda = [later, first]
        expected.selectedId = 2
        #expect(h.state == expected)

        #expect(h.press(.function(2)) == [.setStatus(appointmentId: 2, .checkedIn)])
        #expect(h.state == expected)

        var arrived = first
        arrived.appointment.status = .checkedIn
        #expect(ScheduleScreen.update(&h, .statusChanged(arrived)) == [.loadAgenda(week)])
        #expect(h.state == expected)
        #expect(h.notice?.kind == .info)
    }

    /// Occupancy: a coordinator moves from this week to the month and back to today.
    @Test func occupancyMovesBetweenPeriods() {
        var h = Harness<OccupancyScreen>(OccupancyScreen.State())
        var expected = Self.laidOut(&h)
        let today = LocalDate(year: 2026, month: 4, day: 14)
        #expect(OccupancyScreen.update(&h, .shown) == [.load(.init(span: .week, anchor: today))])
        expected.request = .init(span: .week, anchor: today)
        #expect(h.state == expected)

        #expect(h.press(.character("m")) == [.load(.init(span: .month, anchor: today))])
        expected.span = .month
        expected.request = .init(span: .month, anchor: today)
        #expect(h.state == expected)

        let next = LocalDate(year: 2026, month: 5, day: 14)
        #expect(h.press(.right) == [.load(.init(span: .month, anchor: next))])
        expected.anchor = next
        expected.request = .init(span: .month, anchor: next)
        #expect(h.state == expected)

        #expect(h.press(.character("t")) == [.load(.init(span: .month, anchor: today))])
        expected.anchor = today
        expected.request = .init(span: .month, anchor: today)
        #expect(h.state == expected)

        #expect(OccupancyScreen.update(&h, .failed("The database did not answer.")) == [])
        #expect(h.state == expected)
        #expect(h.notice == Notice(.error, "The database did not answer."))
    }

    /// Sign-in: a name chosen, a PIN typed (never kept after sending), refused, then accepted.
    @Test func signInTriesTwice() {
        var h = Harness<SignInScreen>(SignInScreen.State())
        var expected = Self.laidOut(&h)
        let staff = [StaffMember(id: 1, name: "Amina Tazi", role: .receptionist), StaffMember(id: 3, name: "Nadia", role: .coordinator)]
        #expect(SignInScreen.update(&h, .staffLoaded(staff)) == [])
        expected.staff = staff
        expected.list = h.state.list
        #expect(expected.list.selected == 0)
        #expect(h.state == expected)

        #expect(h.press(.down) == [])
        expected.list.moveDown()
        #expect(h.state == expected)

        #expect(h.type("1234") == [])
        expected.pin = "1234"
        #expect(h.state == expected)

        #expect(h.press(.enter) == [.signIn(staffId: 3, pin: "1234", kioskQuit: false)])
        expected.pin = ""
        expected.checking = true
        #expect(h.state == expected)

        #expect(SignInScreen.update(&h, .refused(.wrongPIN(remaining: 4))) == [])
        expected.checking = false
        #expect(h.state == expected)
        #expect(h.notice?.kind == .error)

        _ = h.type("4321")
        #expect(h.press(.enter) == [.signIn(staffId: 3, pin: "4321", kioskQuit: false)])
        expected.checking = true
        #expect(h.state == expected)
        #expect(h.notice == nil, "typing a digit clears the refusal")

        #expect(SignInScreen.update(&h, .signedIn(staff[1])) == [])
        expected.checking = false
        #expect(h.state == expected)
    }

    /// Admin: a room added through its form, the store's answer worded by the screen.
    @Test func adminAddsARoom() {
        var h = Sched.admin()
        var expected = Self.laidOut(&h)
        let data = AdminScreen.Data(counselors: Sched.counselors, rooms: Sched.rooms, services: Sched.services)
        #expect(AdminScreen.update(&h, .loaded(data)) == [])
        expected.data = data
        expected.list = h.state.list
        #expect(expected.list.count == Sched.counselors.count)
        #expect(h.state == expected)

        #expect(h.press(.tab) == [])
        expected.tab = .rooms
        expected.list = ListState(count: Sched.rooms.count, viewportHeight: expected.list.viewportHeight)
        #expect(h.state == expected)

        #expect(h.press(.function(2)) == [])
        guard case .form(.room(id: 0), var form)? = h.state.modal else { Issue.record("no room form"); return }
        expected.modal = .form(.room(id: 0), form)
        #expect(h.state == expected)

        _ = h.type("Salle 9")
        _ = h.press(.tab, .backspace) // the capacity starts at 1
        _ = h.type("4")
        form.setText(0, "Salle 9")
        form.setText(1, "4")
        form.focus = 1
        expected.modal = .form(.room(id: 0), form)
        #expect(h.state == expected)

        #expect(h.press(.function(2)) == [.saveRoom(Room(id: 0, name: "Salle 9", capacity: 4))])
        #expect(h.state == expected, "the form stays until the store answers")

        #expect(AdminScreen.update(&h, .saved(.saved(name: "Salle 9"))) == [.load])
        expected.modal = nil
        expected.selectAfterLoad = "Salle 9"
        #expect(h.state == expected)
        #expect(h.notice == Notice(.info, "Saved: Salle 9."))
        // Loaded again, the new room is the selected row.
        var reloaded = h.state.data
        reloaded.rooms.append(Room(id: 9, name: "Salle 9", capacity: 4))
        _ = AdminScreen.update(&h, .loaded(reloaded))
        #expect(h.state.selectAfterLoad == nil && h.state.list.selected == reloaded.rooms.count - 1)
    }
}
