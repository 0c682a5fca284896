import Foundation
import FrontDeskDomain
import TerminalKit

extension AdminScreen {
    /// Applies one event to the state and returns the effects to perform. Pure: no I/O, no clock.
    public static func update(_ state: inout State, _ event: Event, _ ctx: inout ScreenContext) -> [Effect] {
        let effects = apply(&state, event, &ctx)
        state.list.setCount(state.rowCount)
        state.list.setViewportHeight(max(1, layout(ctx.size).list.height - 1))
        return effects
    }

    private static func apply(_ state: inout State, _ event: Event, _ ctx: inout ScreenContext) -> [Effect] {
        switch event {
        case .shell(.resized), .shell(.tick):
            return []
        case .shell(.shown), .shell(.dataChanged):
            return [.load]
        case .loaded(let data):
            state.data = data
            let saved = state.selectAfterLoad
            state.selectAfterLoad = nil
            if let saved, let row = state.row(named: saved) {
                state.list.setCount(state.rowCount)
                state.list.select(row)
            }
            return []
        case .saved(let change):
            let s = ctx.strings
            let text = switch change {
            case .saved(let name): s("admin.saved", name)
            case .serviceSaved(let service): s("admin.saved", s.serviceName(service))
            case .removed(let outcome): s("admin.removed.\(outcome.rawValue)")
            case .staffDisabled(let name): s("admin.staffDisabled", name)
            }
            state.modal = nil
            if case .saved(let name) = change { state.selectAfterLoad = name }
            ctx.notice = Notice(.info, text)
            return [.load]
        case .failed(let failure):
            let text = ctx.strings.message(for: failure, calendar: ctx.calendar)
            // A refused save keeps the form and what was typed.
            if case .form(let target, var form) = state.modal {
                form.error = text
                state.modal = .form(target, form)
            }
            ctx.notice = Notice(.error, text)
            return [.load]
        case .shell(.key(let key)):
            return handleKey(&state, key, &ctx)
        case .shell(.paste(let text)):
            // Text into the open form's field; never a key.
            if case .form(let target, var form)? = state.modal {
                form.paste(text)
                state.modal = .form(target, form)
            }
            return []
        }
    }

    private static func handleKey(_ state: inout State, _ key: Key, _ ctx: inout ScreenContext) -> [Effect] {
        if let modal = state.modal { return handleModalKey(&state, modal, key, &ctx) }
        guard let command = AdminKeys.map(for: state.tab).command(for: key) else { return [] }
        switch command {
        case .help: ctx.request = .help
        case .quit: ctx.request = .quit
        case .moveUp: state.list.moveUp()
        case .moveDown: state.list.moveDown()
        case .pageUp: state.list.pageUp()
        case .pageDown: state.list.pageDown()
        case .nextTab, .previousTab:
            let all = Tab.allCases
            let i = all.firstIndex(of: state.tab) ?? 0
            state.tab = all[(i + (command == .nextTab ? 1 : all.count - 1)) % all.count]
            state.list = ListState(count: state.rowCount, viewportHeight: state.list.viewportHeight)
            ctx.notice = nil
        case .add:
            switch state.tab {
            case .counselors: state.modal = .form(.counselor(id: 0), counselorForm(nil))
            case .rooms: state.modal = .form(.room(id: 0), roomForm(nil))
            case .closures: state.modal = .form(.closure(id: 0), closureForm(nil, rooms: state.data.rooms, strings: ctx.strings))
            case .services: ctx.notice = Notice(.error, ctx.strings("admin.servicesFromCatalog"))
            case .staff: ctx.notice = Notice(.error, ctx.strings("admin.staffFromCLI"))
            case .programs: state.modal = .form(.program(id: nil), programForm(nil))
            }
        case .edit:
            switch state.tab {
            case .counselors: if let c = state.item(state.data.counselors) { state.modal = .form(.counselor(id: c.id), counselorForm(c)) }
            case .rooms: if let r = state.item(state.data.rooms) { state.modal = .form(.room(id: r.id), roomForm(r)) }
            case .closures:
                if let c = state.item(state.data.closures) {
                    state.modal = .form(.closure(id: c.id), closureForm(c, rooms: state.data.rooms, strings: ctx.strings))
                }
            case .services: return toggleService(&state)
            case .staff: ctx.notice = Notice(.error, ctx.strings("admin.staffFromCLI"))
            case .programs: if let p = state.item(state.data.programs) { state.modal = .form(.program(id: p.id), programForm(p)) }
            }
        case .remove:
            switch state.tab {
            case .counselors: if let c = state.item(state.data.counselors) { state.modal = .confirmRemove(.counselor(c)) }
            case .rooms: if let r = state.item(state.data.rooms) { state.modal = .confirmRemove(.room(r)) }
            case .closures: if let c = state.item(state.data.closures) { state.modal = .confirmRemove(.closure(c)) }
            case .services: ctx.notice = Notice(.error, ctx.strings("admin.servicesFromCatalog"))
            case .staff: return disableStaff(&state, &ctx)
            case .programs: ctx.notice = Notice(.error, ctx.strings("admin.programsFromCLI"))
            }
        case .toggleActive:
            switch state.tab {
            case .services: return toggleService(&state)
            case .counselors:
                if var c = state.item(state.data.counselors) { c.active.toggle(); return [.saveCounselor(c)] }
            case .rooms:
                if var r = state.item(state.data.rooms) { r.active.toggle(); return [.saveRoom(r)] }
            case .closures: break
            case .staff: return disableStaff(&state, &ctx)
            case .programs: ctx.notice = Notice(.error, ctx.strings("admin.programsFromCLI"))
            }
        case .addAbsence:
            guard let c = state.selectedCounselor else {
                ctx.notice = Notice(.error, ctx.strings("admin.chooseCounselor"))
                return []
            }
            state.modal = .form(.absence(counselorId: c.id, id: 0), absenceForm())
        case .removeAbsence:
            guard let a = state.selectedAbsences(now: ctx.now).first else { return [] }
            state.modal = .confirmRemove(.absence(a))
        }
        return []
    }

    /// Asks to disable the selected active login; a disabled one comes back with `staff reset-pin`.
    private static func disableStaff(_ state: inout State, _ ctx: inout ScreenContext) -> [Effect] {
        guard let m = state.item(state.data.staff) else { return [] }
        if m.active { state.modal = .confirmRemove(.staff(m)) } else { ctx.notice = Notice(.error, ctx.strings("admin.staffFromCLI")) }
        return []
    }

    private static func toggleService(_ state: inout State) -> [Effect] {
        guard let s = state.item(state.data.services) else { return [] }
        return [.setServiceActive(id: s.id, active: !s.active)]
    }

    private static func handleModalKey(_ state: inout State, _ modal: Modal, _ key: Key, _ ctx: inout ScreenContext) -> [Effect] {
        switch modal {
        case .confirmRemove(let removal):
            switch AdminKeys.confirmRemove.command(for: key) {
            case .confirm?:
                state.modal = nil
                switch removal {
                case .counselor(let c): return [.removeCounselor(id: c.id)]
                case .room(let r): return [.removeRoom(id: r.id)]
                case .closure(let c): return [.removeClosure(id: c.id)]
                case .absence(let a): return [.removeAbsence(id: a.id)]
                case .staff(let m): return [.disableStaff(name: m.name)]
                }
            case .cancel?: state.modal = nil
            case .close?, nil: break
            }
        case .form(let target, var form):
            switch form.handle(key) {
            case .cancel: state.modal = nil
            case .editing: state.modal = .form(target, form)
            case .submit:
                switch validate(target, form, state, ctx) {
                case .success(let effect):
                    form.error = nil
                    state.modal = .form(target, form)
                    return [effect]
                case .failure(let e):
                    form.error = e.message
                    form.focus = e.field
                    state.modal = .form(target, form)
                }
            }
        }
        return []
    }
}
