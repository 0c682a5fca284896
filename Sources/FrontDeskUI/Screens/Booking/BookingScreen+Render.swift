import Foundation
import FrontDeskDomain
import TerminalKit

extension BookingScreen {
    struct Layout {
        var visitorLine: Rect, visitor: Rect, appointments: Rect, services: Rect, slots: Rect
    }

    static func layout(_ size: Size) -> Layout { layout(body: Chrome.layout(size).body) }

    /// The visitor line, then the visitor search and their appointments (left), the services
    /// and the free slots or sessions (right).
    static func layout(body: Rect) -> Layout {
        let rows = body.splitVertically([.length(1), .min(10)])
        let columns = rows[1].splitHorizontally([.length(32), .min(20)])
        let left = columns[0].splitVertically([.percentage(50), .min(4)])
        let right = columns[1].splitVertically([.length(8), .min(6)])
        return Layout(visitorLine: rows[0], visitor: left[0], appointments: left[1], services: right[0], slots: right[1])
    }

    public static func title(_ state: State, _ ctx: ScreenContext) -> String { ctx.strings("booking.title") }

    /// The focused pane's key map, or the open dialog's.
    public static func keyBar(_ state: State, _ ctx: ScreenContext) -> KeyBarContent {
        if let modal = state.modal { return .dialog(modalHints(state, ctx, modal)) }
        return BookingKeys.map(for: state.focus, sessions: state.showsSessions).keyBar(ctx.strings)
    }

    public static func help(_ state: State, _ ctx: ScreenContext) -> [HelpColumn] {
        let map = BookingKeys.map(for: state.focus, sessions: state.showsSessions)
        return [HelpColumn(ctx.strings("help.booking"), map.helpLines(ctx.strings)), Chrome.screensHelp(ctx)]
    }

    /// Draws the body: the visitor line, the four panes, and an open dialog.
    public static func render(_ state: State, _ ctx: ScreenContext, body: Rect, into frame: inout Frame) {
        let l = layout(body: body)
        renderVisitorLine(state, ctx, l.visitorLine, &frame)
        renderSearch(state, ctx, l.visitor, &frame)
        renderAppointments(state, ctx, l.appointments, &frame)
        renderServices(state, ctx, l.services, &frame)
        renderSlots(state, ctx, l.slots, &frame)
        if let modal = state.modal { renderModal(state, ctx, modal, frame.area, &frame) }
    }

    private static func pane(_ title: String, focused: Bool, _ r: Rect, _ frame: inout Frame) -> Rect {
        Box.render(into: &frame, rect: r, title: title, style: focused ? .bold : .dim)
    }

    private static func renderVisitorLine(_ state: State, _ ctx: ScreenContext, _ r: Rect, _ frame: inout Frame) {
        let s = ctx.strings
        if case .reschedule(let a) = state.mode {
            frame.put(" " + s("booking.rescheduling", describe(a, ctx)), in: r, style: .bold)
        } else if let v = state.visitor {
            let languages = v.languages.isEmpty ? "" : " · " + v.languages.joined(separator: ", ")
            frame.put(" " + s("booking.visitor", v.fullName + " · " + v.code.description + languages), in: r, style: .bold)
        } else {
            frame.put(" " + s("booking.noVisitor"), in: r, style: .dim)
        }
    }

    private static func renderSearch(_ state: State, _ ctx: ScreenContext, _ r: Rect, _ frame: inout Frame) {
        let focused = state.focus == .visitor && state.modal == nil
        let inner = pane("1 " + ctx.strings("booking.findVisitor"), focused: focused, r, &frame)
        guard inner.height > 1 else { return }
        frame.put("/ ", x: inner.x, y: inner.y, style: .bold, clip: inner)
        state.search.field.render(into: &frame, rect: Rect(x: inner.x + 2, y: inner.y, width: inner.width - 2, height: 1),
                                  style: .underline, focused: focused)
        let list = Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: inner.height - 1)
        state.search.renderResults(ctx.strings, into: &frame, rect: list, focused: focused, hintNew: nil)
    }

    private static func renderAppointments(_ state: State, _ ctx: ScreenContext, _ r: Rect, _ frame: inout Frame) {
        let s = ctx.strings
        let focused = state.focus == .appointments && state.modal == nil
        let inner = pane("4 " + s("booking.appointments"), focused: focused, r, &frame)
        guard inner.height > 2 else { return }
        let rows = state.upcoming(ctx)
        if state.visitor == nil || rows.isEmpty {
            frame.put(s(state.visitor == nil ? "booking.appointmentsHint" : "booking.noAppointments"), in: inner.row(0), style: .dim)
            return
        }
        let detail = 2
        let visible = inner.height - detail
        let offset = ListView.visibleOffset(state.appointmentList, visible: visible)
        for (line, index) in (offset..<min(rows.count, offset + visible)).enumerated() {
            let a = rows[index]
            let selected = index == state.appointmentList.selected
            let style: Style = selected ? (focused ? .reverse : .bold) : .plain
            var text = "\(Chrome.shortDate(a.localStart.date, s, ctx.calendar)) \(a.localStart.time) "
            if case .waitlisted(let position)? = a.place { text += s("booking.waitlistMark", position) + " " }
            if let language = a.appointment.interpreterLanguage { text += s("booking.interpreterMark", language) + " " }
            text += s.serviceName(a.service)
            frame.fill(inner.row(line), style: style)
            frame.put(text, in: inner.row(line), style: style)
        }
        if let a = state.selectedAppointment(ctx) {
            frame.put("\(a.counselorName) · \(a.roomName)", in: inner.row(inner.height - 2), style: .dim)
            let interpreter = a.appointment.interpreterLanguage.map { " · " + s("booking.interpreter", $0) } ?? ""
            frame.put((placeText(a, s) ?? s.appointmentStatus(a.status)) + interpreter, in: inner.row(inner.height - 1), style: .dim)
        }
    }

    private static func renderServices(_ state: State, _ ctx: ScreenContext, _ r: Rect, _ frame: inout Frame) {
        let s = ctx.strings
        let focused = state.focus == .services && state.modal == nil
        let inner = pane("2 " + s("booking.service"), focused: focused, r, &frame)
        guard inner.height > 1 else { return }
        var x = inner.x
        for category in ServiceCategory.allCases {
            let chosen = category == state.category
            let label = " \(category.ticketLetter) \(s.category(category)) "
            x += frame.put(label, x: x, y: inner.y, style: chosen ? (focused ? .reverse : .bold) : .dim, clip: inner) + 1
        }
        let services = state.categoryServices
        let list = Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: inner.height - 1)
        if services.isEmpty {
            frame.put(s("booking.noServices"), in: list.row(0), style: .dim)
            return
        }
        let offset = ListView.visibleOffset(state.serviceList, visible: list.height)
        for (line, index) in (offset..<min(services.count, offset + list.height)).enumerated() {
            let service = services[index]
            let selected = index == state.serviceList.selected
            let style: Style = selected ? (focused ? .reverse : .bold) : .plain
            let row = list.row(line)
            frame.fill(row, style: style)
            let name = s.serviceName(service) + (service.isGroup ? " · " + s("booking.groupMark") : "")
            frame.put((selected ? "▶ " : "  ") + name, in: Rect(x: row.x, y: row.y, width: row.width - 8, height: 1), style: style)
            frame.put(s("minutes.short", service.durationMinutes), in: Rect(x: row.maxX - 7, y: row.y, width: 7, height: 1), style: style, alignRight: true)
        }
    }

    /// "enrolled · 12/15 seats", "waitlist, position 2 · 15/15 seats" for a group session in the
    /// visitor's appointments; nil for an individual appointment.
    static func placeText(_ a: AppointmentListing, _ s: Localizer) -> String? {
        guard let place = a.place, let g = a.group else { return nil }
        let seats = s("sessions.seatsTaken", g.enrolled, g.capacity)
        switch place {
        case .enrolled: return s("booking.placeEnrolled") + " · " + seats
        case .waitlisted(let p): return s("booking.placeWaitlisted", p) + " · " + seats
        }
    }

    /// The seats column of a session: the visitor's own place, else seats left or "full · N on
    /// waitlist".
    static func seatsText(_ session: GroupSessionListing, visitorId: Int64?, _ s: Localizer) -> String {
        switch visitorId.flatMap(session.session.place(of:)) {
        case .enrolled?: return s("booking.placeEnrolled")
        case .waitlisted(let p)?: return s("booking.waitlistMark", p)
        case nil: break
        }
        let left = session.session.seatsLeft
        if left == 0 { return s("sessions.full", session.session.waitlist.count) }
        return s(left == 1 ? "sessions.seatLeft" : "sessions.seatsLeft", left)
    }

    private static func renderSessions(_ state: State, _ ctx: ScreenContext, _ r: Rect, _ frame: inout Frame) {
        let s = ctx.strings
        let focused = state.focus == .slots && state.modal == nil
        let inner = pane("3 " + s("booking.sessions"), focused: focused, r, &frame)
        guard inner.height > 3 else { return }
        let counselor = state.counselorFilter.map { state.counselorName($0) } ?? s("filter.any")
        let from = Chrome.shortDate(state.fromDate ?? ctx.today, s, ctx.calendar)
        frame.put(s("booking.sessionFilters", counselor, from), in: inner.row(0), style: .dim)
        let sessions = state.openSessions(ctx)
        let table = Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: inner.height - 2)
        if sessions.isEmpty {
            frame.put(s("booking.noSessions", searchDays), in: table.row(1), style: .dim)
            return
        }
        let columns = [TableColumn(s("slots.date"), width: .length(12)), TableColumn(s("slots.time"), width: .length(11)),
                       TableColumn(s("sessions.seats"), width: .min(10))]
        let rows = sessions.map { session in
            [Chrome.shortDate(session.appointment.localStart.date, s, ctx.calendar),
             "\(session.appointment.localStart.time)–\(session.appointment.localEnd.time)",
             seatsText(session, visitorId: state.visitor?.id, s)]
        }
        let offset = ListView.visibleOffset(state.slotList, visible: table.height - 1)
        Table.render(into: &frame, rect: table, columns: columns, rows: rows, selected: state.slotList.selected, offset: offset,
                     headerStyle: .underline, selectedStyle: focused ? .reverse : .bold)
        if let selected = state.selectedSession(ctx) {
            let a = selected.appointment
            frame.put("\(a.counselorName) · \(a.roomName) · \(s("sessions.seatsTaken", selected.session.enrolled.count, selected.session.capacity))",
                      in: inner.row(inner.height - 1), style: .dim)
        }
    }

    private static func renderSlots(_ state: State, _ ctx: ScreenContext, _ r: Rect, _ frame: inout Frame) {
        if state.showsSessions { return renderSessions(state, ctx, r, &frame) }
        let s = ctx.strings
        let focused = state.focus == .slots && state.modal == nil
        // The interpreter in the title, where even 80 columns leave room for it.
        let interpreter = state.interpreterLanguage.map { " · " + s("booking.interpreter", $0) } ?? ""
        let inner = pane("3 " + s("booking.slots") + interpreter, focused: focused, r, &frame)
        guard inner.height > 2 else { return }
        let counselor = state.counselorFilter.map { state.counselorName($0) } ?? s("filter.any")
        let language = state.languageFilter ?? s("filter.any")
        let from = Chrome.shortDate(state.fromDate ?? ctx.today, s, ctx.calendar)
        frame.put(s("booking.filters", counselor, language, from), in: inner.row(0), style: .dim)
        let columns = [TableColumn(s("slots.date"), width: .length(12)), TableColumn(s("slots.time"), width: .length(5)),
                       TableColumn(s("slots.counselor"), width: .min(10)), TableColumn(s("slots.room"), width: .length(9)),
                       TableColumn(s("slots.language"), width: .length(4))]
        let table = Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: inner.height - 1)
        if state.slots.isEmpty {
            let text = state.selectedService == nil ? s("booking.chooseService") : s("booking.noSlots", searchDays)
            frame.put(text, in: table.row(1), style: .dim)
            return
        }
        let rows = state.slots.map { slot in
            [Chrome.shortDate(slot.date, s, ctx.calendar), slot.time.description, state.counselorName(slot.counselorId),
             state.roomName(slot.roomId), slot.language ?? ""]
        }
        let offset = ListView.visibleOffset(state.slotList, visible: table.height - 1)
        Table.render(into: &frame, rect: table, columns: columns, rows: rows, selected: state.slotList.selected, offset: offset,
                     headerStyle: .underline, selectedStyle: focused ? .reverse : .bold)
    }

    /// The open dialog's key bar, from its key map.
    static func modalHints(_ state: State, _ ctx: ScreenContext, _ modal: Modal) -> [KeyHint] {
        switch modal {
        case .confirm: BookingKeys.confirmBooking(rescheduling: { if case .reschedule = state.mode { true } else { false } }()).hints(ctx.strings)
        case .enroll, .cancelEnrollment: BookingKeys.confirm.hints(ctx.strings)
        case .cancel(_, let form), .date(let form): form.hints(ctx.strings)
        }
    }

    /// The program a booking counts for, as the confirmation shows it (`Localizer.programLabel`).
    static func programText(_ state: State, _ c: Confirmation, _ ctx: ScreenContext) -> String {
        ctx.strings.programLabel(chosenId: c.programId, ruled: { state.ruledProgram(service: c.service.id, on: c.slot.date) },
                                 catalog: state.programs)
    }

    static func renderModal(_ state: State, _ ctx: ScreenContext, _ modal: Modal, _ area: Rect, _ frame: inout Frame) {
        let s = ctx.strings
        switch modal {
        case .confirm(let c):
            let rescheduling: Bool = { if case .reschedule = state.mode { return true } else { return false } }()
            let box = Dialog.rect(width: 64, height: rescheduling ? 11 : 12, in: area)
            let inner = Box.render(into: &frame, rect: box, title: s(rescheduling ? "confirm.rescheduleTitle" : "confirm.title"), style: .bold)
            var lines: [(String, String)] = [
                (s("confirm.visitor"), state.visitor.map { "\($0.fullName) · \($0.code)" } ?? ""),
                (s("confirm.service"), "\(s.serviceName(c.service)) · \(s("minutes.short", c.service.durationMinutes))"),
                (s("confirm.when"), "\(s.longDate(c.slot.date, weekday: ctx.calendar.weekday(of: c.slot.date))) \(Chrome.timeSpan(c.slot.interval, ctx.calendar))"),
                (s("confirm.counselor"), state.counselorName(c.slot.counselorId)),
                (s("confirm.room"), state.roomName(c.slot.roomId)),
                (s("confirm.interpreter"), interpreterText(rescheduling ? reschedulingInterpreter(state) : state.interpreterLanguage, ctx)),
            ]
            if !rescheduling { lines.append((s("confirm.program"), programText(state, c, ctx))) }
            for (i, (label, value)) in lines.enumerated() {
                frame.put(label, in: Rect(x: inner.x + 1, y: inner.y + i, width: 12, height: 1), style: .dim)
                frame.put(value, in: Rect(x: inner.x + 14, y: inner.y + i, width: inner.width - 15, height: 1), style: .bold)
            }
            if !rescheduling, case .anyFree = counselorChoice(state, c.slot) {
                frame.put(s("confirm.anyCounselor"), in: Rect(x: inner.x + 1, y: inner.y + lines.count, width: inner.width - 2, height: 1), style: .dim)
            }
            if let error = c.error {
                frame.put("! " + error, in: Rect(x: inner.x + 1, y: inner.y + lines.count + 1, width: inner.width - 2, height: 1),
                          style: Style(foreground: .red, attributes: .bold))
            }
            frame.put(s(c.sending ? "confirm.sending" : "confirm.prompt"), in: Rect(x: inner.x + 1, y: inner.maxY - 1, width: inner.width - 2, height: 1))
        case .enroll(let e):
            renderEnroll(state, ctx, e, area, &frame)
        case .cancelEnrollment(let a):
            renderCancelEnrollment(state, ctx, a, area, &frame)
        case .cancel(let a, var form):
            form.intro = describe(a, ctx)
            form.render(s, area: area, into: &frame)
        case .date(let form):
            form.render(s, area: area, into: &frame, width: 44)
        }
    }
}

extension BookingScreen {
    /// "Arabic (ar)" in the interface's language ("arabe (ar)"), the code alone when unknown,
    /// "none" without an interpreter.
    static func interpreterText(_ language: String?, _ ctx: ScreenContext) -> String {
        guard let language else { return ctx.strings("confirm.noInterpreter") }
        guard let known = ctx.reference.language(code: language) else { return language }
        return "\(ctx.strings.language == .fr ? known.nameFr : known.nameEn) (\(known.code))"
    }

    /// The interpreter of the appointment being moved (a move keeps it).
    static func reschedulingInterpreter(_ state: State) -> String? {
        if case .reschedule(let a) = state.mode { return a.appointment.interpreterLanguage }
        return nil
    }

    /// The enrollment dialog: the session, its seats, and whether Enter enrolls or waitlists.
    static func renderEnroll(_ state: State, _ ctx: ScreenContext, _ e: Enrollment, _ area: Rect, _ frame: inout Frame) {
        let s = ctx.strings
        let a = e.session.appointment
        let box = Dialog.rect(width: 64, height: 11, in: area)
        let inner = Box.render(into: &frame, rect: box, title: s(e.waitlists ? "enroll.waitlistTitle" : "enroll.title"), style: .bold)
        let seats = e.session.session
        let seatsLine = seats.seatsLeft == 0
            ? s("sessions.seatsTaken", seats.enrolled.count, seats.capacity) + " · " + s("sessions.full", seats.waitlist.count)
            : s("sessions.seatsTaken", seats.enrolled.count, seats.capacity) + " · " + s(seats.seatsLeft == 1 ? "sessions.seatLeft" : "sessions.seatsLeft", seats.seatsLeft)
        let lines: [(String, String)] = [
            (s("confirm.visitor"), state.visitor.map { "\($0.fullName) · \($0.code)" } ?? ""),
            (s("confirm.service"), "\(s.serviceName(a.service)) · \(s("minutes.short", a.service.durationMinutes))"),
            (s("confirm.when"), "\(s.longDate(a.localStart.date, weekday: ctx.calendar.weekday(of: a.localStart.date))) \(Chrome.timeSpan(a.appointment.interval, ctx.calendar))"),
            (s("confirm.counselor"), a.counselorName),
            (s("confirm.room"), a.roomName),
            (s("sessions.seats"), seatsLine),
        ]
        for (i, (label, value)) in lines.enumerated() {
            frame.put(label, in: Rect(x: inner.x + 1, y: inner.y + i, width: 12, height: 1), style: .dim)
            frame.put(value, in: Rect(x: inner.x + 14, y: inner.y + i, width: inner.width - 15, height: 1), style: .bold)
        }
        if let error = e.error {
            frame.put("! " + error, in: Rect(x: inner.x + 1, y: inner.y + 7, width: inner.width - 2, height: 1), style: Style(foreground: .red, attributes: .bold))
        }
        let prompt = e.sending ? s("enroll.sending")
            : e.waitlists ? s("enroll.waitlistPrompt", seats.waitlist.count + 1) : s("enroll.prompt")
        frame.put(prompt, in: Rect(x: inner.x + 1, y: inner.maxY - 1, width: inner.width - 2, height: 1))
    }

    /// Giving up a seat or a waitlist place: what, and who gets the seat.
    static func renderCancelEnrollment(_ state: State, _ ctx: ScreenContext, _ a: AppointmentListing, _ area: Rect, _ frame: inout Frame) {
        let s = ctx.strings
        let waiting: Bool = { if case .waitlisted = a.place { return true } else { return false } }()
        let box = Dialog.rect(width: 64, height: 7, in: area)
        let inner = Box.render(into: &frame, rect: box, title: s(waiting ? "cancelEnrollment.waitlistTitle" : "cancelEnrollment.title"), style: .bold)
        frame.put(describe(a, ctx), in: Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: 1), style: .bold)
        if let place = placeText(a, s) {
            frame.put(place, in: Rect(x: inner.x + 1, y: inner.y + 1, width: inner.width - 2, height: 1), style: .dim)
        }
        if !waiting, let g = a.group, g.waitlisted > 0 {
            frame.put(s("cancelEnrollment.promotes"), in: Rect(x: inner.x + 1, y: inner.y + 2, width: inner.width - 2, height: 1))
        }
        frame.put(s("cancelEnrollment.prompt"), in: Rect(x: inner.x + 1, y: inner.maxY - 1, width: inner.width - 2, height: 1))
    }
}
