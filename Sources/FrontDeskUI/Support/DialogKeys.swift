import TerminalKit

/// What a key means in a dialog that picks one of a few choices (check-in category, visit
/// outcome, appointment status).
public enum ChoiceCommand: Hashable, Sendable {
    case previous, next, confirm, cancel
    /// Pick the choice at this index (0-based) directly, by its letter or digit.
    case choose(Int)

    /// The choice this command moves to from `current`, among `count` choices (wrapping);
    /// `current` itself for confirm and cancel.
    public func index(from current: Int, count: Int) -> Int {
        guard count > 0 else { return current }
        switch self {
        case .previous: return (current - 1 + count) % count
        case .next: return (current + 1) % count
        case .choose(let i): return (0..<count).contains(i) ? i : current
        case .confirm, .cancel: return current
        }
    }
}

/// What a key means in a dialog that only shows something or asks yes or no.
public enum DialogCommand: Hashable, Sendable {
    case close, confirm, cancel
}

/// Key maps for choice dialogs: arrows move, each choice's letters and its digit (1-based)
/// pick it, Enter confirms, Esc cancels. The key bar reads "↑↓ Choose  Enter Confirm  Esc Cancel".
public enum ChoiceKeys {
    public static func map(choices letters: [[Character]]) -> KeyMap<ChoiceCommand> {
        var bindings = [
            KeyBinding(ChoiceCommand.next, [.down, .right, .tab], label: "key.choose", display: .keys([.up, .down], joiner: "")),
            KeyBinding(.confirm, [.enter], label: "key.confirm"),
            KeyBinding(.cancel, [.escape], label: "key.cancel"),
            KeyBinding(.previous, [.up, .left, .backTab], label: "key.previousChoice", inBar: false),
        ]
        for (i, keys) in letters.enumerated() {
            let digit = Character(String(i + 1))
            bindings.append(KeyBinding(.choose(i), (keys + [digit]).map { Key.character($0) }, label: "key.choose", inBar: false))
        }
        return KeyMap(bindings)
    }

    /// A yes/no question: Enter or the interface's "yes" letters confirm, Esc or n cancels.
    public static let confirm = KeyMap<DialogCommand>([
        KeyBinding(.confirm, [.enter, .character("y"), .character("o")], label: "key.confirm", display: .keys([.enter], joiner: "")),
        KeyBinding(.cancel, [.escape, .character("n")], label: "key.cancel", display: .keys([.escape], joiner: "")),
    ])
}

/// What a key means in a dialog that picks a row of a list (the schedule's counselor).
public enum PickerCommand: Hashable, Sendable {
    case moveUp, moveDown, pageUp, pageDown, choose, cancel
}

/// The key map of list pickers: "↑↓ Choose  Enter Confirm  Esc Cancel".
public enum PickerKeys {
    public static let list = KeyMap<PickerCommand>([
        KeyBinding(.moveDown, [.down, .character("j")], label: "key.choose", display: .keys([.up, .down], joiner: "")),
        KeyBinding(.choose, [.enter], label: "key.confirm"),
        KeyBinding(.cancel, [.escape], label: "key.cancel"),
        KeyBinding(.moveUp, [.up, .character("k")], label: "key.up", inBar: false),
        KeyBinding(.pageUp, [.pageUp], label: "key.pageUp", inBar: false),
        KeyBinding(.pageDown, [.pageDown], label: "key.pageDown", inBar: false),
    ])
}
