import ArgumentParser
import Foundation
import FrontDeskDomain
import FrontDeskUI

/// `frontdesk visitors import FILE`: brings a center's list of visitors in from a spreadsheet's
/// CSV, all rows or none (issue 14 item 1).
struct VisitorImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Register the visitors of a CSV file: every row checked as the form does, duplicates refused; all or nothing.",
        discussion: """
            The file: UTF-8 (with or without a byte-order mark), cells separated by , ; or tab (found from the header), \
            quoted as spreadsheets write them. The header names the columns in French or English (Prénom/Given name, \
            Nom/Family name, Sexe/Sex, Année de naissance/Birth year, Nationalité/Nationality, Langues/Languages, \
            Statut/Status, Téléphone/Phone, Consentement/Consent); --map 'Column=field' names others (fields: \
            given, family, sex, birth-year, nationality, languages, status, phone, consent). Countries and languages by \
            code or name (French, English, Arabic). Each row is checked by the new-visitor form's rules and against the \
            records already registered and the rows above it; by default a refused row stops the whole import (every \
            refusal is listed with its line), --skip-invalid imports the others. Nothing is written with --dry-run.
            """)
    @OptionGroup var common: CommonOptions
    @Argument(help: ArgumentHelp("The CSV file, or - for standard input.", valueName: "file")) var file: String
    @Option(help: ArgumentHelp("The separator: , ; or tab (default: found from the header line).", valueName: "sep"))
    var separator: String?
    @Option(help: ArgumentHelp("A column for a field, 'Column name=field' (repeatable).", valueName: "column=field"))
    var map: [String] = []
    @Option(help: ArgumentHelp("Consent for every row when the file has no consent column (recorded on paper): services or services,reporting.",
                               valueName: "scopes"))
    var consent: String?
    @Flag(help: "Check everything and say what would be imported; write nothing.") var dryRun = false
    @Flag(help: "Import the valid rows and list the others (default: a refused row stops the whole import).") var skipInvalid = false
    @Flag(help: "Register rows that resemble existing records or earlier rows anyway (default: refused).") var allowDuplicates = false

    func run() throws {
        let strings = try ShippedData.strings(common.language)
        func t(_ key: String, _ args: CustomStringConvertible...) -> String { strings.text("cli.import." + key, args) }
        let table = try readTable(t)
        let plan = try columns(table, t)
        if !plan.ignoredColumns.isEmpty {
            FrontDeskCommand.writeError("frontdesk: " + t("ignored", plan.ignoredColumns.map { "'\($0)'" }.joined(separator: ", ")))
        }
        let reference = try ShippedData.reference()
        let calendar = try common.calendar()
        let now = try clockNow()
        var rows = plan.check(table.rows, reference: reference, now: now, calendar: calendar)
        if !allowDuplicates {
            for (index, line) in VisitorImport.duplicatesWithinFile(rows) {
                rows[index].result = .failure(VisitorImportProblemError(.sameAsLine(line)))
            }
        }
        let valid = rows.compactMap { row -> (line: Int, visitor: NewVisitor)? in
            guard case .success(let v) = row.result else { return nil }
            return (row.line, v)
        }
        let db: any FrontDeskRepository = try common.openDatabase()
        // Two passes over the store: the check (the first half of the store's count), then, unless
        // --dry-run, the check again and the writing (its whole count): one bar from 0 to 100 %.
        let n = max(1, valid.count)
        let progress = Progress(label: t("progress"), total: dryRun ? n : 3 * n, strings: strings, showsCounts: false)
        var outcome = try storeCall {
            try db.importVisitors(valid.map(\.visitor), allowingDuplicates: allowDuplicates,
                                  dryRun: true, by: currentActor(), at: now) { done, _ in progress.update(done) }
        }
        for (index, codes) in outcome.duplicates where !allowDuplicates {
            if let row = rows.firstIndex(where: { $0.line == valid[index].line }) {
                rows[row].result = .failure(VisitorImportProblemError(.alreadyRegistered(codes)))
            }
        }
        var refused: [(line: Int, problem: VisitorImportProblem)] = rows.compactMap { row in
            guard case .failure(let error) = row.result else { return nil }
            return (row.line, error.problem)
        }
        refused.sort { $0.line < $1.line }
        for (line, problem) in refused {
            FrontDeskCommand.writeError(t("refused", line, Self.text(of: problem, strings: strings, t)))
        }
        let importable = valid.enumerated().filter { outcome.duplicates[$0.offset] == nil || allowDuplicates }.map(\.element)
        if !refused.isEmpty && !skipInvalid {
            progress.finish()
            throw UserError(strings.plural("cli.import.stopped", table.rows.count, strings.plural("cli.import.refusedRows", refused.count)))
        }
        if dryRun {
            progress.finish()
            print(strings.plural("cli.import.wouldImport", importable.count, strings.plural("cli.import.visitors", importable.count),
                                 strings.plural("cli.import.rows", table.rows.count)))
            return
        }
        // Checked again in the transaction that writes: another desk may have registered one of
        // these people meanwhile.
        outcome = try storeCall {
            try db.importVisitors(importable.map(\.visitor), allowingDuplicates: allowDuplicates, dryRun: false,
                                  by: currentActor(), at: now) { done, _ in progress.update(n + done) }
        }
        progress.finish()
        if outcome.registered.isEmpty && !importable.isEmpty {
            throw UserError(t("changedMeanwhile"))
        }
        let codes = outcome.registered.map(\.code)
        print(t("imported", strings.plural("cli.import.visitors", codes.count), codes.first.map(\.description) ?? "-",
                codes.last.map(\.description) ?? "-")
              + (refused.isEmpty ? "" : t("skipped", strings.plural("cli.import.refusedRows", refused.count))))
        FrontDeskCommand.logger.info("visitors imported", metadata: ["rows": "\(table.rows.count)", "imported": "\(codes.count)",
                                                                    "refused": "\(refused.count)"])
    }

    /// The file's table, with the separator asked for. - Throws: `UserError`.
    private func readTable(_ t: (String, CustomStringConvertible...) -> String) throws -> CSVTable {
        var sep: Character?
        if let separator {
            switch separator {
            case ",", ";": sep = Character(separator)
            case "tab", "\t", "\\t": sep = "\t"
            default: throw UserError(t("badSeparator", TextOutput.safe(separator)))
            }
        }
        return try readImportTable(file, separator: sep, t)
    }

    private func columns(_ table: CSVTable, _ t: (String, CustomStringConvertible...) -> String) throws -> VisitorImport {
        var pairs: [String: String] = [:]
        for item in map {
            guard let eq = item.lastIndex(of: "=") else { throw UserError(t("badMap", TextOutput.safe(item))) }
            pairs[String(item[..<eq]).trimmingCharacters(in: .whitespaces)] = String(item[item.index(after: eq)...]).trimmingCharacters(in: .whitespaces)
        }
        var scopes: Set<ConsentScope>?
        if let consent {
            guard let parsed = VisitorImport.consentOption(consent) else { throw UserError(t("badConsent", TextOutput.safe(consent))) }
            scopes = parsed
        }
        do {
            return try VisitorImport(header: table.header, map: pairs, defaultConsent: scopes)
        } catch {
            switch error {
            case .unknownColumn(let c): throw UserError(t("unknownColumn", TextOutput.safe(c)))
            case .unknownField(let f): throw UserError(t("unknownField", TextOutput.safe(f)))
            case .twoColumns(let field, let a, let b):
                throw UserError(t("twoColumns", t("field." + field.rawValue), TextOutput.safe(a), TextOutput.safe(b)))
            case .noGivenName: throw UserError(t("noGivenName"))
            case .noNationality: throw UserError(t("noNationality"))
            case .noConsent: throw UserError(t("noConsent"))
            }
        }
    }

    /// Why a row was refused, in the command's language.
    static func text(of problem: VisitorImportProblem, strings: Localizer, _ t: (String, CustomStringConvertible...) -> String) -> String {
        switch problem {
        // A file names a country or language by code or whole name (`ReferenceData.country(named:)`):
        // the form's advice, "type part of its name", does not apply.
        case .invalid(.nationalityUnknown(let typed)): t("countryUnknown", TextOutput.safe(typed))
        case .invalid(.languageUnknown(let typed)): t("languageUnknown", TextOutput.safe(typed))
        case .invalid(let error): strings.message(for: error)
        case .unknownValue(let field, let value): t("unknownValue", t("field." + field.rawValue), TextOutput.safe(value))
        case .tooManyCells(let expected, let found): t("tooManyCells", found, expected)
        case .sameAsLine(let line): t("sameAsLine", line)
        case .alreadyRegistered(let codes): t("alreadyRegistered", codes.map(\.description).joined(separator: ", "))
        }
    }
}

extension VisitorImport {
    /// `--consent services,reporting`: nil when a scope is unknown or services is missing.
    static func consentOption(_ text: String) -> Set<ConsentScope>? {
        var scopes: Set<ConsentScope> = []
        for part in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) where !part.isEmpty {
            guard let scope = ConsentScope(rawValue: part) else { return nil }
            scopes.insert(scope)
        }
        return scopes.contains(.services) ? scopes : nil
    }
}
