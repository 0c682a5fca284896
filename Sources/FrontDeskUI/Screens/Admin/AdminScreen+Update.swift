import Foundation
import FrontDeskDomain
import TerminalKit

extension AdminScreen {
    /// Applies one event to the state and returns the effects to perform. Pure: no I/O, no clock.
    public static func update(_ state: inout State, _ event: Event) -> [Effect] {
        let effects = apply(&state, event)
        state.list.setCount(state.rowCount)
        state.list.setViewportHeight(max(1, layout(state.size).list.height - 1))
        return effects
    }

    private static func apply(_ state: inout State, _ event: Event) -> [Effect] {
        switch event {
        case .resized(let size):
            state.size = size
            return []
        case .shown, .dataChanged:
            return [.load]
        case .loaded(let data):
            state.data = data
            return []
        case .saved(let change):
            let s = state.strings
            let text = switch change {
            case .saved(let name): s("admin.saved", name)
            case .serviceSaved(let service): s("admin.saved", s.serviceName(service))
            case .removed(let outcome): s("admin.removed.\(outcome.rawValue)")
            case .staffDisabled(let name): s("admin.staffDisabled", name)
            }
            state.modal = nil
            state.notice = Notice(.info, text)
            return [.load]
        case .failed(let failure):
            let text = state.strings.message(for: failure, calendar: state.calendar)
            // A refused save keeps the form and what was typed.
            if case .form(let target, var form) = state.modal {
                form.error = text
                state.modal = .form(target, form)
            }
            state.notice = Notice(.error, text)
            return [.load]
        case .key(let key):
            return handleKey(&state, key)
        }
    }

    private static func handleKey(_ state: inout State, _ key: Key) -> [Effect] {
        if Chrome.isTooSmall(state.size) {
            if key == .function(10) { state.modal = .quitConfirm }
            else if state.modal == .quitConfirm, Chrome.quitAnswer(key) == true { return quit(&state) }
            return []
        }
        if let modal = state.modal { return handleModalKey(&state, modal, key) }
        guard let command = AdminKeys.lists.command(for: key) else { return [] }
        switch command {
        case .help: state.modal = .help
        case .quit: state.modal = .quitConfirm
        case .moveUp: state.list.moveUp()
        case .moveDown: state.list.moveDown()
        case .pageUp: state.list.pageUp()
        case .pageDown: state.list.pageDown()
        case .nextTab, .previousTab:
            let all = Tab.allCases
            let i = all.firstIndex(of: state.tab) ?? 0
            state.tab = all[(i + (command == .nextTab ? 1 : all.count - 1)) % all.count]
            state.list = ListState(count: state.rowCount, viewportHeight: state.list.viewportHeight)
            state.notice = nil
        case .add:
            switch state.tab {
            case .counselors: state.modal = .form(.counselor(id: 0), counselorForm(nil))
            case .rooms: state.modal = .form(.room(id: 0), roomForm(nil))
            case .closures: state.modal = .form(.closure(id: 0), closureForm(nil, rooms: state.data.rooms, strings: state.strings))
            case .services: state.notice = Notice(.error, state.strings("admin.servicesFromCatalog"))
            case .staff: state.notice = Notice(.error, state.strings("admin.staffFromCLI"))
            }
        case .edit:
            switch state.tab {
            case .counselors: if let c = state.item(state.data.counselors) { state.modal = .form(.counselor(id: c.id), counselorForm(c)) }
            case .rooms: if let r = state.item(state.data.rooms) { state.modal = .form(.room(id: r.id), roomForm(r)) }
            case .closures:
                if let c = state.item(state.data.closures) {
                    state.modal = .form(.closure(id: c.id), closureForm(c, rooms: state.data.rooms, strings: state.strings))
                }
            case .services: return toggleService(&state)
            case .staff: state.notice = Notice(.error, state.strings("admin.staffFromCLI"))
            }
        case .remove:
            switch state.tab {
            case .counselors: if let c = state.item(state.data.counselors) { state.modal = .confirmRemove(.counselor(c)) }
            case .rooms: if let r = state.item(state.data.rooms) { state.modal = .confirmRemove(.room(r)) }
            case .closures: if let c = state.item(state.data.closures) { state.modal = .confirmRemove(.closure(c)) }
            case .services: state.notice = Notice(.error, state.strings("admin.servicesFromCatalog"))
            case .staff: return disableStaff(&state)
            }
        case .toggleActive:
            switch state.tab {
            case .services: return toggleService(&state)
            case .counselors:
                if var c = state.item(state.data.counselors) { c.active.toggle(); return [.saveCounselor(c)] }
            case .rooms:
                if var r = state.item(state.data.rooms) { r.active.toggle(); return [.saveRoom(r)] }
            case .closures: break
            case .staff: return disableStaff(&state)
            }
        case .addAbsence:
            guard let c = state.selectedCounselor else {
                state.notice = Notice(.error, state.strings("admin.chooseCounselor"))
                return []
            }
            state.modal = .form(.absence(counselorId: c.id, id: 0), absenceForm())
        case .removeAbsence:
            guard let a = state.selectedAbsences.first else { return [] }
            state.modal = .confirmRemove(.absence(a))
        }
        return []
    }

    /// Asks to disable the selected active login; a disabled one comes back with `staff reset-pin`.
    private static func disableStaff(_ state: inout State) -> [Effect] {
        guard let m = state.item(state.data.staff) else { return [] }
        if m.active { state.modal = .confirmRemove(.staff(m)) } else { state.notice = Notice(.error, state.strings("admin.staffFromCLI")) }
        return []
    }

    private static func toggleService(_ state: inout State) -> [Effect] {
        guard let s = state.item(state.data.services) else { return [] }
        return [.setServiceActive(id: s.id, active: !s.active)]
    }

    private static func quit(_ state: inout State) -> [Effect] {
        state.quitRequested = true
        return [.quit]
    }

    private static func handleModalKey(_ state: inout State, _ modal: Modal, _ key: Key) -> [Effect] {
        switch modal {
        case .help:
            if Chrome.closesHelp(key) { state.modal = nil }
        case .quitConfirm:
            switch Chrome.quitAnswer(key) {
            case true?:
                state.modal = nil
                return quit(&state)
            case false?: state.modal = nil
            case nil: break
            }
        case .confirmRemove(let removal):
            switch key {
            case .enter, .character("y"), .character("o"):
                state.modal = nil
                switch removal {
                case .counselor(let c): return [.removeCounselor(id: c.id)]
                case .room(let r): return [.removeRoom(id: r.id)]
                case .closure(let c): return [.removeClosure(id: c.id)]
                case .absence(let a): return [.removeAbsence(id: a.id)]
                case .staff(let m): return [.disableStaff(name: m.name)]
                }
            case .escape, .character("n"): state.modal = nil
            default: break
            }
        case .form(let target, var form):
            switch form.handle(key) {
            case .cancel: state.modal = nil
            case .editing: state.modal = .form(target, form)
            case .submit:
                switch validate(target, form, state) {
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
