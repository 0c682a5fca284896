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

    /// While a kiosk asks a coordinator's or admin's PIN to quit: the same keys, where Enter
    /// quits and Esc goes back to signing in.
    public static let kioskQuit = KeyMap<SignInCommand>([
        KeyBinding(.up, [.up], label: "signin.key.choose", inBar: false),
        KeyBinding(.down, [.down], label: "signin.key.choose", display: .keys([.up, .down], joiner: "")),
        KeyBinding(.submit, [.enter], label: "signin.key.quitKiosk"),
        KeyBinding(.erase, [.backspace], label: "signin.key.erase", inBar: false),
        KeyBinding(.clear, [.escape], label: "signin.key.back"),
        KeyBinding(.nextField, [.tab], label: "signin.key.next", inBar: false),
        KeyBinding(.previousField, [.backTab], label: "signin.key.next", inBar: false),
        KeyBinding(.quit, [.function(10)], label: "key.quit", inBar: false),
    ])

    /// The key map of a sign-in mode: the reducer and the key bar read the same one.
    public static func map(for mode: SignInScreen.Mode) -> KeyMap<SignInCommand> {
        mode == .kioskQuit ? kioskQuit : map
    }
}
