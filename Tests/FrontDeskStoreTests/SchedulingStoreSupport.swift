import Foundation
import FrontDeskDomain
@testable import FrontDeskStore

/// A center with the people and rooms of the cases: Leila Amrani and Karim Bennani (Mon–Fri
/// 09:00–17:00), Salle 2 and Salle 3, services of several durations, and three visitors.
struct SchedulingFixture {
    let db: AppDatabase
    let leila: Counselor
    let karim: Counselor
    let salle2: Room
    let salle3: Room
    let groupRoom: Room
    let youssef: Visitor
    let samrawit: Visitor
    let aissatou: Visitor

    /// Before every booking of the tests: 2026-04-01 08:00Z.
    static let now = Date(timeIntervalSince1970: 1_775_030_400)
    /// 2026-04-14 10:20 in Rabat (09:20Z): while the tests' 10:00 appointments run, when their
    /// statuses may be marked (`Appointment.earliest`).
    static let during = Date(timeIntervalSince1970: 1_776_158_400)

    /// `consult-<minutes>` individual services, `group` (capacity 2, 90 min).
    static let services: [Service] = [15, 30, 45, 46, 90].map {
        Service(id: "consult-\($0)", nameFr: "Consultation \($0)", nameEn: "Consultation \($0)", category: .social, durationMinutes: $0)
    } + [Service(id: "group", nameFr: "Groupe de parole", nameEn: "Discussion group", category: .psychological,
                 durationMinutes: 90, groupCapacity: 2)]

    /// - Parameter path: a database file (several connections can open it), else in memory.
    init(calendar: CenterCalendar = rabat, path: String? = nil) throws {
        db = try path.map { try AppDatabase.open(path: $0, calendar: calendar) } ?? AppDatabase.inMemory(calendar: calendar)
        try db.loadCatalog(Self.services, by: desk, at: Self.now)
        let all = Self.services.map(\.id)
        let hours = WeeklyHours(Weekday.workweek, [TimeRange("09:00-17:00")!])
        leila = try db.saveCounselor(Counselor(id: 0, name: "Leila Amrani", serviceIds: all, languages: ["fr", "ar", "ary"], hours: hours),
                                     by: desk, at: Self.now)
        karim = try db.saveCounselor(Counselor(id: 0, name: "Karim Bennani", serviceIds: all, languages: ["fr", "en"], hours: hours),
                                     by: desk, at: Self.now)
        salle2 = try db.saveRoom(Room(id: 0, name: "Salle 2", capacity: 2), by: desk, at: Self.now)
        salle3 = try db.saveRoom(Room(id: 0, name: "Salle 3", capacity: 2), by: desk, at: Self.now)
        groupRoom = try db.saveRoom(Room(id: 0, name: "Salle de groupe", capacity: 20), by: desk, at: Self.now)
        youssef = try db.register(newVisitor("يوسف", "المهاجر"), by: desk, at: Self.now)
        samrawit = try db.register(newVisitor("ሳምራዊት", "ተስፋይ"), by: desk, at: Self.now)
        aissatou = try db.register(newVisitor("Aïssatou", "Diallo-Ndiaye Traoré"), by: desk, at: Self.now)
    }

    /// Books `consult-<minutes>` at local `date time`.
    @discardableResult
    func book(_ visitor: Visitor, _ counselor: Counselor, _ room: Room?, _ date: String, _ time: String, minutes: Int = 45) throws -> AppointmentListing {
        let start = try db.calendar.instant(LocalDate(iso: date)!, LocalTime(time)!)
        return try db.book(NewAppointment(visitorId: visitor.id, serviceId: "consult-\(minutes)", counselorId: counselor.id,
                                          roomId: room?.id, start: start), by: desk, at: Self.now)
    }
}

/// The English message of a booking refusal, or nil when `body` does not throw one.
func bookingRefusal(_ calendar: CenterCalendar = rabat, _ body: () throws -> Void) -> String? {
    do {
        try body()
        return nil
    } catch let error as BookingError {
        return error.message(calendar: calendar)
    } catch {
        return "unexpected \(error)"
    }
}
