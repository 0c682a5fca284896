/// A block font, five rows high, so that a queue ticket such as "S-014" can be read from a
/// step away.
///
/// Covers A–Z, 0–9, "-" and space; lower-case letters are drawn as capitals, and any other
/// character as an outlined box. Each glyph is `glyphWidth` columns of "█" (U+2588, one column
/// in a UTF-8 locale) and spaces; glyphs are separated by one blank column. Zero has a slash so
/// that it never reads as "O".
public enum BigText {
    /// Rows of every glyph.
    public static let height = 5
    /// Columns of every glyph.
    public static let glyphWidth = 5

    /// The text as `height` lines of equal width (`width(for:)` columns each).
    public static func lines(for text: String) -> [String] {
        let rows = text.map(glyph(for:))
        return (0..<height).map { row in
            rows.map { $0[row] }.joined(separator: " ")
        }
    }

    /// Columns taken by the text: `glyphWidth` per character plus one between characters
    /// (6n − 1 for n > 0 characters), 0 for empty text.
    public static func width(for text: String) -> Int {
        text.isEmpty ? 0 : text.count * (glyphWidth + 1) - 1
    }

    /// Draws the text centered in `rect`. When the rectangle is too small for the block font,
    /// draws the text as one plain line in the middle instead (truncated with "…").
    public static func render(_ text: String, into frame: inout Frame, rect: Rect, style: Style = .plain) {
        let w = width(for: text)
        if w <= rect.width, height <= rect.height {
            let box = rect.centered(width: w, height: height)
            for (i, line) in lines(for: text).enumerated() {
                frame.put(line, x: box.x, y: box.y + i, style: style, clip: rect)
            }
        } else if !rect.isEmpty {
            let plain = DisplayText.truncated(text, toColumns: rect.width)
            let line = rect.centered(width: DisplayText.width(of: plain), height: 1)
            frame.put(plain, x: line.x, y: line.y, style: style, clip: rect)
        }
    }

    /// The glyph's rows, with "█" for ink.
    static func glyph(for character: Character) -> [String] {
        let upper = character.uppercased()  // "ß" gives "SS": not one glyph
        let rows = font[upper.count == 1 ? Character(upper) : character] ?? unknown
        return rows.map { String($0.map { $0 == "#" ? "█" : " " }) }
    }

    private static let unknown = ["#####", "#   #", "#   #", "#   #", "#####"]

    private static let font: [Character: [String]] = [
        " ": ["     ", "     ", "     ", "     ", "     "],
        "-": ["     ", "     ", " ### ", "     ", "     "],
        "0": [" ### ", "#  ##", "# # #", "##  #", " ### "],
        "1": ["  #  ", " ##  ", "  #  ", "  #  ", " ### "],
        "2": [" ### ", "#   #", "   # ", "  #  ", "#####"],
        "3": ["#### ", "    #", " ### ", "    #", "#### "],
        "4": ["#   #", "#   #", "#####", "    #", "    #"],
        "5": ["#####", "#    ", "#### ", "    #", "#### "],
        "6": [" ### ", "#    ", "#### ", "#   #", " ### "],
        "7": ["#####", "    #", "   # ", "  #  ", "  #  "],
        "8": [" ### ", "#   #", " ### ", "#   #", " ### "],
        "9": [" ### ", "#   #", " ####", "    #", " ### "],
        "A": [" ### ", "#   #", "#####", "#   #", "#   #"],
        "B": ["#### ", "#   #", "#### ", "#   #", "#### "],
        "C": [" ####", "#    ", "#    ", "#    ", " ####"],
        "D": ["#### ", "#   #", "#   #", "#   #", "#### "],
        "E": ["#####", "#    ", "#### ", "#    ", "#####"],
        "F": ["#####", "#    ", "#### ", "#    ", "#    "],
        "G": [" ####", "#    ", "#  ##", "#   #", " ####"],
        "H": ["#   #", "#   #", "#####", "#   #", "#   #"],
        "I": ["#####", "  #  ", "  #  ", "  #  ", "#####"],
        "J": ["#####", "   # ", "   # ", "#  # ", " ##  "],
        "K": ["#   #", "#  # ", "###  ", "#  # ", "#   #"],
        "L": ["#    ", "#    ", "#    ", "#    ", "#####"],
        "M": ["#   #", "## ##", "# # #", "#   #", "#   #"],
        "N": ["#   #", "##  #", "# # #", "#  ##", "#   #"],
        "O": [" ### ", "#   #", "#   #", "#   #", " ### "],
        "P": ["#### ", "#   #", "#### ", "#    ", "#    "],
        "Q": [" ### ", "#   #", "# # #", "#  # ", " ## #"],
        "R": ["#### ", "#   #", "#### ", "#  # ", "#   #"],
        "S": [" ####", "#    ", " ### ", "    #", "#### "],
        "T": ["#####", "  #  ", "  #  ", "  #  ", "  #  "],
        "U": ["#   #", "#   #", "#   #", "#   #", " ### "],
        "V": ["#   #", "#   #", "#   #", " # # ", "  #  "],
        "W": ["#   #", "#   #", "# # #", "## ##", "#   #"],
        "X": ["#   #", " # # ", "  #  ", " # # ", "#   #"],
        "Y": ["#   #", " # # ", "  #  ", "  #  ", "  #  "],
        "Z": ["#####", "   # ", "  #  ", " #   ", "#####"],
    ]
}
