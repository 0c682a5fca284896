import Foundation
import FrontDeskDomain
import TerminalKit

extension SignInScreen {
    /// Applies one event. Pure: checking a PIN, creating the first admin and loading names are
    /// effects.
    public static func update(_ state: inout State, _ event: Event, _ ctx: inout ScreenContext) -> [Effect] {
        switch event {
        case .shell(.key(let key)):
            if state.checking { return [] }
            return state.mode == .firstAdmin ? adminKey(&state, key, &ctx) : signInKey(&state, key, &ctx)
        case .shell(.paste(let text)):
            // Only the first admin's name takes pasted text: a PIN is never pasted.
            if state.mode == .firstAdmin, state.adminFocus == .name { state.adminName.paste(text) }
            return []
        case .shell(.resized), .shell(.tick):
            return []
        case .shell(.dataChanged), .shell(.shown):
            return [.loadStaff] + (state.kiosk ? [.loadTickets] : [])
        case .staffLoaded(let staff):
            let previous = state.selectedMember?.id
            state.staff = staff
            if staff.isEmpty {
                state.mode = .firstAdmin
            } else if state.mode == .firstAdmin {
                state.mode = .signIn
            }
            reselect(&state, keeping: previous)
            return []
        case .signedIn, .quitAuthorized, .firstAdminCreated:
            // The shell takes it from here (opens the session, or quits).
            state.checking = false
            state.pin = ""
            state.adminPIN = ""
            state.adminRepeat = ""
            ctx.notice = nil
            return []
        case .refused(let error):
            state.checking = false
            state.pin = ""
            ctx.notice = Notice(.error, message(error, ctx.strings, ctx.calendar))
            return []
        case .failed(let text):
            state.checking = false
            state.pin = ""
            ctx.notice = Notice(.error, text)
            return []
        case .ticketsLoaded(let called, let waiting):
            state.calledTickets = called
            state.waitingTickets = waiting
            return []
        }
    }

    private static func reselect(_ state: inout State, keeping id: Int64?) {
        let choices = state.choices
        state.list.setCount(choices.count)
        if let id, let i = choices.firstIndex(where: { $0.id == id }) {
            state.list.select(i)
        } else if !choices.isEmpty {
            state.list.select(0)
        }
    }

    private static func signInKey(_ state: inout State, _ key: Key, _ ctx: inout ScreenContext) -> [Effect] {
        if case .character(let typed) = key, let c = PIN.digit(typed) {
            guard !state.typingNotPIN else { return [] }
            if state.pin.count < PIN.lengths.upperBound { state.pin.append(c) }
            ctx.notice = nil
            return []
        }
        if TextField.isText(key) {
            // A letter is not part of a PIN: someone typing a visitor's name or code at a locked
            // desk. Neither its digits nor those typed after it become a PIN whose Enter would
            // count as a wrong attempt, until Esc or another name clears the field.
            state.pin = ""
            state.typingNotPIN = true
            ctx.notice = Notice(.info, ctx.strings("signin.lockedTyping"))
            return []
        }
        switch SignInKeys.map(for: state.mode).command(for: key) {
        case .up?: state.list.moveUp(); state.pin = ""; state.typingNotPIN = false
        case .down?: state.list.moveDown(); state.pin = ""; state.typingNotPIN = false
        case .erase?: if !state.pin.isEmpty { state.pin.removeLast() }
        case .clear?:
            state.typingNotPIN = false
            if state.mode == .kioskQuit {
                state.mode = .signIn
                ctx.notice = nil
                reselect(&state, keeping: nil)
            }
            state.pin = ""
        case .submit?:
            guard let member = state.selectedMember else { return [] }
            guard PIN.isValid(state.pin) else {
                ctx.notice = Notice(.error, ctx.strings("signin.pinLength"))
                return []
            }
            state.checking = true
            let pin = state.pin
            state.pin = ""
            return [.signIn(staffId: member.id, pin: pin, kioskQuit: state.mode == .kioskQuit)]
        case .quit?:
            guard state.kiosk else {
                ctx.request = .quit
                return []
            }
            if state.mode != .kioskQuit {
                state.mode = .kioskQuit
                state.pin = ""
                ctx.notice = Notice(.info, ctx.strings("signin.kioskQuitHint"))
                reselect(&state, keeping: nil)
            }
        case .nextField?, .previousField?, nil:
            break
        }
        return []
    }

    private static func adminKey(_ state: inout State, _ key: Key, _ ctx: inout ScreenContext) -> [Effect] {
        let fields = AdminField.allCases
        switch SignInKeys.map.command(for: key) {
        case .nextField?, .down?:
            state.adminFocus = fields[(state.adminFocus.rawValue + 1) % fields.count]
            return []
        case .previousField?, .up?:
            state.adminFocus = fields[(state.adminFocus.rawValue - 1 + fields.count) % fields.count]
            return []
        case .quit?:
            if !state.kiosk { ctx.request = .quit }
            return []
        case .submit?:
            if state.adminFocus != .repeatPIN {
                state.adminFocus = fields[state.adminFocus.rawValue + 1]
                return []
            }
            let name = state.adminName.text.trimmingCharacters(in: .whitespaces)
            if name.isEmpty {
                ctx.notice = Notice(.error, ctx.strings("signin.nameMissing"))
                state.adminFocus = .name
            } else if !PIN.isValid(state.adminPIN) {
                ctx.notice = Notice(.error, ctx.strings("signin.pinLength"))
                state.adminFocus = .pin
            } else if state.adminPIN != state.adminRepeat {
                ctx.notice = Notice(.error, ctx.strings("signin.pinMismatch"))
                state.adminRepeat = ""
                state.adminFocus = .repeatPIN
            } else {
                state.checking = true
                return [.createFirstAdmin(name: name, pin: state.adminPIN)]
            }
            return []
        default:
            break
        }
        switch state.adminFocus {
        case .name:
            _ = state.adminName.handle(key)
        case .pin, .repeatPIN:
            var digits = state.adminFocus == .pin ? state.adminPIN : state.adminRepeat
            if case .character(let typed) = key, let c = PIN.digit(typed), digits.count < PIN.lengths.upperBound { digits.append(c) }
            let command = SignInKeys.map.command(for: key)
            if command == .erase, !digits.isEmpty { digits.removeLast() }
            if command == .clear { digits = "" }
            if state.adminFocus == .pin { state.adminPIN = digits } else { state.adminRepeat = digits }
        }
        return []
    }

    /// The refusal in the screen's language.
    static func message(_ error: SignInError, _ s: Localizer, _ calendar: CenterCalendar) -> String {
        switch error {
        case .unknownStaff: s("signin.unknown")
        case .disabled: s("signin.disabled")
        case .locked(let until): s("signin.locked", calendar.clockText(until))
        case .wrongPIN(let remaining): s.plural("signin.wrongPIN", remaining)
        case .roleNotAllowed: s("signin.kioskQuitRole")
        }
    }
}
