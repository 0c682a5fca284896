import Foundation
import FrontDeskDomain
import TerminalKit

extension BookingScreen {
    /// Applies one event to the state and returns the effects to perform. Pure: no I/O, no clock.
    public static func update(_ state: inout State, _ event: Event) -> [Effect] {
        let effects = apply(&state, event)
        syncLists(&state)
        return effects
    }

    static func syncLists(_ state: inout State) {
        let l = layout(state.size)
        state.search.list.setViewportHeight(max(1, l.visitor.height - 3))
        state.serviceList.setCount(state.categoryServices.count)
        state.serviceList.setViewportHeight(max(1, l.services.height - 3))
        state.slotList.setCount(state.showsSessions ? state.openSessions.count : state.slots.count)
        state.slotList.setViewportHeight(max(1, l.slots.height - (state.showsSessions ? 5 : 4)))
        state.appointmentList.setCount(state.upcoming.count)
        state.appointmentList.setViewportHeight(max(1, l.appointments.height - 2))
    }

    private static func apply(_ state: inout State, _ event: Event) -> [Effect] {
        switch event {
        case .resized(let size):
            state.size = size
            return []
        case .tick(let now):
            let dayChanged = state.calendar.localDate(of: now) != state.today
            state.now = now
            return dayChanged ? refreshSlots(&state) : []
        case .shown, .dataChanged:
            var effects: [Effect] = [.loadCatalog]
            if let v = state.visitor { effects.append(.loadAppointments(visitorId: v.id)) }
            return effects + refreshSlots(&state)
        case .openFor(let visitorId):
            state.modal = nil
            if state.visitor?.id == visitorId {
                state.focus = .services
                return []
            }
            return [.loadVisitor(visitorId)]
        case .catalogLoaded(let services, let counselors, let rooms):
            state.services = services
            state.counselors = counselors
            state.rooms = rooms
            state.serviceList.setCount(state.categoryServices.count)
            return refreshSlots(&state)
        case .searchCompleted(let query, let results):
            state.search.receive(query: query, results: results, viewportHeight: state.search.list.viewportHeight)
            return []
        case .visitorLoaded(let visitor):
            return choose(&state, visitor)
        case .appointmentsLoaded(let visitorId, let listings):
            guard visitorId == state.visitor?.id else { return [] }
            let selected = state.selectedAppointment?.id
            state.appointments = listings
            state.appointmentList.setCount(state.upcoming.count)
            if let selected, let i = state.upcoming.firstIndex(where: { $0.id == selected }) { state.appointmentList.select(i) }
            return []
        case .slotsFound(let query, let slots):
            guard query == state.slotQuery else { return [] }
            let selected = state.selectedSlot
            state.slots = slots
            state.slotList.setCount(slots.count)
            if let selected, let i = slots.firstIndex(where: { $0.interval == selected.interval && $0.counselorId == selected.counselorId }) {
                state.slotList.select(i)
            }
            return []
        case .sessionsFound(let query, let sessions):
            guard query == state.sessionQuery else { return [] }
            let selected = state.selectedSession?.id
            state.sessions = sessions
            state.slotList.setCount(state.openSessions.count)
            if let selected, let i = state.openSessions.firstIndex(where: { $0.id == selected }) { state.slotList.select(i) }
            return []
        case .enrolled(let listing, let outcome):
            state.modal = nil
            switch outcome {
            case .enrolled: state.notice = Notice(.info, state.strings("notice.enrolled", describe(listing, state)))
            case .waitlisted(let position):
                state.notice = Notice(.info, state.strings("notice.waitlisted", describe(listing, state), position))
            }
            return [.loadAppointments(visitorId: state.visitor?.id ?? 0)] + refreshSlots(&state)
        case .enrollmentCancelled(let sessionId, let promoted):
            let what = state.appointments.first { $0.appointment.groupSessionId == sessionId }.map { describe($0, state) } ?? ""
            if let promoted {
                state.notice = Notice(.info, state.strings("notice.enrollmentCancelledPromoted", what, promoted.fullName))
            } else {
                state.notice = Notice(.info, state.strings("notice.enrollmentCancelled", what))
            }
            return [.loadAppointments(visitorId: state.visitor?.id ?? 0)] + refreshSlots(&state)
        case .booked(let listing):
            state.modal = nil
            state.notice = Notice(.info, state.strings("notice.booked", describe(listing, state)))
            return [.loadAppointments(visitorId: state.visitor?.id ?? listing.appointment.visitorId ?? 0)] + refreshSlots(&state)
        case .rescheduled(let listing):
            state.modal = nil
            state.mode = .book
            state.notice = Notice(.info, state.strings("notice.rescheduled", describe(listing, state)))
            return [.loadAppointments(visitorId: state.visitor?.id ?? 0)] + refreshSlots(&state)
        case .cancelled(let listing):
            state.notice = Notice(.info, state.strings("notice.cancelled", describe(listing, state)))
            return [.loadAppointments(visitorId: state.visitor?.id ?? 0)] + refreshSlots(&state)
        case .failed(let failure):
            let text = state.strings.message(for: failure, calendar: state.calendar)
            // A refused booking keeps everything chosen, and the confirmation with the reason.
            if case .confirm(var c) = state.modal {
                c.error = text
                c.sending = false
                state.modal = .confirm(c)
            }
            if case .enroll(var e) = state.modal {
                e.error = text
                e.sending = false
                state.modal = .enroll(e)
            }
            state.notice = Notice(.error, text)
            return refreshSlots(&state)
        case .key(let key):
            return handleKey(&state, key)
        }
    }

    /// "Tue 14 Apr 10:00 · Psychological counseling · Karima Benali".
    static func describe(_ l: AppointmentListing, _ state: State) -> String {
        "\(Chrome.shortDate(l.localStart.date, state.strings, state.calendar)) \(l.localStart.time) · \(state.strings.serviceName(l.service)) · \(l.counselorName)"
    }

    /// The slot query for what is chosen now, or nil when no service is chosen.
    public static func slotQuery(_ state: State) -> SlotQuery? {
        guard let service = state.selectedService, !service.isGroup else { return nil }
        let from = state.fromDate ?? state.today
        var visitorId = state.visitor?.id
        if case .reschedule = state.mode { visitorId = nil }
        let languages = state.languageFilter.map { [$0] } ?? state.visitor?.languages ?? []
        return SlotQuery(service: service, from: from, through: from.adding(days: searchDays - 1),
                         counselorId: state.counselorFilter, visitorId: visitorId, languages: languages,
                         languagePolicy: state.languageFilter == nil ? .rank : .require,
                         interpreterLanguage: state.interpreterLanguage, limit: slotLimit)
    }

    /// The sessions query for a chosen group service, or nil.
    public static func sessionQuery(_ state: State) -> SessionQuery? {
        guard let service = state.selectedService, service.isGroup else { return nil }
        let from = state.fromDate ?? state.today
        return SessionQuery(serviceId: service.id, from: from, through: from.adding(days: searchDays - 1))
    }

    /// Asks for the slots (or the sessions of a group service) of the current choice, or
    /// clears them when nothing is chosen.
    static func refreshSlots(_ state: inout State) -> [Effect] {
        let sessions = sessionQuery(state)
        if sessions != state.sessionQuery {
            state.sessions = []
            if sessions != nil { state.slotList = ListState(count: 0, viewportHeight: state.slotList.viewportHeight) }
        }
        state.sessionQuery = sessions
        if let sessions {
            state.slotQuery = nil
            state.slots = []
            return [.findSessions(sessions)]
        }
        guard let query = slotQuery(state) else {
            state.slotQuery = nil
            state.slots = []
            state.slotList = ListState()
            return []
        }
        state.slotQuery = query
        return [.findSlots(query)]
    }

    private static func choose(_ state: inout State, _ visitor: Visitor) -> [Effect] {
        let changed = state.visitor?.id != visitor.id
        state.visitor = visitor
        state.focus = .services
        state.notice = nil
        if changed {
            state.appointments = []
            state.appointmentList = ListState()
            state.mode = .book
            state.languageFilter = nil
        }
        return [.loadAppointments(visitorId: visitor.id)] + refreshSlots(&state)
    }

    private static func handleKey(_ state: inout State, _ key: Key) -> [Effect] {
        if Chrome.isTooSmall(state.size) {
            if key == .function(10) { state.modal = .quitConfirm }
            else if state.modal == .quitConfirm, Chrome.quitAnswer(key) == true { return quit(&state) }
            return []
        }
        if let modal = state.modal { return handleModalKey(&state, modal, key) }
        let map = BookingKeys.map(for: state.focus, sessions: state.showsSessions)
        guard let command = map.command(for: key) else {
            guard state.focus == .visitor else { return [] }
            switch state.search.type(key) {
            case .search(let query)?:
                state.notice = nil
                return [.search(query: query, limit: VisitorSearch.limit)]
            default:
                return []
            }
        }
        return perform(&state, command)
    }

    private static func quit(_ state: inout State) -> [Effect] {
        state.quitRequested = true
        return [.quit]
    }

    private static func perform(_ state: inout State, _ command: BookingCommand) -> [Effect] {
        switch command {
        case .help: state.modal = .help
        case .quit: state.modal = .quitConfirm
        case .findVisitor: state.focus = .visitor
        case .nextPane, .previousPane:
            let all = Focus.allCases
            let i = all.firstIndex(of: state.focus) ?? 0
            state.focus = all[(i + (command == .nextPane ? 1 : all.count - 1)) % all.count]
        case .moveUp, .moveDown, .pageUp, .pageDown, .top, .bottom:
            return move(&state, command)
        case .previousCategory, .nextCategory:
            guard case .book = state.mode else { return [] }
            let all = ServiceCategory.allCases
            let i = all.firstIndex(of: state.category) ?? 0
            state.category = all[(i + (command == .nextCategory ? 1 : all.count - 1)) % all.count]
            state.serviceList = ListState(count: state.categoryServices.count, viewportHeight: state.serviceList.viewportHeight)
            state.counselorFilter = nil
            return refreshSlots(&state)
        case .counselorFilter:
            // For a group service, the counselors of its sessions; else those who deliver it.
            var ids = state.showsSessions ? state.sessions.map(\.appointment.appointment.counselorId) : state.eligibleCounselors.map(\.id)
            var seen = Set<Int64>()
            ids = ids.filter { seen.insert($0).inserted }
            let choices: [Int64?] = [nil] + ids
            let i = choices.firstIndex(of: state.counselorFilter) ?? 0
            state.counselorFilter = choices[(i + 1) % choices.count]
            if state.showsSessions {
                // Sessions are filtered as loaded: nothing to ask the store.
                state.slotList = ListState(count: state.openSessions.count, viewportHeight: state.slotList.viewportHeight)
                return []
            }
            return refreshSlots(&state)
        case .languageFilter:
            let choices: [String?] = [nil] + state.languageChoices
            let i = choices.firstIndex(of: state.languageFilter) ?? 0
            state.languageFilter = choices[(i + 1) % choices.count]
            return refreshSlots(&state)
        case .interpreter:
            // None, then each of the visitor's languages: an interpreter of that language comes.
            let choices: [String?] = [nil] + (state.visitor?.languages ?? [])
            let i = choices.firstIndex(of: state.interpreterLanguage) ?? 0
            state.interpreterLanguage = choices[(i + 1) % choices.count]
            return refreshSlots(&state)
        case .date:
            var form = FieldForm(title: "date.title", fields: [.text("date.field", (state.fromDate ?? state.today).description, maxLength: 10)])
            form.focus = 0
            state.modal = .date(form)
        case .choose:
            return choose(&state)
        case .reschedule:
            guard let a = state.selectedAppointment else {
                state.notice = Notice(.error, state.strings("notice.noAppointmentSelected"))
                return []
            }
            guard !a.status.isFinal, a.appointment.visitorId != nil else {
                state.notice = Notice(.error, state.strings("notice.cannotReschedule"))
                return []
            }
            state.mode = .reschedule(a)
            state.category = a.service.category
            state.serviceList = ListState(count: 1, viewportHeight: state.serviceList.viewportHeight)
            state.counselorFilter = nil
            state.focus = .slots
            state.notice = Notice(.info, state.strings("notice.chooseNewTime", describe(a, state)))
            return refreshSlots(&state)
        case .cancelAppointment:
            guard let a = state.selectedAppointment else {
                state.notice = Notice(.error, state.strings("notice.noAppointmentSelected"))
                return []
            }
            guard !a.isBusyOnly else {
                state.notice = Notice(.error, state.strings("error.notYourAppointment"))
                return []
            }
            if a.appointment.groupSessionId != nil {
                // A group session: give up the visitor's seat or place, never the whole session.
                state.modal = .cancelEnrollment(a)
                return []
            }
            state.modal = .cancel(a, FieldForm(title: "cancel.title", fields: [.text("cancel.reason", maxLength: 200)]))
        }
        return []
    }

    private static func move(_ state: inout State, _ command: BookingCommand) -> [Effect] {
        func apply(_ list: inout ListState) {
            switch command {
            case .moveUp: list.moveUp()
            case .moveDown: list.moveDown()
            case .pageUp: list.pageUp()
            case .pageDown: list.pageDown()
            case .top: list.home()
            case .bottom: list.end()
            default: break
            }
        }
        switch state.focus {
        case .visitor: apply(&state.search.list)
        case .slots: apply(&state.slotList)
        case .appointments: apply(&state.appointmentList)
        case .services:
            let before = state.serviceList.selected
            apply(&state.serviceList)
            if state.serviceList.selected != before {
                state.counselorFilter = nil
                return refreshSlots(&state)
            }
        }
        return []
    }

    /// Enter: choose the visitor, go to the slots, or confirm a slot.
    private static func choose(_ state: inout State) -> [Effect] {
        switch state.focus {
        case .visitor:
            guard let v = state.search.selected else {
                if !state.search.query.isEmpty { state.notice = Notice(.error, state.strings("notice.noVisitorSelected")) }
                return []
            }
            return choose(&state, v)
        case .services:
            state.focus = .slots
        case .slots where state.showsSessions:
            guard let session = state.selectedSession else {
                state.notice = Notice(.error, state.strings("notice.noSessionSelected"))
                return []
            }
            guard let visitor = state.visitor else {
                state.notice = Notice(.error, state.strings("notice.chooseVisitorFirst"))
                state.focus = .visitor
                return []
            }
            switch session.session.place(of: visitor.id) {
            case .enrolled?:
                state.notice = Notice(.error, state.strings("notice.alreadyEnrolled"))
            case .waitlisted(let position)?:
                state.notice = Notice(.error, state.strings("notice.alreadyWaitlisted", position))
            case nil:
                state.modal = .enroll(Enrollment(session: session))
            }
        case .slots:
            guard let slot = state.selectedSlot, let service = state.selectedService else {
                state.notice = Notice(.error, state.strings("notice.noSlotSelected"))
                return []
            }
            guard state.visitor != nil else {
                state.notice = Notice(.error, state.strings("notice.chooseVisitorFirst"))
                state.focus = .visitor
                return []
            }
            state.modal = .confirm(Confirmation(slot: slot, service: service))
        case .appointments:
            break
        }
        return []
    }

    // MARK: Dialogs (they see keys first)

    private static func handleModalKey(_ state: inout State, _ modal: Modal, _ key: Key) -> [Effect] {
        switch modal {
        case .help:
            if Chrome.closesHelp(key) { state.modal = nil }
            return []
        case .quitConfirm:
            switch Chrome.quitAnswer(key) {
            case true?:
                state.modal = nil
                return quit(&state)
            case false?: state.modal = nil
            case nil: break
            }
            return []
        case .confirm(var c):
            switch key {
            case .escape:
                state.modal = nil
            case .enter, .character("y"), .character("o"):
                guard !c.sending, let visitor = state.visitor else { return [] }
                c.sending = true
                c.error = nil
                state.modal = .confirm(c)
                if case .reschedule(let a) = state.mode {
                    return [.reschedule(appointmentId: a.id, to: c.slot.interval.start, counselorId: c.slot.counselorId, roomId: c.slot.roomId)]
                }
                return [.book(NewAppointment(visitorId: visitor.id, serviceId: c.service.id, counselorId: c.slot.counselorId,
                                             roomId: c.slot.roomId, start: c.slot.interval.start,
                                             interpreterLanguage: state.interpreterLanguage))]
            default: break
            }
            return []
        case .enroll(var e):
            switch key {
            case .escape:
                state.modal = nil
            case .enter, .character("y"), .character("o"):
                guard !e.sending, let visitor = state.visitor else { return [] }
                e.sending = true
                e.error = nil
                state.modal = .enroll(e)
                return [.enroll(visitorId: visitor.id, sessionId: e.session.id)]
            default: break
            }
            return []
        case .cancelEnrollment(let a):
            switch key {
            case .escape, .character("n"):
                state.modal = nil
            case .enter, .character("y"), .character("o"):
                state.modal = nil
                guard let visitor = state.visitor, let sessionId = a.appointment.groupSessionId else { return [] }
                return [.cancelEnrollment(visitorId: visitor.id, sessionId: sessionId)]
            default: break
            }
            return []
        case .cancel(let a, var form):
            switch form.handle(key) {
            case .cancel: state.modal = nil
            case .editing: state.modal = .cancel(a, form)
            case .submit:
                let reason = form.text(0)
                if reason.isEmpty {
                    form.error = state.strings("error.reasonMissing")
                    state.modal = .cancel(a, form)
                    return []
                }
                state.modal = nil
                return [.cancel(appointmentId: a.id, reason: reason)]
            }
            return []
        case .date(let form):
            switch form.dateAnswer(key, state.strings) {
            case .cancelled: state.modal = nil
            case .editing(let form): state.modal = .date(form)
            case .date(let date):
                state.modal = nil
                state.fromDate = date
                return refreshSlots(&state)
            }
            return []
        }
    }
}
