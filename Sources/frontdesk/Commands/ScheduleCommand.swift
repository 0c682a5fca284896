import ArgumentParser
import Foundation
import FrontDeskDomain
import FrontDeskUI

/// `frontdesk schedule [--counselor C] [--date D | --week D] [--format text|csv|json|ics]`.
struct ScheduleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule",
        abstract: "A day's or a week's appointments and closures (of one counselor or all); iCalendar with --format ics.")

    @OptionGroup var common: CommonOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "Only this counselor (id or name).") var counselor: String?
    @Option(help: "The day, YYYY-MM-DD (default: today).") var date: String?
    @Option(help: "The week containing this day, YYYY-MM-DD.") var week: String?
    @Option(help: "text, csv, json, ics (RFC 5545; times in UTC, closures as dates) or xlsx (a workbook: with --output FILE or redirected).")
    var format: ScheduleFormat = .text
    @Flag(help: "Include cancelled appointments.") var all = false

    func validate() throws {
        if date != nil && week != nil { throw ValidationError(key: "cli.schedule.dateAndWeek") }
    }

    func run() throws {
        try output.redirect(common.language, format: format)
        let db: any FrontDeskRepository = try common.openDatabaseForReading()
        let calendar = db.calendar
        let now = try clockNow()
        let first: LocalDate, last: LocalDate
        if let week {
            let settings = try storeCall { try db.centerSettings() }
            first = settings.weekStart(containing: try localDate(week, option: "--week"))
            last = first.adding(days: 6)
        } else {
            first = try date.map { try localDate($0, option: "--date") } ?? calendar.localDate(of: now)
            last = first
        }
        let who = try counselor.map { try findCounselor($0, in: db) }
        let span = UTCInterval(start: calendar.startOfDay(first), end: calendar.startOfDay(last.adding(days: 1)))
        let appointments = try storeCall { try db.appointments(counselorId: who?.id, overlapping: span, as: .fileOwner) }
            .filter { (all || $0.status != .cancelled) && first <= $0.localStart.date && $0.localStart.date <= last }
        let rooms = Dictionary(uniqueKeysWithValues: try storeCall { try db.rooms(includeInactive: true) }.map { ($0.id, $0.name) })
        let closures = try storeCall { try db.closures(from: first, through: last) }
        let place = { (c: Closure) in c.roomId.flatMap { rooms[$0] } ?? "center" }
        let output: String
        switch format {
        case .text:
            let strings = try ShippedData.strings(common.language)
            output = Self.text(appointments, closures, first: first, last: last, strings: strings) {
                $0.roomId.flatMap { rooms[$0] } ?? strings("cli.schedule.center")
            }
        case .csv, .xlsx: output = Self.csv(appointments, closures, first: first, last: last, place: place)
        case .json:
            output = JSONOutput.encode(ScheduleJSON(
                from: first.description, to: last.description, timeZone: calendar.zone.identifier,
                appointments: appointments.map { AppointmentJSON($0, language: common.language) },
                closures: closures.map { .init(id: $0.id, firstDay: $0.first.description, lastDay: $0.last.description, room: $0.roomId.flatMap { rooms[$0] }, label: $0.label) }))
        case .ics:
            let writer = ICalendarWriter(calendarName: who.map { "FrontDesk — \($0.name)" } ?? "FrontDesk")
            output = writer.document(Self.events(appointments, closures, rooms: rooms, language: common.language), stamp: now)
        }
        StandardOutput.write(output)
    }

    /// Appointment lines and closure lines, day by day, tab-separated, in the language of
    /// `strings` (service names, statuses, `all day`, `closed`); an appointment with an
    /// interpreter ends with `interpreter ar` (`interprète ar`).
    static func text(_ appointments: [AppointmentListing], _ closures: [Closure], first: LocalDate, last: LocalDate,
                     strings: Localizer, place: (Closure) -> String) -> String {
        var out = ""
        var day = first
        while day <= last {
            for c in closures where c.covers(day) {
                out += ["-", day.description, strings("cli.schedule.allDay"), "", TextOutput.safe(place(c)), TextOutput.safe(c.label), "",
                        strings("cli.schedule.closed")]
                    .joined(separator: "\t") + "\n"
            }
            for a in appointments where a.localStart.date == day {
                out += ([String(a.id), day.description, "\(a.localStart.time)–\(a.localEnd.time)", TextOutput.safe(a.counselorName),
                         TextOutput.safe(a.roomName), who(a, strings), TextOutput.safe(a.service.name(in: strings.language)),
                         strings.statusWord(a.status)]
                        + (a.appointment.interpreterLanguage.map { [strings("cli.schedule.interpreter", TextOutput.safe($0))] } ?? []))
                    .joined(separator: "\t") + "\n"
            }
            day = day.adding(days: 1)
        }
        return out
    }

    /// `V-2026-00001 يوسف المهاجر`, or `group 3/10 (+2 waiting)` (`groupe 3/10 (+2 en attente)`).
    static func who(_ a: AppointmentListing, _ strings: Localizer) -> String {
        if let g = a.group {
            return strings("cli.schedule.group", g.enrolled, g.capacity) + (g.waitlisted > 0 ? strings("cli.schedule.groupWaiting", g.waitlisted) : "")
        }
        return "\(a.visitorCode?.description ?? "") \(TextOutput.safe(a.visitorName ?? ""))"
    }

    /// One row per appointment, and one per closed day of the range (`first`…`last`): a
    /// closure of several days is a row for each, as the text lists it, so that a spreadsheet
    /// never reads it as one day.
    static func csv(_ appointments: [AppointmentListing], _ closures: [Closure], first: LocalDate, last: LocalDate,
                    place: (Closure) -> String) -> String {
        var csv = CSVWriter.forOutput()
        csv.appendHeader(["kind", "id", "date", "start", "end", "start_utc", "end_utc", "counselor", "room", "visitor_code",
                          "visitor_name", "service", "status", "label", "interpreter"])
        for c in closures {
            var day = max(c.first, first)
            while day <= min(c.last, last) {
                csv.append(["closure", .number(Int(c.id)), .date(day), "", "", "", "", "", .text(place(c)), "", "", "",
                            "closed", .text(c.label), .empty])
                day = day.adding(days: 1)
            }
        }
        for a in appointments {
            csv.append([.text(a.group == nil ? "appointment" : "group"), .number(Int(a.id)), .date(a.localStart.date),
                        .time(a.localStart.time), .time(a.localEnd.time), .instant(a.appointment.start),
                        .instant(a.appointment.end), .text(a.counselorName), .text(a.roomName), .text(a.visitorCode?.description ?? ""),
                        .text(a.visitorName ?? ""), .text(a.service.id), .text(a.status.rawValue), .empty,
                        .text(a.appointment.interpreterLanguage ?? "")])
        }
        return csv.finished(sheet: "schedule")
    }

    /// Timed events (UTC) for appointments, all-day events for closures. Summaries hold the
    /// service, named in `language`, and the visitor's code, never their name: a calendar file
    /// leaves the center.
    static func events(_ appointments: [AppointmentListing], _ closures: [Closure], rooms: [Int64: String],
                       language: UILanguage) -> [ICalendarEvent] {
        closures.map { ICalendarEvent(closure: $0, location: $0.roomId.flatMap { rooms[$0] }) }
            + appointments.map { a in
                let service = a.service.name(in: language)
                let summary = a.group.map { "\(service) (\($0.enrolled)/\($0.capacity))" }
                    ?? "\(service) — \(a.visitorCode?.description ?? "")"
                let description = ([a.counselorName] + (a.appointment.note.isEmpty ? [] : [a.appointment.note])).joined(separator: "\n")
                return ICalendarEvent(appointment: a.appointment, summary: summary, location: a.roomName, description: description)
            }
    }

    struct ScheduleJSON: Encodable {
        struct ClosureJSON: Encodable {
            let id: Int64
            let firstDay, lastDay: String
            let room: String?
            let label: String
        }

        let from, to, timeZone: String
        let appointments: [AppointmentJSON]
        let closures: [ClosureJSON]
    }
}
