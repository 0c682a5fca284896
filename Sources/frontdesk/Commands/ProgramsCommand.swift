import ArgumentParser
import Foundation
import FrontDeskDomain
import FrontDeskStore
import FrontDeskUI

/// `frontdesk programs list|add|edit` (issue 15 item 1): the catalog of funded programs.
struct ProgramsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "programs", abstract: "Programs and their funders: services funded, statuses served, period, targets.",
        subcommands: [List.self, Add.self, Edit.self, Choose.self], defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the programs, in the catalog's order.")
        @OptionGroup var common: CommonOptions
        @OptionGroup var output: OutputOptions
        @Option(help: "text, json, csv or xlsx (a workbook: with --output FILE or redirected).") var format: OutputFormat = .text

        func run() throws {
            try output.redirect(common.language, format: format)
            let db = try common.openDatabaseForReading()
            let programs = try storeCall { try db.programs() }
            let strings = try ShippedData.strings(common.language)
            switch format {
            case .text:
                for p in programs { print(ProgramsCommand.text(p, strings)) }
            case .csv, .xlsx:
                var csv = CSVWriter.forOutput()
                csv.appendHeader(["program", "funder", "name", "first_day", "last_day", "statuses", "services", "targets"])
                for p in programs {
                    csv.append([.text(p.id), .text(p.funder), .text(common.language == .fr ? p.nameFr : p.nameEn), .date(p.first),
                                p.last.map { .date($0) } ?? .empty, .text(p.statuses.map(\.rawValue).sorted().joined(separator: " ")),
                                .text(p.services.sorted().joined(separator: " ")),
                                .text(p.targets.map { "\($0.year):\($0.measure.rawValue):\($0.count)" }.joined(separator: " "))])
                }
                print(csv.finished(sheet: "programs"), terminator: "")
            case .json:
                print(JSONOutput.encode(programs.map { ProgramJSON($0, language: common.language) }), terminator: "")
            }
        }
    }

    /// Options that set a program's fields (all of them for `add`, those given for `edit`).
    struct Fields: ParsableArguments {
        @Option(help: "The funder, as reports group programs: 'UNHCR', 'IOM'.") var funder: String?
        @Option(name: .customLong("name-fr"), help: "Its name in French.") var nameFr: String?
        @Option(name: .customLong("name-en"), help: "Its name in English.") var nameEn: String?
        @Option(help: "First day funded, YYYY-MM-DD.") var from: String?
        @Option(help: "Last day funded, YYYY-MM-DD, or 'open'.") var until: String?
        @Option(help: "Service ids it funds, comma-separated (frontdesk services lists them); replaces the list.") var services: String?
        @Option(help: "Statuses it serves, comma-separated (refugee, asylum_seeker, migrant, moroccan_national, other), or 'all'.")
        var statuses: String?
        @Option(help: "A target, YEAR:unique_visitors|services:COUNT (repeat for several; replaces the targets); 'none' removes them.")
        var target: [String] = []

        /// The program with the fields given applied. - Throws: `UserError` for a malformed value.
        func apply(to program: Program, _ strings: Localizer) throws -> Program {
            func t(_ key: String, _ args: CustomStringConvertible...) -> String { strings.text("cli.programs." + key, args) }
            var p = program
            if let funder { p.funder = funder }
            if let nameFr { p.nameFr = nameFr }
            if let nameEn { p.nameEn = nameEn }
            if let from {
                guard let day = LocalDate(iso: from) else { throw UserError(t("badDay", "--from", TextOutput.safe(from))) }
                p.first = day
            }
            if let until {
                if until.lowercased() == "open" {
                    p.last = nil
                } else {
                    guard let day = LocalDate(iso: until) else { throw UserError(t("badDay", "--until", TextOutput.safe(until))) }
                    p.last = day
                }
            }
            if let services { p.services = Set(commaList(services)) }
            if let statuses {
                if statuses.lowercased() == "all" {
                    p.statuses = []
                } else {
                    p.statuses = Set(try commaList(statuses).map { word in
                        guard let s = LegalStatus(rawValue: word.lowercased().replacingOccurrences(of: "-", with: "_")) else {
                            throw UserError(t("badStatus", TextOutput.safe(word)))
                        }
                        return s
                    })
                }
            }
            if !target.isEmpty {
                p.targets = try target == ["none"] ? [] : target.map { text in
                    let parts = text.split(separator: ":").map(String.init)
                    guard parts.count == 3, let year = Int(parts[0]), let measure = ProgramTarget.Measure(rawValue: parts[1]),
                          let count = Int(parts[2]) else { throw UserError(t("badTarget", TextOutput.safe(text))) }
                    return ProgramTarget(year: year, measure: measure, count: count)
                }
            }
            return p
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a program (audited).")
        @OptionGroup var common: CommonOptions
        @Argument(help: "Its id: lower-case letters, digits and hyphens ('unhcr-urban').") var id: String
        @OptionGroup var fields: Fields

        func run() throws {
            let strings = try ShippedData.strings(common.language)
            let db = try common.openDatabase()
            if try storeCall({ try db.programs() }).contains(where: { $0.id == id }) {
                throw UserError(strings("cli.programs.exists", TextOutput.safe(id)))
            }
            guard fields.from != nil else { throw UserError(strings("cli.programs.fromNeeded")) }
            let empty = Program(id: id, nameFr: "", nameEn: "", funder: "", first: LocalDate(year: 2000, month: 1, day: 1), services: [])
            var p = try fields.apply(to: empty, strings)
            if p.nameEn.isEmpty { p.nameEn = p.nameFr }
            if p.nameFr.isEmpty { p.nameFr = p.nameEn }
            try ProgramsCommand.save(p, db, strings)
            print(strings("cli.programs.added", ProgramsCommand.text(p, strings)))
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "edit", abstract: "Change a program (only the options given; audited).")
        @OptionGroup var common: CommonOptions
        @Argument(help: "The program's id (frontdesk programs lists them).") var id: String
        @OptionGroup var fields: Fields

        func run() throws {
            let strings = try ShippedData.strings(common.language)
            let db = try common.openDatabase()
            guard let program = try storeCall({ try db.programs() }).first(where: { $0.id == id }) else {
                throw UserError(strings("cli.programs.notFound", TextOutput.safe(id)))
            }
            let p = try fields.apply(to: program, strings)
            // No option, or only the values it has: nothing saved, nothing audited.
            guard p != program else { throw UserError(strings("cli.programs.nothingChanged", TextOutput.safe(id))) }
            try ProgramsCommand.save(p, db, strings)
            print(strings("cli.programs.changed", ProgramsCommand.text(p, strings)))
        }
    }

    /// Issue 15 item 1: the program an appointment or a walk-in counts for, changed after
    /// booking or check-in (a wrong choice, a rule that did not fit): a program chosen by staff,
    /// or back to the rule. Audited (`program.chosen`); the reports follow at once.
    struct Choose: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "choose",
            abstract: "Choose the program an appointment or a walk-in counts for, or give it back to the rule (audited).")
        @OptionGroup var common: CommonOptions
        @Option(help: "The appointment's id (frontdesk appointments lists them).") var appointment: Int64?
        @Option(help: "A walk-in's ticket, like S-014.") var ticket: String?
        @Option(help: "The ticket's day (YYYY-MM-DD; default today).") var day: String?
        @Option(help: "The program's id (frontdesk programs lists them).") var program: String?
        @Flag(help: "Count it by the rule again (the service, the visitor's status, the day).") var byRule = false

        func run() throws {
            let strings = try ShippedData.strings(common.language)
            func t(_ key: String, _ args: CustomStringConvertible...) -> String { strings.text("cli.programs." + key, args) }
            guard appointment == nil || ticket == nil else { throw UserError(t("chooseOneWhich")) }
            guard appointment != nil || ticket != nil else { throw UserError(t("chooseWhich")) }
            guard program == nil || !byRule else { throw UserError(t("chooseOneWhat")) }
            guard program != nil || byRule else { throw UserError(t("chooseWhat")) }
            if day != nil, ticket == nil { throw UserError(t("dayWithTicket")) }
            let db = try common.openDatabase()
            let now = try clockNow()
            let target: AppDatabase.ProgramChoiceTarget, label: String
            if let appointment {
                target = .appointment(appointment)
                label = t("appointmentLabel", appointment)
            } else {
                let text = ticket ?? ""
                guard let wanted = QueueTicket(text) else { throw UserError(key: "cli.error.notATicket", TextOutput.safe(text)) }
                let date: LocalDate
                if let day {
                    guard let d = LocalDate(iso: day) else { throw UserError(t("badDay", "--day", TextOutput.safe(day))) }
                    date = d
                } else {
                    date = db.calendar.localDate(of: now)
                }
                guard let entry = try storeCall({ try db.queue(on: date) }).first(where: { $0.visit.ticket == wanted }) else {
                    throw UserError(t("noTicket", wanted, date))
                }
                target = .visit(entry.visit.id)
                label = t("ticketLabel", wanted, date)
            }
            let counted: String?
            do {
                counted = try storeCall { try db.chooseProgram(program, for: target, by: currentActor(), at: now) }
            } catch ProgramError.unknownProgram(let id) {
                throw UserError(t("notFound", TextOutput.safe(id))) // the store checks it, in its transaction
            } catch ProgramError.serviceNotFound {
                throw UserError(t("serviceNotFound"))
            } catch ProgramError.notCovered(let id) {
                throw UserError(t("notCovered", TextOutput.safe(id)))
            }
            if let program {
                print(t("chosen", label, TextOutput.safe(program)))
            } else if let counted {
                print(t("byRuleFor", label, TextOutput.safe(counted)))
            } else {
                print(t("byRule", label))
            }
        }
    }

    static func save(_ p: Program, _ db: AppDatabase, _ strings: Localizer) throws {
        func t(_ key: String, _ args: CustomStringConvertible...) -> String { strings.text("cli.programs." + key, args) }
        do {
            try storeCall { try db.saveProgram(p, by: currentActor(), at: try clockNow()) }
        } catch let error as ProgramError {
            switch error {
            case .invalidId(let id): throw UserError(t("invalidId", TextOutput.safe(id)))
            case .nameMissing: throw UserError(t("nameMissing"))
            case .funderMissing: throw UserError(t("funderMissing"))
            case .days(let first, let last): throw UserError(t("days", last, first))
            case .unknownService(let id): throw UserError(t("unknownService", TextOutput.safe(id)))
            case .invalidTarget: throw UserError(t("invalidTarget"))
            case .unknownProgram(let id): throw UserError(t("unknownProgram", TextOutput.safe(id)))
            case .serviceNotFound: throw UserError(t("serviceNotFound"))
            case .notCovered(let id): throw UserError(t("notCovered", TextOutput.safe(id)))
            }
        }
    }

    /// One line: id, funder, period, statuses, how many services, name; then its targets.
    static func text(_ p: Program, _ strings: Localizer) -> String {
        let statuses = p.statuses.isEmpty ? strings("cli.programs.allStatuses")
            : LegalStatus.allCases.filter(p.statuses.contains).map(strings.status).joined(separator: ", ")
        let period = "\(p.first)…\(p.last?.description ?? "")"
        var line = [p.id, TextOutput.safe(p.funder), period, statuses, strings.plural("cli.programs.services", p.services.count),
                    TextOutput.safe(strings.language == .fr ? p.nameFr : p.nameEn)].joined(separator: "\t")
        for t in p.targets {
            line += "\n\t" + strings("cli.programs.target", t.year, strings.plural("cli.programs.measure.\(t.measure.rawValue)", t.count))
        }
        return line
    }

    struct ProgramJSON: Encodable {
        let id, funder, name, nameFr, nameEn, firstDay: String
        let lastDay: String?
        let services, statuses: [String]
        let targets: [TargetJSON]

        struct TargetJSON: Encodable {
            let year: Int
            let measure: String
            let count: Int
        }

        init(_ p: Program, language: UILanguage) {
            id = p.id
            funder = p.funder
            name = language == .fr ? p.nameFr : p.nameEn
            nameFr = p.nameFr
            nameEn = p.nameEn
            firstDay = p.first.description
            lastDay = p.last?.description
            services = p.services.sorted()
            statuses = p.statuses.map(\.rawValue).sorted()
            targets = p.targets.map { TargetJSON(year: $0.year, measure: $0.measure.rawValue, count: $0.count) }
        }
    }
}
