import Foundation
import Testing
import FrontDeskDomain

/// Shared values for the Scheduling tests: the center's zone, people and rooms of the cases.
enum Fx {
    static let casablanca = CenterCalendar(identifier: "Africa/Casablanca")!

    struct BadLiteral: Error, CustomStringConvertible {
        var description: String
    }

    static func date(_ text: String) throws -> LocalDate {
        guard let d = LocalDate(iso: text) else { throw BadLiteral(description: "date \(text)") }
        return d
    }

    static func time(_ text: String) throws -> LocalTime {
        guard let t = LocalTime(text) else { throw BadLiteral(description: "time \(text)") }
        return t
    }

    static func range(_ text: String) throws -> TimeRange {
        guard let r = TimeRange(text) else { throw BadLiteral(description: "range \(text)") }
        return r
    }

    /// A UTC instant from `2026-02-16T09:00:00Z`.
    static func utc(_ text: String) throws -> Date {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        guard let d = f.date(from: text) else { throw BadLiteral(description: "instant \(text)") }
        return d
    }

    /// The instant of center-local `date time` in Casablanca.
    static func at(_ date: String, _ time: String, _ calendar: CenterCalendar = casablanca) throws -> Date {
        try calendar.instant(Fx.date(date), Fx.time(time))
    }

    /// `[date start, date end)` center time.
    static func span(_ date: String, _ start: String, _ end: String) throws -> UTCInterval {
        UTCInterval(start: try at(date, start), end: try at(date, end))
    }

    static func hours(_ ranges: String..., on days: [Weekday] = Weekday.workweek) throws -> WeeklyHours {
        WeeklyHours(days, try ranges.map(range))
    }

    static func service(_ id: String = "individual-counseling", minutes: Int = 45, capacity: Int? = nil,
                        category: ServiceCategory = .psychological) -> Service {
        Service(id: id, nameFr: id, nameEn: id, category: category, durationMinutes: minutes, groupCapacity: capacity)
    }

    /// Leila Amrani: Mon–Fri 09:00–17:00, French, Arabic, Darija.
    static func leila(services: [String] = ["individual-counseling"]) throws -> Counselor {
        Counselor(id: 1, name: "Leila Amrani", serviceIds: services, languages: ["fr", "ar", "ary"],
                  hours: try hours("09:00-17:00"))
    }

    static func karim(services: [String] = ["individual-counseling"]) throws -> Counselor {
        Counselor(id: 2, name: "Karim Benali", serviceIds: services, languages: ["fr", "en", "wo"],
                  hours: try hours("09:00-17:00"))
    }

    static let salle1 = Room(id: 1, name: "Salle 1", capacity: 3)
    static let salle2 = Room(id: 2, name: "Salle 2", capacity: 3)
    static let grandeSalle = Room(id: 3, name: "Grande salle", capacity: 14)

    static func appointment(_ id: Int64, _ interval: UTCInterval, counselor: Int64, room: Int64, visitor: Int64? = nil,
                            service: String = "individual-counseling", status: AppointmentStatus = .booked,
                            groupSessionId: Int64? = nil) -> Appointment {
        Appointment(id: id, visitorId: visitor, serviceId: service, counselorId: counselor, roomId: room,
                    start: interval.start, end: interval.end, status: status, createdBy: "test",
                    groupSessionId: groupSessionId)
    }
}
