import Foundation
import FrontDeskDomain
import FrontDeskUI
import TerminalKit
import Testing

/// 80x24 text snapshots of the booking, schedule and admin screens and their dialogs, and the
/// app shell's screens menu.
@Suite(.serialized) struct SchedulingSnapshotTests {
    typealias B = BookingScreen
    typealias S = ScheduleScreen
    typealias A = AdminScreen

    init() { TerminalLocale.useUTF8ForTests() }

    func booking(_ language: UILanguage = .en) -> Harness<B> {
        var state = Sched.booking(language: language)
        _ = B.update(&state, .catalogLoaded(services: Sched.services, counselors: Sched.counselors, rooms: Sched.rooms,
                                            programs: DefaultPrograms.catalog()))
        for c in "a" { _ = B.update(&state, .key(.character(c))) }
        _ = B.update(&state, .searchCompleted(query: "a", results: [Fixture.youssef, Fixture.samrawit, Fixture.aissatou, Fixture.escape]))
        _ = B.update(&state, .key(.enter))
        _ = B.update(&state, .key(.enter))
        if let q = state.slotQuery { _ = B.update(&state, .slotsFound(q, Sched.slots)) }
        _ = B.update(&state, .appointmentsLoaded(visitorId: 1, [Sched.listing(5, Fixture.youssef, date: "2026-04-20", time: "14:00")]))
        return state
    }

    func frame(_ state: Harness<B>) -> Frame { Sched.render { B.render(state, into: &$0) } }
    func frame(_ state: Harness<S>) -> Frame { Sched.render { S.render(state, into: &$0) } }
    func frame(_ state: Harness<A>) -> Frame { Sched.render { A.render(state, into: &$0) } }

    @Test func bookingWithSlots() throws {
        let f = frame(booking())
        try Snapshot.assert(f, named: "booking-slots")
        #expect(f.text.contains("يوسف العلوي"))
        #expect(f.text.contains("ሳምራዊት ተስፋይ"))
        #expect(f.text.contains("␛[2J"))
    }

    @Test func bookingInFrench() throws { try Snapshot.assert(frame(booking(.fr)), named: "booking-slots-fr") }

    @Test func bookingConfirmAndRefused() throws {
        var state = booking()
        _ = B.update(&state, .key(.down))
        _ = B.update(&state, .key(.enter))
        try Snapshot.assert(frame(state), named: "booking-confirm")
        _ = B.update(&state, .key(.enter))
        let conflict = BookingProblem.conflict(BookingConflict(resource: .room(id: 1, name: "Salle 1"), appointmentId: 99,
                                                               interval: UTCInterval(start: Sched.slots[1].interval.start, minutes: 45)))
        _ = B.update(&state, .failed(.booking(.refused([conflict]))))
        try Snapshot.assert(frame(state), named: "booking-refused")
    }

    /// The interpreter asked for shows in the confirmation ("Arabic (ar)"), with the note that
    /// another free counselor is booked if this one is taken meanwhile; after the booking, focus
    /// is on the new appointment, whose line and details name the interpreter.
    @Test func bookingConfirmShowsTheInterpreterAndTheNewAppointmentHasFocus() throws {
        var state = booking()
        _ = B.update(&state, .key(.function(2)))
        if let q = state.slotQuery { _ = B.update(&state, .slotsFound(q, Sched.slots)) }
        _ = B.update(&state, .key(.enter))
        let confirm = frame(state)
        try Snapshot.assert(confirm, named: "booking-confirm-interpreter")
        #expect(confirm.text.contains("Interpreter  Arabic (ar)"))
        #expect(confirm.text.contains("Taken meanwhile? Another free counselor who suits is booked."))
        _ = B.update(&state, .key(.enter))
        var listing = Sched.listing(6, Fixture.youssef, date: "2026-04-15", time: "09:00")
        listing.appointment.interpreterLanguage = "ar"
        _ = B.update(&state, .booked(listing))
        let booked = frame(state)
        try Snapshot.assert(booked, named: "booking-booked-interpreter")
        #expect(booked.text.contains("Wed 15 Apr 09:00 int. ar"))
        #expect(booked.text.contains("booked · interpreter ar"))
    }

    /// Issue 15: the confirmation names the program the booking counts for by rule; F6 steps
    /// through the programs that fund the service (the choice is sent with the booking), then
    /// back to the rule's.
    @Test func bookingConfirmShowsTheProgramAndF6ChoosesAnother() throws {
        var state = booking()
        _ = B.update(&state, .key(.down))
        _ = B.update(&state, .key(.enter))
        #expect(frame(state).text.contains("Program      UNHCR (by rule) · Social assistance and commun"), "\(frame(state).text)")
        let choices = DefaultPrograms.catalog().filter { $0.services.contains("individual-counseling") }.map(\.id)
        #expect(choices == ["unhcr-urban", "nl-intercultural-center"])
        _ = B.update(&state, .key(.function(6)))
        _ = B.update(&state, .key(.function(6)))
        let chosen = frame(state)
        try Snapshot.assert(chosen, named: "booking-confirm-program-chosen")
        #expect(chosen.text.contains("Program      Embassy of the Netherlands (chosen) · The Afri"))
        #expect(chosen.text.contains("F6 Program"))
        let effects = B.update(&state, .key(.enter))
        guard case .book(let new)? = effects.first else { Issue.record("no booking: \(effects)"); return }
        #expect(new.programId == "nl-intercultural-center")
        _ = B.update(&state, .failed(.booking(.refused([]))))
        _ = B.update(&state, .key(.character("p")))
        guard case .confirm(let c)? = state.modal else { Issue.record("no confirmation"); return }
        #expect(c.programId == nil, "back to the rule's after the last program")
    }

    /// In French, and with a counselor filter: the counselor is named, no note about another.
    @Test func bookingConfirmInFrenchWithACounselorFilter() throws {
        var state = booking(.fr)
        _ = B.update(&state, .key(.function(4)))
        if let q = state.slotQuery { _ = B.update(&state, .slotsFound(q, Sched.slots.filter { $0.counselorId == 1 })) }
        _ = B.update(&state, .key(.enter))
        let f = frame(state)
        try Snapshot.assert(f, named: "booking-confirm-fr")
        #expect(f.text.contains("Interprète   aucun"))
        #expect(!f.text.contains("entre-temps"))
    }

    /// The slots pane's help lists the week keys.
    @Test func bookingSlotsHelpListsTheWeekKeys() throws {
        var state = booking()
        _ = B.update(&state, .key(.function(1)))
        let f = frame(state)
        try Snapshot.assert(f, named: "booking-slots-help")
        #expect(f.text.contains("^P            Previous week"))
        #expect(f.text.contains("^N            Next week"))
    }

    @Test func bookingCancelDateAndHelpDialogs() throws {
        var state = booking()
        _ = B.update(&state, .key(.tab))
        _ = B.update(&state, .key(.delete))
        try Snapshot.assert(frame(state), named: "booking-cancel")
        state.modal = nil
        _ = B.update(&state, .key(.function(6)))
        try Snapshot.assert(frame(state), named: "booking-date")
        state.modal = nil
        _ = B.update(&state, .key(.function(1)))
        try Snapshot.assert(frame(state), named: "booking-help")
    }

    func schedule(_ view: S.View) -> Harness<S> {
        var state = Sched.schedule(now: Sched.at("2026-03-23", "08:05"))
        _ = S.update(&state, .counselorsLoaded(Sched.counselors))
        let week = S.AgendaRequest(counselorId: 1, from: LocalDate(year: 2026, month: 3, day: 23), through: LocalDate(year: 2026, month: 3, day: 29))
        let longVisitor = Fixture.visitor(9, "Marie-Christine Nkurunziza-Habyarimana", "de la Fontaine-Mukamana")
        _ = S.update(&state, .agendaLoaded(week, [
            Sched.listing(1, Fixture.youssef, date: "2026-03-23", time: "09:00", status: .completed),
            Sched.listing(2, Fixture.samrawit, Sched.firstAid, room: Sched.rooms[1], date: "2026-03-23", time: "10:00", status: .checkedIn),
            Sched.listing(3, longVisitor, Sched.orientation, date: "2026-03-23", time: "14:15"),
            Sched.listing(4, Fixture.aissatou, date: "2026-03-25", time: "11:30", status: .noShow),
            Sched.listing(5, Fixture.escape, date: "2026-03-27", time: "16:00"),
        ]))
        state.view = view
        return state
    }

    @Test func dayAgenda() throws {
        let f = frame(schedule(.day))
        try Snapshot.assert(f, named: "schedule-day")
        #expect(f.text.contains("يوسف المهاجر"))
    }

    @Test func weekGrid() throws { try Snapshot.assert(frame(schedule(.week)), named: "schedule-week") }

    /// A day with four 15-minute intakes in the 09:00 hour, one at 07:30 and one at 18:30: more
    /// lines than rows, so the agenda scrolls to the selection.
    func crowded(_ view: S.View) -> Harness<S> {
        var state = Sched.schedule(now: Sched.at("2026-03-23", "08:05"))
        _ = S.update(&state, .counselorsLoaded(Sched.counselors))
        let week = S.AgendaRequest(counselorId: 1, from: LocalDate(year: 2026, month: 3, day: 23), through: LocalDate(year: 2026, month: 3, day: 29))
        let intake = Service(id: "intake", nameFr: "Accueil", nameEn: "Intake", category: .social, durationMinutes: 15)
        let people = [Fixture.youssef, Fixture.samrawit, Fixture.aissatou, Fixture.visitor(9, "Élodie", "Mbappé-Ngoma")]
        var listings = zip(people, ["09:00", "09:15", "09:30", "09:45"]).enumerated().map { i, p in
            Sched.listing(Int64(10 + i), p.0, intake, date: "2026-03-23", time: p.1)
        }
        listings.append(Sched.listing(20, Fixture.aissatou, Sched.firstAid, date: "2026-03-23", time: "07:30"))
        listings.append(Sched.listing(21, Fixture.samrawit, Sched.orientation, date: "2026-03-23", time: "18:30"))
        _ = S.update(&state, .agendaLoaded(week, listings))
        state.view = view
        return state
    }

    @Test func crowdedDayShowsEveryAppointment() throws {
        var state = crowded(.day)
        let f = frame(state)
        try Snapshot.assert(f, named: "schedule-day-crowded")
        for name in ["يوسف المهاجر", "ሳምራዊት ተስፋይ", "Aïssatou", "Élodie Mbappé", "07:30–08:00"] {
            #expect(f.text.contains(name), "\(name) hidden")
        }
        #expect(!f.text.contains("18:30–19:15"), "the evening appointment is below the fold at first")
        #expect(f.text.contains("▼"))
        for _ in 0..<5 { _ = S.update(&state, .key(.down)) }
        #expect(state.selectedId == 21)
        let scrolled = frame(state)
        #expect(scrolled.text.contains("18:30–19:15"), "moving down brings the selection into view")
        #expect(scrolled.text.contains("▲"))
        try Snapshot.assert(scrolled, named: "schedule-day-crowded-end")
    }

    @Test func crowdedWeekCellCountsTheOthers() throws {
        var state = crowded(.week)
        #expect(frame(state).text.contains("07:30"), "the early appointment is selected and in view")
        _ = S.update(&state, .key(.down))
        #expect(state.selectedId == 10)
        let f = frame(state)
        try Snapshot.assert(f, named: "schedule-week-crowded")
        #expect(f.text.contains("+1"), "two intakes share each 30-minute cell")
        _ = S.update(&state, .key(.down))
        #expect(state.selectedId == 11)
        #expect(frame(state).text.contains("ሳምራዊት"), "the selected one is the one the cell shows")
    }

    @Test func scheduleDialogs() throws {
        var state = schedule(.day)
        _ = S.update(&state, .key(.character("c")))
        try Snapshot.assert(frame(state), named: "schedule-counselor")
        state.modal = nil
        _ = S.update(&state, .key(.character("g")))
        try Snapshot.assert(frame(state), named: "schedule-goto")
        state.modal = nil
        _ = S.update(&state, .key(.function(1)))
        try Snapshot.assert(frame(state), named: "schedule-help")
        // The status correction on the completed 09:00 appointment, back to "arrived", reason half typed.
        _ = S.update(&state, .key(.escape))
        #expect(state.overlay == nil)
        _ = S.update(&state, .key(.character("s")))
        for k: Key in [.left, .left, .left, .down] { _ = S.update(&state, .key(k)) }
        for c in "terminé par erreur" { _ = S.update(&state, .key(.character(c))) }
        try Snapshot.assert(frame(state), named: "schedule-correct")
    }

    func admin() -> Harness<A> {
        var state = Sched.admin()
        var absent = Absence(id: 1, counselorId: 1, interval: UTCInterval(start: Sched.at("2026-04-20", "09:00"), end: Sched.at("2026-04-24", "17:00")), reason: "Congé")
        absent.reason = "Congé"
        _ = A.update(&state, .loaded(A.Data(counselors: Sched.counselors, rooms: Sched.rooms,
            closures: [Closure(id: 1, first: LocalDate(year: 2026, month: 3, day: 20), last: LocalDate(year: 2026, month: 3, day: 21), label: "Aïd al-Fitr"),
                       Closure(id: 2, first: LocalDate(year: 2026, month: 5, day: 27), last: LocalDate(year: 2026, month: 5, day: 27), roomId: 2, label: "Travaux")],
            services: Sched.services, absences: [absent])))
        return state
    }

    @Test func adminLists() throws {
        var state = admin()
        try Snapshot.assert(frame(state), named: "admin-counselors")
        for name in ["admin-rooms", "admin-closures", "admin-services"] {
            _ = A.update(&state, .key(.tab))
            try Snapshot.assert(frame(state), named: name)
        }
    }

    @Test func adminFormErrorAndRemoval() throws {
        var state = admin()
        _ = A.update(&state, .key(.enter))
        _ = A.update(&state, .key(.control("u")))
        _ = A.update(&state, .key(.function(2)))
        try Snapshot.assert(frame(state), named: "admin-form-error")
        state.modal = nil
        _ = A.update(&state, .key(.character("x")))
        try Snapshot.assert(frame(state), named: "admin-remove")
    }

    @Test func tooSmallOnEveryScreen() throws {
        let size = Size(width: 60, height: 20)
        let frames = [Sched.render({ B.render(Sched.booking(size: size), into: &$0) }, size: size),
                      Sched.render({ S.render(Sched.schedule(size: size), into: &$0) }, size: size),
                      Sched.render({ A.render(Sched.admin(size: size), into: &$0) }, size: size)]
        for f in frames { #expect(f.text.contains("Enlarge the window to 80x24 (now 60x20)")) }
        try Snapshot.assert(frames[1], named: "schedule-too-small-60x20")
    }

    @Test func screensMenu() throws {
        var state = Fixture.app(session: StaffMember(id: 1, name: "Karima", role: .counselor, counselorId: 1))
        _ = AppScreen.update(&state, .key(.control("g")))
        try Snapshot.assert(Sched.render { AppScreen.render(state, into: &$0) }, named: "app-menu")
    }
}
