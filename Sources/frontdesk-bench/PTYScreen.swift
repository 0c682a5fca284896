import Foundation
import TerminalKit

/// What a terminal would show, rebuilt from a program's output: enough of xterm for what curses
/// writes (cursor moves, erasing, scrolling, repeats), so that a marker is found on the screen
/// whatever curses chose to rewrite. Curses only writes the cells that change: a title whose
/// first letter was already there ("Sign in" → "Schedule") never appears whole in the output,
/// only on the screen.
///
/// Colors and attributes are ignored; a wide character fills its cell and leaves the next one
/// empty (`DisplayText.width`, which needs a UTF-8 locale: `TerminalLocale.useUTF8ForTests()`).
struct PTYScreen {
    let width: Int, height: Int
    /// One string a cell: a character with any zero-width marks that follow it; "" for the
    /// second cell of a wide character.
    private var cells: [[String]]
    private var row = 0, column = 0
    private var saved = (0, 0)
    private var top = 0, bottom: Int
    private var last = " "
    private var pending: [UInt8] = []
    private enum State { case text, escape, csi([UInt8]), osc, oscEscape, skipOne }
    private var state = State.text

    init(width: Int = 80, height: Int = 24) {
        self.width = width
        self.height = height
        bottom = height - 1
        cells = Array(repeating: Array(repeating: " ", count: width), count: height)
    }

    /// The rows as text (a wide character's second cell is left out).
    var lines: [String] { cells.map { $0.joined() } }

    /// True when one row shows `text`.
    func shows(_ text: String) -> Bool { lines.contains { $0.contains(text) } }

    mutating func append(_ bytes: ArraySlice<UInt8>) {
        for b in bytes { feed(b) }
    }

    private mutating func feed(_ b: UInt8) {
        switch state {
        case .text:
            if !pending.isEmpty || b >= 0x80 {
                pending.append(b)
                let expected = pending[0] >= 0xF0 ? 4 : pending[0] >= 0xE0 ? 3 : pending[0] >= 0xC0 ? 2 : 1
                if pending.count >= expected {
                    for scalar in String(decoding: pending, as: UTF8.self).unicodeScalars { put(scalar) }
                    pending = []
                }
                return
            }
            switch b {
            case 0x1B: state = .escape
            case 0x0D: column = 0
            case 0x0A, 0x0B, 0x0C: lineFeed()
            case 0x08: column = max(0, column - 1)
            case 0x09: column = min(width - 1, (column / 8 + 1) * 8)
            case 0x20...0x7E: put(UnicodeScalar(b))
            default: break
            }
        case .escape:
            state = .text
            switch b {
            case UInt8(ascii: "["): state = .csi([])
            case UInt8(ascii: "]"): state = .osc
            case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "#"): state = .skipOne
            case UInt8(ascii: "7"): saved = (row, column)
            case UInt8(ascii: "8"): (row, column) = saved
            case UInt8(ascii: "M"): if row == top { scroll(down: true) } else { row = max(0, row - 1) }
            case UInt8(ascii: "D"): lineFeed()
            case UInt8(ascii: "E"): column = 0; lineFeed()
            case UInt8(ascii: "c"): self = PTYScreen(width: width, height: height)
            default: break
            }
        case .csi(var parameters):
            if (0x40...0x7E).contains(b) {
                state = .text
                control(b, parameters)
            } else {
                parameters.append(b)
                state = .csi(parameters)
            }
        case .osc:
            if b == 0x07 { state = .text } else if b == 0x1B { state = .oscEscape }
        case .oscEscape:
            state = b == UInt8(ascii: "\\") ? .text : .osc
        case .skipOne:
            state = .text
        }
    }

    private mutating func control(_ final: UInt8, _ parameterBytes: [UInt8]) {
        let text = String(decoding: parameterBytes, as: UTF8.self)
        if text.hasPrefix("?") || text.hasPrefix(">") || text.hasPrefix("=") {
            // Private modes: the alternate screen starts blank.
            if final == UInt8(ascii: "h"), text.contains("1049") || text.contains("47") { erase(0..<height) }
            return
        }
        let numbers = text.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) }
        func n(_ i: Int, _ fallback: Int = 1) -> Int { i < numbers.count ? (numbers[i].map { $0 == 0 ? fallback : $0 } ?? fallback) : fallback }
        let first = i0(numbers)
        switch UnicodeScalar(final) {
        case "H", "f": row = clampRow(n(0) - 1); column = clampColumn(n(1) - 1)
        case "A": row = max(0, row - n(0))
        case "B": row = min(height - 1, row + n(0))
        case "C": column = clampColumn(column + n(0))
        case "D": column = max(0, column - n(0))
        case "G", "`": column = clampColumn(n(0) - 1)
        case "d": row = clampRow(n(0) - 1)
        case "E": row = min(height - 1, row + n(0)); column = 0
        case "F": row = max(0, row - n(0)); column = 0
        case "K":
            switch first {
            case 1: for x in 0...min(column, width - 1) { cells[row][x] = " " }
            case 2: cells[row] = Array(repeating: " ", count: width)
            default: for x in min(column, width)..<width { cells[row][x] = " " }
            }
        case "J":
            switch first {
            case 1: erase(0..<row); for x in 0...min(column, width - 1) { cells[row][x] = " " }
            case 2, 3: erase(0..<height)
            default: for x in min(column, width)..<width { cells[row][x] = " " }; erase((row + 1)..<height)
            }
        case "X": for x in column..<min(width, column + n(0)) { cells[row][x] = " " }
        case "b": for _ in 0..<min(n(0), width * height) { for scalar in last.unicodeScalars { put(scalar) } }
        case "@":
            let count = min(n(0), width - column)
            cells[row].insert(contentsOf: Array(repeating: " ", count: count), at: column)
            cells[row].removeLast(count)
        case "P":
            let count = min(n(0), width - column)
            cells[row].removeSubrange(column..<(column + count))
            cells[row].append(contentsOf: Array(repeating: " ", count: count))
        case "L": for _ in 0..<n(0) { if (top...bottom).contains(row) { shiftDown(from: row) } }
        case "M": for _ in 0..<n(0) { if (top...bottom).contains(row) { shiftUp(from: row) } }
        case "S": for _ in 0..<n(0) { scroll(down: false) }
        case "T": for _ in 0..<n(0) { scroll(down: true) }
        case "r":
            top = clampRow(n(0) - 1)
            bottom = clampRow(n(1, height) - 1)
            row = 0
            column = 0
        default: break
        }
    }

    private func i0(_ numbers: [Int?]) -> Int { numbers.first.flatMap { $0 } ?? 0 }
    private func clampRow(_ y: Int) -> Int { max(0, min(height - 1, y)) }
    private func clampColumn(_ x: Int) -> Int { max(0, min(width - 1, x)) }

    private mutating func erase(_ rows: Range<Int>) {
        for y in rows where y >= 0 && y < height { cells[y] = Array(repeating: " ", count: width) }
    }

    /// Writes one code point at the cursor: ASCII and most others take one cell, wide ones
    /// two; a zero-width one (a combining mark, a joiner) joins the cell before it.
    private mutating func put(_ scalar: Unicode.Scalar) {
        let w = scalar.isASCII ? 1 : DisplayText.width(of: Character(scalar))
        if w == 0 {
            if column > 0 { cells[row][column - 1].unicodeScalars.append(scalar) }
            return
        }
        let wide = w == 2
        if column + (wide ? 2 : 1) > width { column = width - (wide ? 2 : 1) } // curses never wraps
        cells[row][column] = String(scalar)
        if wide, column + 1 < width { cells[row][column + 1] = "" }
        last = String(scalar)
        column = min(width - 1, column + (wide ? 2 : 1))
    }

    private mutating func lineFeed() {
        if row == bottom { scroll(down: false) } else { row = min(height - 1, row + 1) }
    }

    private mutating func scroll(down: Bool) {
        if down { shiftDown(from: top) } else { shiftUp(from: top) }
    }

    /// Inserts a blank row at `y` inside the scrolling region, the region's last row dropped.
    private mutating func shiftDown(from y: Int) {
        cells.remove(at: bottom)
        cells.insert(Array(repeating: " ", count: width), at: y)
    }

    /// Removes row `y` inside the scrolling region, a blank row added at the region's bottom.
    private mutating func shiftUp(from y: Int) {
        cells.remove(at: y)
        cells.insert(Array(repeating: " ", count: width), at: bottom)
    }
}
