import ArgumentParser
import Foundation
import FrontDeskDomain
import FrontDeskUI

/// `frontdesk slots --service S [--visitor CODE]`: the next free slots, center-local. For a
/// visitor, the slots of counselors who speak one of their languages come first
/// (`CounselorRanking`), unless `--interpreter` or `--language` is given, and their own
/// appointments rule slots out; the language a counselor shares with them ends the line.
struct SlotsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "slots", abstract: "List the next free slots for a service.")

    @OptionGroup var common: CommonOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "Service id (individual-counseling, social-orientation…).") var service: String
    @Option(help: "Only this counselor (id or name).") var counselor: String?
    @Option(help: "For this visitor (public code): counselors who speak one of their languages first, and not when they are booked.") var visitor: String?
    @Option(help: "Only counselors who speak this language (ISO 639 code).") var language: String?
    @Option(help: "Language of an interpreter who comes too (ISO 639): the room must seat one more.") var interpreter: String?
    @Option(help: "First day searched, YYYY-MM-DD (default: today).") var from: String?
    @Option(help: "Days searched from the first.") var days: Int = 30
    @Option(help: "At most this many slots.") var limit: Int = 10
    @Option(help: "text, json, csv or xlsx (a workbook: with --output FILE or redirected).") var format: OutputFormat = .text

    func validate() throws {
        guard limit > 0 else { throw ValidationError(key: "cli.error.limitPositive") }
        guard (1...366).contains(days) else { throw ValidationError(key: "cli.slots.badDays") }
    }

    func run() throws {
        try output.redirect(common.language, format: format)
        let db: any FrontDeskRepository = try common.openDatabase()
        let now = try clockNow()
        let first = try from.map { try localDate($0, option: "--from") } ?? db.calendar.localDate(of: now)
        let s = try findService(service, in: db)
        let c = try counselor.map { try findCounselor($0, in: db) }
        let v = try visitor.map { try findVisitor($0, in: db) }
        let query = SlotQuery(service: s, from: first, through: first.adding(days: days - 1), counselorId: c?.id, visitorId: v?.id,
                              languages: language.map { [$0.lowercased()] } ?? v?.languages ?? [],
                              languagePolicy: language == nil ? .rank : .require,
                              interpreterLanguage: try interpreterLanguage(interpreter), limit: limit)
        let slots = try schedulingCall(db.calendar) { try db.freeSlots(query, now: now) }
        let counselors = Dictionary(uniqueKeysWithValues: try storeCall { try db.counselors(includeInactive: true) }.map { ($0.id, $0.name) })
        let rooms = Dictionary(uniqueKeysWithValues: try storeCall { try db.rooms(includeInactive: true) }.map { ($0.id, $0.name) })
        let end = { (slot: Slot) in db.calendar.localDateTime(of: slot.interval.end).time }
        switch format {
        case .text:
            if slots.isEmpty {
                let strings = try ShippedData.strings(common.language)
                FrontDeskCommand.writeError("frontdesk: " + strings.plural("cli.slots.none", days, s.id, first))
            }
            for slot in slots {
                print("\(slot.date) \(slot.time)–\(end(slot))\t\(TextOutput.safe(counselors[slot.counselorId] ?? "?"))\t\(TextOutput.safe(rooms[slot.roomId] ?? "?"))"
                      + (slot.language.map { "\t" + TextOutput.safe($0) } ?? ""))
            }
        case .csv, .xlsx:
            var csv = CSVWriter.forOutput()
            csv.appendHeader(["date", "start", "end", "start_utc", "end_utc", "counselor", "room", "language"])
            for slot in slots {
                csv.append([.date(slot.date), .time(slot.time), .time(end(slot)),
                            .instant(slot.interval.start), .instant(slot.interval.end),
                            .text(counselors[slot.counselorId] ?? ""), .text(rooms[slot.roomId] ?? ""), .text(slot.language ?? "")])
            }
            print(csv.finished(sheet: "slots"), terminator: "")
        case .json:
            print(JSONOutput.encode(slots.map {
                SlotJSON(date: $0.date.description, start: $0.time.description, end: end($0).description, startUTC: $0.interval.start,
                         endUTC: $0.interval.end, counselorId: $0.counselorId, counselor: counselors[$0.counselorId] ?? "",
                         roomId: $0.roomId, room: rooms[$0.roomId] ?? "", language: $0.language)
            }), terminator: "")
        }
    }

    struct SlotJSON: Encodable {
        let date, start, end: String
        let startUTC, endUTC: Date
        let counselorId: Int64
        let counselor: String
        let roomId: Int64
        let room: String
        /// The visitor's language the counselor speaks, when one was asked.
        let language: String?
    }
}

/// `frontdesk book --visitor CODE --service S --at 'YYYY-MM-DD HH:MM'`: books one appointment.
struct BookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "book", abstract: "Book an appointment; prints its id and times.")

    @OptionGroup var common: CommonOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "The visitor's public code, V-YYYY-NNNNN.") var visitor: String
    @Option(help: "Service id.") var service: String
    @Option(help: "Center-local start, 'YYYY-MM-DD HH:MM'.") var at: String
    @Option(help: "Counselor (id or name); default: chosen when booking, the first free one who delivers the service, who speaks one of the visitor's languages if one is free (unless --interpreter).") var counselor: String?
    @Option(help: "Room (id or name); default: the smallest free room.") var room: String?
    @Option(help: "Language of an interpreter who comes too (ISO 639).") var interpreter: String?
    @Option(help: "A note for staff.") var note: String = ""
    @Option(help: "The program it counts for (its id: frontdesk programs list); default: by rule.") var program: String?
    @Option(help: "text or json.") var format: OutputFormat = .text

    func validate() throws {
        if format == .csv || format == .xlsx { throw ValidationError(key: "cli.book.format") }
    }

    func run() throws {
        try output.redirect(common.language, format: format)
        guard let local = LocalDateTime(iso: at) else { throw UserError(key: "cli.error.notALocalTime", TextOutput.safe(at)) }
        let db: any FrontDeskRepository = try common.openDatabase()
        let calendar = db.calendar
        let start = try schedulingCall(calendar) { try calendar.instant(local) }
        let now = try clockNow()
        let v = try findVisitor(visitor, in: db)
        let s = try findService(service, in: db)
        // Without --counselor, the store chooses among the suitable counselors free then, in
        // its write transaction: two desks booking the same time get two counselors while
        // two are free.
        let choice: CounselorChoice = try counselor.map { .named(try findCounselor($0, in: db).id) } ?? .anyFree()
        let roomId = try room.map { try findRoom($0, in: db).id }
        let interpreterCode = try interpreterLanguage(interpreter)
        if let program, try !storeCall({ try db.programs() }).contains(where: { $0.id == program }) {
            throw UserError(key: "cli.programs.unknownProgram", TextOutput.safe(program))
        }
        var new = NewAppointment(visitorId: v.id, serviceId: s.id, counselor: choice, roomId: roomId, start: start,
                                 interpreterLanguage: interpreterCode, note: note)
        new.programId = program
        let booked = try schedulingCall(calendar) { try db.book(new, by: currentActor(), at: now) }
        switch format {
        case .json:
            print(JSONOutput.encode(AppointmentJSON(booked, language: common.language)), terminator: "")
        default:
            let strings = try ShippedData.strings(common.language)
            let interpreter = booked.appointment.interpreterLanguage.map { strings("cli.book.interpreter", TextOutput.safe($0)) } ?? ""
            print(strings("cli.book.booked", booked.id, localSpan(booked.localStart, booked.localEnd), TextOutput.safe(booked.counselorName),
                          TextOutput.safe(booked.roomName), booked.visitorCode?.description ?? "", interpreter, booked.appointment.interval))
        }
    }
}

/// `frontdesk cancel ID --reason ...`.
struct CancelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "cancel", abstract: "Cancel an appointment, with a reason.")

    @OptionGroup var common: CommonOptions
    @Argument(help: "The appointment's id.") var id: Int64
    @Option(help: "Why (kept with the appointment).") var reason: String

    func run() throws {
        let db: any FrontDeskRepository = try common.openDatabase()
        let cancelled = try schedulingCall(db.calendar) {
            try db.cancel(appointmentId: id, reason: reason, as: .fileOwner, by: currentActor(), at: try clockNow())
        }
        let strings = try ShippedData.strings(common.language)
        print(strings("cli.cancel.done", cancelled.id, localSpan(cancelled.localStart, cancelled.localEnd), TextOutput.safe(cancelled.counselorName)))
    }
}

/// An appointment in JSON: UTC instants (ISO 8601 with Z) and the center-local times; the
/// service's name in the command's language, every other value as stored.
struct AppointmentJSON: Encodable {
    let id: Int64
    let status: String
    let date, start, end: String
    let startUTC, endUTC: Date
    let visitorCode, visitorName: String?
    let service, serviceName: String
    let counselor, room: String
    let groupSessionId: Int64?
    let enrolled, capacity: Int?
    let interpreterLanguage: String?
    let note: String
    let cancelReason: String?

    init(_ l: AppointmentListing, language: UILanguage) {
        id = l.id
        status = l.status.rawValue
        date = l.localStart.date.description
        start = l.localStart.time.description
        end = l.localEnd.time.description
        startUTC = l.appointment.start
        endUTC = l.appointment.end
        visitorCode = l.visitorCode?.description
        visitorName = l.visitorName
        service = l.service.id
        serviceName = l.service.name(in: language)
        counselor = l.counselorName
        room = l.roomName
        groupSessionId = l.group?.sessionId
        enrolled = l.group?.enrolled
        capacity = l.group?.capacity
        interpreterLanguage = l.appointment.interpreterLanguage
        note = l.appointment.note
        cancelReason = l.appointment.cancelReason
    }
}

/// `frontdesk appointments correct ID --status S --reason ...`: staff corrections of a status.
struct AppointmentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "appointments", abstract: "Appointments: correct a status outside the lifecycle; counselors' notes (audited).",
        subcommands: [Correct.self, Note.self])

    struct Note: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "note", abstract: "Show, or with --text (or --stdin) replace, the counselor's notes on an appointment (audited, text kept out of the trail).")
        @OptionGroup var common: CommonOptions
        @Argument(help: "The appointment's id.") var id: Int64
        @Option(help: "The new notes (replace the old ones).") var text: String?
        @Flag(help: "Read the new notes from standard input.") var stdin = false

        func run() throws {
            let db: any FrontDeskRepository = try common.openDatabase()
            guard let listing = try storeCall({ try db.appointment(id: id, as: .fileOwner) }) else {
                throw UserError { [id] in $0.cliMessage(for: SchedulingError.appointmentNotFound(id)) }
            }
            var newText = text
            if stdin {
                let data = FileHandle.standardInput.readDataToEndOfFile()
                // A NUL would cut the notes short in places that read C strings: refused whole.
                guard !data.contains(0) else { throw UserError(key: "cli.note.nul") }
                newText = String(decoding: data, as: UTF8.self)
            }
            guard let newText else {
                // Every read of the notes is audited.
                let note = try staffCall(db.calendar) {
                    try db.readCounselorNote(appointmentId: listing.id, as: .fileOwner, by: currentActor(), at: try clockNow())
                }
                print(TextOutput.safe(note))
                return
            }
            try staffCall(db.calendar) {
                try db.saveCounselorNote(appointmentId: id, note: newText.trimmingCharacters(in: .whitespacesAndNewlines),
                                         as: .fileOwner, by: currentActor(), at: try clockNow())
            }
            print(try ShippedData.strings(common.language)("cli.note.saved", id))
        }
    }

    struct Correct: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "correct", abstract: "Set any status (a correction: 'marked no-show by mistake'); the audit trail keeps before, after and the reason.")
        @OptionGroup var common: CommonOptions
        @Argument(help: "The appointment's id.") var id: Int64
        @Option(help: "booked, checked_in, in_session, completed, cancelled or no_show.") var status: AppointmentStatus
        @Option(help: "Why (kept in the audit trail).") var reason: String

        func run() throws {
            let db: any FrontDeskRepository = try common.openDatabase()
            let before = try storeCall { try db.appointment(id: id, as: .fileOwner) }
            guard let before else { throw UserError { [id] in $0.cliMessage(for: SchedulingError.appointmentNotFound(id)) } }
            let after = try schedulingCall(db.calendar) {
                try db.correctStatus(appointmentId: id, to: status, reason: reason, as: .fileOwner, by: currentActor(), at: try clockNow())
            }
            let strings = try ShippedData.strings(common.language)
            print(strings("cli.correct.done", after.id, strings.statusWord(before.status), strings.statusWord(after.status),
                          localSpan(after.localStart, after.localEnd), TextOutput.safe(after.counselorName)))
        }
    }
}

extension AppointmentStatus: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(rawValue: argument.lowercased().replacingOccurrences(of: "-", with: "_"))
    }
}
