import TerminalKit

/// What a key can mean on the admin screen.
public enum AdminCommand: Hashable, Sendable {
    case help, add, edit, remove, toggleActive, addAbsence, removeAbsence, previousTab, nextTab, quit
    case moveUp, moveDown, pageUp, pageDown
}

/// The admin screen's key map (no text field outside the forms: letters are commands).
public enum AdminKeys {
    public static let lists = KeyMap<AdminCommand>([
        KeyBinding(.help, [.function(1), .character("?")], label: "key.help"),
        KeyBinding(.add, [.function(2), .character("n")], label: "key.add"),
        KeyBinding(.edit, [.enter, .character("e")], label: "key.edit"),
        KeyBinding(.remove, [.character("x"), .delete], label: "key.remove"),
        KeyBinding(.toggleActive, [.function(5), .character(" ")], label: "key.active"),
        KeyBinding(.addAbsence, [.function(6), .character("b")], label: "key.absence", inBar: false),
        KeyBinding(.nextTab, [.tab, .right], label: "key.nextList"),
        KeyBinding(.quit, [.function(10), .character("q")], label: "key.quit"),
        KeyBinding(.previousTab, [.backTab, .left], label: "key.previousList", inBar: false),
        KeyBinding(.removeAbsence, [.character("B")], label: "key.removeAbsence", inBar: false),
        KeyBinding(.moveUp, [.up, .character("k")], label: "key.up", inBar: false),
        KeyBinding(.moveDown, [.down, .character("j")], label: "key.down", inBar: false),
        KeyBinding(.pageUp, [.pageUp], label: "key.pageUp", inBar: false),
        KeyBinding(.pageDown, [.pageDown], label: "key.pageDown", inBar: false),
    ])
}

extension AdminKeys {
    /// "Remove this?": Enter or y/o removes, Esc or n keeps.
    public static let confirmRemove = ChoiceKeys.confirm
}
