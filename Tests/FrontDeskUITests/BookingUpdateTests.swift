import Foundation
import FrontDeskDomain
import FrontDeskUI
import TerminalKit
import Testing

/// Booking reducer: each event's exact state changes and effects.
struct BookingUpdateTests {
    typealias B = BookingScreen

    init() { TerminalLocale.useUTF8ForTests() }

    func send(_ state: inout Harness<B>, _ keys: Key...) -> [B.Effect] {
        keys.flatMap { B.update(&state, .key($0)) }
    }

    /// The query asked for Youssef (Arabic speaker) and individual counseling from today.
    func query(visitorId: Int64? = 1, languages: [String] = ["ar"], counselor: Int64? = nil, policy: LanguagePolicy = .rank,
               from: LocalDate = LocalDate(year: 2026, month: 4, day: 14)) -> SlotQuery {
        SlotQuery(service: Sched.individual, from: from, through: from.adding(days: B.searchDays - 1), counselorId: counselor,
                  visitorId: visitorId, languages: languages, languagePolicy: policy, limit: B.slotLimit)
    }

    /// A state with the catalog loaded, Youssef chosen and the slots found, focus on the slots.
    func ready() -> Harness<B> {
        var state = Sched.booking()
        _ = B.update(&state, .catalogLoaded(services: Sched.services, counselors: Sched.counselors, rooms: Sched.rooms))
        _ = send(&state, .character("y"))
        _ = B.update(&state, .searchCompleted(query: "y", results: [Fixture.youssef]))
        _ = send(&state, .enter, .enter)
        _ = B.update(&state, .slotsFound(query(), Sched.slots))
        return state
    }

    @Test func bookingFlowFromVisitorToConfirm() {
        var state = Sched.booking()
        #expect(B.start(&state) == [.loadCatalog])
        // The catalog: individual psychological services of the first category, the first chosen.
        #expect(B.update(&state, .catalogLoaded(services: Sched.services, counselors: Sched.counselors, rooms: Sched.rooms))
                == [.findSlots(query(visitorId: nil, languages: []))])
        #expect(state.categoryServices == [Sched.individual, Sched.firstAid, Sched.group])
        #expect(state.focus == .visitor)
        // Typing searches as on reception.
        #expect(send(&state, .character("y")) == [.search(query: "y", limit: 50)])
        _ = B.update(&state, .searchCompleted(query: "y", results: [Fixture.youssef, Fixture.aissatou]))
        // Enter chooses the visitor: their appointments and the slots ranked by their languages.
        #expect(send(&state, .enter) == [.loadAppointments(visitorId: 1), .findSlots(query())])
        #expect(state.visitor == Fixture.youssef)
        #expect(state.focus == .services)
        #expect(send(&state, .enter) == [])
        #expect(state.focus == .slots)
        #expect(B.update(&state, .slotsFound(query(), Sched.slots)) == [])
        #expect(state.slots == Sched.slots)
        #expect(send(&state, .down) == [])
        #expect(state.selectedSlot == Sched.slots[1])
        #expect(send(&state, .enter) == [])
        #expect(state.modal == .confirm(B.Confirmation(slot: Sched.slots[1], service: Sched.individual)))
        let slot = Sched.slots[1]
        // No counselor filter: the slot's counselor if still free, else the store chooses
        // another who suits, in its write transaction; the room is the store's to choose.
        let expected = NewAppointment(visitorId: 1, serviceId: "individual-counseling", counselor: .anyFree(preferring: slot.counselorId),
                                      start: slot.interval.start)
        #expect(send(&state, .enter) == [.book(expected)])
        #expect(state.modal == .confirm(B.Confirmation(slot: Sched.slots[1], service: Sched.individual, sending: true)))
        // A second Enter while the store answers sends nothing.
        #expect(send(&state, .enter) == [])
        let booked = Sched.listing(7, Fixture.youssef, date: "2026-04-15", time: "09:00")
        #expect(B.update(&state, .booked(booked)) == [.loadAppointments(visitorId: 1), .findSlots(query())])
        #expect(state.modal == nil)
        #expect(state.notice == Notice(.info, "Booked: Wed 15 Apr 09:00 · Individual psychological counseling · Karima Benali."))
        #expect(state.focus == .appointments)
        #expect(state.selectedAppointment == booked)
        _ = B.update(&state, .appointmentsLoaded(visitorId: 1, [booked]))
        #expect(state.upcoming == [booked])
        #expect(state.justMade == nil)
    }

    /// `i` asks for an interpreter of one of the visitor's languages: the slot search and the
    /// booking carry it (the room must seat one more), and `i` again goes back to none.
    @Test func anInterpreterLanguageTravelsToTheSlotsAndTheBooking() {
        var state = ready()
        var withInterpreter = query()
        withInterpreter.interpreterLanguage = "ar"
        #expect(send(&state, .function(2)) == [.findSlots(withInterpreter)])
        #expect(state.interpreterLanguage == "ar")
        _ = B.update(&state, .slotsFound(withInterpreter, Sched.slots))
        let slot = Sched.slots[0]
        let expected = NewAppointment(visitorId: 1, serviceId: "individual-counseling", counselor: .anyFree(preferring: slot.counselorId),
                                      start: slot.interval.start, interpreterLanguage: "ar")
        #expect(send(&state, .enter, .enter) == [.book(expected)])
        _ = send(&state, .escape)
        var none = state
        none.modal = nil
        #expect(send(&none, .function(2)) == [.findSlots(query())])
        #expect(none.interpreterLanguage == nil)
    }

    @Test func aRefusedBookingKeepsEverythingChosenAndTheConfirmation() {
        var state = ready()
        _ = send(&state, .down, .enter, .enter)
        let conflict = BookingProblem.conflict(BookingConflict(resource: .counselor(id: 1, name: "Karima Benali"), appointmentId: 99,
                                                               interval: UTCInterval(start: Sched.at("2026-04-15", "09:00"), minutes: 60)))
        let effects = B.update(&state, .failed(.booking(.refused([conflict]))))
        #expect(effects == [.findSlots(query())])
        let message = "Karima Benali is booked 2026-04-15 09:00–10:00"
        #expect(state.modal == .confirm(B.Confirmation(slot: Sched.slots[1], service: Sched.individual, error: message)))
        #expect(state.notice == Notice(.error, message))
        #expect(state.visitor == Fixture.youssef)
        #expect(state.selectedService == Sched.individual)
        #expect(state.focus == .slots)
        #expect(state.search.field.text == "y")
        // The slots come back without the taken one; Esc returns to them with the choice kept.
        _ = B.update(&state, .slotsFound(query(), Array(Sched.slots.dropFirst(2))))
        #expect(send(&state, .escape) == [])
        #expect(state.modal == nil)
        #expect(state.slots.count == Sched.slots.count - 2)
    }

    @Test func slotsOfAnOlderQueryAreDropped() {
        var state = ready()
        #expect(send(&state, .function(4)) == [.findSlots(query(counselor: 1))])
        _ = B.update(&state, .slotsFound(query(), []))
        #expect(state.slots == Sched.slots)
        _ = B.update(&state, .slotsFound(query(counselor: 1), [Sched.slots[1]]))
        #expect(state.slots == [Sched.slots[1]])
    }

    @Test func languageFilterRequiresTheLanguageAndDateMovesTheSearch() {
        var state = ready()
        #expect(send(&state, .function(5)) == [.findSlots(query(languages: ["ar"], policy: .require))])
        #expect(state.languageFilter == "ar")
        #expect(send(&state, .function(6)) == [])
        guard case .date = state.modal else { Issue.record("no date dialog"); return }
        _ = send(&state, .control("u"))
        for c in "2026-13-01" { _ = send(&state, .character(c)) }
        #expect(send(&state, .enter) == [])
        if case .date(let form) = state.modal { #expect(form.error == "Not a date (YYYY-MM-DD): 2026-13-01") }
        _ = send(&state, .control("u"))
        for c in "2026-04-20" { _ = send(&state, .character(c)) }
        let from = LocalDate(year: 2026, month: 4, day: 20)
        #expect(send(&state, .enter) == [.findSlots(query(languages: ["ar"], policy: .require, from: from))])
        #expect(state.modal == nil)
    }

    @Test func cancellingNeedsAReasonAndReschedulingSearchesForTheSameService() {
        var state = ready()
        let booked = Sched.listing(7, Fixture.youssef, date: "2026-04-15", time: "09:00")
        _ = B.update(&state, .appointmentsLoaded(visitorId: 1, [booked]))
        _ = send(&state, .tab)
        #expect(state.focus == .appointments)
        #expect(send(&state, .delete) == [])
        #expect(send(&state, .enter) == [])
        guard case .cancel(_, let form) = state.modal else { Issue.record("no cancel dialog"); return }
        #expect(form.error == "A cancellation needs a reason.")
        for c in "Visiteur malade" { _ = send(&state, .character(c)) }
        #expect(send(&state, .enter) == [.cancel(appointmentId: 7, reason: "Visiteur malade")])
        #expect(state.modal == nil)
        // Rescheduling: the slots of the same service, without the visitor (their own time is not a conflict).
        #expect(send(&state, .function(2)) == [.findSlots(query(visitorId: nil))])
        #expect(state.mode == .reschedule(booked))
        #expect(state.focus == .slots)
        _ = B.update(&state, .slotsFound(query(visitorId: nil), Sched.slots))
        _ = send(&state, .enter)
        let slot = Sched.slots[0]
        #expect(send(&state, .enter) == [.reschedule(appointmentId: 7, to: slot.interval.start, counselorId: slot.counselorId, roomId: slot.roomId)])
    }

    /// Rescheduling a psychological appointment at reception keeps its service masked.
    @Test func reschedulingAMaskedServiceKeepsItMasked() {
        var state = ready()
        let booked = Permissions.redact(Sched.listing(7, Fixture.youssef, date: "2026-04-15", time: "09:00"), for: Viewer(role: .receptionist))
        #expect(booked.service.nameEn == "appointment")
        _ = B.update(&state, .appointmentsLoaded(visitorId: 1, [booked]))
        _ = send(&state, .tab)
        _ = send(&state, .function(2))
        #expect(state.mode == .reschedule(booked))
        #expect(state.categoryServices.map(\.id) == [booked.service.id])
        #expect(state.categoryServices.map(\.nameEn) == ["appointment"])
        let text = Sched.render { B.render(state, into: &$0) }.text
        #expect(!text.contains("psychological"))
    }

    @Test func openingForAVisitorFromReceptionLoadsThem() {
        var state = Sched.booking()
        #expect(B.update(&state, .openFor(visitorId: 3)) == [.loadVisitor(3)])
        _ = B.update(&state, .catalogLoaded(services: Sched.services, counselors: Sched.counselors, rooms: Sched.rooms))
        #expect(B.update(&state, .visitorLoaded(Fixture.aissatou)) == [.loadAppointments(visitorId: 3), .findSlots(query(visitorId: 3))])
        #expect(state.focus == .services)
    }

    /// The desk's report: after a booking, Enter, Enter, Enter opened a confirmation for the
    /// next slot and booked a second appointment. Now focus is on the appointment just made,
    /// even when a load asked before the booking answers after it.
    @Test func enterEnterEnterAfterABookingBooksOnce() {
        var state = ready()
        let slot = Sched.slots[0]
        var effects = send(&state, .enter, .enter, .enter)
        #expect(effects == [.book(NewAppointment(visitorId: 1, serviceId: "individual-counseling", counselor: .anyFree(preferring: slot.counselorId),
                                                 start: slot.interval.start))])
        let earlier = Sched.listing(4, Fixture.youssef, date: "2026-04-20", time: "14:00")
        let booked = Sched.listing(7, Fixture.youssef, date: "2026-04-15", time: "09:00")
        effects = B.update(&state, .booked(booked))
        #expect(effects == [.loadAppointments(visitorId: 1), .findSlots(query())])
        #expect(state.focus == .appointments)
        #expect(state.selectedAppointment == booked)
        // A load asked before the booking answers now, without it: it stays, selected.
        _ = B.update(&state, .appointmentsLoaded(visitorId: 1, [earlier]))
        #expect(state.upcoming == [booked, earlier])
        #expect(state.selectedAppointment == booked)
        #expect(send(&state, .enter, .enter, .enter) == [])
        #expect(state.modal == nil)
        #expect(state.focus == .appointments)
        // The reload after the booking brings it; the slots come back without its time.
        _ = B.update(&state, .appointmentsLoaded(visitorId: 1, [earlier, booked]))
        _ = B.update(&state, .slotsFound(query(), Array(Sched.slots.dropFirst())))
        #expect(state.upcoming == [booked, earlier])
        #expect(state.selectedAppointment == booked)
        #expect(state.justMade == nil)
        #expect(send(&state, .enter, .enter, .enter) == [])
        #expect(state.modal == nil)
        // The details of the new appointment show under the list.
        let text = Sched.render { B.render(state, into: &$0) }.text
        #expect(text.contains("Karima Benali · Salle 1"))
    }

    /// A move ends on the moved appointment too, so the next Enter does not book a new one.
    @Test func afterAMoveFocusIsOnTheMovedAppointment() {
        var state = ready()
        let booked = Sched.listing(7, Fixture.youssef, date: "2026-04-15", time: "09:00")
        _ = B.update(&state, .appointmentsLoaded(visitorId: 1, [booked]))
        _ = send(&state, .tab, .function(2))
        _ = B.update(&state, .slotsFound(query(visitorId: nil), Sched.slots))
        _ = send(&state, .down, .enter, .enter)
        var moved = Sched.listing(7, Fixture.youssef, counselor: Sched.youssef, date: "2026-04-15", time: "09:00")
        moved.appointment.counselorId = Sched.youssef.id
        _ = B.update(&state, .rescheduled(moved))
        #expect(state.mode == .book)
        #expect(state.focus == .appointments)
        #expect(state.upcoming == [moved])
        #expect(state.selectedAppointment == moved)
        #expect(send(&state, .enter, .enter) == [])
        #expect(state.modal == nil)
    }

    /// With a counselor filter, the booking names that counselor and nobody else.
    @Test func aCounselorFilterNamesTheCounselor() {
        var state = ready()
        _ = send(&state, .function(4))
        _ = B.update(&state, .slotsFound(query(counselor: 1), [Sched.slots[0]]))
        #expect(send(&state, .enter, .enter) == [.book(NewAppointment(visitorId: 1, serviceId: "individual-counseling", counselorId: 1,
                                                                      start: Sched.slots[0].interval.start))])
        // A language filter travels with an unnamed counselor: another must speak it too.
        var other = ready()
        _ = send(&other, .function(5))
        _ = B.update(&other, .slotsFound(query(policy: .require), Sched.slots))
        #expect(send(&other, .enter, .enter) == [.book(NewAppointment(visitorId: 1, serviceId: "individual-counseling",
                                                                     counselor: .anyFree(preferring: Sched.slots[0].counselorId, language: "ar"),
                                                                     start: Sched.slots[0].interval.start))])
    }

    /// ^N and ^P show the slots from the next or the previous week's Monday, never before
    /// today, from the first slot; PgUp/PgDn still page the list; `]` is text.
    @Test func weekKeysMoveTheSlotsAWeekAtATime() {
        var state = ready()
        let today = LocalDate(year: 2026, month: 4, day: 14) // a Tuesday
        let monday20 = LocalDate(year: 2026, month: 4, day: 20), monday27 = LocalDate(year: 2026, month: 4, day: 27)
        _ = send(&state, .down, .down)
        #expect(send(&state, .control("n")) == [.findSlots(query(from: monday20))])
        #expect(state.fromDate == monday20)
        #expect(state.slotList.selected == 0, "a new week starts at its first slot")
        #expect(send(&state, .control("n")) == [.findSlots(query(from: monday27))])
        #expect(send(&state, .control("p")) == [.findSlots(query(from: monday20))])
        // The previous week of the 20th starts before today: from today.
        #expect(send(&state, .control("p")) == [.findSlots(query(from: today))])
        #expect(state.fromDate == nil)
        #expect(state.notice == nil)
        #expect(send(&state, .control("p")) == [])
        #expect(state.notice == Notice(.info, "The free slots already start today."))
        // The line above the slots says from when.
        _ = send(&state, .control("n"))
        _ = B.update(&state, .slotsFound(query(from: monday20), Sched.slots))
        #expect(Sched.render { B.render(state, into: &$0) }.text.contains("From Mon 20 Apr"))
        // PgDn pages the list, as before.
        #expect(send(&state, .pageDown) == [])
        #expect(state.fromDate == monday20)
        #expect(state.slotList.selected != 0)
        // Another week's slots start at the first, whatever was highlighted before.
        _ = send(&state, .control("p"))
        _ = B.update(&state, .slotsFound(query(from: today), Sched.slots))
        #expect(state.slotList.selected == 0)
        _ = send(&state, .control("n"))
        _ = B.update(&state, .slotsFound(query(from: monday20), Sched.slots))
        // The week keys work from the services pane too, and in a group service's sessions.
        _ = send(&state, .backTab)
        #expect(state.focus == .services)
        #expect(send(&state, .control("n")) == [.findSlots(query(from: monday27))])
        // In the visitor search they are text.
        _ = send(&state, .function(3))
        #expect(send(&state, .character("]")) == [.search(query: "y]", limit: 50)])
        #expect(state.fromDate == monday27)
    }

    /// Letters always go to the visitor search, from every pane: after a booking, typing the
    /// next name (`xavier`) starts a new search and cancels, filters or picks nothing.
    @Test func lettersFromEveryPaneStartANewSearch() {
        for pane in [BookingScreen.Focus.services, .slots, .appointments] {
            var state = ready()
            state.focus = pane
            let before = state.state
            #expect(send(&state, .character("x")) == [.search(query: "x", limit: 50)], "\(pane)")
            #expect(state.focus == .visitor && state.search.query == "x")
            #expect(state.modal == nil)
            #expect(state.interpreterLanguage == before.interpreterLanguage && state.counselorFilter == before.counselorFilter)
            #expect(send(&state, .character("a")) == [.search(query: "xa", limit: 50)])
        }
    }

    /// Another visitor starts a clean booking: the previous one's interpreter, counselor and
    /// week do not carry over.
    @Test func anotherVisitorStartsWithoutThePreviousChoices() {
        var state = ready()
        _ = send(&state, .function(2), .function(4), .control("n"))
        #expect(state.interpreterLanguage != nil && state.counselorFilter != nil && state.fromDate != nil)
        _ = B.update(&state, .visitorLoaded(Fixture.samrawit))
        #expect(state.interpreterLanguage == nil && state.counselorFilter == nil && state.fromDate == nil)
    }

    @Test func weekKeysMoveAGroupServicesSessions() {
        var state = ready()
        _ = send(&state, .backTab, .down, .down)
        #expect(state.showsSessions)
        let next = LocalDate(year: 2026, month: 4, day: 20)
        #expect(send(&state, .control("n")) == [.findSessions(B.SessionQuery(serviceId: Sched.group.id, from: next, through: next.adding(days: B.searchDays - 1)))])
    }

    /// The visitor's appointments show the interpreter asked for: a mark on the line and, for
    /// the selected one, "interpreter ar" under the list.
    @Test func theInterpreterShowsInTheVisitorsAppointments() {
        var state = ready()
        var withInterpreter = Sched.listing(7, Fixture.youssef, date: "2026-04-15", time: "09:00")
        withInterpreter.appointment.interpreterLanguage = "ar"
        let without = Sched.listing(8, Fixture.youssef, date: "2026-04-16", time: "10:00")
        _ = B.update(&state, .appointmentsLoaded(visitorId: 1, [without, withInterpreter]))
        _ = send(&state, .tab)
        var text = Sched.render { B.render(state, into: &$0) }.text
        #expect(text.contains("Wed 15 Apr 09:00 int. ar"))
        #expect(text.contains("booked · interpreter ar"))
        _ = send(&state, .down)
        text = Sched.render { B.render(state, into: &$0) }.text
        #expect(!text.contains("booked · interpreter"))
        #expect(text.contains("Thu 16 Apr 10:00 Individual"))
    }

    /// The slots the screen shows come in the domain's order: for Youssef (Arabic), every
    /// Arabic speaker's slot before the others', even when Karima and يوسف العلوي are busy this
    /// afternoon and the others are free then.
    @Test func slotsOfferTheVisitorsLanguageFirst() throws {
        var state = ready()
        let busy = [Sched.karima, Sched.youssef].enumerated().map { i, c in
            Appointment(id: 50 + Int64(i), visitorId: 9 + Int64(i), serviceId: Sched.individual.id, counselorId: c.id, roomId: 2,
                        start: Sched.at("2026-04-14", "13:30"), end: Sched.at("2026-04-14", "17:00"), createdBy: "x")
        }
        let finder = SlotFinder(calendar: Sched.calendar, counselors: Sched.counselors, rooms: Sched.rooms, appointments: busy)
        let slots = finder.freeSlots(query(), now: Fixture.now)
        _ = B.update(&state, .slotsFound(query(), slots))
        let lines = Sched.render { B.render(state, into: &$0) }.text.split(separator: "\n")
        // Tomorrow's Arabic speakers fill the pane; this afternoon's other counselors come after.
        #expect(!lines.contains { $0.contains("│Tue 14 Apr") })
        let rows = lines.filter { $0.contains("│Wed 15 Apr") }
        #expect(rows.count == 8)
        #expect(rows.allSatisfy { $0.contains("│ar  │") }, "\(rows)")
        #expect(rows.first?.contains("│09:00│Karima Bena…") == true, "\(rows)")
        var everything = query()
        everything.limit = 1000
        let all = finder.freeSlots(everything, now: Fixture.now)
        let firstOther = try #require(all.firstIndex { $0.language == nil })
        #expect(firstOther > 0 && all[..<firstOther].allSatisfy { $0.language == "ar" })
        #expect(Sched.calendar.localDateTime(of: all[firstOther].interval.start).description == "2026-04-14 13:30")
    }

    @Test func lettersInTheSearchAreTextNotCommands() {
        var state = Sched.booking()
        #expect(send(&state, .character("q"), .character("c")) == [.search(query: "q", limit: 50), .search(query: "qc", limit: 50)])
        #expect(state.modal == nil)
        #expect(state.counselorFilter == nil)
    }
}
