import Foundation
import FrontDeskDomain
import FrontDeskUI
import TerminalKit
import Testing

/// Reducer tests: each event's exact state changes and effects.
struct ReceptionUpdateTests {
    typealias S = ReceptionScreen

    func send(_ state: inout Harness<S>, _ keys: Key...) -> [S.Effect] {
        keys.flatMap { S.update(&state, .key($0)) }
    }

    @Test func startLoadsTodaysQueue() {
        var state = Fixture.state()
        let day = LocalDate(year: 2026, month: 4, day: 14)
        #expect(S.start(&state) == [.loadQueue(day), .loadExpected(day), .loadPrograms])
    }

    @Test func typingInSearchAsksForResultsOfTheWholeQuery() {
        var state = Fixture.state()
        #expect(send(&state, .tab, .function(3)) == [])
        #expect(state.focus == .search)
        #expect(send(&state, .character("a")) == [.search(query: "a", limit: S.searchLimit)])
        #expect(send(&state, .character("ï")) == [.search(query: "aï", limit: S.searchLimit)])
        #expect(send(&state, .backspace) == [.search(query: "a", limit: S.searchLimit)])
        #expect(send(&state, .backspace) == [])
        #expect(state.results.isEmpty)
    }

    @Test func searchHasFocusAtStartSoTypingFindsAtOnce() {
        var state = Fixture.state()
        #expect(state.focus == .search)
        #expect(send(&state, .character("f")) == [.search(query: "f", limit: S.searchLimit)])
        #expect(state.categoryFilter == nil)
    }

    /// Typing a name with the queue or the expected arrivals in focus types into the search:
    /// `cisse` calls no ticket, `ama` marks nobody arrived, `fatima` filters nothing.
    @Test(arguments: [1, 2])
    func lettersInAListPaneGoToTheSearch(tabs: Int) {
        var state = Fixture.state()
        _ = S.update(&state, .queueLoaded(Fixture.busyQueue, QueueCounts()))
        for _ in 0..<tabs { _ = send(&state, .tab) }
        #expect(state.focus == (tabs == 1 ? .queue : .expected))
        let effects = "cisse".flatMap { send(&state, .character($0)) }
        #expect(effects == ["c", "ci", "cis", "ciss", "cisse"].map { .search(query: $0, limit: S.searchLimit) })
        #expect(state.focus == .search)
        #expect(state.searchField.text == "cisse")
        #expect(state.categoryFilter == nil && state.modal == nil && state.overlay == nil)
    }

    /// A pasted name with line breaks and a tab is text for the search: no check-in, one line.
    @Test(arguments: [0, 1, 2])
    func aPasteIsTextNeverKeys(tabs: Int) {
        var state = Fixture.state()
        _ = S.update(&state, .queueLoaded(Fixture.busyQueue, QueueCounts()))
        _ = send(&state, .character("y"))
        _ = S.update(&state, .searchCompleted(query: "y", results: [Fixture.youssef]))
        for _ in 0..<tabs { _ = send(&state, .tab) }
        let effects = S.update(&state, .shell(.paste("Fatima Zahra Alaoui\nSalé\n\tc")))
        #expect(effects == [.search(query: "yFatima Zahra Alaoui Salé c", limit: S.searchLimit)])
        #expect(state.modal == nil && state.overlay == nil && state.focus == .search)
        #expect(state.searchField.text == "yFatima Zahra Alaoui Salé c")
    }

    /// Every printable ASCII character, in every pane, only edits and searches.
    @Test func noPrintableKeyActsOnData() {
        for tabs in 0...2 {
            for scalar in (0x20...0x7E).compactMap(Unicode.Scalar.init) {
                var state = Fixture.state()
                _ = S.update(&state, .queueLoaded(Fixture.busyQueue, QueueCounts()))
                for _ in 0..<tabs { _ = send(&state, .tab) }
                let effects = send(&state, .character(Character(scalar)))
                let onlySearch = effects.allSatisfy { if case .search = $0 { true } else { false } }
                #expect(onlySearch, "\(scalar) in pane \(tabs): \(effects)")
                #expect(state.modal == nil && state.overlay == nil && state.categoryFilter == nil, "\(scalar) in pane \(tabs)")
            }
        }
    }

    @Test func resultsOfAnOlderQueryAreDropped() {
        var state = Fixture.state()
        _ = send(&state, .character("a"), .character("i"))
        _ = S.update(&state, .searchCompleted(query: "a", results: [Fixture.youssef]))
        #expect(state.results.isEmpty)
        _ = S.update(&state, .searchCompleted(query: "ai", results: [Fixture.aissatou]))
        #expect(state.results == [Fixture.aissatou])
        #expect(state.resultsQuery == "ai")
    }

    @Test func enterOnAResultOpensTheCheckInDialogAndEnterChecksIn() {
        var state = Fixture.state()
        _ = send(&state, .character("y"))
        _ = S.update(&state, .searchCompleted(query: "y", results: [Fixture.aissatou, Fixture.youssef]))
        #expect(send(&state, .down) == [])
        #expect(send(&state, .enter) == [])
        #expect(state.modal == .checkIn(CheckInDialog(visitor: Fixture.youssef, category: .social)))
        #expect(send(&state, .down) == [])
        #expect(state.modal == .checkIn(CheckInDialog(visitor: Fixture.youssef, category: .professional)))
        #expect(send(&state, .enter) == [.checkIn(visitorId: 1, category: .professional)])
        #expect(state.modal == nil)
    }

    /// One key per decision: P, S or E (either case) or the category's digit gives the ticket.
    @Test(arguments: [(Key.character("P"), ServiceCategory.psychological), (.character("p"), .psychological),
                      (.character("s"), .social), (.character("E"), .professional), (.character("3"), .professional)])
    func theCategoryLetterChecksInAtOnce(key: Key, category: ServiceCategory) {
        var state = Fixture.state()
        state.modal = .checkIn(CheckInDialog(visitor: Fixture.youssef))
        #expect(send(&state, key) == [.checkIn(visitorId: 1, category: category)])
        #expect(state.modal == nil)
    }

    /// The ticket closes on the next letter, which starts the next search.
    @Test func theNextNameTypedClosesTheTicketAndSearches() {
        var state = Fixture.state()
        state.modal = .ticket(TicketDialog(ticket: QueueTicket(category: .social, number: 3), visitorName: "x", visitorCode: Fixture.youssef.code,
                                           ahead: 0))
        state.focus = .queue
        #expect(send(&state, .down) == [])
        #expect(state.modal != nil, "a key that types nothing keeps the ticket")
        #expect(send(&state, .character("f")) == [.search(query: "f", limit: S.searchLimit)])
        #expect(state.modal == nil)
        #expect(state.focus == .search)
        #expect(state.searchField.text == "f")
    }

    @Test func escapeCancelsTheCheckInDialogWithoutEffect() {
        var state = Fixture.state()
        state.modal = .checkIn(CheckInDialog(visitor: Fixture.youssef))
        #expect(send(&state, .escape) == [])
        #expect(state.modal == nil)
    }

    @Test func aVisitorAlreadyInTheQueueIsNotOfferedASecondTicket() {
        var state = Fixture.state()
        _ = S.update(&state, .queueLoaded(Fixture.busyQueue, QueueCounts(waiting: 4, called: 1)))
        _ = send(&state, .character("y"))
        _ = S.update(&state, .searchCompleted(query: "y", results: [Fixture.youssef]))
        #expect(send(&state, .enter) == [])
        #expect(state.modal == nil)
        #expect(state.notice == Notice(.error, "Already checked in today with ticket S-014."))
    }

    @Test func checkedInShowsTheTicketClearsTheSearchAndReloads() {
        var state = Fixture.state()
        _ = send(&state, .character("y"))
        let visit = Visit(id: 9, visitorId: 1, category: .social, day: LocalDate(year: 2026, month: 4, day: 14), ticketNumber: 14, arrivedAt: Fixture.now)
        let effects = S.update(&state, .checkedIn(visit, Fixture.youssef))
        #expect(effects == [.loadQueue(LocalDate(year: 2026, month: 4, day: 14)), .loadExpected(LocalDate(year: 2026, month: 4, day: 14))])
        #expect(state.modal == .ticket(TicketDialog(ticket: QueueTicket(category: .social, number: 14), visitorName: "يوسف المهاجر", visitorCode: Fixture.youssef.code, ahead: 0)))
        #expect(state.searchField.text.isEmpty)
        #expect(state.notice?.text == "Ticket S-014 given to V-2026-00001.")
        #expect(send(&state, .enter) == [])
        #expect(state.modal == nil)
    }

    @Test func queueRowsShowCalledFirstThenWaitingInArrivalOrder() {
        var state = Fixture.state()
        _ = S.update(&state, .queueLoaded(Fixture.busyQueue, QueueCounts()))
        #expect(state.queueRows.map(\.visit.ticket.description) == ["S-012", "S-014", "P-003", "E-005", "S-015"])
        _ = send(&state, .tab, .function(4))
        #expect(state.categoryFilter == .psychological)
        #expect(state.queueRows.map(\.visit.ticket.description) == ["P-003"])
        _ = send(&state, .control("f"))
        #expect(state.queueRows.map(\.visit.ticket.description) == ["S-012", "S-014", "S-015"])
        #expect(send(&state, .function(5)) == [.callNext(.social)])
    }

    /// After F5 the selection moves to the ticket this desk called: F6 then closes that one.
    @Test func theTicketJustCalledIsSelected() {
        var state = Fixture.state()
        _ = S.update(&state, .queueLoaded(Fixture.busyQueue, QueueCounts()))
        #expect(state.selectedQueueEntry?.visit.ticket.description == "S-012")
        #expect(send(&state, .function(5)) == [.callNext(nil)])
        let called = Fixture.entry(Fixture.youssef, .social, 14, minutesAgo: 31, calledMinutesAgo: 0)
        #expect(S.update(&state, .ticketCalled(called)) == [.loadQueue(LocalDate(year: 2026, month: 4, day: 14))])
        var queue = Fixture.busyQueue
        queue[1] = called
        _ = S.update(&state, .queueLoaded(queue, QueueCounts()))
        #expect(state.selectedQueueEntry?.visit.ticket.description == "S-014")
        _ = send(&state, .tab, .function(6))
        guard case .closeVisit(let dialog)? = state.modal else { Issue.record("no close dialog"); return }
        #expect(dialog.entry.visit.ticket.description == "S-014")
    }

    @Test func closedVisitsLeaveTheQueue() {
        var state = Fixture.state()
        let closed = Fixture.entry(Fixture.youssef, .social, 1, minutesAgo: 90, calledMinutesAgo: 60, outcome: .seen)
        _ = S.update(&state, .queueLoaded([closed] + Fixture.busyQueue, QueueCounts()))
        #expect(!state.queueRows.contains { $0.visit.ticketNumber == 1 && $0.visit.category == .social })
    }

    @Test func waitingMinutesFollowTheClockTick() {
        var state = Fixture.state()
        _ = S.update(&state, .queueLoaded(Fixture.busyQueue, QueueCounts()))
        #expect(state.waitingSummary(.social) == (2, 31))
        #expect(state.tick(Fixture.now.addingTimeInterval(600)) == [])
        #expect(state.waitingSummary(.social) == (2, 41))
    }

    @Test func aNewCenterDayReloadsTheQueue() {
        var state = Fixture.state()
        _ = S.start(&state)
        #expect(state.tick(Fixture.now.addingTimeInterval(60)) == [])
        // 23:10 UTC on 2026-04-14 is 00:10 on 2026-04-15 in Casablanca.
        let effects = state.tick(Date(timeIntervalSince1970: 1_776_208_200))
        #expect(effects == [.loadQueue(LocalDate(year: 2026, month: 4, day: 15)), .loadExpected(LocalDate(year: 2026, month: 4, day: 15))])
    }

    @Test func closeVisitDialogChoosesAnOutcome() {
        var state = Fixture.state()
        _ = S.update(&state, .queueLoaded(Fixture.busyQueue, QueueCounts()))
        #expect(send(&state, .tab, .control("x")) == [])
        guard case .closeVisit(let dialog)? = state.modal else { Issue.record("no close dialog"); return }
        #expect(dialog.entry.visit.ticket.description == "S-012")
        #expect(dialog.otherDesk == "Desk 2", "Desk 2 called it; this is Desk 1")
        #expect(send(&state, .character("o")) == [], "yes (oui): on to the outcome")
        // One key per decision: the outcome's letter closes at once; arrows then Enter too.
        #expect(send(&state, .character("l")) == [.close(visitId: dialog.entry.visit.id, outcome: .leftUnseen)])
        #expect(state.modal == nil)
        _ = send(&state, .control("x"), .character("y"))
        #expect(send(&state, .down, .down, .enter) == [.close(visitId: dialog.entry.visit.id, outcome: .redirected)])
    }

    /// Closing a ticket another desk called asks first and names that desk; Esc leaves it to
    /// that desk. A ticket this desk called closes without the question.
    @Test func closingATicketAnotherDeskCalledAsksFirst() throws {
        var state = Fixture.state()
        _ = S.update(&state, .queueLoaded(Fixture.busyQueue, QueueCounts()))
        _ = send(&state, .tab, .function(6))
        guard case .closeVisit(let asking)? = state.modal else { Issue.record("no close dialog"); return }
        #expect(asking.otherDesk == "Desk 2")
        let frame = state.frame
        #expect(frame.lines().contains { $0.contains("Called by Desk 2, not by this desk.") })
        #expect(frame.lines().contains { $0.contains("Close this visit anyway?") })
        #expect(frame.lines().last?.contains("y Close it") == true)
        #expect(send(&state, .enter, .enter, .character("s")) == [], "F6 Enter Enter never closes another desk's ticket")
        guard case .closeVisit(let still)? = state.modal else { Issue.record("the question"); return }
        #expect(still.otherDesk == "Desk 2")
        #expect(send(&state, .character("y")) == [])
        guard case .closeVisit(let answered)? = state.modal else { Issue.record("the outcome step"); return }
        #expect(answered.otherDesk == nil)
        _ = send(&state, .escape)
        #expect(state.modal == nil)
        _ = send(&state, .tab, .function(6), .escape)
        #expect(state.modal == nil, "Esc leaves the ticket to Desk 2")

        var mine = Fixture.busyQueue
        mine[0].visit.calledBy = "Desk 1"
        _ = S.update(&state, .queueLoaded(mine, QueueCounts()))
        _ = send(&state, .tab, .function(6))
        guard case .closeVisit(let own)? = state.modal else { Issue.record("no close dialog"); return }
        #expect(own.otherDesk == nil)
        #expect(send(&state, .enter) == [.close(visitId: own.entry.visit.id, outcome: .seen)])
    }

    @Test func quitAsksTheShellFirst() {
        var state = Fixture.state()
        #expect(send(&state, .function(10)) == [])
        #expect(state.overlay == .quitConfirm)
        #expect(send(&state, .character("n")) == [])
        #expect(state.overlay == nil && !state.quitRequested)
        #expect(send(&state, .tab, .control("q"), .character("y")) == [])
        #expect(state.quitRequested)
    }

    @Test func helpOpensWithF1InEveryPane() {
        var state = Fixture.state()
        _ = send(&state, .function(1))
        #expect(state.overlay == .help)
        _ = send(&state, .escape, .tab, .function(1))
        #expect(state.overlay == .help)
        // `?` is text: it goes to the search, as every printable key does.
        _ = send(&state, .escape, .character("?"))
        #expect(state.overlay == nil && state.searchField.text == "?")
    }

    @Test func keysBelowTheMinimumSizeDoNothingButQuit() {
        var state = Fixture.state(size: Size(width: 30, height: 10))
        #expect(send(&state, .character("a")) == [])
        #expect(state.searchField.text.isEmpty)
        #expect(send(&state, .function(10), .character("y")) == [])
        #expect(state.quitRequested)
    }

    // MARK: The new-visitor form

    func typeText(_ state: inout Harness<S>, _ text: String) {
        for c in text { _ = S.update(&state, .key(.character(c))) }
    }

    @Test func theFormStartsWithWhatWasTypedInTheSearch() {
        var state = Fixture.state()
        typeText(&state, "Samrawit Tesfay")
        _ = send(&state, .function(2))
        guard case .visitorForm(let form)? = state.modal else { Issue.record("no form"); return }
        #expect(form.givenName.text == "Samrawit")
        #expect(form.familyName.text == "Tesfay")
    }

    @Test func anInvalidFormStoresNothingAndKeepsWhatWasTyped() {
        var state = Fixture.state()
        _ = send(&state, .function(2))
        typeText(&state, "Aïssatou")
        _ = send(&state, .tab, .tab, .tab, .tab)   // nationality
        typeText(&state, "zzzz")
        let effects = send(&state, .function(2))
        #expect(effects == [])
        guard case .visitorForm(let form)? = state.modal else { Issue.record("form closed"); return }
        #expect(form.givenName.text == "Aïssatou")
        #expect(form.focus == .nationality)
        #expect(form.error == "Unknown country: ZZZZ. Type part of its name.")
    }

    /// "Z" and 40,000 combining marks is one character by count: pasted into the form, it is
    /// refused with a message on save, and nothing is registered.
    @Test func aPileOfCombiningMarksIsRefusedByTheForm() {
        var state = Fixture.state()
        _ = send(&state, .function(2))
        _ = S.update(&state, .shell(.paste("Z" + String(repeating: "\u{0301}", count: 40_000))))
        _ = send(&state, .tab, .tab, .tab, .tab)
        typeText(&state, "maroc")
        _ = send(&state, .tab, .tab, .tab, .tab, .character(" "))
        #expect(send(&state, .function(2)) == [])
        guard case .visitorForm(let form)? = state.modal else { Issue.record("form closed"); return }
        #expect(form.focus == .givenName)
        #expect(form.error == "A letter of a name can carry at most 7 marks (accents, vowel signs).")
    }

    @Test func consentIsRequired() {
        var state = Fixture.state()
        _ = send(&state, .function(2))
        typeText(&state, "Youssef")
        _ = send(&state, .tab, .tab, .tab, .tab)
        typeText(&state, "maroc")
        #expect(send(&state, .function(2)) == [])
        guard case .visitorForm(let form)? = state.modal else { Issue.record("form closed"); return }
        #expect(form.focus == .consentServices)
        #expect(form.error == "Consent to keep a record for services is required.")
    }

    /// A registration resembling a record shows the candidates and asks: Enter uses the record
    /// (no new one), F2 registers a new person all the same, Esc goes back to the form.
    @Test func aResemblingRegistrationAsksWhetherItIsOneOfThem() throws {
        TerminalLocale.useUTF8ForTests()
        var state = Fixture.state()
        _ = send(&state, .function(2))
        typeText(&state, "Youssef")
        _ = send(&state, .tab)
        typeText(&state, "El Mouhajir")
        _ = send(&state, .tab, .tab, .tab)
        typeText(&state, "syri")
        _ = send(&state, .tab, .tab, .tab, .tab, .character(" "))
        let effects = send(&state, .function(2))
        guard case .register(let typed)? = effects.first else { Issue.record("no registration: \(effects)"); return }
        guard case .visitorForm(let form)? = state.modal else { Issue.record("no form"); return }
        _ = S.update(&state, .possibleDuplicates(typed, [Fixture.youssef, Fixture.lina]))
        guard case .duplicates(let dialog)? = state.modal else { Issue.record("no question"); return }
        #expect(dialog.candidates == [Fixture.youssef, Fixture.lina] && dialog.selected == Fixture.youssef)
        let frame = state.frame
        #expect(frame.text.contains("Youssef El Mouhajir may already be registered:"))
        #expect(frame.text.contains("V-2026-00001  يوسف المهاجر"))
        #expect(frame.lines().last?.contains("Enter Use this record") == true)
        try Snapshot.assert(frame, named: "reception-duplicates")
        // Letters do nothing here; Esc goes back to the form with everything typed.
        #expect(send(&state, .character("x")) == [])
        _ = send(&state, .escape)
        #expect(state.modal == .visitorForm(form))
        _ = S.update(&state, .possibleDuplicates(typed, [Fixture.youssef, Fixture.lina]))
        #expect(send(&state, .function(2)) == [.registerAnyway(typed)])
        #expect(send(&state, .down, .enter) == [.chooseExisting(Fixture.lina)])
        _ = S.update(&state, .duplicateChosen(Fixture.lina))
        #expect(state.modal == .checkIn(CheckInDialog(visitor: Fixture.lina)))
        #expect(state.notice == Notice(.info, "Existing record V-2026-00004 used; nothing new stored."))
    }

    @Test func aValidFormAsksToRegisterAndThenOffersCheckIn() {
        var state = Fixture.state()
        _ = send(&state, .function(2))
        typeText(&state, "يوسف")
        _ = send(&state, .tab)
        typeText(&state, "المهاجر")
        _ = send(&state, .tab, .right, .right, .tab)  // male
        typeText(&state, "1994")
        _ = send(&state, .tab)
        typeText(&state, "syri")
        _ = send(&state, .tab)
        typeText(&state, "arabic, french")
        _ = send(&state, .tab, .right, .tab)            // refugee
        typeText(&state, "+212 612 345 678")
        _ = send(&state, .tab, .character(" "), .tab, .character(" "))
        let effects = send(&state, .function(2))
        let expected = NewVisitor(givenName: "يوسف", familyName: "المهاجر", sex: .male, birthYear: 1994, nationality: "SY",
                                  languages: ["ar", "fr"], status: .refugee, phone: "+212612345678", consentScopes: [.services, .reporting])
        #expect(effects == [.register(expected)])
        _ = S.update(&state, .visitorRegistered(Fixture.youssef))
        #expect(state.modal == .checkIn(CheckInDialog(visitor: Fixture.youssef)))
    }

    @Test func escapeOnATypedFormAsksTwice() {
        var state = Fixture.state()
        _ = send(&state, .function(2))
        typeText(&state, "A")
        _ = send(&state, .escape)
        guard case .visitorForm(let form)? = state.modal else { Issue.record("form closed on first Esc"); return }
        #expect(form.discardArmed)
        _ = send(&state, .escape)
        #expect(state.modal == nil)
    }

    @Test func aStoreRefusalKeepsTheFormOpen() {
        var state = Fixture.state()
        _ = send(&state, .function(2))
        typeText(&state, "Omar")
        _ = S.update(&state, .failed(.store("The database did not answer as expected; nothing was changed.")))
        guard case .visitorForm(let form)? = state.modal else { Issue.record("form closed"); return }
        #expect(form.givenName.text == "Omar")
        #expect(form.error == "The database did not answer as expected; nothing was changed.")
    }

    // MARK: Expected arrivals

    func listing(_ id: Int64, _ visitor: Visitor, hour: Int, minute: Int, status: AppointmentStatus) throws -> AppointmentListing {
        let day = LocalDate(year: 2026, month: 4, day: 14)
        let start = try Fixture.calendar.instant(day, LocalTime(hour: hour, minute: minute)!)
        let appointment = Appointment(id: id, visitorId: visitor.id, serviceId: "social-orientation", counselorId: 1, roomId: 1,
                                      start: start, end: start.addingTimeInterval(2700), status: status, createdBy: "Desk 1")
        let service = Service(id: "social-orientation", nameFr: "Accueil et orientation sociale", nameEn: "Social assistance and orientation",
                              category: .social, durationMinutes: 45)
        return AppointmentListing(appointment: appointment, localStart: LocalDateTime(day, LocalTime(hour: hour, minute: minute)!),
                                  localEnd: LocalDateTime(day, LocalTime(hour: hour, minute: minute + 45 >= 60 ? minute - 15 : minute + 45)!),
                                  visitorCode: visitor.code, visitorName: visitor.fullName, service: service,
                                  counselorName: "Leila Amrani", roomName: "Salle 2")
    }

    @Test func expectedArrivalsListBookedAndArrivedByTimeOnly() throws {
        var state = Fixture.state()
        let later = try listing(1, Fixture.youssef, hour: 14, minute: 0, status: .booked)
        let earlier = try listing(2, Fixture.samrawit, hour: 10, minute: 30, status: .checkedIn)
        let done = try listing(3, Fixture.aissatou, hour: 9, minute: 0, status: .completed)
        let cancelled = try listing(4, Fixture.lina, hour: 11, minute: 0, status: .cancelled)
        _ = S.update(&state, .expectedLoaded([later, done, earlier, cancelled]))
        #expect(state.expected.map(\.id) == [2, 1])
    }

    @Test func enterOnAnExpectedVisitorMarksThemArrived() throws {
        var state = Fixture.state()
        _ = S.update(&state, .expectedLoaded([try listing(1, Fixture.youssef, hour: 10, minute: 0, status: .checkedIn),
                                              try listing(2, Fixture.samrawit, hour: 11, minute: 0, status: .booked)]))
        _ = send(&state, .tab, .tab)
        #expect(state.focus == .expected)
        // It is 11:42: the pane opens at the first appointment not yet over (11:00), not 10:00.
        #expect(state.selectedExpected?.id == 2)
        #expect(send(&state, .up, .enter) == [])
        #expect(state.notice?.text == "يوسف المهاجر is already marked arrived.")
        #expect(send(&state, .down, .control("r")) == [.markArrived(appointmentId: 2)])
        let arrived = try listing(2, Fixture.samrawit, hour: 11, minute: 0, status: .checkedIn)
        #expect(S.update(&state, .arrivalMarked(arrived)) == [.loadExpected(LocalDate(year: 2026, month: 4, day: 14))])
        #expect(state.notice?.text == "ሳምራዊት ተስፋይ marked arrived for 11:00.")
        // The desk is ready for the next person: an empty search has focus.
        #expect(state.focus == .search && state.searchField.text.isEmpty)
    }

    /// Enter on a visitor expected today offers the arrival first: letters, Enter, Enter (or a)
    /// marks them arrived; a category letter still gives a walk-in ticket.
    @Test func enterOnASearchResultExpectedTodayOffersTheArrivalFirst() throws {
        TerminalLocale.useUTF8ForTests()
        var state = Fixture.state()
        let appointment = try listing(7, Fixture.samrawit, hour: 14, minute: 30, status: .booked)
        _ = S.update(&state, .expectedLoaded([appointment]))
        typeText(&state, "sam")
        _ = S.update(&state, .searchCompleted(query: "sam", results: [Fixture.samrawit]))
        #expect(send(&state, .enter) == [])
        guard case .checkIn(let dialog)? = state.modal else { Issue.record("no dialog"); return }
        #expect(dialog.appointment == appointment && dialog.onArrival)
        let frame = state.frame
        #expect(frame.text.contains("▶ A  Arrived for 14:30 · Leila Amrani"))
        #expect(frame.text.contains("Or a walk-in ticket:"))
        #expect(frame.text.contains("─ Check-in ─") && !frame.text.contains("Walk-in check-in"))
        #expect(send(&state, .enter) == [.markArrived(appointmentId: 7)], "two keys after the letters")
        _ = S.update(&state, .searchCompleted(query: "sam", results: [Fixture.samrawit]))
        _ = send(&state, .enter)
        #expect(send(&state, .character("s")) == [.checkIn(visitorId: Fixture.samrawit.id, category: .social)])
        _ = S.update(&state, .searchCompleted(query: "sam", results: [Fixture.samrawit]))
        _ = send(&state, .enter)
        #expect(send(&state, .down, .down, .enter) == [.checkIn(visitorId: Fixture.samrawit.id, category: .social)])
    }

    /// F8 in "Expected today" books for the highlighted appointment's visitor; a group
    /// session's row is never marked arrived as a whole: Enter lists its seated visitors, each
    /// marked arrived on their own.
    @Test func expectedPaneKeysActOnTheHighlightedAppointment() throws {
        TerminalLocale.useUTF8ForTests()
        var state = Fixture.state()
        _ = S.update(&state, .queueLoaded(Fixture.busyQueue, QueueCounts()))
        let mine = try listing(7, Fixture.samrawit, hour: 14, minute: 30, status: .booked)
        var group = try listing(8, Fixture.youssef, hour: 15, minute: 0, status: .booked)
        group.appointment.visitorId = nil
        group.appointment.groupSessionId = 3
        group.visitorName = nil
        _ = S.update(&state, .expectedLoaded([mine, group]))
        _ = send(&state, .tab, .tab)
        #expect(state.bookingCandidateId == Fixture.samrawit.id, "not the queue's selected ticket")
        #expect(send(&state, .down, .enter) == [.loadGroupAttendees(group)])
        let seated = [GroupAttendee(visitorId: Fixture.youssef.id, code: Fixture.youssef.code, name: Fixture.youssef.fullName, arrivedAt: nil),
                      GroupAttendee(visitorId: Fixture.aissatou.id, code: Fixture.aissatou.code, name: Fixture.aissatou.fullName, arrivedAt: nil)]
        _ = S.update(&state, .groupAttendeesLoaded(group, seated))
        guard case .groupArrivals(let dialog)? = state.modal else { Issue.record("no group dialog"); return }
        #expect(dialog.selected?.visitorId == Fixture.youssef.id)
        #expect(state.frame.text.contains("0 of 2 arrived"))
        #expect(state.frame.text.contains(Fixture.aissatou.code.description))
        // Enter on the second marks that visitor only.
        #expect(send(&state, .down, .enter) == [.markGroupArrival(sessionId: 3, visitorId: Fixture.aissatou.id)])
        var after = seated
        after[1].arrivedAt = Date(timeIntervalSince1970: 1_776_168_000) // 2026-04-14 12:00 UTC, 13:00 in Rabat
        _ = S.update(&state, .groupArrivalMarked(sessionId: 3, visitorId: Fixture.aissatou.id, after))
        #expect(state.notice?.text == "\(Fixture.aissatou.fullName) marked arrived for the group session at 15:00.")
        guard case .groupArrivals(let marked)? = state.modal else { Issue.record("the list closed"); return }
        #expect(marked.selected?.visitorId == Fixture.youssef.id, "on to the next one not yet arrived")
        #expect(state.frame.text.contains("1 of 2 arrived") && state.frame.text.contains("arrived 13:00"))
        // Marked twice: refused on screen, no effect.
        #expect(send(&state, .down, .enter) == [])
        // A name typed closes the list and goes to the search.
        #expect(send(&state, .character("k")) == [.search(query: "k", limit: S.searchLimit)])
        #expect(state.modal == nil && state.focus == .search)
    }

    @Test func tabCyclesSearchQueueExpected() {
        var state = Fixture.state()
        #expect(state.focus == .search)
        _ = send(&state, .tab)
        #expect(state.focus == .queue)
        _ = send(&state, .tab)
        #expect(state.focus == .expected)
        _ = send(&state, .tab)
        #expect(state.focus == .search)
    }
}
