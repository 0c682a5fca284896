import Foundation
import FrontDeskDomain
import TerminalKit

extension BookingScreen {
    /// Applies one event to the state and returns the effects to perform. Pure: no I/O, no clock.
    public static func update(_ state: inout State, _ event: Event, _ ctx: inout ScreenContext) -> [Effect] {
        let effects = apply(&state, event, &ctx)
        syncLists(&state, ctx)
        return effects
    }

    static func syncLists(_ state: inout State, _ ctx: ScreenContext) {
        let l = layout(ctx.size)
        state.search.list.setViewportHeight(max(1, l.visitor.height - 3))
        state.serviceList.setCount(state.categoryServices.count)
        state.serviceList.setViewportHeight(max(1, l.services.height - 3))
        state.slotList.setCount(state.showsSessions ? state.openSessions(ctx).count : state.slots.count)
        state.slotList.setViewportHeight(max(1, l.slots.height - (state.showsSessions ? 5 : 4)))
        state.appointmentList.setCount(state.upcoming(ctx).count)
        state.appointmentList.setViewportHeight(max(1, l.appointments.height - 2))
    }

    private static func apply(_ state: inout State, _ event: Event, _ ctx: inout ScreenContext) -> [Effect] {
        switch event {
        case .shell(.resized):
            return []
        case .shell(.tick):
            // Past midnight (center time) the slots start from the new day.
            let dayChanged = state.day.map { $0 != ctx.today } ?? false
            state.day = ctx.today
            return dayChanged ? refreshSlots(&state, &ctx) : []
        case .shell(.shown), .shell(.dataChanged):
            state.day = ctx.today
            var effects: [Effect] = [.loadCatalog]
            if let v = state.visitor { effects.append(.loadAppointments(visitorId: v.id)) }
            return effects + refreshSlots(&state, &ctx)
        case .openFor(let visitorId):
            state.modal = nil
            if state.visitor?.id == visitorId {
                state.focus = .services
                return []
            }
            return [.loadVisitor(visitorId)]
        case .catalogLoaded(let services, let counselors, let rooms, let programs):
            state.services = services
            state.counselors = counselors
            state.rooms = rooms
            state.programs = programs
            state.serviceList.setCount(state.categoryServices.count)
            return refreshSlots(&state, &ctx)
        case .searchCompleted(let query, let results):
            state.search.receive(query: query, results: results, viewportHeight: state.search.list.viewportHeight)
            return []
        case .visitorLoaded(let visitor):
            return choose(&state, &ctx, visitor)
        case .appointmentsLoaded(let visitorId, var listings):
            guard visitorId == state.visitor?.id else { return [] }
            let selected = state.selectedAppointment(ctx)?.id
            if let made = state.justMade {
                // A load asked before the booking does not hold it yet: keep it, and its focus.
                if listings.contains(where: { $0.id == made.id }) { state.justMade = nil } else { listings.append(made) }
            }
            state.appointments = listings
            state.appointmentList.setCount(state.upcoming(ctx).count)
            if let selected, let i = state.upcoming(ctx).firstIndex(where: { $0.id == selected }) { state.appointmentList.select(i) }
            return []
        case .slotsFound(let query, let slots):
            guard query == state.slotQuery else { return [] }
            // The same slots again (another terminal booked): keep the highlighted one. Other
            // slots (another week, service or filter): start at the first.
            let selected = state.slotsShown == query ? state.selectedSlot : nil
            state.slots = slots
            state.slotsShown = query
            state.slotList.setCount(slots.count)
            if let selected, let i = slots.firstIndex(where: { $0.interval == selected.interval && $0.counselorId == selected.counselorId }) {
                state.slotList.select(i)
            } else {
                state.slotList.home()
            }
            return []
        case .sessionsFound(let query, let sessions):
            guard query == state.sessionQuery else { return [] }
            let selected = state.selectedSession(ctx)?.id
            state.sessions = sessions
            state.slotList.setCount(state.openSessions(ctx).count)
            if let selected, let i = state.openSessions(ctx).firstIndex(where: { $0.id == selected }) { state.slotList.select(i) }
            return []
        case .enrolled(let listing, let outcome):
            state.modal = nil
            var mine = listing
            mine.place = outcome
            focusOnMade(&state, ctx, mine)
            switch outcome {
            case .enrolled: ctx.notice = Notice(.info, ctx.strings("notice.enrolled", describe(listing, ctx)))
            case .waitlisted(let position):
                ctx.notice = Notice(.info, ctx.strings("notice.waitlisted", describe(listing, ctx), position))
            }
            return [.loadAppointments(visitorId: state.visitor?.id ?? 0)] + refreshSlots(&state, &ctx)
        case .enrollmentCancelled(let sessionId, let promoted):
            let what = state.appointments.first { $0.appointment.groupSessionId == sessionId }.map { describe($0, ctx) } ?? ""
            if let promoted {
                ctx.notice = Notice(.info, ctx.strings("notice.enrollmentCancelledPromoted", what, promoted.fullName))
            } else {
                ctx.notice = Notice(.info, ctx.strings("notice.enrollmentCancelled", what))
            }
            return [.loadAppointments(visitorId: state.visitor?.id ?? 0)] + refreshSlots(&state, &ctx)
        case .booked(let listing):
            state.modal = nil
            focusOnMade(&state, ctx, listing)
            ctx.notice = Notice(.info, ctx.strings("notice.booked", describe(listing, ctx)))
            return [.loadAppointments(visitorId: state.visitor?.id ?? listing.appointment.visitorId ?? 0)] + refreshSlots(&state, &ctx)
        case .rescheduled(let listing):
            state.modal = nil
            state.mode = .book
            focusOnMade(&state, ctx, listing)
            ctx.notice = Notice(.info, ctx.strings("notice.rescheduled", describe(listing, ctx)))
            return [.loadAppointments(visitorId: state.visitor?.id ?? 0)] + refreshSlots(&state, &ctx)
        case .cancelled(let listing):
            ctx.notice = Notice(.info, ctx.strings("notice.cancelled", describe(listing, ctx)))
            return [.loadAppointments(visitorId: state.visitor?.id ?? 0)] + refreshSlots(&state, &ctx)
        case .failed(let failure):
            let text = ctx.strings.message(for: failure, calendar: ctx.calendar)
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
            ctx.notice = Notice(.error, text)
            return refreshSlots(&state, &ctx)
        case .shell(.key(let key)):
            return handleKey(&state, &ctx, key)
        case .shell(.paste(let text)):
            // Text into the open form's field or the visitor search; never a key.
            switch state.modal {
            case .cancel(let a, var form)?:
                form.paste(text)
                state.modal = .cancel(a, form)
            case .date(var form)?:
                form.paste(text)
                state.modal = .date(form)
            case nil where state.focus == .visitor:
                if case .search(let query) = state.search.paste(text) { return [.search(query: query, limit: VisitorSearch.limit)] }
            default:
                break
            }
            return []
        }
    }

    /// After a booking, a move or an enrollment: the appointment is among the visitor's
    /// (replacing its older copy), selected, and the appointments pane has focus, where Enter
    /// books nothing.
    static func focusOnMade(_ state: inout State, _ ctx: ScreenContext, _ listing: AppointmentListing) {
        guard listing.appointment.visitorId == nil || listing.appointment.visitorId == state.visitor?.id else { return }
        state.appointments.removeAll { $0.id == listing.id }
        state.appointments.insert(listing, at: 0)
        state.justMade = listing
        state.focus = .appointments
        let upcoming = state.upcoming(ctx)
        state.appointmentList.setCount(upcoming.count)
        if let i = upcoming.firstIndex(where: { $0.id == listing.id }) { state.appointmentList.select(i) }
    }

    /// "Tue 14 Apr 10:00 · Psychological counseling · Karima Benali".
    static func describe(_ l: AppointmentListing, _ ctx: ScreenContext) -> String {
        "\(Chrome.shortDate(l.localStart.date, ctx.strings, ctx.calendar)) \(l.localStart.time) · \(ctx.strings.serviceName(l.service)) · \(l.counselorName)"
    }

    /// The slot query for what is chosen now, or nil when no service is chosen.
    public static func slotQuery(_ state: State, _ ctx: ScreenContext) -> SlotQuery? {
        guard let service = state.selectedService, !service.isGroup else { return nil }
        let from = state.fromDate ?? ctx.today
        var visitorId = state.visitor?.id
        if case .reschedule = state.mode { visitorId = nil }
        let languages = state.languageFilter.map { [$0] } ?? state.visitor?.languages ?? []
        return SlotQuery(service: service, from: from, through: from.adding(days: searchDays - 1),
                         counselorId: state.counselorFilter, visitorId: visitorId, languages: languages,
                         languagePolicy: state.languageFilter == nil ? .rank : .require,
                         interpreterLanguage: state.interpreterLanguage, limit: slotLimit)
    }

    /// The sessions query for a chosen group service, or nil.
    public static func sessionQuery(_ state: State, _ ctx: ScreenContext) -> SessionQuery? {
        guard let service = state.selectedService, service.isGroup else { return nil }
        let from = state.fromDate ?? ctx.today
        return SessionQuery(serviceId: service.id, from: from, through: from.adding(days: searchDays - 1))
    }

    /// Asks for the slots (or the sessions of a group service) of the current choice, or
    /// clears them when nothing is chosen.
    static func refreshSlots(_ state: inout State, _ ctx: inout ScreenContext) -> [Effect] {
        let sessions = sessionQuery(state, ctx)
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
        guard let query = slotQuery(state, ctx) else {
            state.slotQuery = nil
            state.slots = []
            state.slotList = ListState()
            return []
        }
        state.slotQuery = query
        return [.findSlots(query)]
    }

    private static func choose(_ state: inout State, _ ctx: inout ScreenContext, _ visitor: Visitor) -> [Effect] {
        let changed = state.visitor?.id != visitor.id
        state.visitor = visitor
        state.focus = .services
        ctx.notice = nil
        if changed {
            // Another person: nothing chosen for the previous one carries over.
            state.appointments = []
            state.appointmentList = ListState()
            state.justMade = nil
            state.mode = .book
            state.languageFilter = nil
            state.interpreterLanguage = nil
            state.counselorFilter = nil
            state.fromDate = nil
        }
        return [.loadAppointments(visitorId: visitor.id)] + refreshSlots(&state, &ctx)
    }

    private static func handleKey(_ state: inout State, _ ctx: inout ScreenContext, _ key: Key) -> [Effect] {
        if let modal = state.modal { return handleModalKey(&state, &ctx, modal, key) }
        let map = BookingKeys.map(for: state.focus, sessions: state.showsSessions)
        guard let command = map.command(for: key) else {
            if state.focus != .visitor {
                // Letters always go to the visitor search, from every pane: a name typed for the
                // next person starts a new search and never acts on a slot or an appointment.
                guard TextField.isText(key) else { return [] }
                state.focus = .visitor
                state.search.clear()
            }
            switch state.search.type(key) {
            case .search(let query)?:
                ctx.notice = nil
                return [.search(query: query, limit: VisitorSearch.limit)]
            default:
                return []
            }
        }
        return perform(&state, &ctx, command)
    }

    private static func perform(_ state: inout State, _ ctx: inout ScreenContext, _ command: BookingCommand) -> [Effect] {
        switch command {
        case .help: ctx.request = .help
        case .quit: ctx.request = .quit
        case .findVisitor: state.focus = .visitor
        case .nextPane, .previousPane:
            let all = Focus.allCases
            let i = all.firstIndex(of: state.focus) ?? 0
            state.focus = all[(i + (command == .nextPane ? 1 : all.count - 1)) % all.count]
        case .moveUp, .moveDown, .pageUp, .pageDown, .top, .bottom:
            return move(&state, &ctx, command)
        case .previousCategory, .nextCategory:
            guard case .book = state.mode else { return [] }
            let all = ServiceCategory.allCases
            let i = all.firstIndex(of: state.category) ?? 0
            state.category = all[(i + (command == .nextCategory ? 1 : all.count - 1)) % all.count]
            state.serviceList = ListState(count: state.categoryServices.count, viewportHeight: state.serviceList.viewportHeight)
            state.counselorFilter = nil
            return refreshSlots(&state, &ctx)
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
                state.slotList = ListState(count: state.openSessions(ctx).count, viewportHeight: state.slotList.viewportHeight)
                return []
            }
            return refreshSlots(&state, &ctx)
        case .languageFilter:
            let choices: [String?] = [nil] + state.languageChoices
            let i = choices.firstIndex(of: state.languageFilter) ?? 0
            state.languageFilter = choices[(i + 1) % choices.count]
            return refreshSlots(&state, &ctx)
        case .interpreter:
            // None, then each of the visitor's languages: an interpreter of that language comes.
            let choices: [String?] = [nil] + (state.visitor?.languages ?? [])
            let i = choices.firstIndex(of: state.interpreterLanguage) ?? 0
            state.interpreterLanguage = choices[(i + 1) % choices.count]
            return refreshSlots(&state, &ctx)
        case .previousWeek, .nextWeek:
            return moveWeek(&state, &ctx, forward: command == .nextWeek)
        case .date:
            var form = FieldForm(title: "date.title", fields: [.text("date.field", (state.fromDate ?? ctx.today).description, maxLength: 10)])
            form.focus = 0
            state.modal = .date(form)
        case .choose:
            return choose(&state, &ctx)
        case .reschedule:
            guard let a = state.selectedAppointment(ctx) else {
                ctx.notice = Notice(.error, ctx.strings("notice.noAppointmentSelected"))
                return []
            }
            guard !a.status.isFinal, a.appointment.visitorId != nil else {
                ctx.notice = Notice(.error, ctx.strings("notice.cannotReschedule"))
                return []
            }
            state.mode = .reschedule(a)
            state.category = a.service.category
            state.serviceList = ListState(count: 1, viewportHeight: state.serviceList.viewportHeight)
            state.counselorFilter = nil
            state.focus = .slots
            ctx.notice = Notice(.info, ctx.strings("notice.chooseNewTime", describe(a, ctx)))
            return refreshSlots(&state, &ctx)
        case .cancelAppointment:
            guard let a = state.selectedAppointment(ctx) else {
                ctx.notice = Notice(.error, ctx.strings("notice.noAppointmentSelected"))
                return []
            }
            guard !a.isBusyOnly else {
                ctx.notice = Notice(.error, ctx.strings("error.notYourAppointment"))
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

    /// The slots from the Monday of the next week, or of the previous one but never before
    /// today (then from today, the default: `fromDate` nil).
    private static func moveWeek(_ state: inout State, _ ctx: inout ScreenContext, forward: Bool) -> [Effect] {
        let from = state.fromDate ?? ctx.today
        let monday = from.adding(days: -(from.isoWeekday.rawValue - 1))
        let target = monday.adding(days: forward ? 7 : -7)
        if target <= ctx.today {
            guard state.fromDate != nil else {
                ctx.notice = Notice(.info, ctx.strings("notice.slotsFromToday"))
                return []
            }
            state.fromDate = nil
        } else {
            state.fromDate = target
        }
        ctx.notice = nil
        state.slotList.home()
        return refreshSlots(&state, &ctx)
    }

    private static func move(_ state: inout State, _ ctx: inout ScreenContext, _ command: BookingCommand) -> [Effect] {
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
                return refreshSlots(&state, &ctx)
            }
        }
        return []
    }

    /// Enter: choose the visitor, go to the slots, or confirm a slot.
    private static func choose(_ state: inout State, _ ctx: inout ScreenContext) -> [Effect] {
        switch state.focus {
        case .visitor:
            guard let v = state.search.selected else {
                if !state.search.query.isEmpty { ctx.notice = Notice(.error, ctx.strings("notice.noVisitorSelected")) }
                return []
            }
            return choose(&state, &ctx, v)
        case .services:
            state.focus = .slots
        case .slots where state.showsSessions:
            guard let session = state.selectedSession(ctx) else {
                ctx.notice = Notice(.error, ctx.strings("notice.noSessionSelected"))
                return []
            }
            guard let visitor = state.visitor else {
                ctx.notice = Notice(.error, ctx.strings("notice.chooseVisitorFirst"))
                state.focus = .visitor
                return []
            }
            switch session.session.place(of: visitor.id) {
            case .enrolled?:
                ctx.notice = Notice(.error, ctx.strings("notice.alreadyEnrolled"))
            case .waitlisted(let position)?:
                ctx.notice = Notice(.error, ctx.strings("notice.alreadyWaitlisted", position))
            case nil:
                state.modal = .enroll(Enrollment(session: session))
            }
        case .slots:
            guard let slot = state.selectedSlot, let service = state.selectedService else {
                ctx.notice = Notice(.error, ctx.strings("notice.noSlotSelected"))
                return []
            }
            guard state.visitor != nil else {
                ctx.notice = Notice(.error, ctx.strings("notice.chooseVisitorFirst"))
                state.focus = .visitor
                return []
            }
            state.modal = .confirm(Confirmation(slot: slot, service: service))
        case .appointments:
            break
        }
        return []
    }

    /// The counselor filter's counselor; without one, any suitable counselor free then, the
    /// slot's first (the language filter, when set, still required).
    static func counselorChoice(_ state: State, _ slot: Slot) -> CounselorChoice {
        if let named = state.counselorFilter { return .named(named) }
        return .anyFree(preferring: slot.counselorId, language: state.languageFilter)
    }

    // MARK: Dialogs (they see keys first)

    private static func handleModalKey(_ state: inout State, _ ctx: inout ScreenContext, _ modal: Modal, _ key: Key) -> [Effect] {
        switch modal {
        case .confirm(var c):
            let rescheduling: Bool = { if case .reschedule = state.mode { true } else { false } }()
            switch BookingKeys.confirmBooking(rescheduling: rescheduling).command(for: key) {
            case .cancel?:
                state.modal = nil
            case .program?:
                // The next program that funds the service for the visitor that day, then back to the rule's.
                guard !c.sending else { return [] }
                let choices = state.programChoices(service: c.service.id, on: c.slot.date)
                let at = choices.firstIndex(of: c.programId) ?? 0
                c.programId = choices[(at + 1) % choices.count]
                state.modal = .confirm(c)
            case .confirm?:
                guard !c.sending, let visitor = state.visitor else { return [] }
                c.sending = true
                c.error = nil
                state.modal = .confirm(c)
                if case .reschedule(let a) = state.mode {
                    return [.reschedule(appointmentId: a.id, to: c.slot.interval.start, counselorId: c.slot.counselorId, roomId: c.slot.roomId)]
                }
                // The room is the store's to choose (the smallest free one, as the slot's was).
                var new = NewAppointment(visitorId: visitor.id, serviceId: c.service.id, counselor: counselorChoice(state, c.slot),
                                         start: c.slot.interval.start, interpreterLanguage: state.interpreterLanguage)
                new.programId = c.programId
                return [.book(new)]
            case nil: break
            }
            return []
        case .enroll(var e):
            switch BookingKeys.confirm.command(for: key) {
            case .cancel?:
                state.modal = nil
            case .confirm?:
                guard !e.sending, let visitor = state.visitor else { return [] }
                e.sending = true
                e.error = nil
                state.modal = .enroll(e)
                return [.enroll(visitorId: visitor.id, sessionId: e.session.id)]
            case .close?, nil: break
            }
            return []
        case .cancelEnrollment(let a):
            switch BookingKeys.confirm.command(for: key) {
            case .cancel?:
                state.modal = nil
            case .confirm?:
                state.modal = nil
                guard let visitor = state.visitor, let sessionId = a.appointment.groupSessionId else { return [] }
                return [.cancelEnrollment(visitorId: visitor.id, sessionId: sessionId)]
            case .close?, nil: break
            }
            return []
        case .cancel(let a, var form):
            switch form.handle(key) {
            case .cancel: state.modal = nil
            case .editing: state.modal = .cancel(a, form)
            case .submit:
                let reason = form.text(0)
                if reason.isEmpty {
                    form.error = ctx.strings("error.reasonMissing")
                    state.modal = .cancel(a, form)
                    return []
                }
                state.modal = nil
                return [.cancel(appointmentId: a.id, reason: reason)]
            }
            return []
        case .date(let form):
            switch form.dateAnswer(key, ctx.strings) {
            case .cancelled: state.modal = nil
            case .editing(let form): state.modal = .date(form)
            case .date(let date):
                state.modal = nil
                state.fromDate = date
                return refreshSlots(&state, &ctx)
            }
            return []
        }
    }
}
