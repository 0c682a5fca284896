import Foundation

/// A CSV file read for an import (RFC 4180, as spreadsheets write it): UTF-8 with or without a
/// byte-order mark, `,` `;` or tab between cells (found from the header line when not given),
/// cells in double quotes holding separators, doubled quotes and line breaks, CRLF or LF.
public struct CSVTable: Equatable, Sendable {
    /// One record and the line of the file it starts on (1 is the header line).
    public struct Row: Equatable, Sendable {
        public var line: Int
        public var cells: [String]
    }

    /// The header's cells, trimmed.
    public var header: [String]
    /// The records after the header; wholly empty lines are left out.
    public var rows: [Row]
    /// The separator used.
    public var separator: Character

    /// Why a file could not be read as CSV.
    public enum ReadError: Error, Equatable, Sendable {
        /// Not UTF-8 text (a spreadsheet's own format, or another encoding).
        case notUTF8
        /// No header line.
        case empty
        /// A quoted cell opened on this line is never closed.
        case unclosedQuote(line: Int)
        /// The file holds a NUL byte (not a text file).
        case nul(line: Int)
    }

    /// The separators an import accepts.
    public static let separators: [Character] = [",", ";", "\t"]

    /// Reads the file's bytes. - Parameter separator: the separator, or nil to take the one of
    /// `,` `;` tab that occurs most in the header line outside quotes.
    /// - Throws: `ReadError`.
    public init(data: Data, separator: Character? = nil) throws(ReadError) {
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard var text = String(data: Data(bytes), encoding: .utf8) else { throw .notUTF8 }
        // Excel's first line `sep=;` names the separator; it is not the header.
        var lineOffset = 0
        var named: Character?
        if text.hasPrefix("sep="), let end = text.firstIndex(where: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            let value = text[text.index(text.startIndex, offsetBy: 4)..<end]
            if value.count == 1, let c = value.first, Self.separators.contains(c) {
                named = c
                text = String(text[text.index(after: end)...])
                lineOffset = 1
            }
        }
        let separator = separator ?? named ?? Self.detectSeparator(text)
        var records: [Row] = []
        var cells: [String] = []
        var cell = ""
        var inQuotes = false
        var line = 1 + lineOffset
        var recordLine = line
        var quoteOpenedOn = line
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func endRecord() {
            cells.append(cell)
            cell = ""
            // A blank line, or one of separators only (a spreadsheet's empty rows: `;;;;`), is no record.
            if !cells.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                records.append(Row(line: recordLine, cells: cells))
            }
            cells = []
        }
        while let s = pending ?? iterator.next() {
            pending = nil
            if s == "\u{0}" { throw .nul(line: line) }
            if inQuotes {
                if s == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { cell.unicodeScalars.append("\"") } else { inQuotes = false; pending = next }
                    } else {
                        inQuotes = false
                    }
                } else {
                    if s == "\n" { line += 1 }
                    cell.unicodeScalars.append(s)
                }
                continue
            }
            switch s {
            case "\"" where cell.isEmpty:
                inQuotes = true
                quoteOpenedOn = line
            case "\r":
                if let next = iterator.next(), next != "\n" { pending = next }
                endRecord()
                line += 1
                recordLine = line
            case "\n":
                endRecord()
                line += 1
                recordLine = line
            default:
                if Character(s) == separator {
                    cells.append(cell)
                    cell = ""
                } else {
                    cell.unicodeScalars.append(s)
                }
            }
        }
        if inQuotes { throw .unclosedQuote(line: quoteOpenedOn) }
        if !cell.isEmpty || !cells.isEmpty { endRecord() }
        guard let first = records.first else { throw .empty }
        header = first.cells.map { $0.trimmingCharacters(in: .whitespaces) }
        rows = Array(records.dropFirst())
        self.separator = separator
    }

    /// The separator of the header line: the one of `,` `;` tab found most often outside quotes
    /// (`,` when none is).
    static func detectSeparator(_ text: String) -> Character {
        var counts: [Character: Int] = [:]
        var inQuotes = false
        for c in text {
            if c == "\n" || c == "\r\n" || c == "\r" { if !inQuotes { break } }
            if c == "\"" { inQuotes.toggle(); continue }
            if !inQuotes, separators.contains(c) { counts[c, default: 0] += 1 }
        }
        // The most frequent; on a tie `,` (RFC 4180's).
        return separators.max { (counts[$0] ?? 0, $0 == "," ? 1 : 0) < (counts[$1] ?? 0, $1 == "," ? 1 : 0) } ?? ","
    }
}
