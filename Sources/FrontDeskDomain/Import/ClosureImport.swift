import Foundation

/// A closure read from a row of an import file, its room still by name.
public struct ClosureImportRow: Equatable, Sendable {
    public var line: Int
    public var first: LocalDate
    public var last: LocalDate
    public var label: String
    /// The room's id or name as written; nil for the whole center.
    public var room: String?
}

/// How a list of public holidays and Eid dates reads (`closures import`): columns by French or
/// English header (`Date`/`Du`/`First day`, `Au`/`Fin`/`Until`, `Libellé`/`Label`,
/// `Salle`/`Room`); days as `2026-03-20` or `20/03/2026`.
public enum ClosureImport {
    /// Why a row or the file is refused.
    public enum Problem: Error, Equatable, Sendable {
        case noDateColumn
        case noLabelColumn
        case badDate(String)
        case endsBeforeItStarts(LocalDate, LocalDate)
        case noLabel
    }

    static let firstNames: Set<String> = ["date", "du", "debut", "datededebut", "premierjour", "first", "firstday", "from", "start", "startdate"]
    static let lastNames: Set<String> = ["au", "fin", "datedefin", "dernierjour", "jusquau", "last", "lastday", "until", "to", "end", "enddate"]
    static let labelNames: Set<String> = ["libelle", "nom", "motif", "fete", "label", "name", "holiday", "reason", "description"]
    static let roomNames: Set<String> = ["salle", "piece", "room"]

    /// The column indexes of the header: first day and label required.
    /// - Throws: `Problem.noDateColumn`, `.noLabelColumn`.
    public static func columns(_ header: [String]) throws(Problem) -> (first: Int, last: Int?, label: Int, room: Int?) {
        let folded = header.map(VisitorImport.fold)
        guard let first = folded.firstIndex(where: firstNames.contains) else { throw .noDateColumn }
        guard let label = folded.firstIndex(where: labelNames.contains) else { throw .noLabelColumn }
        return (first, folded.firstIndex(where: lastNames.contains), label, folded.firstIndex(where: roomNames.contains))
    }

    /// One row read. - Throws: `Problem`.
    public static func row(_ row: CSVTable.Row, columns: (first: Int, last: Int?, label: Int, room: Int?)) throws(Problem) -> ClosureImportRow {
        func cell(_ i: Int?) -> String {
            guard let i, i < row.cells.count else { return "" }
            return row.cells[i].trimmingCharacters(in: .whitespaces)
        }
        let firstText = cell(columns.first)
        guard let first = day(firstText) else { throw .badDate(firstText) }
        let lastText = cell(columns.last)
        let last: LocalDate
        if lastText.isEmpty {
            last = first
        } else {
            guard let d = day(lastText) else { throw .badDate(lastText) }
            last = d
        }
        guard first <= last else { throw .endsBeforeItStarts(first, last) }
        let label = cell(columns.label)
        guard !label.isEmpty else { throw .noLabel }
        let room = cell(columns.room)
        // `center` is how `closures list --format csv` writes a closure of the whole center.
        let wholeCenter = room.isEmpty || ["center", "centre", "tout le centre", "whole center"].contains(room.lowercased())
        return ClosureImportRow(line: row.line, first: first, last: last, label: label, room: wholeCenter ? nil : room)
    }

    /// `2026-03-20`, or `20/03/2026` (day first, as French spreadsheets write dates).
    public static func day(_ text: String) -> LocalDate? {
        if let iso = LocalDate(iso: text) { return iso }
        let parts = text.split(separator: "/")
        guard parts.count == 3, let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]), parts[2].count == 4 else { return nil }
        let date = LocalDate(year: y, month: m, day: d)
        return date.isValid ? date : nil
    }
}
