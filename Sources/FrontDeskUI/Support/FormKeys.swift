import TerminalKit

/// What a key means in a form (the new-visitor form, the admin forms, the cancellation reason,
/// "go to date").
public enum FormCommand: Hashable, Sendable {
    case nextField, previousField
    /// Enter: the next field, or submit on the last one.
    case advance
    case submit, cancel
    /// On a choice: the next or previous option.
    case nextOption, previousOption
    /// On a check box.
    case toggle
    /// On a field that offers matches (nationality): the next or previous match.
    case nextMatch, previousMatch
}

/// The kind of field that has focus: it decides which keys edit it.
public enum FormFieldKind: Hashable, Sendable {
    case text, choice, toggle
    /// A text field whose typed value resolves to one of several matches.
    case matchedText
}

/// The one key table of every form: both form types ask it what a key means, and the key bar
/// under a form is drawn from it, so the bar and the behaviour cannot drift. Keys not in it
/// edit the focused text field.
public enum FormKeys {
    /// Keys that work on every field.
    public static let navigation = KeyMap<FormCommand>([
        KeyBinding(.nextField, [.tab, .down], label: "key.nextField", display: .keys([.tab, .down], joiner: "/")),
        KeyBinding(.submit, [.function(2), .control("s")], label: "key.save", display: .keys([.function(2), .control("s")], joiner: "/")),
        KeyBinding(.cancel, [.escape], label: "key.cancel"),
        KeyBinding(.previousField, [.backTab, .up], label: "key.previousField", inBar: false),
        KeyBinding(.advance, [.enter], label: "key.advance", inBar: false),
    ])

    /// Keys of a choice field.
    public static let choice = KeyMap<FormCommand>([
        KeyBinding(.nextOption, [.right, .character(" ")], label: "key.choose", display: .keys([.left, .right], joiner: "")),
        KeyBinding(.previousOption, [.left], label: "key.choose", inBar: false),
    ])

    /// Keys of a check box.
    public static let toggle = KeyMap<FormCommand>([
        KeyBinding(.toggle, [.character(" ")], label: "key.toggle"),
    ])

    /// Keys of a text field with matches.
    public static let matches = KeyMap<FormCommand>([
        KeyBinding(.nextMatch, [.pageDown], label: "key.otherMatch", display: .keys([.pageUp, .pageDown], joiner: "/")),
        KeyBinding(.previousMatch, [.pageUp], label: "key.otherMatch", inBar: false),
    ])

    /// The bar of a form with one field (a date, a reason): Enter gives the answer. The same
    /// keys as `navigation`, which the form reads.
    public static let singleField = KeyMap<FormCommand>([
        KeyBinding(.advance, [.enter], label: "key.ok"),
        KeyBinding(.cancel, [.escape], label: "key.cancel"),
        KeyBinding(.submit, [.function(2), .control("s")], label: "key.save", inBar: false),
    ])

    /// Every form key map, for the test that walks them all.
    public static let all = [navigation, choice, toggle, matches, singleField]

    /// The field kind's own keys.
    static func map(for kind: FormFieldKind) -> KeyMap<FormCommand>? {
        switch kind {
        case .text: nil
        case .choice: choice
        case .toggle: toggle
        case .matchedText: matches
        }
    }

    /// What a key means on a field of this kind; nil when it edits the text.
    public static func command(for key: Key, on kind: FormFieldKind) -> FormCommand? {
        navigation.command(for: key) ?? map(for: kind)?.command(for: key)
    }

    /// The key bar under a form: the focused field's own keys first, then moving, saving and
    /// cancelling.
    public static func hints(on kind: FormFieldKind, _ strings: Localizer, fieldCount: Int = 2) -> [KeyHint] {
        (map(for: kind)?.hints(strings) ?? []) + (fieldCount == 1 ? singleField : navigation).hints(strings)
    }

    /// The field index after moving by `step` among `count` fields, wrapping.
    public static func move(_ focus: Int, by step: Int, count: Int) -> Int {
        guard count > 0 else { return 0 }
        return ((focus + step) % count + count) % count
    }
}
