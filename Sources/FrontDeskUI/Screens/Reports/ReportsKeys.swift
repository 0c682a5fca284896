import TerminalKit

/// What a key can mean on the reports screen.
public enum ReportsCommand: Hashable, Sendable {
    case help, nextView, previousView, view(ReportsScreen.View), nextScope, previousScope, nextPeriodChoice, previous, next, thisQuarter
    case export, scrollUp, scrollDown, pageUp, pageDown, bottom, quit
}

/// The reports screen's key map (no text field: letters and digits are commands). One key
/// each for the scope (`f`: every service, each funder, each program) and the period (`p`:
/// this quarter, last quarter, this year, month by month); the arrows step the period.
public enum ReportsKeys {
    public static let map = KeyMap<ReportsCommand>([
        KeyBinding(.help, [.function(1), .character("?")], label: "key.help"),
        KeyBinding(.nextView, [.function(2), .tab], label: "reports.key.view"),
        KeyBinding(.nextScope, [.function(3), .character("f")], label: "reports.key.scope"),
        KeyBinding(.nextPeriodChoice, [.function(4), .character("p")], label: "reports.key.period"),
        KeyBinding(.export, [.function(6), .character("x")], label: "reports.key.export"),
        KeyBinding(.quit, [.function(10), .character("q")], label: "key.quit"),
        KeyBinding(.previousView, [.backTab], label: "key.previousView", inBar: false),
        KeyBinding(.previousScope, [.character("F")], label: "reports.key.previousScope", inBar: false),
        KeyBinding(.previous, [.left, .character("h"), .character("[")], label: "reports.key.previous", inBar: false),
        KeyBinding(.next, [.right, .character("l"), .character("]")], label: "reports.key.next", inBar: false),
        KeyBinding(.thisQuarter, [.character("t"), .home], label: "reports.key.thisQuarter", inBar: false),
        KeyBinding(.view(.tables), [.character("1")], label: "reports.view.tables", inBar: false),
        KeyBinding(.view(.pyramid), [.character("2")], label: "reports.view.pyramid", inBar: false),
        KeyBinding(.view(.nationalities), [.character("3")], label: "reports.view.nationalities", inBar: false),
        KeyBinding(.view(.trends), [.character("4")], label: "reports.view.trends", inBar: false),
        KeyBinding(.view(.walkIns), [.character("5")], label: "reports.view.walkIns", inBar: false),
        KeyBinding(.view(.noShows), [.character("6")], label: "reports.view.noShows", inBar: false),
        KeyBinding(.scrollUp, [.up, .character("k")], label: "key.scrollUp", inBar: false),
        KeyBinding(.scrollDown, [.down, .character("j")], label: "key.scrollDown", inBar: false),
        KeyBinding(.pageUp, [.pageUp], label: "key.pageUp", inBar: false),
        KeyBinding(.pageDown, [.pageDown], label: "key.pageDown", inBar: false),
        KeyBinding(.bottom, [.end], label: "key.bottom", inBar: false),
    ])
}
