import ArgumentParser
import Foundation
import FrontDeskDomain
import FrontDeskUI

/// `frontdesk visitors add|search|export`.
struct VisitorsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "visitors", abstract: "Register, find and export visitors.",
        subcommands: [Add.self, Search.self, VisitorImportCommand.self, VisitorExportCommand.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Register a visitor; prints the new public code.")

        @OptionGroup var common: CommonOptions
        @Option(help: "Given name, any script.") var given: String
        @Option(help: "Family name, any script.") var family: String = ""
        @Option(help: "female, male, other or unspecified.") var sex: Sex = .unspecified
        @Option(name: [.customLong("birth-year"), .customLong("birth-date")],
                help: "Birth year (2008) or full birth date (2008-05-20 or 20/05/2008), if known (Arabic-Indic digits too).")
        var birthYear: String = ""
        @Option(help: "Country: ISO 3166-1 code (MA or MAR, GN, SY…) or part of its name, in French, English or Arabic.") var nationality: String
        @Option(name: .customLong("language"), help: "A language (ISO 639 code: ti or tir; or part of its name); repeat for several.") var languages: [String] = []
        @Option(help: "refugee, asylum_seeker, migrant, moroccan_national or other.") var status: LegalStatus = .other
        @Option(help: "Phone number: Moroccan in any form (06…, +212 6…, 00212 6…), others with + or 00; stored as +212….") var phone: String = ""
        @Option(help: "Consent given, comma-separated: services (required), reporting.") var consent: String
        @Flag(help: "Register even if existing records resemble this person (same name in any script, nationality and birth year within one; or the same phone).")
        var allowDuplicate = false

        func run() throws {
            let reference = try ShippedData.reference()
            let strings = try ShippedData.strings(common.language)
            var scopes: Set<ConsentScope> = []
            for part in consent.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) where !part.isEmpty {
                guard let scope = ConsentScope(rawValue: part) else { throw UserError(strings("cli.visitors.badConsent", TextOutput.safe(part))) }
                scopes.insert(scope)
            }
            // The new-visitor form's completion rule: an exact code wins (`ti`, `tir` → ti), then
            // names in French, English or Arabic (`soud`, `سودان` → SD), common entries first.
            let country = reference.country(typed: nationality)?.code ?? nationality
            let codes = languages.map { reference.language(typed: $0)?.code ?? $0 }
            let draft = VisitorDraft(givenName: given, familyName: family, sex: sex, birthYear: birthYear,
                                     nationality: country, languages: codes, status: status, phone: phone, consentScopes: scopes)
            let calendar = try common.calendar()
            let now = Date()
            let valid: NewVisitor
            do {
                valid = try draft.validated(now: now, calendar: calendar, knownCountries: reference.countryCodes, knownLanguages: reference.languageCodes)
            } catch {
                throw UserError(strings.message(for: error))
            }
            let db: any FrontDeskRepository = try common.openDatabase()
            let visitor: Visitor
            do {
                visitor = try storeCall { try db.register(valid, allowingDuplicates: allowDuplicate, by: currentActor(), at: now) }
            } catch DuplicateError.possibleDuplicates(let similar) {
                // One person, one record: name the records, change nothing.
                let lines = similar.map { v in
                    "  \(v.code)  \(TextOutput.safe(v.fullName))  \(v.birthYear.map(String.init) ?? "----")  \(v.nationality)"
                }
                throw UserError(([strings("cli.visitors.duplicate")] + lines + [strings("cli.visitors.duplicateHint")]).joined(separator: "\n"))
            }
            print(visitor.code)
        }
    }

    struct Search: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "search", abstract: "Find visitors by part of a name (any script), code or phone digits.")

        @OptionGroup var common: CommonOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "What to look for.") var query: String
        @Option(help: "At most this many visitors.") var limit: Int = 20
        @Option(help: "text, json, csv or xlsx (a workbook: with --output FILE or redirected).") var format: OutputFormat = .text

        func validate() throws {
            guard limit > 0 else { throw ValidationError(key: "cli.error.limitPositive") }
        }

        func run() throws {
            try output.redirect(common.language, format: format)
            // A search only reads: the file stays byte-identical (no migration, no write).
            let db: any FrontDeskRepository = try common.openDatabaseForReading()
            // The desk's ranking: today's queue and appointments first (`FRONTDESK_NOW` sets today).
            let now = try clockNow()
            let found = try storeCall { try db.searchVisitors(query, limit: limit, deskAt: now, as: .fileOwner) }
            print(VisitorOutput.render(found, format: format), terminator: "")
        }
    }
}

/// Visitor listings in the three formats.
enum VisitorOutput {
    static func render(_ visitors: [Visitor], format: OutputFormat) -> String {
        switch format {
        case .text:
            return visitors.map { v in
                [v.code.description, v.fullName, v.nationality, v.birthDate?.description ?? v.birthYear.map(String.init) ?? "-", v.phone ?? ""]
                    .map { TextOutput.safe($0) }.joined(separator: "\t")
            }.map { $0 + "\n" }.joined()
        case .csv, .xlsx:
            var csv = CSVWriter.forOutput()
            csv.appendHeader(["code", "given_name", "family_name", "sex", "birth_year", "birth_date", "nationality", "languages", "status", "phone"])
            for v in visitors {
                csv.append([.text(v.code.description), .text(v.givenName), .text(v.familyName), .text(v.sex.rawValue),
                            v.birthYear.map { .number($0) } ?? .empty, v.birthDate.map { .text($0.description) } ?? .empty, .text(v.nationality), .text(v.languages.joined(separator: " ")),
                            .text(v.status.rawValue), .text(v.phone ?? "")])
            }
            return csv.finished(sheet: "visitors")
        case .json:
            let rows = visitors.map { v in
                VisitorJSON(code: v.code.description, givenName: v.givenName, familyName: v.familyName, sex: v.sex.rawValue,
                            birthYear: v.birthYear, birthDate: v.birthDate?.description, nationality: v.nationality, languages: v.languages, status: v.status.rawValue, phone: v.phone)
            }
            return JSONOutput.encode(rows)
        }
    }

    struct VisitorJSON: Encodable {
        let code, givenName, familyName, sex: String
        let birthYear: Int?
        let birthDate: String?
        let nationality: String
        let languages: [String]
        let status: String
        let phone: String?
    }
}
