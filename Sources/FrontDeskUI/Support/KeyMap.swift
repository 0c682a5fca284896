import TerminalKit

/// One row of a key map: a command, the physical keys that trigger it and the label key
/// (in the strings table) shown in the bottom bar and the help overlay.
public struct KeyBinding<Command: Hashable & Sendable>: Sendable {
    public var command: Command
    public var keys: [Key]
    public var label: String
    /// False for bindings listed in help but not in the bottom bar (arrows, Tab…).
    public var inBar: Bool

    public init(_ command: Command, _ keys: [Key], label: String, inBar: Bool = true) {
        self.command = command
        self.keys = keys
        self.label = label
        self.inBar = inBar
    }
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
        bindings.filter(\.inBar).map {
            KeyHint(keys: (firstKeyOnly ? Array($0.keys.prefix(1)) : $0.keys).map(\.name).joined(separator: ","), label: strings($0.label))
        }
    }

    /// Help lines: keys padded to a column, then the label.
    public func helpLines(_ strings: Localizer) -> [(keys: String, label: String)] {
        bindings.map { ($0.keys.map(\.name).joined(separator: " "), strings($0.label)) }
    }
}
