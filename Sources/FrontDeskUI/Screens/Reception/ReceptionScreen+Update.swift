import Foundation
import FrontDeskDomain
import TerminalKit

extension ReceptionScreen {
    /// Applies one event to the state and returns the effects to perform. Pure: no I/O, no clock.
    public static func update(_ state: inout State, _ event: Event, _ ctx: inout ScreenContext) -> [Effect] {
        let effects = apply(&state, event, &ctx)
        syncLists(&state, ctx)
        return effects
    }

    /// Keeps both lists' row counts and viewport heights in step with the data and the size.
    static func syncLists(_ state: inout State, _ ctx: ScreenContext) {
        state.queueList.setCount(state.queueRows.count)
        state.queueList.setViewportHeight(queueViewportHeight(ctx))
        state.expectedList.setCount(state.expected.count)
        state.expectedList.setViewportHeight(expectedViewportHeight(ctx))
        state.resultsList.setCount(state.results.count)
        state.resultsList.setViewportHeight(resultsViewportHeight(ctx))
    }

    private static func apply(_ state: inout State, _ event: Event, _ ctx: inout ScreenContext) -> [Effect] {
        switch event {
        case .shell(.resized):
            return []
        case .shell(.tick):
            // Past midnight (center time) the queue of the new day is shown.
            let dayChanged = state.day.map { $0 != ctx.today } ?? false
            state.day = ctx.today
            return dayChanged ? [.loadQueue(ctx.today), .loadExpected(ctx.today)] : []
        case .shell(.dataChanged), .shell(.shown):
            state.day = ctx.today
            var effects: [Effect] = [.loadQueue(ctx.today), .loadExpected(ctx.today)]
            if !state.resultsQuery.isEmpty { effects.append(.search(query: state.resultsQuery, limit: searchLimit)) }
            return effects
        case .queueLoaded(let visits, let counts):
            let selectedId = state.justCalled ?? state.selectedQueueEntry?.id
            state.justCalled = nil
            state.visits = visits
            state.counts = counts
            let rows = state.queueRows
            state.queueList.setCount(rows.count)
            if let selectedId, let i = rows.firstIndex(where: { $0.id == selectedId }) {
                state.queueList.select(i)
            }
            return []
        case .programsLoaded(let programs, let servicesByCategory):
            state.programs = programs
            state.servicesByCategory = servicesByCategory
            return []
        case .expectedLoaded(let listings):
            let selectedId = state.selectedExpected?.id
            state.expected = listings
                .filter { $0.appointment.status == .booked || $0.appointment.status == .checkedIn }
                .sorted { $0.appointment.start < $1.appointment.start }
            state.expectedList.setCount(state.expected.count)
            if let selectedId, let i = state.expected.firstIndex(where: { $0.id == selectedId }) {
                state.expectedList.select(i)
            } else if let i = state.expected.firstIndex(where: { $0.appointment.end > ctx.now }) {
                // The pane opens at the current time: the first appointment not yet over.
                state.expectedList.select(i)
            }
            return []
        case .arrivalMarked(let listing):
            ctx.notice = Notice(.info, ctx.strings("notice.arrived", listing.visitorName ?? "", listing.localStart.time.description))
            backToSearch(&state)
            return [.loadExpected(ctx.today)]
        case .groupAttendeesLoaded(let session, let attendees):
            state.modal = .groupArrivals(GroupArrivalsDialog(session: session, attendees: attendees))
            ctx.notice = attendees.isEmpty ? Notice(.info, ctx.strings("group.none")) : nil
            return []
        case .groupArrivalMarked(let sessionId, let visitorId, let attendees):
            guard case .groupArrivals(var dialog)? = state.modal, dialog.session.appointment.groupSessionId == sessionId else { return [] }
            let name = attendees.first { $0.visitorId == visitorId }?.name ?? ""
            dialog.update(attendees, marked: visitorId)
            state.modal = .groupArrivals(dialog)
            ctx.notice = Notice(.info, ctx.strings("notice.groupArrived", name, dialog.session.localStart.time.description))
            return []
        case .searchCompleted(let query, let results):
            state.search.receive(query: query, results: results, viewportHeight: resultsViewportHeight(ctx))
            return []
        case .visitorRegistered(let visitor):
            state.modal = .checkIn(CheckInDialog(visitor: visitor))
            ctx.notice = Notice(.info, ctx.strings("notice.registered", visitor.code))
            return []
        case .possibleDuplicates(let visitor, let candidates):
            guard case .visitorForm(let form)? = state.modal else { return [] }
            state.modal = .duplicates(DuplicatesDialog(visitor: visitor, candidates: candidates, form: form))
            ctx.notice = nil
            return []
        case .duplicateChosen(let visitor):
            // The person is the one already registered: on to the check-in, as after a registration.
            state.modal = .checkIn(CheckInDialog(visitor: visitor))
            ctx.notice = Notice(.info, ctx.strings("notice.duplicateChosen", visitor.code))
            return []
        case .checkedIn(let visit, let visitor):
            let ahead = state.visits.filter { $0.visit.category == visit.category && $0.visit.status == .waiting }.count
            state.modal = .ticket(TicketDialog(ticket: visit.ticket, visitorName: visitor.fullName, visitorCode: visitor.code, ahead: ahead))
            ctx.notice = Notice(.info, ctx.strings("notice.checkedIn", visit.ticket, visitor.code))
            backToSearch(&state)
            return [.loadQueue(ctx.today), .loadExpected(ctx.today)]
        case .ticketCalled(let entry):
            ctx.notice = Notice(.info, ctx.strings("notice.called", entry.visit.ticket))
            state.justCalled = entry.id
            backToSearch(&state)
            return [.loadQueue(ctx.today)]
        case .visitClosed(let visit):
            ctx.notice = Notice(.info, ctx.strings("notice.closed", visit.ticket, ctx.strings.outcome(visit.outcome ?? .seen)))
            backToSearch(&state)
            return [.loadQueue(ctx.today)]
        case .failed(let failure):
            return handleFailure(&state, failure, &ctx)
        case .shell(.key(let key)):
            return handleKey(&state, key, &ctx)
        case .shell(.paste(let text)):
            return paste(&state, text, &ctx)
        }
    }

    static func currentQuery(_ state: State) -> String { state.search.query }

    /// After each action the desk is ready for the next person: focus on an empty search.
    static func backToSearch(_ state: inout State) {
        state.focus = .search
        state.search.clear()
    }

    /// Pasted text is text: into the new-visitor form's field, else into the search (closing
    /// the ticket shown, as typing does); never a key, so a newline in it checks nobody in.
    private static func paste(_ state: inout State, _ text: String, _ ctx: inout ScreenContext) -> [Effect] {
        switch state.modal {
        case .visitorForm(var form)?:
            form.paste(text)
            form.error = nil
            state.modal = .visitorForm(form)
            return []
        case .checkIn?, .closeVisit?, .duplicates?, .groupArrivals?:
            return []
        case .ticket?, nil:
            state.modal = nil
            state.focus = .search
            switch state.search.paste(text) {
            case .search(let query):
                ctx.notice = nil
                return [.search(query: query, limit: searchLimit)]
            case .cleared, .unchanged:
                return []
            }
        }
    }

    private static func handleFailure(_ state: inout State, _ failure: Failure, _ ctx: inout ScreenContext) -> [Effect] {
        let text: String
        switch failure {
        case .queue(let e): text = ctx.strings.message(for: e)
        case .validation(let e): text = ctx.strings.message(for: e)
        case .store(let message): text = message
        }
        // A refused registration keeps the form and what was typed in it.
        if case .visitorForm(var form) = state.modal {
            form.error = text
            if case .validation(let e) = failure { form.focus = VisitorForm.field(for: e) }
            state.modal = .visitorForm(form)
        } else if case .checkIn = state.modal {
            state.modal = nil
        }
        ctx.notice = Notice(.error, text)
        return [.loadQueue(ctx.today)]
    }

    private static func handleKey(_ state: inout State, _ key: Key, _ ctx: inout ScreenContext) -> [Effect] {
        if let modal = state.modal { return handleModalKey(&state, modal, key, &ctx) }
        switch state.focus {
        case .queue: return handleQueueKey(&state, key, &ctx)
        case .search: return handleSearchKey(&state, key, &ctx)
        case .expected: return handleExpectedKey(&state, key, &ctx)
        }
    }

    // MARK: Panes

    /// A printable key in a list pane goes to the search: typing a name never acts on the queue.
    private static func typeIntoSearch(_ state: inout State, _ key: Key, _ ctx: inout ScreenContext) -> [Effect]? {
        guard TextField.isText(key) else { return nil }
        state.focus = .search
        return handleSearchKey(&state, key, &ctx)
    }

    private static func handleQueueKey(_ state: inout State, _ key: Key, _ ctx: inout ScreenContext) -> [Effect] {
        if let typed = typeIntoSearch(&state, key, &ctx) { return typed }
        guard let command = ReceptionKeys.queue.command(for: key) else { return [] }
        switch command {
        case .moveUp: state.queueList.moveUp()
        case .moveDown: state.queueList.moveDown()
        case .pageUp: state.queueList.pageUp()
        case .pageDown: state.queueList.pageDown()
        case .top: state.queueList.home()
        case .bottom: state.queueList.end()
        default: return perform(&state, command, &ctx)
        }
        return []
    }

    private static func handleExpectedKey(_ state: inout State, _ key: Key, _ ctx: inout ScreenContext) -> [Effect] {
        if let typed = typeIntoSearch(&state, key, &ctx) { return typed }
        guard let command = ReceptionKeys.expected.command(for: key) else { return [] }
        switch command {
        case .moveUp: state.expectedList.moveUp()
        case .moveDown: state.expectedList.moveDown()
        case .pageUp: state.expectedList.pageUp()
        case .pageDown: state.expectedList.pageDown()
        case .top: state.expectedList.home()
        case .bottom: state.expectedList.end()
        case .markArrived:
            guard let listing = state.selectedExpected else {
                ctx.notice = Notice(.error, ctx.strings("notice.noAppointmentSelected"))
                return []
            }
            if listing.appointment.status == .checkedIn {
                ctx.notice = Notice(.error, ctx.strings("notice.alreadyArrived", listing.visitorName ?? ""))
                return []
            }
            guard listing.appointment.visitorId != nil else {
                // A group session's row stands for the whole session: it lists its visitors,
                // each marked arrived on their own.
                guard listing.appointment.groupSessionId != nil else {
                    ctx.notice = Notice(.error, ctx.strings("notice.groupArrival"))
                    return []
                }
                return [.loadGroupAttendees(listing)]
            }
            return [.markArrived(appointmentId: listing.appointment.id)]
        default: return perform(&state, command, &ctx)
        }
        return []
    }

    private static func handleSearchKey(_ state: inout State, _ key: Key, _ ctx: inout ScreenContext) -> [Effect] {
        if let command = ReceptionKeys.search.command(for: key) {
            switch command {
            case .moveUp: state.resultsList.moveUp()
            case .moveDown: state.resultsList.moveDown()
            case .pageUp: state.resultsList.pageUp()
            case .pageDown: state.resultsList.pageDown()
            default: return perform(&state, command, &ctx)
            }
            return []
        }
        switch state.search.type(key) {
        case nil, .unchanged?:
            return []
        case .cleared?:
            ctx.notice = nil
            return []
        case .search(let query)?:
            ctx.notice = nil
            return [.search(query: query, limit: searchLimit)]
        }
    }

    /// Runs a command that is the same from either pane.
    private static func perform(_ state: inout State, _ command: ReceptionCommand, _ ctx: inout ScreenContext) -> [Effect] {
        switch command {
        case .help:
            ctx.request = .help
        case .search:
            state.focus = .search
        case .switchFocus:
            // search → queue → expected arrivals → search
            switch state.focus {
            case .search: state.focus = .queue
            case .queue: state.focus = .expected
            case .expected: state.focus = .search
            }
        case .newVisitor:
            var form = VisitorForm()
            // What was typed in the search is most often the name of the person to register.
            let typed = currentQuery(state)
            if !typed.isEmpty, typed.first?.isNumber == false {
                let parts = typed.split(separator: " ", maxSplits: 1).map(String.init)
                form.givenName.setText(parts[0])
                if parts.count > 1 { form.familyName.setText(parts[1]) }
            }
            state.modal = .visitorForm(form)
        case .checkIn:
            if let visitor = state.selectedVisitor {
                if let open = state.visits.first(where: { $0.visit.visitorId == visitor.id && $0.visit.isOpen }) {
                    ctx.notice = Notice(.error, ctx.strings.message(for: .alreadyCheckedIn(open.visit.ticket)))
                } else {
                    // Expected today: the arrival for the appointment comes first.
                    let appointment = state.expected.first { $0.appointment.visitorId == visitor.id && $0.appointment.status == .booked }
                    state.modal = .checkIn(CheckInDialog(visitor: visitor, appointment: appointment))
                }
            } else if !currentQuery(state).isEmpty {
                ctx.notice = Notice(.error, ctx.strings("notice.noVisitorSelected"))
            }
        case .callNext:
            return [.callNext(state.categoryFilter)]
        case .closeVisit:
            if let entry = state.selectedQueueEntry {
                state.modal = .closeVisit(CloseVisitDialog(entry: entry, deskName: ctx.deskName))
            } else {
                ctx.notice = Notice(.error, ctx.strings("notice.noVisitSelected"))
            }
        case .filterCategory:
            let order: [ServiceCategory?] = [nil] + ServiceCategory.allCases
            let i = order.firstIndex(of: state.categoryFilter) ?? 0
            state.categoryFilter = order[(i + 1) % order.count]
            state.queueList = ListState(count: state.queueRows.count, viewportHeight: queueViewportHeight(ctx))
        case .quit:
            ctx.request = .quit
        case .moveUp, .moveDown, .pageUp, .pageDown, .top, .bottom, .markArrived:
            break
        }
        return []
    }

    // MARK: Dialogs (they see keys first)

    private static func handleModalKey(_ state: inout State, _ modal: Modal, _ key: Key, _ ctx: inout ScreenContext) -> [Effect] {
        switch modal {
        case .ticket:
            if ReceptionKeys.ticket.command(for: key) == .close {
                state.modal = nil
                return []
            }
            // One key per decision: the next name typed closes the ticket and goes to the search.
            guard TextField.isText(key) else { return [] }
            state.modal = nil
            state.focus = .search
            return handleSearchKey(&state, key, &ctx)
        case .checkIn(var dialog) where ReceptionKeys.checkInProgram.command(for: key) != nil:
            // F6: the next program that funds the appointment's service (the arrival
            // highlighted) or a service of the highlighted category, then back to the rule's.
            if let appointment = dialog.appointment, dialog.onArrival {
                let choices = state.programChoices(for: appointment, visitor: dialog.visitor)
                dialog.arrivalProgramId = choices[((choices.firstIndex(of: dialog.arrivalProgramId) ?? 0) + 1) % choices.count]
            } else {
                let choices = state.programChoices(for: dialog.category, visitor: dialog.visitor, on: state.day ?? ctx.today)
                dialog.programId = choices[((choices.firstIndex(of: dialog.programId) ?? 0) + 1) % choices.count]
            }
            state.modal = .checkIn(dialog)
            return []
        case .checkIn(var dialog) where dialog.appointment != nil:
            // Choices: 0 the arrival for the appointment, then the categories (a walk-in).
            let all = ServiceCategory.allCases
            var index = dialog.onArrival ? 0 : 1 + (all.firstIndex(of: dialog.category) ?? 0)
            func decide(_ i: Int) -> [Effect] {
                state.modal = nil
                guard i > 0 else {
                    return [.markArrived(appointmentId: dialog.appointment?.appointment.id ?? 0, program: dialog.arrivalProgramChange)]
                }
                return [.checkIn(visitorId: dialog.visitor.id, category: all[i - 1], programId: dialog.chosenProgram(for: all[i - 1]))]
            }
            switch ReceptionKeys.checkInWithAppointment.command(for: key) {
            case .cancel?:
                state.modal = nil
                return []
            case .confirm?:
                return decide(index)
            case .choose(let i)? where (0...all.count).contains(i):
                return decide(i)
            case let command?:
                index = command.index(from: index, count: all.count + 1)
                dialog.onArrival = index == 0
                if index > 0, dialog.category != all[index - 1] {
                    dialog.category = all[index - 1]
                    dialog.programId = nil // a program chosen for another category does not carry over
                }
            case nil: break
            }
            state.modal = .checkIn(dialog)
            return []
        case .checkIn(var dialog):
            let all = ServiceCategory.allCases
            switch ReceptionKeys.checkIn.command(for: key) {
            case .cancel?:
                state.modal = nil
                return []
            case .confirm?:
                state.modal = nil
                return [.checkIn(visitorId: dialog.visitor.id, category: dialog.category, programId: dialog.programId)]
            case .choose(let i)? where all.indices.contains(i):
                // One key per decision: the category's letter (or digit) gives the ticket at once.
                state.modal = nil
                return [.checkIn(visitorId: dialog.visitor.id, category: all[i], programId: dialog.chosenProgram(for: all[i]))]
            case let command?:
                let next = all[command.index(from: all.firstIndex(of: dialog.category) ?? 0, count: all.count)]
                if next != dialog.category { dialog.programId = nil } // chosen for another category
                dialog.category = next
            case nil: break
            }
            state.modal = .checkIn(dialog)
            return []
        case .closeVisit(var dialog) where dialog.otherDesk != nil:
            // Another desk called this ticket: close it only once the member says so.
            switch ReceptionKeys.otherDesk.command(for: key) {
            case .confirm?: dialog.otherDesk = nil
            case .cancel?:
                state.modal = nil
                return []
            case .close?, nil: break
            }
            state.modal = .closeVisit(dialog)
            return []
        case .closeVisit(var dialog):
            let all = VisitOutcome.allCases
            switch ReceptionKeys.closeVisit.command(for: key) {
            case .cancel?:
                state.modal = nil
                return []
            case .confirm?:
                state.modal = nil
                return [.close(visitId: dialog.entry.visit.id, outcome: dialog.outcome)]
            case .choose(let i)? where all.indices.contains(i):
                // One key per decision: the outcome's letter (or digit) closes the visit at once.
                state.modal = nil
                return [.close(visitId: dialog.entry.visit.id, outcome: all[i])]
            case let command?:
                dialog.outcome = all[command.index(from: all.firstIndex(of: dialog.outcome) ?? 0, count: all.count)]
            case nil: break
            }
            state.modal = .closeVisit(dialog)
            return []
        case .groupArrivals(var dialog):
            switch ReceptionKeys.groupArrivals.command(for: key) {
            case .markArrived?:
                guard let attendee = dialog.selected, let sessionId = dialog.session.appointment.groupSessionId else { return [] }
                if attendee.arrivedAt != nil {
                    ctx.notice = Notice(.error, ctx.strings("notice.alreadyArrived", attendee.name))
                    return []
                }
                return [.markGroupArrival(sessionId: sessionId, visitorId: attendee.visitorId)]
            case .close?:
                state.modal = nil
                return [.loadExpected(ctx.today)]
            case .moveUp?: dialog.list.moveUp()
            case .moveDown?: dialog.list.moveDown()
            case nil:
                // The next name typed closes the list and goes to the search, as everywhere.
                guard TextField.isText(key) else { return [] }
                state.modal = nil
                state.focus = .search
                return handleSearchKey(&state, key, &ctx)
            }
            state.modal = .groupArrivals(dialog)
            return []
        case .duplicates(var dialog):
            switch ReceptionKeys.duplicates.command(for: key) {
            case .useRecord?:
                guard let chosen = dialog.selected else { return [] }
                return [.chooseExisting(chosen)]
            case .newPerson?:
                return [.registerAnyway(dialog.visitor)]
            case .back?:
                state.modal = .visitorForm(dialog.form)
                return []
            case .moveUp?: dialog.list.moveUp()
            case .moveDown?: dialog.list.moveDown()
            case nil: return []
            }
            state.modal = .duplicates(dialog)
            return []
        case .visitorForm(var form):
            switch form.handle(key) {
            case .cancel:
                state.modal = nil
                return []
            case .editing:
                // PgDn cannot go past the last matching country.
                form.nationalityChoice = min(form.nationalityChoice, max(0, form.nationalityMatches(ctx.reference).count - 1))
                form.error = form.discardArmed ? ctx.strings("form.discardAgain") : nil
                state.modal = .visitorForm(form)
                return []
            case .submit:
                do {
                    let visitor = try form.draft(ctx.reference).validated(
                        now: ctx.now, calendar: ctx.calendar,
                        knownCountries: ctx.reference.countryCodes, knownLanguages: ctx.reference.languageCodes)
                    form.error = nil
                    state.modal = .visitorForm(form)
                    return [.register(visitor)]
                } catch {
                    form.error = ctx.strings.message(for: error)
                    form.focus = VisitorForm.field(for: error)
                    state.modal = .visitorForm(form)
                    return []
                }
            }
        }
    }
}
