import ArgumentParser
import Foundation
import FrontDeskDomain

/// `frontdesk audit`: the append-only audit trail, listed (`list`, the default) or its hash
/// chain checked (`verify`). Like every command it acts as the file's owner (README "Access").
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "The audit trail: list it (default), or verify its hash chain.",
        subcommands: [AuditListCommand.self, AuditVerifyCommand.self], defaultSubcommand: AuditListCommand.self)
}

/// `frontdesk audit [list]`: the append-only audit trail, filtered. Reading it changes
/// nothing; nothing in the product can change or remove a row.
struct AuditListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the audit trail: who did what to which record, when, from which terminal.")
    @OptionGroup var common: CommonOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "Only events about this visitor (code V-2026-00042): their record, visits and appointments.") var visitor: String?
    @Option(help: "Only events by this staff member (or command-line user).") var staff: String?
    @Option(help: "From this center-local day (YYYY-MM-DD), inclusive.") var from: String?
    @Option(help: "To this center-local day (YYYY-MM-DD), inclusive.") var to: String?
    @Option(help: "text, json, csv or xlsx (a workbook: with --output FILE or redirected).") var format: OutputFormat = .text

    func run() throws {
        try output.redirect(common.language, format: format)
        let db: any FrontDeskRepository = try common.openDatabaseForReading()
        let calendar = db.calendar
        let visitorId = try visitor.map { try findVisitor($0, in: db).id }
        let fromDay = try from.map { try localDate($0, option: "--from") }
        let toDay = try to.map { try localDate($0, option: "--to") }
        if let fromDay, let toDay, toDay < fromDay { throw UserError(key: "cli.error.toBeforeFrom", toDay, fromDay) }
        let filter = AuditFilter(visitorId: visitorId, actorName: staff, from: fromDay.map { calendar.startOfDay($0) },
                                 to: toDay.map { calendar.startOfDay($0.adding(days: 1)) })
        let events = try storeCall { try db.auditEvents(matching: filter) }
        switch format {
        case .text:
            for e in events {
                let local = calendar.localDateTime(of: e.at)
                print([String(e.id), "\(local.date) \(calendar.clockText(e.at))", TextOutput.safe(e.actor.name),
                       TextOutput.safe(e.actor.terminal), e.action.rawValue, "\(e.entity)\(e.entityId.map { " \($0)" } ?? "")",
                       TextOutput.safe(e.detail)].joined(separator: "\t"))
            }
        case .csv, .xlsx:
            var csv = CSVWriter.forOutput()
            csv.appendHeader(["id", "at_utc", "local_time", "actor", "terminal", "action", "entity", "entity_id", "detail"])
            for e in events {
                let local = calendar.localDateTime(of: e.at)
                csv.append([.number(Int(e.id)), .instant(e.at), .dateTime(local),
                            .text(e.actor.name), .text(e.actor.terminal), .text(e.action.rawValue), .text(e.entity),
                            e.entityId.map { .number(Int($0)) } ?? .text(""), .text(e.detail)])
            }
            print(csv.finished(sheet: "audit"), terminator: "")
        case .json:
            print(JSONOutput.encode(events.map {
                EventJSON(id: $0.id, at: $0.at, actor: $0.actor.name, terminal: $0.actor.terminal, action: $0.action.rawValue,
                          entity: $0.entity, entityId: $0.entityId, detail: $0.detail)
            }), terminator: "")
        }
    }

    struct EventJSON: Encodable {
        let id: Int64
        let at: Date
        let actor: String
        let terminal: String
        let action: String
        let entity: String
        let entityId: Int64?
        let detail: String
    }
}
