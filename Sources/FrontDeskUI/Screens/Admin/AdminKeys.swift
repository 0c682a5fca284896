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
    /// The keys of one list, from `lists`: only what works there, so the bar never offers a key
    /// that only answers "not here". Services are offered or withdrawn (no add, edit or
    /// remove); a staff login is disabled (`x` or F5) and F2 says how staff are added.
    public static func map(for tab: AdminScreen.Tab) -> KeyMap<AdminCommand> {
        let common: Set<AdminCommand> = [.help, .nextTab, .previousTab, .quit, .moveUp, .moveDown, .pageUp, .pageDown]
        switch tab {
        case .counselors: return lists
        case .rooms: return lists.only(common.union([.add, .edit, .remove, .toggleActive]))
        case .closures: return lists.only(common.union([.add, .edit, .remove]))
        case .services: return lists.only(common.union([.toggleActive]))
        case .staff: return staff
        case .programs: return lists.only(common.union([.add, .edit]))
        }
    }

    /// The staff list: disabling is the only change made here.
    static let staff = KeyMap<AdminCommand>([
        KeyBinding(.help, [.function(1), .character("?")], label: "key.help"),
        KeyBinding(.add, [.function(2), .character("n")], label: "key.howToAddStaff"),
        KeyBinding(.remove, [.character("x"), .delete, .function(5)], label: "key.disable"),
        KeyBinding(.nextTab, [.tab, .right], label: "key.nextList"),
        KeyBinding(.quit, [.function(10), .character("q")], label: "key.quit"),
    ] + lists.bindings.filter { [.previousTab, .moveUp, .moveDown, .pageUp, .pageDown].contains($0.command) })

    /// "Remove this?": Enter or y/o removes, Esc or n keeps.
    public static let confirmRemove = ChoiceKeys.confirm
}
