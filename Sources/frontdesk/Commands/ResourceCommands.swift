import ArgumentParser
import Foundation
import FrontDeskDomain
import FrontDeskUI

/// `frontdesk counselors add|list|edit|remove`.
struct CounselorsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "counselors", abstract: "Manage counselors: services, languages, weekly hours.",
        subcommands: [Add.self, List.self, Edit.self, Remove.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a counselor; prints the new id.")
        @OptionGroup var common: CommonOptions
        @Argument(help: "Full name, any script.") var name: String
        @Option(help: "Service ids delivered, comma-separated.") var services: String
        @Option(help: "Languages spoken (ISO 639 codes), comma-separated: fr,ar,ary.") var languages: String
        @Option(help: "Weekly hours: 'mon-fri 09:00-12:30,13:30-17:00; sat 09:00-12:00'.") var hours: String

        func run() throws {
            let db: any FrontDeskRepository = try common.openDatabase()
            let hours = try weeklyHours(self.hours)
            let saved = try schedulingCall(db.calendar) {
                try db.saveCounselor(Counselor(id: 0, name: name, serviceIds: commaList(services), languages: commaList(languages), hours: hours),
                                     by: currentActor(), at: try clockNow())
            }
            print(try ShippedData.strings(common.language)("cli.counselors.saved", saved.id, TextOutput.safe(saved.name)))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List counselors.")
        @OptionGroup var common: CommonOptions
        @OptionGroup var output: OutputOptions
        @Option(help: "text, json, csv or xlsx (a workbook: with --output FILE or redirected).") var format: OutputFormat = .text
        @Flag(help: "Include inactive counselors.") var all = false

        func run() throws {
            try output.redirect(common.language, format: format)
            let db: any FrontDeskRepository = try common.openDatabase()
            let counselors = try storeCall { try db.counselors(includeInactive: all) }
            switch format {
            case .text:
                let inactive = try ShippedData.strings(common.language)("cli.counselors.inactive")
                for c in counselors {
                    print([String(c.id), TextOutput.safe(c.name), c.languages.joined(separator: ","), c.hours.spec,
                           c.serviceIds.joined(separator: ",")].joined(separator: "\t") + (c.active ? "" : "\t" + inactive))
                }
            case .csv, .xlsx:
                var csv = CSVWriter.forOutput()
                csv.appendHeader(["id", "name", "languages", "hours", "services", "active"])
                for c in counselors {
                    csv.append([.number(Int(c.id)), .text(c.name), .text(c.languages.joined(separator: ",")), .text(c.hours.spec),
                                .text(c.serviceIds.joined(separator: ",")), .text(c.active ? "yes" : "no")])
                }
                print(csv.finished(sheet: "counselors"), terminator: "")
            case .json:
                print(JSONOutput.encode(counselors.map {
                    CounselorJSON(id: $0.id, name: $0.name, languages: $0.languages, hours: $0.hours.spec, services: $0.serviceIds, active: $0.active)
                }), terminator: "")
            }
        }

        struct CounselorJSON: Encodable {
            let id: Int64
            let name: String
            let languages: [String]
            let hours: String
            let services: [String]
            let active: Bool
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "edit", abstract: "Change a counselor (only the options given).")
        @OptionGroup var common: CommonOptions
        @Argument(help: "Id or name.") var counselor: String
        @Option(help: "New name.") var name: String?
        @Option(help: "Service ids, comma-separated (replaces the list).") var services: String?
        @Option(help: "Languages, comma-separated (replaces the list).") var languages: String?
        @Option(help: "Weekly hours (replaces them).") var hours: String?
        @Option(help: "yes or no.") var active: String?

        func run() throws {
            let db: any FrontDeskRepository = try common.openDatabase()
            var c = try findCounselor(counselor, in: db)
            if let name { c.name = name }
            if let services { c.serviceIds = commaList(services) }
            if let languages { c.languages = commaList(languages) }
            if let hours { c.hours = try weeklyHours(hours) }
            if let active {
                guard ["yes", "no"].contains(active) else { throw ValidationError(key: "cli.error.activeYesNo") }
                c.active = active == "yes"
            }
            let saved = try schedulingCall(db.calendar) { try db.saveCounselor(c, by: currentActor(), at: try clockNow()) }
            print(try ShippedData.strings(common.language)("cli.counselors.saved", saved.id, TextOutput.safe(saved.name)))
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove a counselor (deactivated when they have appointments).")
        @OptionGroup var common: CommonOptions
        @Argument(help: "Id or name.") var counselor: String

        func run() throws {
            let db: any FrontDeskRepository = try common.openDatabase()
            let c = try findCounselor(counselor, in: db)
            let outcome = try schedulingCall(db.calendar) { try db.removeCounselor(id: c.id, by: currentActor(), at: try clockNow()) }
            print(try ShippedData.strings(common.language)("cli.counselors." + outcome.rawValue, c.id))
        }
    }
}

/// `frontdesk rooms add|list|edit|remove`.
struct RoomsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rooms", abstract: "Manage rooms and their capacity.",
        subcommands: [Add.self, List.self, Edit.self, Remove.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a room; prints the new id.")
        @OptionGroup var common: CommonOptions
        @Argument(help: "Name, like 'Salle 2'.") var name: String
        @Option(help: "Seats for attendees (the counselor not counted).") var capacity: Int

        func run() throws {
            let db: any FrontDeskRepository = try common.openDatabase()
            let saved = try schedulingCall(db.calendar) {
                try db.saveRoom(Room(id: 0, name: name, capacity: capacity), by: currentActor(), at: try clockNow())
            }
            print(try ShippedData.strings(common.language)("cli.rooms.saved", saved.id, TextOutput.safe(saved.name)))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List rooms.")
        @OptionGroup var common: CommonOptions
        @OptionGroup var output: OutputOptions
        @Option(help: "text, json, csv or xlsx (a workbook: with --output FILE or redirected).") var format: OutputFormat = .text
        @Flag(help: "Include inactive rooms.") var all = false

        func run() throws {
            try output.redirect(common.language, format: format)
            let db: any FrontDeskRepository = try common.openDatabase()
            let rooms = try storeCall { try db.rooms(includeInactive: all) }
            switch format {
            case .text:
                let inactive = try ShippedData.strings(common.language)("cli.rooms.inactive")
                for r in rooms { print("\(r.id)\t\(TextOutput.safe(r.name))\t\(r.capacity)" + (r.active ? "" : "\t" + inactive)) }
            case .csv, .xlsx:
                var csv = CSVWriter.forOutput()
                csv.appendHeader(["id", "name", "capacity", "active"])
                for r in rooms { csv.append([.number(Int(r.id)), .text(r.name), .number(r.capacity), .text(r.active ? "yes" : "no")]) }
                print(csv.finished(sheet: "rooms"), terminator: "")
            case .json:
                print(JSONOutput.encode(rooms), terminator: "")
            }
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "edit", abstract: "Change a room (only the options given).")
        @OptionGroup var common: CommonOptions
        @Argument(help: "Id or name.") var room: String
        @Option(help: "New name.") var name: String?
        @Option(help: "Seats.") var capacity: Int?
        @Option(help: "yes or no.") var active: String?

        func run() throws {
            let db: any FrontDeskRepository = try common.openDatabase()
            var r = try findRoom(room, in: db)
            if let name { r.name = name }
            if let capacity { r.capacity = capacity }
            if let active {
                guard ["yes", "no"].contains(active) else { throw ValidationError(key: "cli.error.activeYesNo") }
                r.active = active == "yes"
            }
            let saved = try schedulingCall(db.calendar) { try db.saveRoom(r, by: currentActor(), at: try clockNow()) }
            print(try ShippedData.strings(common.language)("cli.rooms.saved", saved.id, TextOutput.safe(saved.name)))
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove a room (deactivated when it has appointments).")
        @OptionGroup var common: CommonOptions
        @Argument(help: "Id or name.") var room: String

        func run() throws {
            let db: any FrontDeskRepository = try common.openDatabase()
            let r = try findRoom(room, in: db)
            let outcome = try schedulingCall(db.calendar) { try db.removeRoom(id: r.id, by: currentActor(), at: try clockNow()) }
            print(try ShippedData.strings(common.language)("cli.rooms." + outcome.rawValue, r.id))
        }
    }
}

/// `frontdesk closures add|list|remove`.
struct ClosuresCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "closures", abstract: "Manage closures: public holidays, Eid dates, works in a room.",
        subcommands: [Add.self, List.self, Remove.self, ClosureImportCommand.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Close the center (or one room) for a day or a span; prints the id.")
        @OptionGroup var common: CommonOptions
        @Option(help: "The first (or only) closed day, YYYY-MM-DD.") var date: String
        @Option(help: "The last closed day, inclusive (default: --date).") var until: String?
        @Option(help: "Only this room (id or name); default: the whole center.") var room: String?
        @Option(help: "What it is: 'Aïd al-Fitr', 'Fête du Trône'.") var label: String

        func run() throws {
            let first = try localDate(date, option: "--date")
            let last = try until.map { try localDate($0, option: "--until") } ?? first
            let db: any FrontDeskRepository = try common.openDatabase()
            let roomId = try room.map { try findRoom($0, in: db).id }
            let saved = try schedulingCall(db.calendar) {
                try db.saveClosure(Closure(id: 0, first: first, last: last, roomId: roomId, label: label), by: currentActor(), at: try clockNow())
            }
            print(try ShippedData.strings(common.language)("cli.closures.saved", saved.id,
                                                           saved.first == saved.last ? saved.first.description : "\(saved.first)…\(saved.last)"))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List closures of a year (or a span).")
        @OptionGroup var common: CommonOptions
        @OptionGroup var output: OutputOptions
        @Option(help: "text, json, csv or xlsx (a workbook: with --output FILE or redirected).") var format: OutputFormat = .text
        @Option(help: "First day, YYYY-MM-DD (default: 1 January of this year).") var from: String?
        @Option(help: "Last day, YYYY-MM-DD (default: 31 December of the first day's year).") var to: String?

        func run() throws {
            try output.redirect(common.language, format: format)
            let db: any FrontDeskRepository = try common.openDatabase()
            let today = db.calendar.localDate(of: try clockNow())
            let first = try from.map { try localDate($0, option: "--from") } ?? LocalDate(year: today.year, month: 1, day: 1)
            let last = try to.map { try localDate($0, option: "--to") } ?? LocalDate(year: first.year, month: 12, day: 31)
            let closures = try storeCall { try db.closures(from: first, through: last) }
            let rooms = Dictionary(uniqueKeysWithValues: try storeCall { try db.rooms(includeInactive: true) }.map { ($0.id, $0.name) })
            let place = { (c: Closure) in c.roomId.flatMap { rooms[$0] } ?? "center" }
            switch format {
            case .text:
                let center = try ShippedData.strings(common.language)("cli.schedule.center")
                for c in closures {
                    let placeName = c.roomId.flatMap { rooms[$0] } ?? center
                    print("\(c.id)\t\(c.first)\t\(c.last)\t\(TextOutput.safe(placeName))\t\(TextOutput.safe(c.label))")
                }
            case .csv, .xlsx:
                var csv = CSVWriter.forOutput()
                csv.appendHeader(["id", "first_day", "last_day", "room", "label"])
                for c in closures { csv.append([.number(Int(c.id)), .date(c.first), .date(c.last), .text(place(c)), .text(c.label)]) }
                print(csv.finished(sheet: "closures"), terminator: "")
            case .json:
                print(JSONOutput.encode(closures.map {
                    ClosureJSON(id: $0.id, firstDay: $0.first.description, lastDay: $0.last.description, room: $0.roomId.flatMap { rooms[$0] }, label: $0.label)
                }), terminator: "")
            }
        }

        struct ClosureJSON: Encodable {
            let id: Int64
            let firstDay, lastDay: String
            let room: String?
            let label: String
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove a closure by id.")
        @OptionGroup var common: CommonOptions
        @Argument(help: "The closure's id (see closures list).") var id: Int64

        func run() throws {
            let db: any FrontDeskRepository = try common.openDatabase()
            try schedulingCall(db.calendar) { try db.removeClosure(id: id, by: currentActor(), at: try clockNow()) }
            print(try ShippedData.strings(common.language)("cli.closures.deleted", id))
        }
    }
}
