import TerminalKit

/// Which screen the app shows.
public enum AppScreenKind: String, CaseIterable, Hashable, Sendable {
    case reception, booking, schedule, admin, occupancy, reports

    /// The letter that picks the screen in the screens menu.
    public var menuLetter: Character {
        switch self {
        case .reception: "r"
        case .booking: "b"
        case .schedule: "s"
        case .admin: "a"
        case .occupancy: "o"
        case .reports: "p"
        }
    }
}

/// What a global key means: show a screen, open the screens menu, or sign out.
public enum AppCommand: Hashable, Sendable {
    case show(AppScreenKind)
    case menu
    /// End the session: back to the sign-in screen, the screens forget what they showed.
    case signOut
}

/// Keys that work on every screen (when no dialog is open), before the screen sees them.
/// F11 and F12 are eaten by some terminals (full screen), so the menu also opens with ^G
/// ("go to"), and in the menu a letter or digit picks the screen. ^G passes through tmux.
/// Occupancy has no free plain function key left: Shift-F9 (sent as F21 by xterm-like
/// terminals and tmux), or `o` in the menu; reports Shift-F10 (F22), or `p`. ^O signs out.
public enum AppKeys {
    public static let global = KeyMap<AppCommand>([
        KeyBinding(.show(.reception), [.function(7)], label: "screen.reception"),
        KeyBinding(.show(.booking), [.function(8)], label: "screen.booking"),
        KeyBinding(.show(.schedule), [.function(9)], label: "screen.schedule"),
        KeyBinding(.show(.admin), [.function(11)], label: "screen.admin"),
        KeyBinding(.show(.occupancy), [.function(21)], label: "screen.occupancy"),
        KeyBinding(.show(.reports), [.function(22)], label: "screen.reports"),
        KeyBinding(.menu, [.function(12), .control("g")], label: "key.screens"),
        KeyBinding(.signOut, [.control("o")], label: "key.signOut"),
    ])

    /// The help lines of the global keys: a screen key only for a screen the member may open
    /// (`allowed`; nil lists every screen).
    public static func helpLines(_ strings: Localizer, allowed: [AppScreenKind]?) -> [(keys: String, label: String)] {
        let shown = global.bindings.filter { binding in
            guard let allowed, case .show(let kind) = binding.command else { return true }
            return allowed.contains(kind)
        }
        return KeyMap(shown).helpLines(strings)
    }
}

/// What F10 means below the minimum size: the only key that works there.
public enum TooSmallCommand: Hashable, Sendable { case quit }

/// The shell's overlays' key maps: each overlay's key bar is drawn from the same table.
public enum ShellKeys {
    /// The help overlay: any of these closes it.
    public static let help = KeyMap<DialogCommand>([
        KeyBinding(.close, [.escape, .enter, .function(1), .character("?"), .character("q")], label: "key.dismiss",
                   display: .keys([.escape], joiner: "")),
    ])

    /// The quit question. F10 again answers yes, so F10 F10 quits.
    public static let quit = KeyMap<DialogCommand>([
        KeyBinding(.confirm, [.character("y"), .character("Y"), .character("o"), .character("O"), .function(10)], label: "quit.yes",
                   display: .localized("quit.yesKey")),
        KeyBinding(.cancel, [.character("n"), .character("N"), .escape], label: "quit.no", display: .keys([.character("n"), .escape], joiner: "/")),
    ])

    /// Below the minimum size, only quitting works.
    public static let tooSmall = KeyMap<TooSmallCommand>([
        KeyBinding(.quit, [.function(10)], label: "key.quit"),
    ])

    /// The screens menu; a screen's letter, digit or F-key also picks it (`AppScreen`).
    public static let menu = KeyMap<PickerCommand>([
        KeyBinding(.moveDown, [.down, .tab], label: "key.choose", display: .keys([.up, .down], joiner: "")),
        KeyBinding(.choose, [.enter], label: "key.open"),
        KeyBinding(.cancel, [.escape, .function(12), .control("g")], label: "key.dismiss", display: .keys([.escape], joiner: "")),
        KeyBinding(.moveUp, [.up], label: "key.up", inBar: false),
    ])

    /// In the screens menu, each screen the member may open by its letter (either case) and its
    /// digit (1-based, menu order).
    public static func menuChoices(_ allowed: [AppScreenKind]) -> KeyMap<AppScreenKind> {
        KeyMap(allowed.enumerated().map { i, kind in
            let letter = kind.menuLetter
            return KeyBinding(kind, [Character(letter.lowercased()), Character(letter.uppercased()), Character(String(i + 1))].map { Key.character($0) },
                              label: "screen.\(kind.rawValue)")
        })
    }
}
