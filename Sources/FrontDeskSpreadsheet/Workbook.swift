import CXlsxWriter
import Foundation
import FrontDeskDomain

/// One table for a spreadsheet workbook: a sheet name, header labels as people read them, and
/// the typed cells `CSVWriter` keeps (`CSVWriter(keepingCells: true)`).
public struct SpreadsheetTable: Sendable {
    /// The sheet's tab name; cut to Excel's 31 characters, with `[]:*?/\` replaced.
    public var sheetName: String
    /// Header labels in the reader's language (`Prénom`, `Given name`).
    public var header: [String]
    public var rows: [[CSVWriter.Cell]]

    public init(sheetName: String, header: [String], rows: [[CSVWriter.Cell]]) {
        self.sheetName = sheetName
        self.header = header
        self.rows = rows
    }
}

/// Why a workbook could not be written.
public enum SpreadsheetError: Error, Equatable, Sendable {
    /// libxlsxwriter's refusal, with its text (`lxw_strerror`): a full disk, an unwritable folder.
    case write(String)
    /// The table has more rows or columns than a sheet holds (1,048,576 × 16,384).
    case tooLarge(rows: Int)
}

/// Office Open XML workbooks (`.xlsx`) through Debian's libxlsxwriter, for `--format xlsx`
/// (issue 14 item 2): what a French or Arabic spreadsheet opens right without an import dialog.
///
/// - Text cells are strings (never formulas, so no `'` before `+212…` or `=…`), with the same
///   neutralization as CSV: control characters dropped, bidi embeddings, overrides and isolates
///   and the line and paragraph separators shown as `⍰` (`ExportText`). Arabic and Ge'ez text
///   is stored as is (UTF-8 in the XML). A text longer than a cell holds (32,767 characters) is cut.
/// - `.number` and `.decimal` cells are numbers (`.decimal` shown with its places; the
///   spreadsheet's locale picks the decimal mark); `.date`, `.time`, `.dateTime` (center-local)
///   and `.instant` (UTC) are date serials with a date or time format.
/// - The header row is bold and frozen, with an autofilter; column widths follow the content.
public enum Workbook {
    /// Excel's limit of characters in one cell.
    public static let maxCellCharacters = 32_767
    /// Rows in one sheet, the header included.
    public static let maxRows = 1_048_576

    /// Writes a workbook of one sheet per table to `path` (created or replaced; the caller picks a
    /// new private path). libxlsxwriter's own temporary files go to `temporaryFolder`.
    /// - Throws: `SpreadsheetError.tooLarge` before writing anything, `.write` when the file
    ///   cannot be written (the caller removes what was left).
    public static func write(_ tables: [SpreadsheetTable], to path: String, temporaryFolder: String) throws(SpreadsheetError) {
        if let big = tables.first(where: { $0.rows.count + 1 > maxRows || $0.header.count > 16_384 }) {
            throw .tooLarge(rows: big.rows.count)
        }
        // Loaded here, on the first workbook, not at every start (CXlsxWriter).
        guard fd_xlsx_load() == 0 else {
            throw .write("libxlsxwriter cannot be loaded (apt install libxlsxwriter4): " + String(cString: fd_xlsx_load_error()))
        }
        let workbook: UnsafeMutablePointer<lxw_workbook>? = temporaryFolder.withCString { tmp in
            path.withCString { file in
                var options = lxw_workbook_options()
                options.constant_memory = 1 // rows go to disk as written: 100,000 visitors in little memory
                options.tmpdir = UnsafeMutablePointer(mutating: tmp)
                return fd_xlsx_workbook_new_opt(file, &options)
            }
        }
        guard let workbook else { throw .write("cannot create the workbook") }
        var formats = Formats(workbook)
        var used = Set<String>()
        for table in tables {
            let name = uniqueSheetName(table.sheetName, used: &used)
            guard let sheet = fd_xlsx_workbook_add_worksheet(workbook, name) else {
                fd_xlsx_workbook_close(workbook)
                throw .write("cannot add the sheet")
            }
            writeSheet(table, sheet, &formats)
        }
        let status = fd_xlsx_workbook_close(workbook)
        guard status == LXW_NO_ERROR else { throw .write(String(cString: fd_xlsx_strerror(status))) }
    }

    private static func writeSheet(_ table: SpreadsheetTable, _ sheet: UnsafeMutablePointer<lxw_worksheet>, _ formats: inout Formats) {
        let columns = max(table.header.count, table.rows.map(\.count).max() ?? 0)
        var widths = table.header.map { width(of: $0) + 2 } + Array(repeating: 8, count: max(0, columns - table.header.count))
        // Widths first: in constant-memory mode column settings must precede the rows.
        for row in table.rows.prefix(2_000) {
            for (c, cell) in row.enumerated() where c < widths.count {
                widths[c] = max(widths[c], width(of: cell))
            }
        }
        for (c, w) in widths.enumerated() {
            fd_xlsx_worksheet_set_column(sheet, lxw_col_t(c), lxw_col_t(c), Double(min(w, 60)), nil)
        }
        for (c, label) in table.header.enumerated() {
            writeText(sheet, 0, c, label, formats.bold)
        }
        if !table.header.isEmpty {
            fd_xlsx_worksheet_freeze_panes(sheet, 1, 0)
            fd_xlsx_worksheet_autofilter(sheet, 0, 0, lxw_row_t(table.rows.count), lxw_col_t(max(0, columns - 1)))
        }
        let first = table.header.isEmpty ? 0 : 1
        for (r, row) in table.rows.enumerated() {
            for (c, cell) in row.enumerated() {
                write(cell, sheet, r + first, c, &formats)
            }
        }
    }

    private static func write(_ cell: CSVWriter.Cell, _ sheet: UnsafeMutablePointer<lxw_worksheet>, _ row: Int, _ col: Int,
                              _ formats: inout Formats) {
        let r = lxw_row_t(row), c = lxw_col_t(col)
        switch cell {
        case .empty:
            break
        case .text(let text):
            writeText(sheet, row, col, text, nil)
        case .number(let n):
            fd_xlsx_worksheet_write_number(sheet, r, c, Double(n), nil)
        case .decimal(let d, let places):
            if d.isFinite { fd_xlsx_worksheet_write_number(sheet, r, c, d, formats.decimal(places)) }
        case .date(let d):
            var value = lxw_datetime(year: Int32(d.year), month: Int32(d.month), day: Int32(d.day), hour: 0, min: 0, sec: 0)
            fd_xlsx_worksheet_write_datetime(sheet, r, c, &value, formats.date)
        case .time(let t):
            // A time alone is the fraction of a day; 24:00 (the end of a day) is 1 and shows as 24:00.
            fd_xlsx_worksheet_write_number(sheet, r, c, Double(t.minutesSinceMidnight) / 1440,
                                   t == .endOfDay ? formats.elapsedTime : formats.time)
        case .dateTime(let dt):
            var value = lxw_datetime(year: Int32(dt.date.year), month: Int32(dt.date.month), day: Int32(dt.date.day),
                                     hour: Int32(dt.time.hour), min: Int32(dt.time.minute), sec: 0)
            fd_xlsx_worksheet_write_datetime(sheet, r, c, &value, formats.dateTime)
        case .instant(let instant):
            let parts = utc.dateComponents([.year, .month, .day, .hour, .minute, .second], from: instant)
            var value = lxw_datetime(year: Int32(parts.year ?? 1970), month: Int32(parts.month ?? 1), day: Int32(parts.day ?? 1),
                                     hour: Int32(parts.hour ?? 0), min: Int32(parts.minute ?? 0), sec: Double(parts.second ?? 0))
            fd_xlsx_worksheet_write_datetime(sheet, r, c, &value, formats.instant)
        }
    }

    private static func writeText(_ sheet: UnsafeMutablePointer<lxw_worksheet>, _ row: Int, _ col: Int, _ text: String,
                                  _ format: UnsafeMutablePointer<lxw_format>?) {
        let shown = cellText(text)
        if shown.isEmpty { return }
        fd_xlsx_worksheet_write_string(sheet, lxw_row_t(row), lxw_col_t(col), shown, format)
    }

    /// The text as a cell holds it: control characters dropped (TAB, CR and LF kept), bidi
    /// controls and line/paragraph separators as `⍰`, at most 32,767 UTF-16 units.
    public static func cellText(_ raw: String) -> String {
        var scalars = String.UnicodeScalarView()
        var units = 0
        for s in raw.unicodeScalars {
            if (s.value < 0x20 && s.value != 0x09 && s.value != 0x0A && s.value != 0x0D) || (0x7F...0x9F).contains(s.value)
                || (0xFFFE...0xFFFF).contains(s.value) {
                continue
            }
            let shown = ExportText.isDirectionOrSeparator(s) ? ExportText.placeholder : s
            units += shown.utf16.count
            if units > maxCellCharacters { break }
            scalars.append(shown)
        }
        return String(scalars)
    }

    /// A column width (in characters) that shows the cell.
    private static func width(of cell: CSVWriter.Cell) -> Int {
        switch cell {
        case .empty: 0
        case .text(let t): width(of: t)
        case .number(let n): String(n).count + 1
        case .decimal(_, let places): 8 + places
        case .date: 11
        case .time: 6
        case .dateTime: 17
        case .instant: 20
        }
    }

    /// Characters of the longest line (a spreadsheet's column width is counted in characters).
    private static func width(of text: String) -> Int {
        text.split(separator: "\n").map(\.count).max() ?? 0
    }

    /// A sheet name Excel accepts: no `[]:*?/\`, not starting or ending with `'`, at most 31
    /// characters, not empty, not used twice in the workbook.
    static func uniqueSheetName(_ wanted: String, used: inout Set<String>) -> String {
        var base = String(wanted.map { "[]:*?/\\".contains($0) ? "-" : $0 })
        base = String(cellText(base).filter { !$0.isNewline && $0 != "\t" }).trimmingCharacters(in: CharacterSet(charactersIn: "' "))
        if base.isEmpty { base = "Sheet" }
        base = String(base.prefix(31))
        var name = base, n = 2
        while used.contains(name.lowercased()) {
            let suffix = " (\(n))"
            name = String(base.prefix(31 - suffix.count)) + suffix
            n += 1
        }
        used.insert(name.lowercased())
        return name
    }

    private static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")! // safe: UTC always exists
        return calendar
    }()

    /// The workbook's cell formats, made once each.
    private struct Formats {
        let workbook: UnsafeMutablePointer<lxw_workbook>
        let bold, date, time, elapsedTime, dateTime, instant: UnsafeMutablePointer<lxw_format>?
        private var decimals: [Int: UnsafeMutablePointer<lxw_format>?] = [:]

        init(_ workbook: UnsafeMutablePointer<lxw_workbook>) {
            self.workbook = workbook
            func make(_ number: String?, bold: Bool = false) -> UnsafeMutablePointer<lxw_format>? {
                let f = fd_xlsx_workbook_add_format(workbook)
                if let number { fd_xlsx_format_set_num_format(f, number) }
                if bold { fd_xlsx_format_set_bold(f) }
                return f
            }
            bold = make(nil, bold: true)
            date = make("yyyy-mm-dd")
            time = make("hh:mm")
            elapsedTime = make("[hh]:mm")
            dateTime = make("yyyy-mm-dd hh:mm")
            instant = make("yyyy-mm-dd hh:mm:ss")
        }

        /// `0.0`, `0.00`… for a decimal with this many places (`0` for none).
        mutating func decimal(_ places: Int) -> UnsafeMutablePointer<lxw_format>? {
            if let f = decimals[places] { return f }
            let f = fd_xlsx_workbook_add_format(workbook)
            fd_xlsx_format_set_num_format(f, places > 0 ? "0." + String(repeating: "0", count: min(places, 10)) : "0")
            decimals[places] = f
            return f
        }
    }
}
