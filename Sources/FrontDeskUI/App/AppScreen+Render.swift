import Foundation
import FrontDeskDomain
import TerminalKit

extension AppScreen {
    /// Draws the shown screen inside the shell's chrome, with the overlay over it.
    public static func render(_ state: State, into frame: inout Frame) {
        guard state.session != nil else {
            return renderScreen(SignInScreen.self, state.signIn, state.context(nil), overlay: state.overlay, into: &frame)
        }
        let context = state.context(state.shown)
        switch state.shown {
        case .reception: renderScreen(ReceptionScreen.self, state.reception, context, overlay: state.overlay, into: &frame)
        case .booking: renderScreen(BookingScreen.self, state.booking, context, overlay: state.overlay, into: &frame)
        case .schedule: renderScreen(ScheduleScreen.self, state.schedule, context, overlay: state.overlay, into: &frame)
        case .admin: renderScreen(AdminScreen.self, state.admin, context, overlay: state.overlay, into: &frame)
        case .occupancy: renderScreen(OccupancyScreen.self, state.occupancy, context, overlay: state.overlay, into: &frame)
        case .reports: renderScreen(ReportsScreen.self, state.reports, context, overlay: state.overlay, into: &frame)
        }
        if case .menu(let selected)? = state.overlay, !Chrome.isTooSmall(frame.size) {
            renderMenu(state.strings, state.allowedScreens, selected: selected, into: &frame)
        }
    }

    /// Draws one screen the way the shell does for every screen alike: below the minimum size
    /// the one-line message (and the quit question when asked); else the title bar, the
    /// screen's body, the notice line, the key bar, and the help or quit overlay.
    public static func renderScreen<S: Screen>(_ screen: S.Type, _ screenState: S.State, _ context: ScreenContext, overlay: Overlay?,
                                               into frame: inout Frame) {
        let s = context.strings
        if Chrome.renderTooSmall(s, quitting: overlay == .quitConfirm, into: &frame) { return }
        let l = Chrome.layout(frame.size)
        Chrome.renderTitle(S.title(screenState, context), context, l.title, &frame)
        S.render(screenState, context, body: l.body, into: &frame)
        Chrome.renderNotice(context.notice, l.notice, &frame)
        switch overlay {
        case .help?:
            KeyBar.render(ShellKeys.help.hints(s), into: &frame, row: l.keys)
            Chrome.renderHelp(s, columns: S.help(screenState, context), area: frame.area, &frame)
        case .quitConfirm?:
            KeyBar.render(ShellKeys.quit.hints(s), into: &frame, row: l.keys)
            Chrome.renderQuit(s, area: frame.area, &frame)
        case .menu?:
            KeyBar.render(ShellKeys.menu.hints(s), into: &frame, row: l.keys)
        case nil:
            Chrome.renderKeys(S.keyBar(screenState, context), s, l.keys, &frame)
        }
    }

    /// The screens menu: one row per screen the member may open, with its letter, digit and key.
    static func renderMenu(_ s: Localizer, _ all: [AppScreenKind], selected: Int, into frame: inout Frame) {
        let box = Dialog.rect(width: 46, height: all.count + 4, in: frame.area)
        let inner = Box.render(into: &frame, rect: box, title: s("menu.title"), style: .bold)
        for (i, kind) in all.enumerated() {
            let key = AppKeys.global.bindings.first { $0.command == .show(kind) }?.keys.first?.name ?? ""
            let line = "\(i == selected ? "▶" : " ") \(i + 1) \(kind.menuLetter)  \(s("screen.\(kind.rawValue)"))"
            let row = inner.row(i).inset(dx: 1, dy: 0)
            frame.put(line, in: row, style: i == selected ? .reverse : .plain)
            frame.put(key, in: Rect(x: row.maxX - 5, y: row.y, width: 5, height: 1), style: i == selected ? .reverse : .dim, alignRight: true)
        }
        frame.put(s("menu.hint"), in: inner.row(inner.height - 1).inset(dx: 1, dy: 0), style: .dim)
    }
}
