import Foundation
import FrontDeskDomain
import TerminalKit

/// The sign-in screen: choose your name, type your PIN (never echoed),
/// Enter. The TUI starts here, and a kiosk returns here after idle time.
///
/// Three modes: signing in; in kiosk mode, a coordinator's or admin's PIN to quit; and, on a
/// database with no staff at all, creating the first admin. A kiosk also shows the called and
/// waiting queue tickets (codes only, never names): the side of the screen visitors may see.
public enum SignInScreen: Screen {
    public enum Mode: Hashable, Sendable {
        case signIn
        /// Quitting a kiosk: only coordinators and admins are listed.
        case kioskQuit
        /// No staff yet: name and PIN (twice) of the first admin.
        case firstAdmin
    }

    /// The first-admin form's fields, in focus order.
    public enum AdminField: Int, CaseIterable, Sendable { case name, pin, repeatPIN }

    public struct State: Equatable, Sendable {
        /// Kiosk terminal: quitting needs a coordinator's or admin's PIN; tickets are shown.
        public var kiosk: Bool
        public var mode: Mode = .signIn
        /// Active staff, by name, as last loaded; nil before the first load.
        public var staff: [StaffMember]?
        public var list = ListState()
        /// Digits typed so far; drawn as dots.
        public var pin = ""
        /// Something other than a digit was typed in the PIN field: digits are ignored until Esc
        /// or another name is chosen (a visitor's code typed at a locked desk is never a PIN).
        public var typingNotPIN = false
        /// A sign-in is being checked (the hash takes a moment): keys wait.
        public var checking = false
        /// First admin form.
        public var adminName = TextField(maxLength: 60)
        public var adminPIN = ""
        public var adminRepeat = ""
        public var adminFocus: AdminField = .name
        /// Kiosk: ticket codes called (most recent first) and waiting, today.
        public var calledTickets: [String] = []
        public var waitingTickets: [String] = []

        public init(kiosk: Bool = false) {
            self.kiosk = kiosk
        }

        /// The names offered: everyone active, or only those who may end a kiosk session.
        public var choices: [StaffMember] {
            let all = staff ?? []
            return mode == .kioskQuit ? all.filter { $0.role.mayQuitKiosk } : all
        }

        public var selectedMember: StaffMember? {
            list.selected.flatMap { choices.indices.contains($0) ? choices[$0] : nil }
        }
    }

    public enum Event: ScreenEvent, Sendable {
        /// A key, the clock, a resize, a reload or coming to the front: from the shell.
        case shell(ShellEvent)
        case staffLoaded([StaffMember])
        case signedIn(StaffMember)
        /// The kiosk's quit was authorized by a coordinator's or admin's PIN.
        case quitAuthorized(StaffMember)
        case refused(SignInError)
        case firstAdminCreated(StaffMember)
        case failed(String)
        case ticketsLoaded(called: [String], waiting: [String])
    }

    public enum Effect: Equatable, Sendable {
        case loadStaff
        /// Check the PIN and record the attempt.
        case signIn(staffId: Int64, pin: String, kioskQuit: Bool)
        case createFirstAdmin(name: String, pin: String)
        /// Kiosk: today's ticket codes.
        case loadTickets
    }

    /// Shown again (start, or after a lock): forget any typed PIN and reload the names.
    public static func reset(_ state: inout State) -> [Effect] {
        state.mode = .signIn
        state.pin = ""
        state.checking = false
        state.adminPIN = ""
        state.adminRepeat = ""
        return [.loadStaff] + (state.kiosk ? [.loadTickets] : [])
    }

    public static func start(_ state: inout State, _ context: ScreenContext) -> [Effect] {
        [.loadStaff] + (state.kiosk ? [.loadTickets] : [])
    }


    /// The sign-in screen has no dialog: the global keys never reach it anyway.
    public static func hasDialog(_ state: State) -> Bool { false }
}

extension SignInScreen.Effect {
    /// True when performing the effect may write to the store (an audit row counts): the loop
    /// then absorbs the change token it moved, so its own write does not reload the screen twice.
    /// Exhaustive on purpose: a new effect must say whether it writes.
    public var writes: Bool {
        switch self {
        case .loadStaff, .loadTickets: false
        // Every attempt is recorded (audit row, failure count or lock).
        case .signIn, .createFirstAdmin: true
        }
    }
}
