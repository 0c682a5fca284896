import Testing
@testable import TerminalKit

/// Terminal cases at the TerminalKit level: R2, width and truncation by grapheme; R5, data never
/// drives the terminal.
@Suite struct TerminalCaseTests {
    init() { #expect(UTF8Locale.isSet) }

    /// R2: a 20-column name column at 80×24 holding names in Latin, Ge'ez, Arabic and with an emoji.
    @Test func r2NamesFitATwentyColumnCellAndSeparatorsLineUp() {
        var frame = Frame(size: Size(width: 80, height: 24))
        for (row, name) in Names.r2.enumerated() {
            let cell = DisplayText.fitted(name, toColumns: 20)
            #expect(DisplayText.width(of: cell) == 20, "\(name)")
            #expect(!cell.unicodeScalars.contains("\u{FFFD}"))
            if DisplayText.width(of: name) > 20 {
                #expect(cell.hasSuffix("…"), "\(name) → \(cell)")
                #expect(Array(name).starts(with: Array(cell.dropLast())), "cut at a character boundary")
            } else {
                #expect(cell == name + String(repeating: " ", count: 20 - DisplayText.width(of: name)))
            }
            frame.put(name, in: Rect(x: 0, y: row, width: 20, height: 1))
            frame.put("│", x: 20, y: row)
            frame.put("Accueil", in: Rect(x: 21, y: row, width: 10, height: 1))
            frame.put("│", x: 31, y: row)
        }
        let lines = frame.lines()
        for row in Names.r2.indices {
            // By cells: the separators sit in columns 20 and 31.
            #expect(frame[20, row].text == "│" && frame[31, row].text == "│")
            // By display width of the text in front of each separator.
            let pieces = lines[row].split(separator: "│", omittingEmptySubsequences: false)
            #expect(pieces.count == 3)
            #expect(DisplayText.width(of: pieces[0]) == 20, "\(lines[row])")
            #expect(DisplayText.width(of: pieces[1]) == 10)
            #expect(DisplayText.width(of: lines[row]) == 80)
            #expect(!lines[row].unicodeScalars.contains("\u{FFFD}"))
        }
        #expect(lines[0].hasPrefix("Aïssatou Diallo-Ndi…│"))
        #expect(lines[1].hasPrefix(Names.geez + "  │"))
        #expect(lines[2].hasPrefix("يوسف المهاجر بن عبد…│"))
        #expect(lines[3].hasPrefix("Lina 👶 suivi       │"))
        expectConsistent(frame)
    }

    /// R5: a name carrying a clear-screen and an OSC 52 clipboard sequence is drawn with
    /// visible placeholders, and no cell holds a control scalar.
    @Test func r5ControlSequencesInANameNeverReachTheTerminal() {
        let name = "Ali\u{1B}[2J \u{1B}]52;c;SGVsbG8=\u{07} \u{9B}0m\u{202E}Ben"
        var frame = Frame(size: Size(width: 80, height: 3))
        frame.put(name, x: 0, y: 0)
        frame.put(name, in: Rect(x: 0, y: 1, width: 20, height: 1))
        frame.put(name, x: 70, y: 2)
        for cell in frame.cells {
            #expect(!cell.text.unicodeScalars.contains(where: isControlScalar), "\(cell.text.debugDescription)")
        }
        let lines = frame.lines()
        #expect(lines[0].hasPrefix("Ali␛[2J ␛]52;c;SGVsbG8=␇ ⍰0m⍰Ben"))
        #expect(lines[1].hasPrefix("Ali␛[2J ␛]52;c;SGVs…"))
        expectConsistent(frame)
    }
}
