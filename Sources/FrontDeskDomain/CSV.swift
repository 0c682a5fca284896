import Foundation

/// CSV text per RFC 4180: fields separated by commas, records ended by CRLF, a field quoted
/// when it holds a comma, a double quote, CR or LF (quotes doubled inside).
///
/// Text cells are neutralized against spreadsheet formula injection (OWASP "CSV Injection"):
/// a text cell starting with `=`, `+`, `-`, `@`, TAB or CR gets a leading `'`, so `=1+1`
/// is written `'=1+1` and a phone `+212 6…` is written `'+212 6…` (phones are text).
/// Numeric cells (`.number`) are written unchanged; dates and times in ISO 8601 (`.date`
/// `2026-04-14`, `.time` `09:00`, `.dateTime` `2026-04-14 09:00` center-local, `.instant`
/// `2026-04-14T08:00:00Z` UTC), so a spreadsheet workbook written from the same cells
/// (`--format xlsx`) can hold them as dates. Other control characters are kept as data
/// inside quotes only when they are CR/LF/TAB; the rest are dropped, so no raw control byte
/// other than the record separator is emitted. Bidi embeddings, overrides and isolates
/// (U+202A–U+202E, U+2066–U+2069) and the line and paragraph separators become `⍰`, as on the
/// screen: a name holding U+202E cannot reverse the columns that follow it in a spreadsheet.
public struct CSVWriter: Sendable {
    /// One cell: text (neutralized) or a number (as is).
    public enum Cell: Hashable, Sendable, ExpressibleByStringLiteral {
        case text(String)
        case number(Int)
        /// A number with `places` decimals (`73.5`), written as is: a ratio or a percentage.
        case decimal(Double, places: Int)
        /// A center-local calendar day.
        case date(LocalDate)
        /// A center-local wall-clock time (24:00 only as the end of a day).
        case time(LocalTime)
        /// A center-local date and time.
        case dateTime(LocalDateTime)
        /// An instant, written in UTC.
        case instant(Date)
        case empty

        public init(stringLiteral value: String) { self = .text(value) }
    }

    public private(set) var output = ""
    /// The header given to `appendHeader`, when the writer keeps its cells.
    public private(set) var header: [String]?
    /// The records appended after the header, when the writer keeps its cells (for a workbook);
    /// `output` then stays empty.
    public private(set) var rows: [[Cell]] = []
    /// True when the writer keeps the cells instead of writing CSV text.
    public let keepsCells: Bool
    /// What separates cells: `,` (RFC 4180), `;` (French spreadsheets) or tab.
    public let separator: Character
    /// Decimals written with a comma (`20,3`), as a French spreadsheet reads them.
    public let decimalComma: Bool

    /// - Parameters:
    ///   - byteOrderMark: start with U+FEFF, for spreadsheet programs that need it to read UTF-8.
    ///   - separator: `,` by default; `;` or tab for spreadsheets set up so.
    ///   - decimalComma: write `.decimal` cells with a comma.
    ///   - keepingCells: keep the header and records as cells (`header`, `rows`) and write no text.
    public init(byteOrderMark: Bool = false, separator: Character = ",", decimalComma: Bool = false, keepingCells: Bool = false) {
        if byteOrderMark && !keepingCells { output = "\u{FEFF}" }
        self.separator = separator
        self.decimalComma = decimalComma
        self.keepsCells = keepingCells
    }

    /// Appends one record.
    public mutating func append(_ cells: [Cell]) {
        if keepsCells { return rows.append(cells) }
        output += cells.map { encode($0) }.joined(separator: String(separator)) + "\r\n"
    }

    /// Appends a header record (plain text cells): machine names such as `given_name`, which
    /// scripts read in CSV; a workbook shows them in the command's language.
    public mutating func appendHeader(_ names: [String]) {
        if keepsCells { header = names; return }
        append(names.map { .text($0) })
    }

    /// One cell as written with this writer's separator and decimal mark.
    func encode(_ cell: Cell) -> String {
        switch cell {
        case .decimal(let d, let places) where decimalComma && d.isFinite:
            let text = NumberText.fixed(d, places: places).replacingOccurrences(of: ".", with: ",")
            return separator == "," && text.contains(",") ? "\"" + text + "\"" : text
        case .text where separator != ",":
            let text = Self.encode(cell)
            if !text.hasPrefix("\""), text.contains(separator) { return "\"" + text + "\"" }
            return text
        default:
            return Self.encode(cell)
        }
    }

    static func encode(_ cell: Cell) -> String {
        switch cell {
        case .empty: return ""
        case .number(let n): return String(n)
        case .decimal(let d, let places): return d.isFinite ? NumberText.fixed(d, places: places) : ""
        case .date(let d): return d.description
        case .time(let t): return t.description
        case .dateTime(let dt): return dt.description
        case .instant(let instant): return isoUTC(instant)
        case .text(let raw):
            var text = String(String.UnicodeScalarView(raw.unicodeScalars.filter { s in
                !(s.value < 0x20 && s.value != 0x09 && s.value != 0x0A && s.value != 0x0D) && !(0x7F...0x9F).contains(s.value)
            }.map { ExportText.isDirectionOrSeparator($0) ? ExportText.placeholder : $0 }))
            if let first = text.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(Character(first)) {
                text = "'" + text
            }
            if text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
                return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            }
            return text
        }
    }
}

/// ISO 8601 in UTC to the second (fractions dropped), with `Z`: `2026-04-14T08:00:00Z`.
public func isoUTC(_ instant: Date) -> String {
    ICalendarWriter.isoUTC(instant)
}

/// What exports (CSV, iCalendar, JSON) do with characters that steer how text is shown, as the
/// screen does: bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) and the
/// line and paragraph separators (U+2028, U+2029). The data stays intact in the database.
public enum ExportText {
    /// `⍰`, the screen's placeholder (TerminalKit's `DisplayText.controlPlaceholder`).
    public static let placeholder: Unicode.Scalar = "\u{2370}"

    /// True for a bidi embedding, override or isolate, or a line or paragraph separator.
    public static func isDirectionOrSeparator(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029: true
        default: false
        }
    }
}
