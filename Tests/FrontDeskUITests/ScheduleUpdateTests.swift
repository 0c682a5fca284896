import Foundation
import FrontDeskDomain
import FrontDeskUI
import TerminalKit
import Testing

/// Schedule reducer: navigation by calendar days and weeks, status marking effects.
@Suite(.serialized) struct ScheduleUpdateTests {
    typealias S = ScheduleScreen

    init() { TerminalLocale.useUTF8ForTests() }

    func send(_ state: inout Harness<S>, _ keys: Key...) -> [S.Effect] {
        keys.flatMap { S.update(&state, .key($0)) }
    }

    func week(_ from: String) -> S.AgendaRequest {
        let d = LocalDate(iso: from)!
        return S.AgendaRequest(counselorId: 1, from: d, through: d.adding(days: 6))
    }

    /// Friday 2026-03-20 10:00, before Casablanca's clocks change on Sunday 2026-03-22.
    static let friday = Sched.listing(1, Fixture.youssef, date: "2026-03-20", time: "10:00")
    static let monday = Sched.listing(2, Fixture.samrawit, date: "2026-03-23", time: "10:00")

    @Test func movingByDayAndWeekAcrossTheClockChangeKeepsWallClockRows() {
        var state = Sched.schedule(now: Sched.at("2026-03-20", "08:00"))
        #expect(S.start(&state) == [.loadCounselors])
        #expect(S.update(&state, .counselorsLoaded(Sched.counselors)) == [.loadAgenda(week("2026-03-16"))])
        _ = S.update(&state, .agendaLoaded(week("2026-03-16"), [Self.friday]))
        #expect(state.selectedId == 1)
        let before = Sched.render { S.render(state, into: &$0) }.lines()
        // Saturday and Sunday are the same week: no reload.
        #expect(send(&state, .right, .right) == [])
        #expect(state.date == LocalDate(year: 2026, month: 3, day: 22))
        // Monday is the next week, stepped by calendar days.
        #expect(send(&state, .right) == [.loadAgenda(week("2026-03-23"))])
        _ = S.update(&state, .agendaLoaded(week("2026-03-23"), [Self.monday]))
        let after = Sched.render { S.render(state, into: &$0) }.lines()
        // The same wall-clock row (10:00) holds both, though the instants are 10:00Z and 09:00Z.
        #expect(Self.friday.appointment.start == Date(timeIntervalSince1970: 1_774_000_800))
        #expect(Self.monday.appointment.start.timeIntervalSince(Self.friday.appointment.start) == 3 * 86_400 - 3_600)
        let rowBefore = before.firstIndex { $0.hasPrefix("10:00 │▌10:00–11:00 يوسف المهاجر") }
        let rowAfter = after.firstIndex { $0.hasPrefix("10:00 │▌10:00–11:00 ሳምራዊት ተስፋይ") }
        #expect(rowBefore != nil && rowBefore == rowAfter)
        // A week back from Monday is the Monday before; t comes back to today.
        #expect(send(&state, .pageUp) == [.loadAgenda(week("2026-03-16"))])
        #expect(state.date == LocalDate(year: 2026, month: 3, day: 16))
        #expect(send(&state, .pageDown, .pageDown) == [.loadAgenda(week("2026-03-23")), .loadAgenda(week("2026-03-30"))])
        #expect(send(&state, .character("t")) == [.loadAgenda(week("2026-03-16"))])
        #expect(state.date == LocalDate(year: 2026, month: 3, day: 20))
    }

    @Test func goToATypedDate() {
        var state = Sched.schedule()
        _ = S.update(&state, .counselorsLoaded(Sched.counselors))
        #expect(send(&state, .character("g")) == [])
        _ = send(&state, .control("u"))
        for c in "2026-03-22" { _ = send(&state, .character(c)) }
        #expect(send(&state, .enter) == [.loadAgenda(week("2026-03-16"))])
        #expect(state.date == LocalDate(year: 2026, month: 3, day: 22))
        #expect(state.modal == nil)
    }

    @Test func markingStatusesFollowsTheLifecycle() {
        var state = Sched.schedule(now: Sched.at("2026-03-20", "08:00"))
        _ = S.update(&state, .counselorsLoaded(Sched.counselors))
        let done = Sched.listing(3, Fixture.aissatou, date: "2026-03-20", time: "14:00", status: .completed)
        _ = S.update(&state, .agendaLoaded(week("2026-03-16"), [Self.friday, done]))
        #expect(send(&state, .character("a")) == [.setStatus(appointmentId: 1, .checkedIn)])
        // In session needs an arrival first: refused here with a message (the store re-checks).
        #expect(send(&state, .function(3)) == [])
        #expect(state.notice == Notice(.error, "An appointment cannot go from booked to in session."))
        // Nobody is a no-show before the appointment starts (10:00; it is 08:00).
        #expect(send(&state, .character("n")) == [])
        #expect(state.notice == Notice(.error, "“no-show” can be set from 10:00 on Fri 20 Mar 2026, not before."))
        state.now = Sched.at("2026-03-20", "10:05")
        #expect(send(&state, .character("n")) == [.setStatus(appointmentId: 1, .noShow)])
        #expect(send(&state, .down) == [])
        #expect(state.selectedId == 3)
        #expect(send(&state, .character("a")) == [])
        #expect(state.notice == Notice(.error, "An appointment cannot go from completed to arrived."))
        var arrived = Self.friday
        arrived.appointment.status = .checkedIn
        #expect(S.update(&state, .statusChanged(arrived)) == [.loadAgenda(week("2026-03-16"))])
        _ = S.update(&state, .agendaLoaded(week("2026-03-16"), [arrived, done]))
        _ = send(&state, .up)
        #expect(send(&state, .character("i")) == [.setStatus(appointmentId: 1, .inSession)])
    }

    @Test func choosingTheCounselorReloads() {
        var state = Sched.schedule()
        _ = S.update(&state, .counselorsLoaded(Sched.counselors))
        #expect(send(&state, .character("c"), .down) == [])
        #expect(send(&state, .enter) == [.loadAgenda(S.AgendaRequest(counselorId: 2, from: LocalDate(year: 2026, month: 4, day: 13),
                                                                     through: LocalDate(year: 2026, month: 4, day: 19)))])
        #expect(state.counselor == Sched.youssef)
    }

    @Test func aStatusCorrectionPicksAnyStatusAndNeedsAReason() throws {
        var state = Sched.schedule(now: Sched.at("2026-03-20", "08:00"))
        _ = S.update(&state, .counselorsLoaded(Sched.counselors))
        let done = Sched.listing(3, Fixture.aissatou, date: "2026-03-20", time: "14:00", status: .noShow)
        _ = S.update(&state, .agendaLoaded(week("2026-03-16"), [Self.friday, done]))
        _ = send(&state, .down)
        // The lifecycle keys stay as they are: a no-show is final for them.
        #expect(send(&state, .character("a")) == [])
        #expect(state.notice == Notice(.error, "An appointment cannot go from no-show to arrived."))
        // s opens the correction: every status, the current one chosen, and a reason.
        #expect(ScheduleKeys.agenda.command(for: .character("s")) == .correctStatus)
        #expect(ScheduleKeys.agenda.helpLines(Fixture.strings()).contains { $0 == (keys: "s", label: "Correct status") })
        #expect(send(&state, .character("s")) == [])
        guard case .correct(let a, let form)? = state.modal else { Issue.record("no correction dialog"); return }
        #expect(a == done)
        #expect(form.fields[0].kind == .choice(["booked", "arrived", "in session", "completed", "cancelled", "no-show"], 5))
        #expect(form.intro == "14:00–15:00 Aïssatou Diallo-Ndiaye Traoré · no-show")
        // Submitting the same status is refused; so is a blank reason.
        #expect(send(&state, .function(2)) == [])
        if case .correct(_, let f)? = state.modal { #expect(f.error == "It already has this status.") }
        #expect(send(&state, .left, .left, .left, .left, .left) == [])
        #expect(AppointmentStatus.allCases[{ if case .correct(_, let f)? = state.modal { f.choice(0) } else { -1 } }()] == .booked)
        #expect(send(&state, .enter, .enter) == [])
        if case .correct(_, let f)? = state.modal {
            #expect(f.error == "A correction needs a reason.")
            #expect(f.focus == 1)
        }
        for c in "arrivée notée par erreur" { _ = send(&state, .character(c)) }
        #expect(send(&state, .enter) == [.correctStatus(appointmentId: 3, .booked, reason: "arrivée notée par erreur")])
        #expect(state.modal == nil)
        var corrected = done
        corrected.appointment.status = .booked
        #expect(S.update(&state, .statusCorrected(corrected)) == [.loadAgenda(week("2026-03-16"))])
        #expect(state.notice == Notice(.info, "Aïssatou Diallo-Ndiaye Traoré: corrected to booked."))
        // Esc leaves without a change.
        _ = send(&state, .character("s"))
        #expect(send(&state, .escape) == [])
        #expect(state.modal == nil)
    }

    @Test func correctingNeedsASelectedAppointment() {
        var state = Sched.schedule(now: Sched.at("2026-03-20", "08:00"))
        _ = S.update(&state, .counselorsLoaded(Sched.counselors))
        _ = S.update(&state, .agendaLoaded(week("2026-03-16"), []))
        #expect(send(&state, .character("s")) == [])
        #expect(state.modal == nil)
        #expect(state.notice == Notice(.error, "Select an appointment first."))
    }

    /// `o` opens the counselor's notes only when the store handed them (their own appointment);
    /// opening them is a read the store audits (`noteOpened`).
    @Test func notesOpenOnlyOnTheCounselorsOwnAppointments() throws {
        var state = Sched.schedule(now: Sched.at("2026-03-20", "08:00"))
        _ = S.update(&state, .counselorsLoaded(Sched.counselors))
        var own = Self.friday
        own.appointment.counselorNote = "first session"
        _ = S.update(&state, .agendaLoaded(week("2026-03-16"), [own]))
        #expect(send(&state, .character("o")) == [.noteOpened(appointmentId: 1)])
        guard case .note(_, let form)? = state.modal else { Issue.record("no notes dialog"); return }
        #expect(form.text(0) == "first session")
        try Snapshot.assert(Sched.render { S.render(state, into: &$0) }, named: "schedule-note")
        #expect(send(&state, .control("u")) == [])
        for c in "calmer today" { _ = S.update(&state, .key(.character(c))) }
        #expect(send(&state, .enter) == [.saveNote(appointmentId: 1, "calmer today")])
        #expect(state.modal == nil)
        // Another counselor's appointment comes without notes (nil): no dialog, a message.
        _ = S.update(&state, .agendaLoaded(week("2026-03-16"), [Self.friday]))
        #expect(send(&state, .character("o")) == [])
        #expect(state.modal == nil)
        #expect(state.notice?.kind == .error)
    }

    /// Another counselor's appointments, redacted by the store, show as "busy" only.
    @Test func anotherCounselorsAppointmentsShowAsBusy() {
        var state = Sched.schedule(now: Sched.at("2026-03-20", "08:00"))
        _ = S.update(&state, .counselorsLoaded(Sched.counselors))
        let hidden = Permissions.redact(Self.friday, for: Viewer(role: .counselor, counselorId: 99))
        #expect(hidden.isBusyOnly)
        _ = S.update(&state, .agendaLoaded(week("2026-03-16"), [hidden]))
        let text = Sched.render { S.render(state, into: &$0) }.text
        #expect(text.contains("10:00–11:00 busy"))
        #expect(!text.contains("يوسف"))
        _ = send(&state, .tab)
        let week = Sched.render { S.render(state, into: &$0) }.text
        #expect(week.contains("busy"))
        #expect(!week.contains("يوسف"))
    }

    /// Busy time is not the viewer's to change: the lifecycle keys and the correction refuse it
    /// with a message, and no effect reaches the store.
    @Test func busyTimeCannotBeMarkedOrCorrected() {
        var state = Sched.schedule(now: Sched.at("2026-03-20", "08:00"))
        _ = S.update(&state, .counselorsLoaded(Sched.counselors))
        let hidden = Permissions.redact(Self.friday, for: Viewer(role: .coordinator))
        _ = S.update(&state, .agendaLoaded(week("2026-03-16"), [hidden]))
        #expect(state.selectedId == hidden.id)
        for key: Key in [.function(2), .function(3), .function(4), .function(5), .character("s")] {
            state.notice = nil
            #expect(send(&state, key) == [], "\(key) reached the store")
            #expect(state.modal == nil)
            #expect(state.notice?.text == "Not your appointment: it shows to you as busy time only.")
        }
    }

    /// `g` asks for a date: a bad one keeps the dialog open with a message and moves nothing;
    /// a good one shows that day; Esc closes the dialog.
    @Test func goToDateRefusesABadDate() {
        var state = Sched.schedule(now: Sched.at("2026-03-20", "08:00"))
        _ = S.update(&state, .counselorsLoaded(Sched.counselors))
        let before = state.date
        _ = send(&state, .character("g"), .control("u"))
        for c in "2026-02-30" { _ = send(&state, .character(c)) }
        #expect(send(&state, .enter) == [])
        guard case .date(let form)? = state.modal else { Issue.record("the dialog closed"); return }
        #expect(form.error?.contains("2026-02-30") == true)
        #expect(state.date == before)
        _ = send(&state, .control("u"))
        for c in "2026-03-23" { _ = send(&state, .character(c)) }
        _ = send(&state, .enter)
        #expect(state.modal == nil)
        #expect(state.date == LocalDate(year: 2026, month: 3, day: 23))
        _ = send(&state, .character("g"), .escape)
        #expect(state.modal == nil)
    }
}
