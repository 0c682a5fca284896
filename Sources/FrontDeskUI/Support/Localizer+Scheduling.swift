import Foundation
import FrontDeskDomain

/// Why a scheduling effect failed, as the runner reports it to the booking, schedule and admin
/// screens.
public enum SchedulingFailure: Error, Equatable, Sendable {
    /// The booking rules refused it (a conflict from another terminal, hours, closure…).
    case booking(BookingError)
    case scheduling(SchedulingError)
    /// Any other store problem, already phrased for the desk (no stack trace, no SQL).
    case store(String)
}

extension Localizer {
    public func appointmentStatus(_ s: AppointmentStatus) -> String { self("appointment.\(s.rawValue)") }

    /// The message for a failed scheduling effect, times in center-local wall-clock time.
    public func message(for failure: SchedulingFailure, calendar: CenterCalendar) -> String {
        switch failure {
        case .booking(let e): message(for: e, calendar: calendar)
        case .scheduling(let e): message(for: e)
        case .store(let m): m
        }
    }

    public func message(for error: BookingError, calendar: CenterCalendar) -> String {
        switch error {
        case .emptyInterval: self("error.emptyInterval")
        case .refused(let problems): problems.map { message(for: $0, calendar: calendar) }.joined(separator: "; ")
        case .noCounselorFree(_, let interval, let problems):
            self("error.noCounselorFree", Self.span(interval, calendar))
                + (problems.isEmpty ? "" : ": " + problems.map { message(for: $0, calendar: calendar) }.joined(separator: "; "))
        }
    }

    /// `2026-04-15 09:00–10:00` within one local day, else both dates.
    static func span(_ i: UTCInterval, _ calendar: CenterCalendar) -> String {
        let a = calendar.localDateTime(of: i.start), b = calendar.localDateTime(of: i.end)
        return a.date == b.date ? "\(a.date) \(a.time)–\(b.time)" : "\(a)–\(b)"
    }

    /// One broken booking rule, naming what conflicts and when.
    public func message(for problem: BookingProblem, calendar: CenterCalendar) -> String {
        func span(_ i: UTCInterval) -> String { Self.span(i, calendar) }
        switch problem {
        case .conflict(let c):
            switch c.resource {
            case .room(_, let name), .counselor(_, let name): return self("problem.taken", name, span(c.interval))
            case .visitor: return self("problem.visitorTaken", span(c.interval))
            }
        case .wrongDuration(let expected, _): return self("problem.wrongDuration", expected)
        case .serviceNotDelivered(let counselor, let service): return self("problem.serviceNotDelivered", counselor, service)
        case .serviceInactive(let service): return self("problem.serviceInactive", service)
        case .counselorInactive(let counselor): return self("problem.counselorInactive", counselor)
        case .roomInactive(let room): return self("problem.roomInactive", room)
        case .roomTooSmall(let room, let capacity, let needed): return self("problem.roomTooSmall", room, capacity, needed)
        case .outsideWorkingHours(let counselor, let date, _): return self("problem.outsideWorkingHours", counselor, date)
        case .outsideOpeningHours(let date, _): return self("problem.outsideOpeningHours", date)
        case .counselorAbsent(let counselor, let absence): return self("problem.counselorAbsent", counselor, span(absence.interval))
        case .closed(let closure, let date): return self("problem.closed", date, closure.label)
        case .startsInPast: return self("problem.startsInPast")
        }
    }

    public func message(for error: SchedulingError) -> String {
        switch error {
        case .appointmentNotFound, .counselorNotFound, .roomNotFound, .serviceNotFound, .visitorNotFound,
             .absenceNotFound, .closureNotFound, .groupSessionNotFound:
            self("error.notFound")
        case .noRoomAvailable(let seats): self("error.noRoomAvailable", seats)
        case .noCounselor(_, let language?): self("error.noCounselorSpeaking", language)
        case .noCounselor(_, nil): self("error.noCounselor")
        case .serviceIsGroup: self("error.serviceIsGroup")
        case .serviceIsNotGroup: self("error.serviceIsNotGroup")
        case .nameTaken(let name): self("error.nameTaken", name)
        case .invalid(let why): self("error.invalid", why)
        case .status(.reasonMissing): self("error.reasonMissing")
        case .status(.notAllowed(let from, let to)): self("error.statusNotAllowed", appointmentStatus(from), appointmentStatus(to))
        case .status(.tooEarly(let status, let from)): self("error.statusTooEarly", appointmentStatus(status), from.time.description,
                                                             longDate(from.date, weekday: from.date.isoWeekday.rawValue % 7 + 1))
        case .group: self("error.group")
        }
    }
}
