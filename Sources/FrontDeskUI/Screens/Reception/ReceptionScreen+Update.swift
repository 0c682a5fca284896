import Foundation
import FrontDeskDomain
import TerminalKit

extension ReceptionScreen {
    /// Applies one event to the state and returns the effects to perform. Pure: no I/O, no clock.
    public static func update(_ state: inout State, _ event: Event) -> [Effect] {
        let effects = apply(&state, event)
        syncLists(&state)
        return effects
    }

    /// Keeps both lists' row counts and viewport heights in step with the data and the size.
    static func syncLists(_ state: inout State) {
        state.queueList.setCount(state.queueRows.count)
        state.queueList.setViewportHeight(queueViewportHeight(state))
        state.expectedList.setCount(state.expected.count)
        state.expectedList.setViewportHeight(expectedViewportHeight(state))
        state.resultsList.setCount(state.results.count)
        state.resultsList.setViewportHeight(resultsViewportHeight(state))
    }

    private static func apply(_ state: inout State, _ event: Event) -> [Effect] {
        switch event {
        case .resized(let size):
            state.size = size
            return []
        case .tick(let now):
            let dayChanged = state.calendar.localDate(of: now) != state.today
            state.now = now
            return dayChanged ? [.loadQueue(state.today), .loadExpected(state.today)] : []
        case .dataChanged:
            var effects: [Effect] = [.loadQueue(state.today), .loadExpected(state.today)]
            if !state.resultsQuery.isEmpty { effects.append(.search(query: state.resultsQuery, limit: searchLimit)) }
            return effects
        case .queueLoaded(let visits, let counts):
            let selectedId = state.selectedQueueEntry?.id
            state.visits = visits
            state.counts = counts
            let rows = state.queueRows
            state.queueList.setCount(rows.count)
            if let selectedId, let i = rows.firstIndex(where: { $0.id == selectedId }) {
                state.queueList.select(i)
            }
            return []
        case .expectedLoaded(let listings):
            let selectedId = state.selectedExpected?.id
            state.expected = listings
                .filter { $0.appointment.status == .booked || $0.appointment.status == .checkedIn }
                .sorted { $0.appointment.start < $1.appointment.start }
            state.expectedList.setCount(state.expected.count)
            if let selectedId, let i = state.expected.firstIndex(where: { $0.id == selectedId }) {
                state.expectedList.select(i)
            }
            return []
        case .arrivalMarked(let listing):
            state.notice = Notice(.info, state.strings("notice.arrived", listing.visitorName ?? "", listing.localStart.time.description))
            return [.loadExpected(state.today)]
        case .searchCompleted(let query, let results):
            state.search.receive(query: query, results: results, viewportHeight: resultsViewportHeight(state))
            return []
        case .visitorRegistered(let visitor):
            state.modal = .checkIn(CheckInDialog(visitor: visitor))
            state.notice = Notice(.info, state.strings("notice.registered", visitor.code))
            return []
        case .checkedIn(let visit, let visitor):
            let ahead = state.visits.filter { $0.visit.category == visit.category && $0.visit.status == .waiting }.count
            state.modal = .ticket(TicketDialog(ticket: visit.ticket, visitorName: visitor.fullName, visitorCode: visitor.code, ahead: ahead))
            state.notice = Notice(.info, state.strings("notice.checkedIn", visit.ticket, visitor.code))
            state.search.clear()
            state.focus = .search
            return [.loadQueue(state.today), .loadExpected(state.today)]
        case .ticketCalled(let entry):
            state.notice = Notice(.info, state.strings("notice.called", entry.visit.ticket))
            return [.loadQueue(state.today)]
        case .visitClosed(let visit):
            state.notice = Notice(.info, state.strings("notice.closed", visit.ticket, state.strings.outcome(visit.outcome ?? .seen)))
            return [.loadQueue(state.today)]
        case .failed(let failure):
            return handleFailure(&state, failure)
        case .key(let key):
            return handleKey(&state, key)
        }
    }

    static func currentQuery(_ state: State) -> String { state.search.query }

    private static func handleFailure(_ state: inout State, _ failure: Failure) -> [Effect] {
        let text: String
        switch failure {
        case .queue(let e): text = state.strings.message(for: e)
        case .validation(let e): text = state.strings.message(for: e)
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
        state.notice = Notice(.error, text)
        return [.loadQueue(state.today)]
    }

    private static func handleKey(_ state: inout State, _ key: Key) -> [Effect] {
        if state.size.width < minimumSize.width || state.size.height < minimumSize.height {
            // Only quitting works while the window is too small to show anything.
            if key == .function(10) && state.modal != .quitConfirm { state.modal = .quitConfirm }
            else if state.modal == .quitConfirm, Chrome.quitAnswer(key) == true { return quit(&state) }
            return []
        }
        if let modal = state.modal { return handleModalKey(&state, modal, key) }
        switch state.focus {
        case .queue: return handleQueueKey(&state, key)
        case .search: return handleSearchKey(&state, key)
        case .expected: return handleExpectedKey(&state, key)
        }
    }

    private static func quit(_ state: inout State) -> [Effect] {
        state.quitRequested = true
        return [.quit]
    }

    // MARK: Panes

    private static func handleQueueKey(_ state: inout State, _ key: Key) -> [Effect] {
        // Letters are commands here (c, x, f, n, q); typing a name happens in the search pane.
        guard let command = ReceptionKeys.queue.command(for: key) else { return [] }
        switch command {
        case .moveUp: state.queueList.moveUp()
        case .moveDown: state.queueList.moveDown()
        case .pageUp: state.queueList.pageUp()
        case .pageDown: state.queueList.pageDown()
        case .top: state.queueList.home()
        case .bottom: state.queueList.end()
        default: return perform(&state, command)
        }
        return []
    }

    private static func handleExpectedKey(_ state: inout State, _ key: Key) -> [Effect] {
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
                state.notice = Notice(.error, state.strings("notice.noAppointmentSelected"))
                return []
            }
            if listing.appointment.status == .checkedIn {
                state.notice = Notice(.error, state.strings("notice.alreadyArrived", listing.visitorName ?? ""))
                return []
            }
            return [.markArrived(appointmentId: listing.appointment.id)]
        default: return perform(&state, command)
        }
        return []
    }

    private static func handleSearchKey(_ state: inout State, _ key: Key) -> [Effect] {
        if let command = ReceptionKeys.search.command(for: key) {
            switch command {
            case .moveUp: state.resultsList.moveUp()
            case .moveDown: state.resultsList.moveDown()
            case .pageUp: state.resultsList.pageUp()
            case .pageDown: state.resultsList.pageDown()
            default: return perform(&state, command)
            }
            return []
        }
        switch state.search.type(key) {
        case nil, .unchanged?:
            return []
        case .cleared?:
            state.notice = nil
            return []
        case .search(let query)?:
            state.notice = nil
            return [.search(query: query, limit: searchLimit)]
        }
    }

    /// Runs a command that is the same from either pane.
    private static func perform(_ state: inout State, _ command: ReceptionCommand) -> [Effect] {
        switch command {
        case .help:
            state.modal = .help
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
                    state.notice = Notice(.error, state.strings.message(for: .alreadyCheckedIn(open.visit.ticket)))
                } else {
                    state.modal = .checkIn(CheckInDialog(visitor: visitor))
                }
            } else if !currentQuery(state).isEmpty {
                state.notice = Notice(.error, state.strings("notice.noVisitorSelected"))
            }
        case .callNext:
            return [.callNext(state.categoryFilter)]
        case .closeVisit:
            if let entry = state.selectedQueueEntry {
                state.modal = .closeVisit(CloseVisitDialog(entry: entry))
            } else {
                state.notice = Notice(.error, state.strings("notice.noVisitSelected"))
            }
        case .filterCategory:
            let order: [ServiceCategory?] = [nil] + ServiceCategory.allCases
            let i = order.firstIndex(of: state.categoryFilter) ?? 0
            state.categoryFilter = order[(i + 1) % order.count]
            state.queueList = ListState(count: state.queueRows.count, viewportHeight: queueViewportHeight(state))
        case .quit:
            state.modal = .quitConfirm
        case .moveUp, .moveDown, .pageUp, .pageDown, .top, .bottom, .markArrived:
            break
        }
        return []
    }

    // MARK: Dialogs (they see keys first)

    private static func handleModalKey(_ state: inout State, _ modal: Modal, _ key: Key) -> [Effect] {
        switch modal {
        case .help:
            if key == .escape || key == .enter || key == .function(1) || key == .character("?") || key == .character("q") {
                state.modal = nil
            }
            return []
        case .quitConfirm:
            switch Chrome.quitAnswer(key) {
            case true?:
                state.modal = nil
                return quit(&state)
            case false?:
                state.modal = nil
            case nil: break
            }
            return []
        case .ticket:
            if key == .escape || key == .enter || key == .character(" ") { state.modal = nil }
            return []
        case .checkIn(var dialog):
            let all = ServiceCategory.allCases
            let i = all.firstIndex(of: dialog.category) ?? 0
            switch key {
            case .escape:
                state.modal = nil
                return []
            case .up, .left, .backTab:
                dialog.category = all[(i - 1 + all.count) % all.count]
            case .down, .right, .tab:
                dialog.category = all[(i + 1) % all.count]
            case .character(let c):
                if let category = ServiceCategory(ticketLetter: c) { dialog.category = category }
                else if let digit = c.wholeNumberValue, (1...all.count).contains(digit) { dialog.category = all[digit - 1] }
            case .enter:
                state.modal = nil
                return [.checkIn(visitorId: dialog.visitor.id, category: dialog.category)]
            default: break
            }
            state.modal = .checkIn(dialog)
            return []
        case .closeVisit(var dialog):
            let all = VisitOutcome.allCases
            let i = all.firstIndex(of: dialog.outcome) ?? 0
            switch key {
            case .escape:
                state.modal = nil
                return []
            case .up, .left, .backTab: dialog.outcome = all[(i - 1 + all.count) % all.count]
            case .down, .right, .tab: dialog.outcome = all[(i + 1) % all.count]
            case .character("s"), .character("v"), .character("1"): dialog.outcome = .seen
            case .character("l"), .character("p"), .character("2"): dialog.outcome = .leftUnseen
            case .character("r"), .character("o"), .character("3"): dialog.outcome = .redirected
            case .enter:
                state.modal = nil
                return [.close(visitId: dialog.entry.visit.id, outcome: dialog.outcome)]
            default: break
            }
            state.modal = .closeVisit(dialog)
            return []
        case .visitorForm(var form):
            switch form.handle(key) {
            case .cancel:
                state.modal = nil
                return []
            case .editing:
                // PgDn cannot go past the last matching country.
                form.nationalityChoice = min(form.nationalityChoice, max(0, form.nationalityMatches(state.reference).count - 1))
                form.error = form.discardArmed ? state.strings("form.discardAgain") : nil
                state.modal = .visitorForm(form)
                return []
            case .submit:
                do {
                    let visitor = try form.draft(state.reference).validated(
                        now: state.now, calendar: state.calendar,
                        knownCountries: state.reference.countryCodes, knownLanguages: state.reference.languageCodes)
                    form.error = nil
                    state.modal = .visitorForm(form)
                    return [.register(visitor)]
                } catch {
                    form.error = state.strings.message(for: error)
                    form.focus = VisitorForm.field(for: error)
                    state.modal = .visitorForm(form)
                    return []
                }
            }
        }
    }
}
