import ArgumentParser
import Foundation
import FrontDeskDomain
import FrontDeskUI

/// The refusals of the domain and the store, worded for the command line in its language
/// (`cli.*` keys of `Resources/data/strings`). The screens word the same errors more briefly
/// (`Localizer+Scheduling`); a command line names what it was given (ids, services, dates).
extension Localizer {
    /// A booking refused by the rules: `slot already taken: Salle 2 is booked 10:00–10:45` when
    /// only conflicts refuse it, else `refused: …` with every problem.
    func cliMessage(for error: BookingError, calendar: CenterCalendar) -> String {
        func problems(_ list: [BookingProblem]) -> String {
            list.map { cliMessage(for: $0, calendar: calendar) }.joined(separator: self("cli.semicolon"))
        }
        switch error {
        case .emptyInterval(let i):
            return self("cli.booking.emptyInterval", calendar.localDateTime(of: i.end), calendar.localDateTime(of: i.start))
        case .refused(let list) where list.allSatisfy({ if case .conflict = $0 { true } else { false } }):
            return self("cli.booking.taken", problems(list))
        case .refused(let list):
            return self("cli.booking.refused", problems(list))
        case .noCounselorFree(let service, let interval, let list):
            let when = "\(calendar.localDate(of: interval.start)) \(Self.span(interval, calendar))"
            return self("cli.booking.noCounselorFree", service, when) + (list.isEmpty ? "" : self("cli.colon") + problems(list))
        }
    }

    /// `10:00–10:45` within one local day, else `2026-04-14 22:00–2026-04-15 01:00`.
    static func span(_ interval: UTCInterval, _ calendar: CenterCalendar) -> String {
        let a = calendar.localDateTime(of: interval.start), b = calendar.localDateTime(of: interval.end)
        return a.date == b.date ? "\(a.time)–\(b.time)" : "\(a)–\(b)"
    }

    /// One broken booking rule, times in center-local wall-clock time: `Salle 2 is booked 10:00–10:45`.
    func cliMessage(for problem: BookingProblem, calendar: CenterCalendar) -> String {
        func span(_ i: UTCInterval) -> String { Self.span(i, calendar) }
        func hours(_ ranges: [TimeRange]) -> String { ranges.map(\.description).joined(separator: ", ") }
        switch problem {
        case .conflict(let c):
            switch c.resource {
            case .room(_, let name), .counselor(_, let name): return self("cli.problem.taken", name, span(c.interval))
            case .visitor: return self("cli.problem.visitorTaken", span(c.interval))
            }
        case .wrongDuration(let expected, let actual):
            return self("cli.problem.wrongDuration", expected, actual % 60 == 0 ? "\(actual / 60) min" : "\(actual) s")
        case .serviceNotDelivered(let counselor, let service): return self("cli.problem.serviceNotDelivered", counselor, service)
        case .serviceInactive(let service): return self("cli.problem.serviceInactive", service)
        case .counselorInactive(let counselor): return self("cli.problem.counselorInactive", counselor)
        case .roomInactive(let room): return self("cli.problem.roomInactive", room)
        case .roomTooSmall(let room, let capacity, let needed): return plural("cli.problem.roomTooSmall", capacity, room, needed)
        case .outsideWorkingHours(let counselor, let date, let ranges):
            return ranges.isEmpty ? self("cli.problem.dayOff", counselor, date) : self("cli.problem.workingHours", counselor, hours(ranges), date)
        case .outsideOpeningHours(let date, let ranges):
            return ranges.isEmpty ? self("cli.problem.centerShut", date) : self("cli.problem.openingHours", hours(ranges), date)
        case .counselorAbsent(let counselor, let absence): return self("cli.problem.absent", counselor, span(absence.interval))
        case .closed(let closure, let date):
            return self(closure.isCenterWide ? "cli.problem.centerClosed" : "cli.problem.roomClosed", date, closure.label)
        case .startsInPast(let now): return self("cli.problem.past", calendar.localDateTime(of: now))
        }
    }

    /// A scheduling request refused for a reason other than the booking rules.
    func cliMessage(for error: SchedulingError) -> String {
        switch error {
        case .appointmentNotFound(let id): self("cli.scheduling.appointmentNotFound", id)
        case .counselorNotFound(let id): self("cli.scheduling.counselorNotFound", id)
        case .roomNotFound(let id): self("cli.scheduling.roomNotFound", id)
        case .serviceNotFound(let id): self("cli.scheduling.serviceNotFound", id)
        case .visitorNotFound(let id): self("cli.scheduling.visitorNotFound", id)
        case .absenceNotFound(let id): self("cli.scheduling.absenceNotFound", id)
        case .closureNotFound(let id): self("cli.scheduling.closureNotFound", id)
        case .groupSessionNotFound(let id): self("cli.scheduling.groupSessionNotFound", id)
        case .noRoomAvailable(let seats): plural("cli.scheduling.noRoomAvailable", seats)
        case .noCounselor(let service, let language?): self("cli.scheduling.noCounselorSpeaking", language, service)
        case .noCounselor(let service, nil): self("cli.scheduling.noCounselor", service)
        case .serviceIsGroup(let id): self("cli.scheduling.serviceIsGroup", id)
        case .serviceIsNotGroup(let id): self("cli.scheduling.serviceIsNotGroup", id)
        case .nameTaken(let name): self("cli.scheduling.nameTaken", name)
        case .invalid(let why): cliMessage(for: why)
        case .status(let e): cliMessage(for: e)
        case .group(.alreadyEnrolled): self("cli.scheduling.alreadyEnrolled")
        case .group(.alreadyWaitlisted(let position)): self("cli.scheduling.alreadyWaitlisted", position)
        case .group(.notEnrolled): self("cli.scheduling.notEnrolled")
        }
    }

    func cliMessage(for why: SchedulingError.Invalid) -> String {
        switch why {
        case .counselorNameMissing: self("cli.invalid.counselorNameMissing")
        case .roomNameMissing: self("cli.invalid.roomNameMissing")
        case .roomWithoutSeats: self("cli.invalid.roomWithoutSeats")
        case .closureDays(let first, let last): self("cli.invalid.closureDays", first, last)
        case .closureLabelMissing: self("cli.invalid.closureLabelMissing")
        case .closureIncomplete: self("cli.invalid.closureIncomplete")
        case .absenceEmpty: self("cli.invalid.absenceEmpty")
        case .timeZoneChange(let zone): self("cli.invalid.timeZoneChange", zone)
        case .slotGrid(let r): self("cli.invalid.slotGrid", r.lowerBound, r.upperBound)
        case .deskLock(let r): self("cli.invalid.deskLock", r.lowerBound, r.upperBound)
        case .groupSessionWithoutSeats: self("cli.invalid.groupSessionWithoutSeats")
        case .visitorArchived(let code): self("cli.invalid.visitorArchived", code)
        case .noSeatHeld: self("cli.invalid.noSeatHeld")
        case .sessionClosed(let status): self("cli.invalid.sessionClosed", statusWord(status))
        case .groupSessionMove: self("cli.invalid.groupSessionMove")
        case .notBooked(let status): self("cli.invalid.notBooked", statusWord(status))
        case .correctionReasonMissing: self("cli.invalid.correctionReasonMissing")
        }
    }

    /// A status change outside the lifecycle, or a cancellation without a reason.
    func cliMessage(for error: AppointmentStatusError) -> String {
        switch error {
        case .notAllowed(let from, let to): self("cli.status.notAllowed", statusWord(from), statusWord(to))
        case .reasonMissing: self("cli.status.reasonMissing")
        case .tooEarly(let status, let from): self("cli.status.tooEarly", statusWord(status), from)
        }
    }

    /// A wall-clock time that does not exist, or a date that is not one.
    func cliMessage(for error: LocalTimeError) -> String {
        switch error {
        case .nonexistent(let dt, let zone): self("cli.time.nonexistent", dt.time, dt.date, zone)
        case .invalidDate(let d): self("cli.time.invalidDate", d)
        }
    }

    /// A refused change of a staff login.
    func cliMessage(for error: StaffError) -> String {
        switch error {
        case .invalidPIN: self("cli.staff.invalidPIN")
        case .nameMissing: self("cli.staff.nameMissing")
        case .nameTaken(let n): self("cli.staff.nameTaken", n)
        case .notFound(let n): self("cli.staff.notFound", n)
        case .counselorLink(.counselor): self("cli.staff.counselorNeeded")
        case .counselorLink: self("cli.staff.counselorOnly")
        case .counselorAlreadyLinked(let n): self("cli.staff.counselorAlreadyLinked", n)
        case .lastAdmin: self("cli.staff.lastAdmin")
        }
    }

    /// An appointment's status in text output: `booked`, `checked_in`… in English (the stored
    /// words), `réservé`, `arrivé`… in French. CSV and JSON keep the stored words.
    func statusWord(_ status: AppointmentStatus) -> String { self("cli.status." + status.rawValue) }

    /// A staff role in text output (`receptionist`; `accueil`).
    func roleWord(_ role: StaffRole) -> String { self("cli.role." + role.rawValue) }

    /// `yes`/`no` as an answer in text output (`oui`/`non`).
    func yesNo(_ value: Bool) -> String { self(value ? "cli.yes" : "cli.no") }
}

extension ValidationError {
    /// A usage mistake found by `validate()`, worded in the language of this process's command
    /// line (`FrontDeskCommand.processStrings`): swift-argument-parser prints it with the usage.
    init(key: String, _ arguments: CustomStringConvertible...) {
        self.init(FrontDeskCommand.processStrings.text(key, arguments))
    }
}
