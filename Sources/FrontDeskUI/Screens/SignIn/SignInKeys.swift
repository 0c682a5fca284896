import TerminalKit

/// What a key means on the sign-in screen (digits go to the PIN; they are not commands).
public enum SignInCommand: Hashable, Sendable {
    case up, down, submit, erase, clear, quit, nextField, previousField
}

/// The sign-in screen's key map: the bottom bar and the reducer read the same table.
public enum SignInKeys {
    public static let map = KeyMap<SignInCommand>([
        KeyBinding(.up, [.up], label: "signin.key.choose", inBar: false),
        KeyBinding(.down, [.down], label: "signin.key.choose"),
        KeyBinding(.submit, [.enter], label: "signin.key.submit"),
        KeyBinding(.erase, [.backspace], label: "signin.key.erase", inBar: false),
        KeyBinding(.clear, [.escape], label: "signin.key.clear"),
        KeyBinding(.nextField, [.tab], label: "signin.key.next", inBar: false),
        KeyBinding(.previousField, [.backTab], label: "signin.key.next", inBar: false),
        KeyBinding(.quit, [.function(10)], label: "key.quit"),
    ])
}
