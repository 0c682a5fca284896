import TerminalKit

/// Color pairs allocated on first use, one per (foreground, background) combination drawn.
///
/// Pair 0 is the terminal's default colors and is never redefined. Pure bookkeeping: the caller
/// defines each new pair in curses (`init_pair`) when `pair(for:)` reports it as new.
struct ColorPairTable {
    /// How many pairs the terminal has (`COLOR_PAIRS`); 0 when it has no colors.
    let capacity: Int
    /// Whether `Color.default` can be used in a pair (`use_default_colors` succeeded). Without it
    /// the default foreground is drawn white and the default background black.
    let defaultColorsAllowed: Bool
    private var pairs: [Colors: Int16] = [:]

    struct Colors: Hashable {
        var foreground: Color
        var background: Color
    }

    init(capacity: Int, defaultColorsAllowed: Bool) {
        self.capacity = capacity
        self.defaultColorsAllowed = defaultColorsAllowed
    }

    /// The pair for the style's colors and, when it was just allocated, the curses color numbers
    /// (`COLOR_*`, or -1 for the default) to define it with. Pair 0 when the terminal has no
    /// colors, when both colors are the default, or when every pair is taken.
    mutating func pair(for style: Style) -> (pair: Int16, new: (foreground: Int16, background: Int16)?) {
        let colors = Colors(foreground: style.foreground, background: style.background)
        if capacity == 0 || (colors.foreground == .default && colors.background == .default) { return (0, nil) }
        if let pair = pairs[colors] { return (pair, nil) }
        let next = pairs.count + 1
        guard next < min(capacity, Int(Int16.max)) else { return (0, nil) }
        pairs[colors] = Int16(next)
        return (Int16(next), (number(colors.foreground, defaultTo: 7), number(colors.background, defaultTo: 0)))
    }

    private func number(_ color: Color, defaultTo fallback: Int16) -> Int16 {
        if color == .default && !defaultColorsAllowed { return fallback }
        return Int16(color.rawValue) // Color's raw values are curses' COLOR_* numbers, -1 for default.
    }
}
