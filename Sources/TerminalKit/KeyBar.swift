/// One entry of a key bar: the key(s) to press and what they do ("F10", "Quit").
public struct KeyHint: Hashable, Sendable {
    public var keys: String
    public var label: String

    public init(keys: String, label: String) {
        self.keys = keys
        self.label = label
    }
}

/// The bottom bar that lists the keys of the current context: "F1 Help  / Search  F10 Quit",
/// each key in `keyStyle` (reverse video), its label after one space, two spaces between hints.
public enum KeyBar {
    /// Columns one hint takes: the keys, then a space and the label when there is one.
    public static func width(of hint: KeyHint) -> Int {
        DisplayText.width(of: DisplayText.sanitized(hint.keys))
            + (hint.label.isEmpty ? 0 : 1 + DisplayText.width(of: DisplayText.sanitized(hint.label)))
    }

    /// Draws the hints in order on the first row of `row`, after clearing it in `labelStyle`.
    ///
    /// Hints are two columns apart, or one when that lets them all fit. A hint that does not
    /// fit whole in what is left of the row is left out, never cut; the hints after it are
    /// still tried, so a short one can follow.
    public static func render(
        _ hints: [KeyHint], into frame: inout Frame, row: Rect,
        keyStyle: Style = .reverse, labelStyle: Style = .plain
    ) {
        let line = Rect(x: row.x, y: row.y, width: row.width, height: min(1, row.height))
        guard !line.isEmpty else { return }
        frame.fill(line, style: labelStyle)
        var x = line.x
        let total = hints.map(width(of:)).reduce(0, +)
        let spacing = total + 2 * max(0, hints.count - 1) <= line.width ? 2 : 1
        for hint in hints {
            let gap = x == line.x ? 0 : spacing
            let w = width(of: hint)
            guard w > 0, x + gap + w <= line.maxX else { continue }
            x += gap
            x += frame.put(hint.keys, x: x, y: line.y, style: keyStyle, clip: line)
            if !hint.label.isEmpty {
                x += frame.put(" " + hint.label, x: x, y: line.y, style: labelStyle, clip: line)
            }
        }
    }
}
