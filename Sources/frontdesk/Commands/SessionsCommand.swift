import ArgumentParser
import Foundation
import FrontDeskDomain
import FrontDeskUI

/// `frontdesk sessions add|list|enroll|cancel`: group sessions (classes, groups, workshops),
/// their seats and waitlists.
struct SessionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sessions", abstract: "Group sessions: schedule (once or weekly), list, enroll, cancel an enrollment.",
        subcommands: [Add.self, List.self, Enroll.self, Cancel.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "Schedule a group session, or a weekly series; prints each session and each skipped date with why.")
        @OptionGroup var common: CommonOptions
        @Option(help: "A group service id (french-class, psychosocial-support-group…).") var service: String
        @Option(help: "Center-local start of the first session, 'YYYY-MM-DD HH:MM'.") var at: String
        @Option(help: "Counselor (id or name); default: the first by name who delivers the service and works then.") var counselor: String?
        @Option(help: "Room (id or name); default: the smallest active room with enough seats.") var room: String?
        @Option(help: "Repeat every week at the same local time until this day (inclusive), YYYY-MM-DD.") var weeklyUntil: String?
        @Option(help: "Seats (default: the service's group capacity).") var capacity: Int?
        @Option(help: "A note for staff.") var note: String = ""

        func validate() throws {
            if let capacity, capacity < 1 { throw ValidationError(key: "cli.sessions.badCapacity") }
        }

        func run() throws {
            guard let start = LocalDateTime(iso: at) else { throw UserError(key: "cli.error.notALocalTime", TextOutput.safe(at)) }
            let until = try weeklyUntil.map { try localDate($0, option: "--weekly-until") }
            if let until, until < start.date {
                throw UserError(key: "cli.sessions.untilBeforeStart", until, start.date)
            }
            let db: any FrontDeskRepository = try common.openDatabase()
            let strings = try ShippedData.strings(common.language)
            let s = try findService(service, in: db)
            guard let groupCapacity = s.groupCapacity else { throw UserError(strings.cliMessage(for: .serviceIsNotGroup(s.id))) }
            let seats = capacity ?? groupCapacity
            let c = try counselor.map { try findCounselor($0, in: db) } ?? defaultCounselor(s, at: start, db)
            let r = try room.map { try findRoom($0, in: db) } ?? defaultRoom(seats: seats, db)
            let result = try schedulingCall(db.calendar) {
                try db.scheduleGroupSession(NewGroupSession(serviceId: s.id, counselorId: c.id, roomId: r.id, start: start, until: until,
                                                            capacity: capacity, note: note), by: currentActor(), at: try clockNow())
            }
            let skips = result.skipped.map { strings("cli.sessions.skipped", $0.date, Self.reason($0.reason, calendar: db.calendar, strings)) }
            if result.scheduled.isEmpty {
                if skips.count == 1, let only = result.skipped.first {
                    throw UserError(strings("cli.sessions.onlySkip", only.date, Self.reason(only.reason, calendar: db.calendar, strings)))
                }
                skips.forEach { print($0) }
                throw UserError(strings.plural("cli.sessions.allSkipped", skips.count))
            }
            // Sessions and skipped dates, in date order.
            var lines = result.scheduled.map { ($0.appointment.localStart.date, sessionLine($0, strings)) }
            lines += zip(result.skipped, skips).map { ($0.date, $1) }
            for (_, line) in lines.sorted(by: { $0.0 < $1.0 }) { print(line) }
        }

        /// Why a date got no session: the closure, the clock change, or the booking rules.
        static func reason(_ skip: GroupScheduleResult.Skip, calendar: CenterCalendar, _ strings: Localizer) -> String {
            switch skip {
            case .recurrence(.closed(let closure)): strings("cli.sessions.closed", TextOutput.safe(closure.label))
            case .recurrence(.timeDoesNotExist(let error)): strings.cliMessage(for: error)
            case .refused(let error): strings.cliMessage(for: error, calendar: calendar)
            }
        }

        /// The first counselor by name who delivers the service and whose weekly hours hold the
        /// start; else the only one who delivers it.
        func defaultCounselor(_ service: Service, at start: LocalDateTime, _ db: any FrontDeskRepository) throws -> Counselor {
            let delivering = try storeCall { try db.counselors(includeInactive: false) }.filter { $0.delivers(service.id) }
            let weekday = start.date.isoWeekday
            let working = delivering.filter { c in c.hours.ranges(on: weekday).contains { $0.start <= start.time && start.time < $0.end } }
            if let first = working.first ?? (delivering.count == 1 ? delivering.first : nil) { return first }
            if delivering.isEmpty { throw UserError(key: "cli.sessions.noCounselor", service.id) }
            throw UserError(key: "cli.sessions.noCounselorThen", service.id, start)
        }

        /// The smallest active room with enough seats (ties by id).
        func defaultRoom(seats: Int, _ db: any FrontDeskRepository) throws -> Room {
            let rooms = try storeCall { try db.rooms(includeInactive: false) }.filter { $0.capacity >= seats }
            guard let room = rooms.min(by: { ($0.capacity, $0.id) < ($1.capacity, $1.id) }) else {
                throw UserError { $0.plural("cli.sessions.noRoom", seats) }
            }
            return room
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List group sessions with seats taken, capacity and waitlist length.")
        @OptionGroup var common: CommonOptions
        @OptionGroup var output: OutputOptions
        @Option(help: "First day, YYYY-MM-DD (default: today).") var from: String?
        @Option(help: "Last day, YYYY-MM-DD (default: 4 weeks from the first).") var to: String?
        @Option(help: "Only this group service.") var service: String?
        @Option(help: "text, csv, json or xlsx (a workbook: with --output FILE or redirected).") var format: OutputFormat = .text
        @Flag(help: "Include cancelled sessions.") var all = false

        func run() throws {
            try output.redirect(common.language, format: format)
            let db: any FrontDeskRepository = try common.openDatabase()
            let calendar = db.calendar
            let first = try from.map { try localDate($0, option: "--from") } ?? calendar.localDate(of: try clockNow())
            let last = try to.map { try localDate($0, option: "--to") } ?? first.adding(days: 27)
            guard first <= last else { throw UserError(key: "cli.error.toBeforeFrom", last, first) }
            let serviceId = try service.map { try findService($0, in: db).id }
            let span = UTCInterval(start: calendar.startOfDay(first), end: calendar.startOfDay(last.adding(days: 1)))
            let sessions = try storeCall { try db.groupSessions(serviceId: serviceId, overlapping: span) }
                .filter { (all || $0.appointment.status != .cancelled) && first <= $0.appointment.localStart.date }
            switch format {
            case .text:
                let strings = try ShippedData.strings(common.language)
                for s in sessions { print(Self.line(s, strings)) }
            case .csv, .xlsx:
                var csv = CSVWriter.forOutput()
                csv.appendHeader(["session", "appointment", "date", "start", "end", "start_utc", "end_utc", "service", "counselor", "room",
                                  "capacity", "enrolled", "waitlisted", "status"])
                for s in sessions {
                    let a = s.appointment
                    csv.append([.number(Int(s.id)), .number(Int(a.id)), .date(a.localStart.date), .time(a.localStart.time),
                                .time(a.localEnd.time), .instant(a.appointment.start), .instant(a.appointment.end),
                                .text(a.service.id), .text(a.counselorName), .text(a.roomName), .number(s.session.capacity),
                                .number(s.session.enrolled.count), .number(s.session.waitlist.count), .text(a.status.rawValue)])
                }
                print(csv.finished(sheet: "sessions"), terminator: "")
            case .json:
                print(JSONOutput.encode(sessions.map { SessionJSON($0, language: common.language) }), terminator: "")
            }
        }

        /// `3\t2026-04-14 14:00–15:30\tCours de français\tLeila Amrani\tSalle de groupe\t2/15 seats\t1 on waitlist`,
        /// in the language of `strings`.
        static func line(_ s: GroupSessionListing, _ strings: Localizer) -> String {
            let a = s.appointment
            var fields = [String(s.id), localSpan(a.localStart, a.localEnd), TextOutput.safe(a.service.name(in: strings.language)),
                          TextOutput.safe(a.counselorName), TextOutput.safe(a.roomName),
                          strings.plural("cli.sessions.seatsTaken", s.session.capacity, s.session.enrolled.count),
                          strings("cli.sessions.onWaitlist", s.session.waitlist.count)]
            if a.status != .booked { fields.append(strings.statusWord(a.status)) }
            return fields.joined(separator: "\t")
        }

        struct SessionJSON: Encodable {
            let id, appointmentId: Int64
            let date, start, end: String
            let startUTC, endUTC: Date
            let service, serviceName, counselor, room, status: String
            let capacity, enrolled, waitlisted, seatsLeft: Int

            init(_ s: GroupSessionListing, language: UILanguage) {
                let a = s.appointment
                id = s.id
                appointmentId = a.id
                date = a.localStart.date.description
                start = a.localStart.time.description
                end = a.localEnd.time.description
                startUTC = a.appointment.start
                endUTC = a.appointment.end
                service = a.service.id
                serviceName = a.service.name(in: language)
                counselor = a.counselorName
                room = a.roomName
                status = a.status.rawValue
                capacity = s.session.capacity
                enrolled = s.session.enrolled.count
                waitlisted = s.session.waitlist.count
                seatsLeft = s.session.seatsLeft
            }
        }
    }

    struct Enroll: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "enroll", abstract: "Enroll a visitor in a session, or put them on its waitlist when it is full.")
        @OptionGroup var common: CommonOptions
        @Argument(help: "The session's id (see sessions list).") var session: Int64
        @Option(help: "The visitor's public code, V-YYYY-NNNNN.") var visitor: String

        func run() throws {
            let db: any FrontDeskRepository = try common.openDatabase()
            let v = try findVisitor(visitor, in: db)
            let outcome = try schedulingCall(db.calendar) { try db.enroll(visitorId: v.id, sessionId: session, by: currentActor(), at: try clockNow()) }
            let after = try storeCall { try db.groupSession(id: session) }
            let strings = try ShippedData.strings(common.language)
            let what = after.map { sessionSummary($0, strings) } ?? strings("cli.sessions.session", session)
            switch outcome {
            case .enrolled:
                let seats = after.map { " (" + strings.plural("cli.sessions.seatsTaken", $0.session.capacity, $0.session.enrolled.count) + ")" } ?? ""
                print(strings("cli.sessions.enrolled", v.code, TextOutput.safe(v.fullName), what, seats))
            case .waitlisted(let position):
                print(strings("cli.sessions.waitlisted", v.code, TextOutput.safe(v.fullName), what, position))
            }
        }
    }

    struct Cancel: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cancel", abstract: "Cancel a visitor's seat or waitlist place; prints who was promoted from the waitlist.")
        @OptionGroup var common: CommonOptions
        @Argument(help: "The session's id (see sessions list).") var session: Int64
        @Option(help: "The visitor's public code, V-YYYY-NNNNN.") var visitor: String

        func run() throws {
            let db: any FrontDeskRepository = try common.openDatabase()
            let v = try findVisitor(visitor, in: db)
            guard let before = try storeCall({ try db.groupSession(id: session) }) else {
                throw UserError { [session] in $0.cliMessage(for: SchedulingError.groupSessionNotFound(session)) }
            }
            let promoted = try schedulingCall(db.calendar) {
                try db.cancelEnrollment(visitorId: v.id, sessionId: session, by: currentActor(), at: try clockNow())
            }
            let strings = try ShippedData.strings(common.language)
            let held = before.session.place(of: v.id) == .enrolled ? "cli.sessions.cancelledSeat" : "cli.sessions.cancelledWaitlist"
            print(strings(held, v.code, TextOutput.safe(v.fullName), sessionSummary(before, strings)))
            if let promoted, let p = try storeCall({ try db.visitor(id: promoted) }) {
                print(strings("cli.sessions.promoted", p.code, TextOutput.safe(p.fullName)))
            }
        }
    }
}

/// `session 3, 2026-04-14 14:00–15:30 Cours de français` (`séance 3, …`).
func sessionSummary(_ s: GroupSessionListing, _ strings: Localizer) -> String {
    strings("cli.sessions.summary", s.id, localSpan(s.appointment.localStart, s.appointment.localEnd),
            TextOutput.safe(s.appointment.service.name(in: strings.language)))
}

/// `session 3: 2026-04-14 14:00–15:30, Cours de français, Leila Amrani, Salle de groupe, 15 seats`.
func sessionLine(_ s: GroupSessionListing, _ strings: Localizer) -> String {
    let a = s.appointment
    return strings.plural("cli.sessions.line", s.session.capacity, s.id, localSpan(a.localStart, a.localEnd),
                          TextOutput.safe(a.service.name(in: strings.language)), TextOutput.safe(a.counselorName), TextOutput.safe(a.roomName))
}
