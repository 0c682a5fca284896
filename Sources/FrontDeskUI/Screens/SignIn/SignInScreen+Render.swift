import Foundation
import FrontDeskDomain
import TerminalKit

extension SignInScreen {
    public static func title(_ state: State, _ ctx: ScreenContext) -> String { ctx.strings("signin.title") }

    /// The sign-in keys as they are (no screens menu before sign-in).
    public static func keyBar(_ state: State, _ ctx: ScreenContext) -> KeyBarContent { .dialog(SignInKeys.map(for: state.mode).hints(ctx.strings)) }

    public static func help(_ state: State, _ ctx: ScreenContext) -> [HelpColumn] {
        [HelpColumn(ctx.strings("signin.title"), SignInKeys.map(for: state.mode).helpLines(ctx.strings))]
    }

    /// Draws the body: the names and the PIN (as dots) in a box, a kiosk's ticket board on the
    /// right.
    public static func render(_ state: State, _ ctx: ScreenContext, body area: Rect, into frame: inout Frame) {
        var body = area.inset(dx: 1, dy: 1)
        if state.kiosk {
            let parts = body.splitHorizontally([.min(40), .length(30)])
            body = parts[0]
            renderTickets(state, ctx, parts[1], &frame)
        }
        switch state.mode {
        case .firstAdmin: renderFirstAdmin(state, ctx, body, &frame)
        case .signIn, .kioskQuit: renderSignIn(state, ctx, body, &frame)
        }
    }

    private static func renderSignIn(_ state: State, _ ctx: ScreenContext, _ area: Rect, _ frame: inout Frame) {
        let s = ctx.strings
        let choices = state.choices
        let listHeight = max(1, min(choices.count, area.height - 7))
        let box = area.centered(width: min(area.width, 44), height: min(area.height, listHeight + 6))
        let title = state.mode == .kioskQuit ? s("signin.kioskQuitTitle") : s("signin.who")
        let inner = Box.render(into: &frame, rect: box, title: title, style: .bold)
        if state.staff == nil { return }
        var list = state.list
        list.setViewportHeight(listHeight)
        for (row, i) in list.visibleRange.enumerated() {
            let m = choices[i]
            let selected = i == list.selected
            let r = inner.row(row).inset(dx: 1, dy: 0)
            frame.put((selected ? "▶ " : "  ") + m.name, in: Rect(x: r.x, y: r.y, width: r.width - 14, height: 1),
                      style: selected ? .reverse : .plain)
            frame.put(s("role.\(m.role.rawValue)"), in: Rect(x: r.maxX - 13, y: r.y, width: 13, height: 1),
                      style: selected ? .reverse : .dim, alignRight: true)
        }
        let pinRow = inner.row(listHeight + 1).inset(dx: 1, dy: 0)
        let dots = String(repeating: "•", count: state.pin.count)
        frame.put("\(s("signin.pin")) \(dots)\(state.checking ? "" : "_")", in: pinRow, style: .bold)
        if state.checking { frame.put(s("signin.checking"), in: inner.row(listHeight + 2).inset(dx: 1, dy: 0), style: .dim) }
    }

    private static func renderFirstAdmin(_ state: State, _ ctx: ScreenContext, _ area: Rect, _ frame: inout Frame) {
        let s = ctx.strings
        let box = area.centered(width: min(area.width, 56), height: min(area.height, 9))
        let inner = Box.render(into: &frame, rect: box, title: s("signin.firstAdminTitle"), style: .bold)
        frame.put(s("signin.firstAdminHint"), in: inner.row(0).inset(dx: 1, dy: 0), style: .dim)
        let labels = [s("signin.name"), s("signin.pin"), s("signin.repeatPIN")]
        for field in AdminField.allCases {
            let r = inner.row(2 + field.rawValue).inset(dx: 1, dy: 0)
            let focused = field == state.adminFocus
            frame.put(labels[field.rawValue], in: Rect(x: r.x, y: r.y, width: 16, height: 1), style: focused ? .bold : .plain)
            let valueRect = Rect(x: r.x + 17, y: r.y, width: max(0, r.width - 17), height: 1)
            switch field {
            case .name: state.adminName.render(into: &frame, rect: valueRect, style: .underline, focused: focused)
            case .pin: frame.put(String(repeating: "•", count: state.adminPIN.count) + (focused ? "_" : ""), in: valueRect)
            case .repeatPIN: frame.put(String(repeating: "•", count: state.adminRepeat.count) + (focused ? "_" : ""), in: valueRect)
            }
        }
    }

    /// The visitor-facing board: ticket codes only, never a name.
    private static func renderTickets(_ state: State, _ ctx: ScreenContext, _ area: Rect, _ frame: inout Frame) {
        let s = ctx.strings
        let inner = Box.render(into: &frame, rect: area, title: s("signin.board"), style: .bold)
        var row = 0
        frame.put(s("signin.called"), in: inner.row(row).inset(dx: 1, dy: 0), style: .underline)
        row += 1
        for code in state.calledTickets.prefix(max(0, inner.height / 2 - 1)) {
            frame.put(code, in: inner.row(row).inset(dx: 2, dy: 0), style: .bold)
            row += 1
        }
        row += 1
        frame.put(s("signin.waiting"), in: inner.row(row).inset(dx: 1, dy: 0), style: .underline)
        row += 1
        let perRow = max(1, (inner.width - 2) / 7)
        var i = 0
        while i < state.waitingTickets.count, row < inner.height {
            let line = state.waitingTickets[i..<min(i + perRow, state.waitingTickets.count)].joined(separator: " ")
            frame.put(line, in: inner.row(row).inset(dx: 1, dy: 0))
            i += perRow
            row += 1
        }
    }
}
