import ArgumentParser
import Foundation
import FrontDeskDomain
import FrontDeskUI

/// Finds a visitor by public code, with a clear message when there is none.
func visitor(code text: String, in db: any FrontDeskRepository) throws -> Visitor {
    guard let code = VisitorCode(text) else { throw UserError(key: "cli.error.notACode", TextOutput.safe(text)) }
    guard let visitor = try storeCall({ try db.visitor(code: code) }) else { throw UserError(key: "cli.error.noVisitor", code) }
    return visitor
}

/// Runs a queue action, turning queue refusals into one-line messages.
func queueCall<T>(_ strings: Localizer, _ body: () throws -> T) throws -> T {
    do {
        return try storeCall(body)
    } catch let error as QueueError {
        throw UserError(strings.message(for: error))
    }
}

/// `frontdesk checkin CODE --category social`: a walk-in check-in; prints the ticket.
struct CheckinCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "checkin", abstract: "Check a visitor in as a walk-in; prints the queue ticket.")

    @OptionGroup var common: CommonOptions
    @Argument(help: "The visitor's public code, V-YYYY-NNNNN.") var code: String
    @Option(help: "psychological, social or professional (or P, S, E).") var category: ServiceCategory

    func run() throws {
        let db: any FrontDeskRepository = try common.openDatabase()
        let strings = try ShippedData.strings(common.language)
        let v = try visitor(code: code, in: db)
        let visit = try queueCall(strings) { try db.checkIn(visitorId: v.id, category: category, by: currentActor(), at: try clockNow()) }
        print(visit.ticket)
    }
}

/// `frontdesk call [--category C]`: calls the next waiting ticket.
struct CallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "call", abstract: "Call the next waiting ticket (of a category, or any).")

    @OptionGroup var common: CommonOptions
    @Option(help: "psychological, social or professional.") var category: ServiceCategory?

    func run() throws {
        let db: any FrontDeskRepository = try common.openDatabase()
        let strings = try ShippedData.strings(common.language)
        let entry = try queueCall(strings) { try db.callNext(category: category, by: currentActor(), at: try clockNow()) }
        print("\(entry.visit.ticket)\t\(entry.visitorCode)")
    }
}

/// `frontdesk close TICKET --outcome seen`: closes today's visit with that ticket.
struct CloseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "close", abstract: "Close today's visit with this ticket.")

    @OptionGroup var common: CommonOptions
    @Argument(help: "The ticket, like S-014.") var ticket: String
    @Option(help: "seen, left_unseen or redirected.") var outcome: VisitOutcome = .seen

    func run() throws {
        guard let t = QueueTicket(ticket) else { throw UserError(key: "cli.error.notATicket", TextOutput.safe(ticket)) }
        let db: any FrontDeskRepository = try common.openDatabase()
        let strings = try ShippedData.strings(common.language)
        let today = try common.calendar().localDate(of: try clockNow())
        let entries = try storeCall { try db.queue(on: today) }
        guard let entry = entries.first(where: { $0.visit.ticket == t }) else { throw UserError(key: "cli.queue.noTicket", t) }
        let visit = try queueCall(strings) { try db.close(visitId: entry.visit.id, outcome: outcome, by: currentActor(), at: try clockNow()) }
        print("\(visit.ticket)\t\(visit.outcome.map { QueueOutput.outcomeWord($0, strings) } ?? "")")
    }
}

/// `frontdesk queue`: today's queue (or a given day's), in text, JSON or CSV.
struct QueueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "queue", abstract: "List a day's walk-in queue.")

    @OptionGroup var common: CommonOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "text, json, csv or xlsx (a workbook: with --output FILE or redirected).") var format: OutputFormat = .text
    @Option(help: "The center-local day, YYYY-MM-DD (default: today).") var date: String?
    @Flag(help: "Include closed visits.") var all = false

    func run() throws {
        try output.redirect(common.language, format: format)
        let calendar = try common.calendar()
        let now = try clockNow()
        let day = try date.map { try localDate($0, option: "--date") } ?? calendar.localDate(of: now)
        let db: any FrontDeskRepository = try common.openDatabase()
        let entries = try storeCall { try db.queue(on: day) }.filter { all || $0.visit.isOpen }
        let strings = try format == .text ? ShippedData.strings(common.language) : nil
        print(QueueOutput.render(entries, format: format, calendar: calendar, now: now, strings: strings), terminator: "")
    }
}

/// Queue listings in the three formats. Times in text and CSV are center-local; JSON gives UTC
/// instants (ISO 8601 with Z) and the local day. States are the stored words in CSV and JSON
/// (`waiting`, `called`, `left_unseen`…), the language's in text (`en attente`, `appelé·e`…).
enum QueueOutput {
    static func state(_ v: Visit) -> String {
        switch v.status {
        case .waiting: "waiting"
        case .called: "called"
        case .closed(let o): o.rawValue
        }
    }

    /// The state in text output, in the language of `strings`.
    static func stateWord(_ v: Visit, _ strings: Localizer) -> String {
        switch v.status {
        case .waiting: strings("cli.queue.waiting")
        case .called: strings("cli.queue.called")
        case .closed(let o): outcomeWord(o, strings)
        }
    }

    /// How a visit ended, in text output: `seen`, `left_unseen`, `redirected` in English (the
    /// stored words), `reçu·e`, `parti·e sans être reçu·e`, `orienté·e ailleurs` in French.
    static func outcomeWord(_ o: VisitOutcome, _ strings: Localizer) -> String { strings("cli.outcome." + o.rawValue) }

    /// The listing; `strings` (the command's language) is needed for text only.
    static func render(_ entries: [QueueEntry], format: OutputFormat, calendar: CenterCalendar, now: Date, strings: Localizer?) -> String {
        switch format {
        case .text:
            return entries.map { e in
                [e.visit.ticket.description, e.visitorCode.description, TextOutput.safe(e.visitorName),
                 calendar.clockText(e.visit.arrivedAt), "\(e.visit.waitMinutes(now: now)) min",
                 strings.map { stateWord(e.visit, $0) } ?? state(e.visit),
                 TextOutput.safe(e.visit.calledBy ?? "")].joined(separator: "\t")
            }.map { $0 + "\n" }.joined()
        case .csv, .xlsx:
            var csv = CSVWriter.forOutput()
            csv.appendHeader(["ticket", "category", "visitor_code", "visitor_name", "day", "arrived_local", "wait_min", "state", "called_by"])
            for e in entries {
                csv.append([.text(e.visit.ticket.description), .text(e.visit.category.rawValue), .text(e.visitorCode.description),
                            .text(e.visitorName), .date(e.visit.day), .time(calendar.localDateTime(of: e.visit.arrivedAt).time),
                            .number(e.visit.waitMinutes(now: now)), .text(state(e.visit)), .text(e.visit.calledBy ?? "")])
            }
            return csv.finished(sheet: "queue")
        case .json:
            return JSONOutput.encode(entries.map { e in
                QueueJSON(ticket: e.visit.ticket.description, category: e.visit.category.rawValue, visitorCode: e.visitorCode.description,
                          visitorName: e.visitorName, day: e.visit.day.description, arrivedAt: e.visit.arrivedAt,
                          calledAt: e.visit.calledAt, calledBy: e.visit.calledBy, leftAt: e.visit.leftAt,
                          waitMinutes: e.visit.waitMinutes(now: now), state: state(e.visit))
            })
        }
    }

    struct QueueJSON: Encodable {
        let ticket, category, visitorCode, visitorName, day: String
        let arrivedAt: Date
        let calledAt: Date?
        let calledBy: String?
        let leftAt: Date?
        let waitMinutes: Int
        let state: String
    }
}
