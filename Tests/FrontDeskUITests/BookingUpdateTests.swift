import Foundation
import FrontDeskDomain
import FrontDeskUI
import TerminalKit
import Testing

/// Booking reducer: each event's exact state changes and effects.
struct BookingUpdateTests {
    typealias B = BookingScreen

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
        let expected = NewAppointment(visitorId: 1, serviceId: "individual-counseling", counselorId: slot.counselorId, roomId: slot.roomId, start: slot.interval.start)
        #expect(send(&state, .enter) == [.book(expected)])
        #expect(state.modal == .confirm(B.Confirmation(slot: Sched.slots[1], service: Sched.individual, sending: true)))
        // A second Enter while the store answers sends nothing.
        #expect(send(&state, .enter) == [])
        let booked = Sched.listing(7, Fixture.youssef, date: "2026-04-15", time: "09:00")
        #expect(B.update(&state, .booked(booked)) == [.loadAppointments(visitorId: 1), .findSlots(query())])
        #expect(state.modal == nil)
        #expect(state.notice == Notice(.info, "Booked: Wed 15 Apr 09:00 · Individual psychological counseling · Karima Benali."))
        _ = B.update(&state, .appointmentsLoaded(visitorId: 1, [booked]))
        #expect(state.upcoming == [booked])
    }

    /// `i` asks for an interpreter of one of the visitor's languages: the slot search and the
    /// booking carry it (the room must seat one more), and `i` again goes back to none.
    @Test func anInterpreterLanguageTravelsToTheSlotsAndTheBooking() {
        var state = ready()
        var withInterpreter = query()
        withInterpreter.interpreterLanguage = "ar"
        #expect(send(&state, .character("i")) == [.findSlots(withInterpreter)])
        #expect(state.interpreterLanguage == "ar")
        _ = B.update(&state, .slotsFound(withInterpreter, Sched.slots))
        let slot = Sched.slots[0]
        let expected = NewAppointment(visitorId: 1, serviceId: "individual-counseling", counselorId: slot.counselorId,
                                      roomId: slot.roomId, start: slot.interval.start, interpreterLanguage: "ar")
        #expect(send(&state, .enter, .enter) == [.book(expected)])
        _ = send(&state, .escape)
        var none = state
        none.modal = nil
        #expect(send(&none, .character("i")) == [.findSlots(query())])
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
        #expect(send(&state, .character("c")) == [.findSlots(query(counselor: 1))])
        _ = B.update(&state, .slotsFound(query(), []))
        #expect(state.slots == Sched.slots)
        _ = B.update(&state, .slotsFound(query(counselor: 1), [Sched.slots[1]]))
        #expect(state.slots == [Sched.slots[1]])
    }

    @Test func languageFilterRequiresTheLanguageAndDateMovesTheSearch() {
        var state = ready()
        #expect(send(&state, .character("l")) == [.findSlots(query(languages: ["ar"], policy: .require))])
        #expect(state.languageFilter == "ar")
        #expect(send(&state, .character("d")) == [])
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
        #expect(send(&state, .character("x")) == [])
        #expect(send(&state, .enter) == [])
        guard case .cancel(_, let form) = state.modal else { Issue.record("no cancel dialog"); return }
        #expect(form.error == "A cancellation needs a reason.")
        for c in "Visiteur malade" { _ = send(&state, .character(c)) }
        #expect(send(&state, .enter) == [.cancel(appointmentId: 7, reason: "Visiteur malade")])
        #expect(state.modal == nil)
        // Rescheduling: the slots of the same service, without the visitor (their own time is not a conflict).
        #expect(send(&state, .character("r")) == [.findSlots(query(visitorId: nil))])
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
        _ = send(&state, .character("r"))
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

    @Test func lettersInTheSearchAreTextNotCommands() {
        var state = Sched.booking()
        #expect(send(&state, .character("q"), .character("c")) == [.search(query: "q", limit: 50), .search(query: "qc", limit: 50)])
        #expect(state.modal == nil)
        #expect(state.counselorFilter == nil)
    }
}
