import Foundation
import FrontDeskDomain
import TerminalKit

extension ScheduleScreen {
    /// Applies one event to the state and returns the effects to perform. Pure: no I/O, no clock.
    public static func update(_ state: inout State, _ event: Event, _ ctx: inout ScreenContext) -> [Effect] {
        switch event {
        case .shell(.resized), .shell(.tick):
            return []
        case .shell(.shown), .shell(.dataChanged):
            return [.loadCounselors] + reload(&state, force: true)
        case .counselorsLoaded(let counselors):
            state.counselors = counselors
            if state.counselorId == nil || !counselors.contains(where: { $0.id == state.counselorId }) {
                state.counselorId = counselors.first(where: \.active)?.id ?? counselors.first?.id
            }
            return reload(&state, force: false)
        case .agendaLoaded(let request, let listings):
            guard request == state.request else { return [] }
            state.agenda = listings
            keepSelection(&state)
            return []
        case .statusChanged(let listing):
            ctx.notice = Notice(.info, ctx.strings("notice.statusChanged", listing.visitorName ?? ctx.strings.serviceName(listing.service),
                                                       ctx.strings.appointmentStatus(listing.status)))
            return reload(&state, force: true)
        case .statusCorrected(let listing):
            ctx.notice = Notice(.info, ctx.strings("notice.statusCorrected", listing.visitorName ?? ctx.strings.serviceName(listing.service),
                                                       ctx.strings.appointmentStatus(listing.status)))
            return reload(&state, force: true)
        case .noteRead:
            return []
        case .noteSaved:
            ctx.notice = Notice(.info, ctx.strings("notice.noteSaved"))
            return reload(&state, force: true)
        case .failed(let failure):
            ctx.notice = Notice(.error, ctx.strings.message(for: failure, calendar: ctx.calendar))
            return reload(&state, force: true)
        case .shell(.key(let key)):
            return handleKey(&state, key, &ctx)
        case .shell(.paste(let text)):
            // Text into the open form's field; never a key.
            switch state.modal {
            case .date(var form)?: form.paste(text); state.modal = .date(form)
            case .correct(let a, var form)?: form.paste(text); state.modal = .correct(a, form)
            case .note(let a, var form)?: form.paste(text); state.modal = .note(a, form)
            case .counselor?, nil: break
            }
            return []
        }
    }

    /// The request for the week (Monday to Sunday) holding the date, for the chosen counselor.
    public static func request(_ state: State) -> AgendaRequest? {
        guard let id = state.counselorId else { return nil }
        return AgendaRequest(counselorId: id, from: state.weekStart, through: state.weekStart.adding(days: 6))
    }

    /// Asks for the agenda when what is shown changed (or always, with `force`).
    static func reload(_ state: inout State, force: Bool) -> [Effect] {
        guard let r = request(state) else {
            state.request = nil
            state.agenda = []
            return []
        }
        guard force || r != state.request else { keepSelection(&state); return [] }
        if r != state.request { state.agenda = [] }
        state.request = r
        return [.loadAgenda(r)]
    }

    /// Keeps the selection on a shown appointment of the date: the same one, else the first.
    static func keepSelection(_ state: inout State) {
        let shown = state.appointments(on: state.date)
        if let id = state.selectedId, shown.contains(where: { $0.id == id }) { return }
        state.selectedId = shown.first?.id
    }

    private static func handleKey(_ state: inout State, _ key: Key, _ ctx: inout ScreenContext) -> [Effect] {
        if let modal = state.modal { return handleModalKey(&state, modal, key, &ctx) }
        guard let command = ScheduleKeys.agenda.command(for: key) else { return [] }
        switch command {
        case .help: ctx.request = .help
        case .quit: ctx.request = .quit
        case .previousDay: return go(&state, &ctx, to: state.date.adding(days: -1))
        case .nextDay: return go(&state, &ctx, to: state.date.adding(days: 1))
        case .previousWeek: return go(&state, &ctx, to: state.date.adding(days: -7))
        case .nextWeek: return go(&state, &ctx, to: state.date.adding(days: 7))
        case .today: return go(&state, &ctx, to: ctx.today)
        case .toggleView:
            state.view = state.view == .day ? .week : .day
            if state.view == .week, state.date.isoWeekday.rawValue > 5 { return go(&state, &ctx, to: state.weekStart.adding(days: 4)) }
        case .goToDate:
            state.modal = .date(FieldForm(title: "date.goTo", fields: [.text("date.field", state.date.description, maxLength: 10)]))
        case .chooseCounselor:
            let i = state.counselors.firstIndex { $0.id == state.counselorId } ?? 0
            state.modal = .counselor(ListState(count: state.counselors.count, viewportHeight: 12, selected: i))
        case .previousAppointment, .nextAppointment:
            let shown = state.appointments(on: state.date)
            guard !shown.isEmpty else { return [] }
            let i = shown.firstIndex { $0.id == state.selectedId } ?? 0
            let j = command == .nextAppointment ? min(shown.count - 1, i + 1) : max(0, i - 1)
            state.selectedId = shown[j].id
        case .markArrived: return mark(&state, &ctx, .checkedIn)
        case .markInSession: return mark(&state, &ctx, .inSession)
        case .markCompleted: return mark(&state, &ctx, .completed)
        case .markNoShow: return mark(&state, &ctx, .noShow)
        case .correctStatus:
            guard let a = state.selected, a.localStart.date == state.date else {
                ctx.notice = Notice(.error, ctx.strings("notice.noAppointmentSelected"))
                return []
            }
            guard !a.isBusyOnly else {
                ctx.notice = Notice(.error, ctx.strings("error.notYourAppointment"))
                return []
            }
            state.modal = .correct(a, correctionForm(a, ctx.strings))
        case .editNote:
            // The store hands notes (possibly empty) only to the appointment's own counselor.
            guard let a = state.selected, a.localStart.date == state.date, let note = a.appointment.counselorNote else {
                ctx.notice = Notice(.error, ctx.strings("notice.noteNotYours"))
                return []
            }
            var form = FieldForm(title: "schedule.note.title", fields: [.text("schedule.note.field", note, maxLength: 500)])
            form.intro = "\(a.localStart.time)–\(a.localEnd.time) \(a.visitorName ?? ctx.strings.serviceName(a.service))"
            state.modal = .note(a, form)
            return [.noteOpened(appointmentId: a.id)]
        }
        return []
    }

    /// Shows another date (stepped by calendar days, never seconds).
    static func go(_ state: inout State, _ ctx: inout ScreenContext, to date: LocalDate) -> [Effect] {
        state.date = date
        ctx.notice = nil
        let effects = reload(&state, force: false)
        keepSelection(&state)
        return effects
    }

    private static func mark(_ state: inout State, _ ctx: inout ScreenContext, _ status: AppointmentStatus) -> [Effect] {
        guard let a = state.selected, a.localStart.date == state.date else {
            ctx.notice = Notice(.error, ctx.strings("notice.noAppointmentSelected"))
            return []
        }
        guard !a.isBusyOnly else {
            ctx.notice = Notice(.error, ctx.strings("error.notYourAppointment"))
            return []
        }
        // The lifecycle and its clock (`Appointment.advance`), checked here for an immediate
        // answer; the store checks again in its transaction.
        var moved = a.appointment
        do throws(AppointmentStatusError) {
            try moved.advance(to: status, at: ctx.now, calendar: ctx.calendar)
        } catch {
            ctx.notice = Notice(.error, ctx.strings.message(for: SchedulingError.status(error)))
            return []
        }
        return [.setStatus(appointmentId: a.id, status)]
    }

    /// The correction form: every status (the current one chosen) and a reason.
    static func correctionForm(_ a: AppointmentListing, _ strings: Localizer) -> FieldForm {
        let all = AppointmentStatus.allCases
        var form = FieldForm(title: "correct.title", fields: [
            FieldForm.Field("correct.status", .choice(all.map(strings.appointmentStatus), all.firstIndex(of: a.status) ?? 0)),
            .text("correct.reason", maxLength: 200),
        ])
        form.intro = "\(a.localStart.time)–\(a.localEnd.time) \(a.visitorName ?? strings.serviceName(a.service)) · \(strings.appointmentStatus(a.status))"
        return form
    }

    private static func handleModalKey(_ state: inout State, _ modal: Modal, _ key: Key, _ ctx: inout ScreenContext) -> [Effect] {
        switch modal {
        case .correct(let a, var form):
            switch form.handle(key) {
            case .cancel: state.modal = nil
            case .editing: state.modal = .correct(a, form)
            case .submit:
                let status = AppointmentStatus.allCases[form.choice(0)]
                let reason = form.text(1)
                if status == a.status {
                    form.error = ctx.strings("error.sameStatus")
                } else if reason.isEmpty {
                    form.error = ctx.strings("error.correctionReasonMissing")
                    form.focus = 1
                } else {
                    state.modal = nil
                    return [.correctStatus(appointmentId: a.id, status, reason: reason)]
                }
                state.modal = .correct(a, form)
            }
        case .note(let a, var form):
            switch form.handle(key) {
            case .cancel: state.modal = nil
            case .editing: state.modal = .note(a, form)
            case .submit:
                state.modal = nil
                return [.saveNote(appointmentId: a.id, form.text(0))]
            }
        case .date(let form):
            switch form.dateAnswer(key, ctx.strings) {
            case .cancelled: state.modal = nil
            case .editing(let form): state.modal = .date(form)
            case .date(let date):
                state.modal = nil
                return go(&state, &ctx, to: date)
            }
        case .counselor(var list):
            switch ScheduleKeys.counselorPicker.command(for: key) {
            case .cancel?: state.modal = nil
            case .moveUp?: list.moveUp()
            case .moveDown?: list.moveDown()
            case .pageUp?: list.pageUp()
            case .pageDown?: list.pageDown()
            case .choose?:
                state.modal = nil
                guard let i = list.selected, state.counselors.indices.contains(i) else { return [] }
                state.counselorId = state.counselors[i].id
                state.selectedId = nil
                return reload(&state, force: true)
            case nil: break
            }
            if state.modal != nil { state.modal = .counselor(list) }
        }
        return []
    }
}
