import Foundation
import FrontDeskDomain
import TerminalKit

extension ReceptionScreen {
    /// The bottom-bar hints while a dialog is open: from the dialog's key map.
    static func modalHints(_ ctx: ScreenContext, _ modal: Modal) -> [KeyHint] {
        let s = ctx.strings
        switch modal {
        case .ticket: return ReceptionKeys.ticket.hints(s)
        case .checkIn(let dialog) where dialog.appointment != nil:
            return ReceptionKeys.checkInWithAppointment.hints(s) + ReceptionKeys.checkInProgram.hints(s)
        case .checkIn: return ReceptionKeys.checkIn.hints(s) + ReceptionKeys.checkInProgram.hints(s)
        case .closeVisit(let dialog) where dialog.otherDesk != nil: return ReceptionKeys.otherDesk.hints(s)
        case .closeVisit: return ReceptionKeys.closeVisit.hints(s)
        case .visitorForm(let form): return form.hints(s)
        case .duplicates: return ReceptionKeys.duplicates.hints(s)
        case .groupArrivals: return ReceptionKeys.groupArrivals.hints(s)
        }
    }

    static func renderModal(_ state: State, _ ctx: ScreenContext, _ modal: Modal, _ area: Rect, _ frame: inout Frame) {
        let s = ctx.strings
        switch modal {
        case .checkIn(let dialog):
            let extra = dialog.appointment == nil ? 0 : 2
            let box = Dialog.rect(width: 56, height: 12 + extra, in: area)
            // Expected today: the dialog is a check-in, not only a walk-in's.
            let title = s(dialog.appointment == nil ? "checkin.title" : "checkin.titleExpected")
            let inner = Box.render(into: &frame, rect: box, title: title, style: .bold)
            frame.put(dialog.visitor.fullName, in: inner.row(0).inset(dx: 1, dy: 0), style: .bold)
            frame.put(dialog.visitor.code.description, in: inner.row(1).inset(dx: 1, dy: 0), style: .dim)
            if let appointment = dialog.appointment {
                let arrival = s("checkin.arrivedFor", appointment.localStart.time.description, appointment.counselorName)
                frame.put("\(dialog.onArrival ? "▶" : " ") A  \(arrival)", in: inner.row(3).inset(dx: 2, dy: 0),
                          style: dialog.onArrival ? .reverse : .plain)
            }
            frame.put(s(dialog.appointment == nil ? "checkin.choose" : "checkin.orWalkIn"), in: inner.row(3 + extra).inset(dx: 1, dy: 0))
            for (i, category) in ServiceCategory.allCases.enumerated() {
                let chosen = !dialog.onArrival && category == dialog.category
                let line = "\(chosen ? "▶" : " ") \(category.ticketLetter)  \(s.category(category))"
                frame.put(line, in: inner.row(4 + extra + i).inset(dx: 2, dy: 0), style: chosen ? .reverse : .plain)
            }
            // The program the highlighted choice counts for (issue 15): the appointment's, or
            // a walk-in ticket's of the highlighted category.
            let program = if let appointment = dialog.appointment, dialog.onArrival {
                s.programLabel(chosenId: dialog.arrivalProgramId, ruled: { state.ruledProgram(for: appointment, visitor: dialog.visitor) },
                               catalog: state.programs)
            } else {
                s.programLabel(chosenId: dialog.programId, ruled: {
                    state.ruledProgram(for: dialog.category, visitor: dialog.visitor, on: state.day ?? ctx.today)
                }, catalog: state.programs)
            }
            frame.put(s("checkin.program", program), in: inner.row(5 + extra + ServiceCategory.allCases.count).inset(dx: 1, dy: 0), style: .dim)
        case .ticket(let dialog):
            let big = BigText.lines(for: dialog.ticket.description)
            let width = max(44, (big.first.map { DisplayText.width(of: $0) } ?? 0) + 6)
            let box = Dialog.rect(width: width, height: BigText.height + 8, in: area)
            let inner = Box.render(into: &frame, rect: box, title: s("ticket.title"), style: .bold)
            for (i, line) in big.enumerated() {
                let w = DisplayText.width(of: line)
                frame.put(line, x: inner.x + max(0, (inner.width - w) / 2), y: inner.y + 1 + i, style: .bold, clip: inner)
            }
            let y = inner.y + BigText.height + 2
            frame.put(dialog.ticket.description + " · " + dialog.visitorCode.description, in: Rect(x: inner.x + 1, y: y, width: inner.width - 2, height: 1), style: .bold)
            frame.put(dialog.visitorName, in: Rect(x: inner.x + 1, y: y + 1, width: inner.width - 2, height: 1))
            frame.put(s("ticket.ahead", dialog.ahead), in: Rect(x: inner.x + 1, y: y + 2, width: inner.width - 2, height: 1), style: .dim)
        case .closeVisit(let dialog):
            let box = Dialog.rect(width: 52, height: 9, in: area)
            let inner = Box.render(into: &frame, rect: box, title: s("close.title", dialog.entry.visit.ticket), style: .bold)
            frame.put(dialog.entry.visitorName, in: inner.row(0).inset(dx: 1, dy: 0), style: .bold)
            if let desk = dialog.otherDesk {
                frame.put(s("close.otherDesk", desk), in: inner.row(2).inset(dx: 1, dy: 0), style: .bold)
                frame.put(s("close.otherDeskAsk"), in: inner.row(3).inset(dx: 1, dy: 0))
                return
            }
            for (i, outcome) in VisitOutcome.allCases.enumerated() {
                let chosen = outcome == dialog.outcome
                frame.put("\(chosen ? "▶" : " ") \(i + 1)  \(s.outcome(outcome))", in: inner.row(2 + i).inset(dx: 2, dy: 0), style: chosen ? .reverse : .plain)
            }
        case .visitorForm(let form):
            renderForm(ctx, form, area, &frame)
        case .duplicates(let dialog):
            renderDuplicates(ctx, dialog, area, &frame)
        case .groupArrivals(let dialog):
            renderGroupArrivals(ctx, dialog, area, &frame)
        }
    }

    /// A group session's seated visitors: code, name and, once arrived, the time; the
    /// highlighted one reversed. The title gives the session's time.
    static func renderGroupArrivals(_ ctx: ScreenContext, _ dialog: GroupArrivalsDialog, _ area: Rect, _ frame: inout Frame) {
        let s = ctx.strings
        let rows = max(1, min(dialog.attendees.count, GroupArrivalsDialog.visibleRows))
        let box = Dialog.rect(width: min(area.width - 2, 64), height: rows + 5, in: area)
        // The time only: the service may be hidden from the desk (shown as "appointment").
        let title = s("group.title", dialog.session.localStart.time.description)
        let inner = Box.render(into: &frame, rect: box, title: title, style: .bold)
        let arrived = dialog.attendees.filter { $0.arrivedAt != nil }.count
        frame.put(s("group.seats", arrived, dialog.attendees.count), in: inner.row(0).inset(dx: 1, dy: 0), style: .dim)
        if dialog.attendees.isEmpty {
            frame.put(s("group.none"), in: inner.row(2).inset(dx: 1, dy: 0))
            return
        }
        let visible = dialog.list.offset..<min(dialog.attendees.count, dialog.list.offset + rows)
        for (row, i) in visible.enumerated() {
            let a = dialog.attendees[i]
            let chosen = dialog.list.selected == i
            let rect = inner.row(2 + row).inset(dx: 1, dy: 0)
            let mark = a.arrivedAt.map { s("group.arrivedMark", ctx.calendar.localDateTime(of: $0).time.description) } ?? ""
            let markWidth = DisplayText.width(of: mark)
            let nameWidth = max(6, rect.width - 2 - 14 - markWidth - 2)
            let line = "\(chosen ? "▶" : " ") \(a.code)  \(DisplayText.fitted(a.name, toColumns: nameWidth))"
            frame.put(line, in: Rect(x: rect.x, y: rect.y, width: rect.width - markWidth - 1, height: 1), style: chosen ? .reverse : .plain)
            if !mark.isEmpty {
                frame.put(mark, in: Rect(x: rect.x + rect.width - markWidth, y: rect.y, width: markWidth, height: 1), style: .bold)
            }
        }
    }

    /// "Already registered?": each record with what tells people apart (code, name, birth year,
    /// nationality), the highlighted one reversed.
    static func renderDuplicates(_ ctx: ScreenContext, _ dialog: DuplicatesDialog, _ area: Rect, _ frame: inout Frame) {
        let s = ctx.strings
        let rows = min(dialog.candidates.count, 6)
        let box = Dialog.rect(width: min(area.width - 2, 72), height: rows + 7, in: area)
        let inner = Box.render(into: &frame, rect: box, title: s("duplicates.title"), style: .bold)
        let typed = Visitor.fullName(given: dialog.visitor.givenName, family: dialog.visitor.familyName)
        frame.put(s("duplicates.intro", typed), in: inner.row(0).inset(dx: 1, dy: 0))
        let visible = dialog.list.offset..<min(dialog.candidates.count, dialog.list.offset + rows)
        for (row, i) in visible.enumerated() {
            let v = dialog.candidates[i]
            let country = ctx.reference.country(code: v.nationality).map { s.language == .fr ? $0.nameFr : $0.nameEn } ?? v.nationality
            let year = v.birthYear.map(String.init) ?? "····"
            let chosen = dialog.list.selected == i
            let rect = inner.row(2 + row).inset(dx: 1, dy: 0)
            frame.put(chosen ? "▶" : " ", x: rect.x, y: rect.y, style: chosen ? .reverse : .plain)
            let line = "\(v.code)  \(DisplayText.fitted(v.fullName, toColumns: max(10, rect.width - 40)))  \(year)  \(country)"
            frame.put(line, in: Rect(x: rect.x + 2, y: rect.y, width: rect.width - 2, height: 1), style: chosen ? .reverse : .plain)
        }
        frame.put(s("duplicates.ask"), in: inner.row(3 + rows).inset(dx: 1, dy: 0), style: .bold)
    }

    static func renderForm(_ ctx: ScreenContext, _ form: VisitorForm, _ area: Rect, _ frame: inout Frame) {
        let s = ctx.strings
        let box = Dialog.rect(width: min(area.width - 2, 74), height: min(area.height - 1, 19), in: area)
        let inner = Box.render(into: &frame, rect: box, title: s("form.title"), style: .bold)
        let labelWidth = 18
        func row(_ field: VisitorForm.Field) -> Rect {
            let y = inner.y + field.rawValue + (field.rawValue >= VisitorForm.Field.consentServices.rawValue ? 1 : 0)
            return Rect(x: inner.x + 1, y: y, width: inner.width - 2, height: 1)
        }
        func valueRect(_ field: VisitorForm.Field) -> Rect {
            let r = row(field)
            return Rect(x: r.x + labelWidth, y: r.y, width: r.width - labelWidth, height: 1)
        }
        for field in VisitorForm.Field.allCases where field != .save {
            let focused = form.focus == field
            frame.put(s("form.\(field.label)"), in: Rect(x: row(field).x, y: row(field).y, width: labelWidth - 1, height: 1),
                      style: focused ? .bold : .plain)
        }
        let fieldWidth = 28
        func text(_ f: TextField, _ field: VisitorForm.Field, width: Int = fieldWidth) {
            let r = valueRect(field)
            f.render(into: &frame, rect: Rect(x: r.x, y: r.y, width: min(width, r.width), height: 1), style: .underline, focused: form.focus == field)
        }
        text(form.givenName, .givenName, width: valueRect(.givenName).width)
        text(form.familyName, .familyName, width: valueRect(.familyName).width)
        func choice(_ value: String, _ field: VisitorForm.Field) {
            frame.put("◀ \(value) ▶", in: valueRect(field), style: form.focus == field ? .reverse : .plain)
        }
        choice(s.sex(form.sex), .sex)
        text(form.birthYear, .birthYear, width: 12)
        frame.put(s("form.birthYearHint"), in: Rect(x: valueRect(.birthYear).x + 14, y: valueRect(.birthYear).y, width: valueRect(.birthYear).width - 14, height: 1), style: .dim)
        text(form.nationality, .nationality, width: 18)
        let nr = valueRect(.nationality)
        if let country = form.resolvedNationality(ctx.reference) {
            let name = s.language == .fr ? country.nameFr : country.nameEn
            frame.put("→ \(name) (\(country.code))", in: Rect(x: nr.x + 19, y: nr.y, width: nr.width - 19, height: 1), style: .bold)
        } else if !form.nationality.text.isEmpty {
            frame.put(s("form.noMatch"), in: Rect(x: nr.x + 19, y: nr.y, width: nr.width - 19, height: 1), style: .dim)
        }
        text(form.languages, .languages, width: 18)
        let lr = valueRect(.languages)
        let langs = form.resolvedLanguages(ctx.reference).map { item in
            item.language.map { s.language == .fr ? $0.nameFr : $0.nameEn } ?? "?\(item.typed)"
        }
        frame.put(langs.isEmpty ? s("form.languagesHint") : "→ " + langs.joined(separator: ", "),
                  in: Rect(x: lr.x + 19, y: lr.y, width: lr.width - 19, height: 1), style: langs.isEmpty ? .dim : .bold)
        choice(s.status(form.status), .status)
        text(form.phone, .phone, width: 20)
        if !form.phone.text.trimmingCharacters(in: .whitespaces).isEmpty {
            let pr = valueRect(.phone)
            let shown = form.resolvedPhone.map { "→ " + $0 }
            frame.put(shown ?? s("form.phoneHint"), in: Rect(x: pr.x + 21, y: pr.y, width: pr.width - 21, height: 1),
                      style: shown == nil ? .dim : .bold)
        }
        func checkbox(_ on: Bool, _ field: VisitorForm.Field, _ label: String) {
            frame.put("[\(on ? "x" : " ")] " + label, in: valueRect(field), style: form.focus == field ? .reverse : .plain)
        }
        frame.put(s("form.consentIntro"), in: Rect(x: inner.x + 1, y: row(.consentServices).y - 1, width: inner.width - 2, height: 1), style: .dim)
        checkbox(form.consentServices, .consentServices, s("form.consentServicesText"))
        checkbox(form.consentReporting, .consentReporting, s("form.consentReportingText"))
        let saveRow = row(.save)
        frame.put("[ " + s("form.save") + " ]", in: Rect(x: saveRow.x + labelWidth, y: saveRow.y, width: 24, height: 1),
                  style: form.focus == .save ? Style.reverse.with(.bold) : .bold)
        if let error = form.error {
            frame.put("! " + error, in: Rect(x: inner.x + 1, y: inner.maxY - 1, width: inner.width - 2, height: 1), style: Style(foreground: .red, attributes: .bold))
        }
    }
}

extension VisitorForm.Field {
    /// The strings-table suffix of the field's label (`form.givenName`).
    var label: String {
        switch self {
        case .givenName: "givenName"
        case .familyName: "familyName"
        case .sex: "sex"
        case .birthYear: "birthYear"
        case .nationality: "nationality"
        case .languages: "languages"
        case .status: "status"
        case .phone: "phone"
        case .consentServices: "consentServices"
        case .consentReporting: "consentReporting"
        case .save: "save"
        }
    }
}
