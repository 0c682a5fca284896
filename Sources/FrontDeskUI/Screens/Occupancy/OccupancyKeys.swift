import TerminalKit

/// What a key can mean on the occupancy screen.
public enum OccupancyCommand: Hashable, Sendable {
    case help, previous, next, today, toggleSpan, nextView, previousView, rooms, counselors, services, scrollUp, scrollDown, pageUp, pageDown, quit
}

/// The occupancy screen's key map (no text field: letters are commands).
public enum OccupancyKeys {
    public static let map = KeyMap<OccupancyCommand>([
        KeyBinding(.help, [.function(1), .character("?")], label: "key.help"),
        KeyBinding(.rooms, [.function(2), .character("r")], label: "occupancy.rooms"),
        KeyBinding(.counselors, [.function(3), .character("c")], label: "occupancy.counselors"),
        KeyBinding(.services, [.function(4), .character("s")], label: "occupancy.services"),
        KeyBinding(.toggleSpan, [.function(5), .character("m")], label: "key.weekMonth"),
        KeyBinding(.quit, [.function(10), .character("q")], label: "key.quit"),
        KeyBinding(.previous, [.left, .character("h"), .character("[")], label: "key.previousPeriod", inBar: false),
        KeyBinding(.next, [.right, .character("l"), .character("]")], label: "key.nextPeriod", inBar: false),
        KeyBinding(.today, [.character("t"), .home], label: "key.today", inBar: false),
        KeyBinding(.nextView, [.tab], label: "key.nextView", inBar: false),
        KeyBinding(.previousView, [.backTab], label: "key.previousView", inBar: false),
        KeyBinding(.scrollUp, [.up, .character("k")], label: "key.scrollUp", inBar: false),
        KeyBinding(.scrollDown, [.down, .character("j")], label: "key.scrollDown", inBar: false),
        KeyBinding(.pageUp, [.pageUp], label: "key.pageUp", inBar: false),
        KeyBinding(.pageDown, [.pageDown], label: "key.pageDown", inBar: false),
    ])
}
