import TerminalKit

/// One row of a key map: a command, the physical keys that trigger it and the label key
/// (in the strings table) shown in the bottom bar and the help overlay.
public struct KeyBinding<Command: Hashable & Sendable>: Sendable {
    public var command: Command
    public var keys: [Key]
    public var label: String
    /// False for bindings listed in help but not in the bottom bar (arrows, Tab…).
    public var inBar: Bool
    /// How the keys are written in the bar and the help, when not every key joined by ",".
    public var display: KeyDisplay?

    public init(_ command: Command, _ keys: [Key], label: String, inBar: Bool = true, display: KeyDisplay? = nil) {
        self.command = command
        self.keys = keys
        self.label = label
        self.inBar = inBar
        self.display = display
    }

    /// The keys as the bar writes them; `firstKeyOnly` for narrow bars.
    func keysText(_ strings: Localizer, firstKeyOnly: Bool = false, separator: String = ",") -> String {
        switch display {
        case .keys(let shown, let joiner)?: shown.map(\.name).joined(separator: joiner)
        case .localized(let key)?: strings(key)
        case nil: (firstKeyOnly ? Array(keys.prefix(1)) : keys).map(\.name).joined(separator: separator)
        }
    }
}

/// How a binding's keys are written when the plain list would mislead or not fit.
public enum KeyDisplay: Hashable, Sendable {
    /// Only these keys (each must be bound), joined by `joiner` ("n/Esc", "↑↓").
    case keys([Key], joiner: String)
    /// A strings-table key: the key's name in the interface language ("y" in English, "o" in
    /// French for "yes").
    case localized(String)
}

/// A table of key bindings for one context, after htop's and calcurse's single key table:
/// the reducer asks it which command a key means, and the bottom bar and the help screen are
/// rendered from the same rows, so they can never disagree.
public struct KeyMap<Command: Hashable & Sendable>: Sendable {
    public var bindings: [KeyBinding<Command>]

    public init(_ bindings: [KeyBinding<Command>]) { self.bindings = bindings }

    /// The command bound to a key, if any (first binding wins).
    public func command(for key: Key) -> Command? {
        bindings.first { $0.keys.contains(key) }?.command
    }

    /// The bottom-bar hints: each binding's keys joined by "," ("F5,c") and its label; with
    /// `firstKeyOnly`, just the first key ("F5"), for narrow bars (help lists them all).
    public func hints(_ strings: Localizer, firstKeyOnly: Bool = false) -> [KeyHint] {
        bindings.filter(\.inBar).map { KeyHint(keys: $0.keysText(strings, firstKeyOnly: firstKeyOnly), label: strings($0.label)) }
    }

    /// Help lines: keys padded to a column, then the label.
    public func helpLines(_ strings: Localizer) -> [(keys: String, label: String)] {
        bindings.map { ($0.keysText(strings, separator: " "), strings($0.label)) }
    }

    /// The bindings whose commands are in `commands`, in table order (a context's subset).
    public func only(_ commands: Set<Command>) -> KeyMap {
        KeyMap(bindings.filter { commands.contains($0.command) })
    }
}
