import Foundation
import FrontDeskDomain
import FrontDeskUI
import TerminalKit
import Testing

/// Whole-screen text snapshots of the reception screen at 80x24 (and other sizes).
@Suite(.serialized) struct ReceptionSnapshotTests {
    typealias S = ReceptionScreen

    init() { TerminalLocale.useUTF8ForTests() }

    func busy(_ language: UILanguage = .en) -> Harness<S> {
        var state = Fixture.state(language: language)
        _ = S.update(&state, .queueLoaded(Fixture.busyQueue, QueueCounts(waiting: 4, called: 1, closed: 6, checkedInToday: 11)))
        return state
    }

    @Test func empty() throws {
        try Snapshot.assert(Snapshot.render(Fixture.state()), named: "reception-empty")
    }

    @Test func busyQueueWithArabicGeezAndEmojiNames() throws {
        let frame = Snapshot.render(busy())
        try Snapshot.assert(frame, named: "reception-busy")
        let text = frame.text
        #expect(text.contains("يوسف المهاجر"))
        #expect(text.contains("ሳምራዊት ተስፋይ"))
        #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0xFFFD })
        #expect(text.contains("␛[2J"))
    }

    @Test func busyQueueInFrench() throws {
        try Snapshot.assert(Snapshot.render(busy(.fr)), named: "reception-busy-fr")
    }

    @Test func searchResults() throws {
        var state = busy()
        for c in "ai" { _ = S.update(&state, .key(.character(c))) }
        _ = S.update(&state, .searchCompleted(query: "ai", results: [Fixture.aissatou, Fixture.lina, Fixture.samrawit]))
        try Snapshot.assert(Snapshot.render(state), named: "reception-search")
    }

    /// At 120 columns a result row also shows birth year and nationality: two people with one
    /// name differ there; someone in today's queue shows the ticket.
    @Test func searchResultsUseTheWidth() throws {
        var state = Fixture.state(size: Size(width: 120, height: 30))
        _ = S.update(&state, .queueLoaded(Fixture.busyQueue, QueueCounts(waiting: 4, called: 1, closed: 6, checkedInToday: 11)))
        for c in "ai" { _ = S.update(&state, .key(.character(c))) }
        var twin = Fixture.aissatou
        twin.id = 30
        twin.code = VisitorCode(year: 2026, number: 30)
        twin.birthYear = 2001
        twin.nationality = "SN"
        _ = S.update(&state, .searchCompleted(query: "ai", results: [Fixture.aissatou, twin, Fixture.samrawit]))
        let frame = Snapshot.render(state)
        try Snapshot.assert(frame, named: "reception-search-120")
        let rows = frame.lines().filter { $0.contains("V-2026-00003") || $0.contains("V-2026-00030") }
        #expect(rows.count == 2)
        #expect(rows.first?.contains("S-012") == true && rows.first?.contains("1990 GN") == true, "\(rows)")
        #expect(rows.last?.contains("2001 SN") == true && rows.last?.contains("S-012") == false, "\(rows)")
    }

    @Test func helpDialog() throws {
        var state = busy()
        _ = S.update(&state, .key(.function(1)))
        try Snapshot.assert(Snapshot.render(state), named: "reception-help")
    }

    @Test func quitDialog() throws {
        var state = busy()
        _ = S.update(&state, .key(.function(10)))
        try Snapshot.assert(Snapshot.render(state), named: "reception-quit")
    }

    /// The services of each category, as the check-in dialog gets them with the programs.
    static let servicesByCategory: [ServiceCategory: [String]] = [
        .psychological: ["individual-counseling", "trauma-follow-up"],
        .social: ["social-orientation", "rights-mediation", "scholarship-orientation"],
        .professional: ["job-coaching", "cv-job-search-workshop", "french-class"],
    ]

    @Test func checkInDialog() throws {
        var state = busy()
        _ = S.update(&state, .programsLoaded(DefaultPrograms.catalog(), servicesByCategory: Self.servicesByCategory))
        state.modal = .checkIn(CheckInDialog(visitor: Fixture.aissatou, category: .professional))
        let f = Snapshot.render(state)
        try Snapshot.assert(f, named: "reception-checkin")
        #expect(f.text.contains("Program: Embassy of the Netherlands (by rule)"), "\(f.text)")
        #expect(f.text.contains("F6 Program"))
    }

    /// Issue 15: F6 steps through the programs that fund a service of the highlighted category
    /// (a refugee's social walk-in: UNHCR's urban program by rule; then DAFI, UNHCR urban, al
    /// Wassit, the Netherlands, back to the rule); the letter gives the ticket with the choice;
    /// moving to another category drops it.
    @Test func checkInF6ChoosesTheWalkInsProgram() throws {
        var state = busy()
        _ = S.update(&state, .programsLoaded(DefaultPrograms.catalog(), servicesByCategory: Self.servicesByCategory))
        state.modal = .checkIn(CheckInDialog(visitor: Fixture.aissatou, category: .social))
        #expect(Snapshot.render(state).text.contains("Program: UNHCR (by rule) · Social assistance"))
        let today = Fixture.calendar.localDate(of: Fixture.now)
        #expect(state.state.programChoices(for: .social, visitor: Fixture.aissatou, on: today)
            == [nil, "unhcr-dafi", "unhcr-urban", "eu-al-wassit", "nl-intercultural-center"])
        // A Moroccan national is offered no refugee program (DAFI, UNHCR's urban one): the store
        // would refuse them (`Program.covers`).
        var moroccan = Fixture.aissatou
        moroccan.status = .moroccanNational
        let forMoroccan = state.state.programChoices(for: .social, visitor: moroccan, on: today)
        #expect(!forMoroccan.contains("unhcr-dafi") && !forMoroccan.contains("unhcr-urban") && forMoroccan.contains("nl-intercultural-center"),
                "\(forMoroccan)")
        state.modal = .checkIn(CheckInDialog(visitor: moroccan, category: .social))
        for _ in forMoroccan.indices { _ = S.update(&state, .key(.function(6))) }
        #expect(S.update(&state, .key(.character("s"))) == [.checkIn(visitorId: moroccan.id, category: .social, programId: nil)])
        state.modal = .checkIn(CheckInDialog(visitor: Fixture.aissatou, category: .social))
        _ = S.update(&state, .key(.function(6)))
        #expect(Snapshot.render(state).text.contains("Program: UNHCR (chosen) · DAFI"))
        #expect(S.update(&state, .key(.character("s"))) == [.checkIn(visitorId: Fixture.aissatou.id, category: .social, programId: "unhcr-dafi")])
        state.modal = .checkIn(CheckInDialog(visitor: Fixture.aissatou, category: .social))
        _ = S.update(&state, .key(.function(6)))
        #expect(S.update(&state, .key(.character("e"))) == [.checkIn(visitorId: Fixture.aissatou.id, category: .professional, programId: nil)])
        state.modal = .checkIn(CheckInDialog(visitor: Fixture.aissatou, category: .social))
        _ = S.update(&state, .key(.function(6)))
        _ = S.update(&state, .key(.down))
        #expect(S.update(&state, .key(.enter)) == [.checkIn(visitorId: Fixture.aissatou.id, category: .professional, programId: nil)])
    }

    /// Issue 15: the arrival for an appointment shows the program it counts for, and F6 (the
    /// arrival highlighted) steps through the programs that fund its service for the visitor
    /// on its day (a refugee's social orientation: UNHCR's urban program by rule, then the
    /// Netherlands', back to the rule). The arrival carries the change only when there is one.
    @Test func checkInF6ChoosesTheAppointmentsProgram() throws {
        var state = busy()
        _ = S.update(&state, .programsLoaded(DefaultPrograms.catalog(), servicesByCategory: Self.servicesByCategory))
        let appointment = try ReceptionUpdateTests().listing(7, Fixture.aissatou, hour: 14, minute: 30, status: .booked)
        #expect(state.state.programChoices(for: appointment, visitor: Fixture.aissatou) == [nil, "unhcr-urban", "nl-intercultural-center"])
        state.modal = .checkIn(CheckInDialog(visitor: Fixture.aissatou, appointment: appointment))
        var f = Snapshot.render(state)
        try Snapshot.assert(f, named: "reception-checkin-appointment")
        #expect(f.text.contains("Program: UNHCR (by rule) · Social assistance"), "\(f.text)")
        #expect(f.text.contains("F6 Program"))
        #expect(S.update(&state, .key(.enter)) == [.markArrived(appointmentId: 7, program: nil)], "unchanged: left as stored")

        state.modal = .checkIn(CheckInDialog(visitor: Fixture.aissatou, appointment: appointment))
        _ = S.update(&state, .key(.function(6)))
        _ = S.update(&state, .key(.function(6)))
        f = Snapshot.render(state)
        #expect(f.text.contains("Program: Embassy of the Netherlands (chosen)"), "\(f.text)")
        // A walk-in category highlighted: F6 is the ticket's, the arrival keeps its choice.
        _ = S.update(&state, .key(.down))
        #expect(Snapshot.render(state).text.contains("Program: UNHCR (by rule) · Social assistance"))
        _ = S.update(&state, .key(.up))
        #expect(S.update(&state, .key(.enter)) == [.markArrived(appointmentId: 7, program: .program("nl-intercultural-center"))])

        // Chosen at booking: shown as chosen; F6 twice more gives it back to the rule.
        var chosen = appointment
        chosen.appointment.programId = "unhcr-urban"
        state.modal = .checkIn(CheckInDialog(visitor: Fixture.aissatou, appointment: chosen))
        #expect(Snapshot.render(state).text.contains("Program: UNHCR (chosen)"))
        _ = S.update(&state, .key(.function(6)))
        _ = S.update(&state, .key(.function(6)))
        #expect(Snapshot.render(state).text.contains("Program: UNHCR (by rule)"))
        #expect(S.update(&state, .key(.character("a"))) == [.markArrived(appointmentId: 7, program: .byRule)])
    }

    @Test func ticketDialog() throws {
        var state = busy()
        state.modal = .ticket(TicketDialog(ticket: QueueTicket(category: .social, number: 14), visitorName: Fixture.youssef.fullName, visitorCode: Fixture.youssef.code, ahead: 2))
        let frame = Snapshot.render(state)
        try Snapshot.assert(frame, named: "reception-ticket")
        #expect(frame.text.contains("S-014 · V-2026-00001"))
    }

    /// S-012 was called by Desk 2: the dialog asks first, naming that desk, then offers the
    /// outcomes.
    @Test func closeVisitDialog() throws {
        var state = busy()
        _ = S.update(&state, .key(.tab))
        _ = S.update(&state, .key(.function(6)))
        try Snapshot.assert(Snapshot.render(state), named: "reception-close-other-desk")
        _ = S.update(&state, .key(.enter))
        try Snapshot.assert(Snapshot.render(state), named: "reception-close")
    }

    @Test func newVisitorFormWithAnError() throws {
        var state = busy()
        _ = S.update(&state, .key(.function(2)))
        for c in "Aïssatou" { _ = S.update(&state, .key(.character(c))) }
        for _ in 0..<4 { _ = S.update(&state, .key(.tab)) }
        for c in "guin" { _ = S.update(&state, .key(.character(c))) }
        _ = S.update(&state, .key(.function(2)))
        try Snapshot.assert(Snapshot.render(state), named: "reception-form-error")
    }

    @Test func tooSmallAt30x10() throws {
        let frame = Snapshot.render(Fixture.state(size: Size(width: 30, height: 10)))
        try Snapshot.assert(frame, named: "reception-too-small-30x10")
        #expect(frame.text.contains("Enlarge"))
    }

    @Test(arguments: [Size(width: 1, height: 1), Size(width: 0, height: 0), Size(width: 79, height: 24), Size(width: 80, height: 23), Size(width: 3, height: 2)])
    func tinySizesDrawWithoutCrashing(size: Size) {
        var state = busy()
        state.size = size
        let frame = Snapshot.render(state)
        #expect(frame.size == size)
    }

    @Test func widerScreenUsesTheRoom() throws {
        var state = busy()
        state.size = Size(width: 120, height: 30)
        let frame = Snapshot.render(state)
        try Snapshot.assert(frame, named: "reception-busy-120x30")
        #expect(frame.text.contains("Diallo-Ndiaye Traoré"))
    }

    /// Every row of every snapshot is exactly as wide as the frame (no shifted columns).
    @Test func everyRowIsExactlyTheFrameWidth() {
        let frame = Snapshot.render(busy())
        for line in frame.lines() { #expect(DisplayText.width(of: line) == 80) }
    }

    @Test func expectedArrivals() throws {
        var state = busy()
        let make = ReceptionUpdateTests()
        _ = S.update(&state, .expectedLoaded([
            try make.listing(1, Fixture.samrawit, hour: 10, minute: 30, status: .checkedIn),
            try make.listing(2, Fixture.youssef, hour: 14, minute: 0, status: .booked),
            try make.listing(3, Fixture.aissatou, hour: 15, minute: 15, status: .booked),
        ]))
        _ = S.update(&state, .key(.tab))
        _ = S.update(&state, .key(.tab))
        let frame = Snapshot.render(state)
        try Snapshot.assert(frame, named: "reception-expected")
        #expect(frame.text.contains("Expected today · 2"))
        #expect(frame.text.contains("14:00"))
    }
}
