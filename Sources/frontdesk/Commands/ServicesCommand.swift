import ArgumentParser
import Foundation
import FrontDeskDomain
import FrontDeskUI

/// `frontdesk services list`: the catalog's service ids, which `slots`, `book` and `sessions`
/// take, with their category, duration and names in the command's language.
struct ServicesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "services", abstract: "The service catalog (ids for slots, book and sessions).",
        subcommands: [List.self], defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the services: id, category, minutes, name.")
        @OptionGroup var common: CommonOptions
        @OptionGroup var output: OutputOptions
        @Option(help: "text, json, csv or xlsx (a workbook: with --output FILE or redirected).") var format: OutputFormat = .text
        @Flag(help: "Include withdrawn services.") var all = false

        func run() throws {
            try output.redirect(common.language, format: format)
            let db: any FrontDeskRepository = try common.openDatabaseForReading()
            let services = try storeCall { try db.services() }.filter { all || $0.active }
            func name(_ s: Service) -> String { s.name(in: common.language) }
            switch format {
            case .text:
                let strings = try ShippedData.strings(common.language)
                for s in services {
                    let group = s.groupCapacity.map { "\t" + strings("cli.services.group", $0) } ?? ""
                    print("\(s.id)\t\(strings("cli.category." + s.category.rawValue))\t\(s.durationMinutes) min\t\(TextOutput.safe(name(s)))\(group)"
                        + (s.active ? "" : "\t" + strings("cli.services.withdrawn")))
                }
            case .csv, .xlsx:
                var csv = CSVWriter.forOutput()
                csv.appendHeader(["id", "category", "minutes", "name", "group_capacity", "active"])
                for s in services {
                    csv.append([.text(s.id), .text(s.category.rawValue), .number(s.durationMinutes), .text(name(s)),
                                s.groupCapacity.map { .number($0) } ?? .text(""), .text(s.active ? "yes" : "no")])
                }
                print(csv.finished(sheet: "services"), terminator: "")
            case .json:
                print(JSONOutput.encode(services), terminator: "")
            }
        }
    }
}
