import ArgumentParser
import Foundation
import FrontDeskDomain
import FrontDeskUI

/// `frontdesk closures import FILE`: public holidays and Eid dates from a spreadsheet's CSV, all
/// or nothing (issue 14 item 1).
struct ClosureImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Add the closures of a CSV file (public holidays, Eid dates): all or nothing; those already there are kept once.",
        discussion: """
            Columns by French or English header: Date (or Du, First day), Au (or Fin, Until; optional), Libellé (or \
            Label), Salle (or Room; optional: the whole center). Days as 2026-03-20 or 20/03/2026. Separator , ; or tab, \
            UTF-8 with or without a byte-order mark.
            """)
    @OptionGroup var common: CommonOptions
    @Argument(help: ArgumentHelp("The CSV file, or - for standard input.", valueName: "file")) var file: String
    @Flag(help: "Check everything and say what would be added; write nothing.") var dryRun = false
    @Flag(help: "Add the valid rows and list the others (default: a refused row stops the whole import).") var skipInvalid = false

    func run() throws {
        let strings = try ShippedData.strings(common.language)
        func t(_ key: String, _ args: CustomStringConvertible...) -> String { strings.text("cli.import." + key, args) }
        let table = try readImportTable(file, separator: nil, t)
        let columns: (first: Int, last: Int?, label: Int, room: Int?)
        do {
            columns = try ClosureImport.columns(table.header)
        } catch {
            throw UserError(t(error == .noDateColumn ? "closure.noDateColumn" : "closure.noLabelColumn"))
        }
        let db: any FrontDeskRepository = try common.openDatabase()
        var refused: [(Int, String)] = []
        var closures: [Closure] = []
        for row in table.rows {
            do {
                let read = try ClosureImport.row(row, columns: columns)
                let roomId = try read.room.map { try findRoom($0, in: db).id }
                closures.append(Closure(id: 0, first: read.first, last: read.last, roomId: roomId, label: read.label))
            } catch let problem as ClosureImport.Problem {
                refused.append((row.line, Self.text(problem, t)))
            } catch let error as UserError {
                refused.append((row.line, error.message(in: strings)))
            }
        }
        for (line, reason) in refused { FrontDeskCommand.writeError(t("refused", line, reason)) }
        if !refused.isEmpty && !skipInvalid {
            throw UserError(strings.plural("cli.import.stopped", table.rows.count, strings.plural("cli.import.refusedRows", refused.count)))
        }
        let result = try schedulingCall(db.calendar) {
            try db.importClosures(closures, dryRun: dryRun, by: currentActor(), at: try clockNow())
        }
        let added = strings.plural("cli.import.closures", result.added.count)
        print((dryRun ? strings.plural("cli.import.closure.wouldAdd", result.added.count, added, result.alreadyThere)
                      : t("closure.added", added, result.alreadyThere))
              + (refused.isEmpty ? "" : t("skipped", strings.plural("cli.import.refusedRows", refused.count))))
    }

    static func text(_ problem: ClosureImport.Problem, _ t: (String, CustomStringConvertible...) -> String) -> String {
        switch problem {
        case .badDate(let text): t("closure.badDate", TextOutput.safe(text))
        case .endsBeforeItStarts(let a, let b): t("closure.endsBefore", b, a)
        case .noLabel: t("closure.noLabel")
        case .noDateColumn: t("closure.noDateColumn")
        case .noLabelColumn: t("closure.noLabelColumn")
        }
    }
}

/// The table of an import file (`-` is standard input).
/// - Throws: `UserError` when it cannot be read as CSV, in the command's language.
func readImportTable(_ file: String, separator: Character?, _ t: (String, CustomStringConvertible...) -> String) throws -> CSVTable {
    let data: Data
    if file == "-" {
        data = FileHandle.standardInput.readDataToEndOfFile()
    } else {
        guard let contents = FileManager.default.contents(atPath: file) else { throw UserError(t("cannotRead", TextOutput.safe(file))) }
        data = contents
    }
    // A workbook (xlsx, ods: a ZIP archive) or an old Excel file (OLE2): no reader of these is
    // among this machine's packages, so say what to do rather than "not UTF-8".
    if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) || data.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
        throw UserError(t("workbook", TextOutput.safe(file)))
    }
    do {
        return try CSVTable(data: data, separator: separator)
    } catch {
        switch error {
        case .notUTF8: throw UserError(t("notUTF8", TextOutput.safe(file)))
        case .empty: throw UserError(t("empty", TextOutput.safe(file)))
        case .unclosedQuote(let line): throw UserError(t("unclosedQuote", line))
        case .nul(let line): throw UserError(t("nul", line))
        }
    }
}
