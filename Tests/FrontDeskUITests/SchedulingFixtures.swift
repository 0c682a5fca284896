import Foundation
import FrontDeskDomain
import FrontDeskUI
import TerminalKit

/// Counselors, rooms, services, slots and appointments for the booking, schedule and admin
/// screens, with Arabic, Ge'ez and long names.
enum Sched {
    static let calendar = Fixture.calendar
    static let individual = Service(id: "individual-counseling", nameFr: "Soutien psychologique individuel",
                                    nameEn: "Individual psychological counseling", category: .psychological, durationMinutes: 60)
    static let firstAid = Service(id: "psychological-first-aid", nameFr: "Premiers secours psychologiques",
                                  nameEn: "Psychological first aid", category: .psychological, durationMinutes: 30)
    static let orientation = Service(id: "social-orientation", nameFr: "Orientation sociale", nameEn: "Social orientation",
                                     category: .social, durationMinutes: 45)
    static let group = Service(id: "psychosocial-support-group", nameFr: "Groupe de soutien", nameEn: "Psychosocial support group",
                               category: .psychological, durationMinutes: 90, groupCapacity: 10)
    static let services = [individual, firstAid, orientation, group]

    static let hours = WeeklyHours(Weekday.workweek, [TimeRange("09:00-12:30")!, TimeRange("13:30-17:00")!]) // safe: literals
    static let karima = Counselor(id: 1, name: "Karima Benali", serviceIds: ["individual-counseling", "social-orientation"],
                                  languages: ["fr", "ar", "ary"], hours: hours)
    static let youssef = Counselor(id: 2, name: "يوسف العلوي", serviceIds: ["individual-counseling"], languages: ["ar", "fr"], hours: hours)
    static let samrawit = Counselor(id: 3, name: "ሳምራዊት ተስፋይ", serviceIds: ["individual-counseling", "psychological-first-aid"],
                                    languages: ["ti", "am", "en"], hours: hours)
    static let longName = Counselor(id: 4, name: "Marie-Christine Nkurunziza-Habyarimana de la Fontaine", serviceIds: ["individual-counseling"],
                                    languages: ["fr", "rw"], hours: hours)
    static let counselors = [karima, youssef, samrawit, longName]
    static let rooms = [Room(id: 1, name: "Salle 1", capacity: 2), Room(id: 2, name: "Salle 2 — grande salle", capacity: 12)]

    static func at(_ date: String, _ time: String) -> Date {
        try! calendar.instant(LocalDate(iso: date)!, LocalTime(time)!) // safe: test literals
    }

    /// Free slots found by the domain's SlotFinder on Wed 15 and Thu 16 April for an Arabic speaker:
    /// the Arabic speakers' slots before any other's (all nine are Karima's and يوسف's).
    static let slots: [Slot] = {
        let finder = SlotFinder(calendar: calendar, counselors: counselors, rooms: rooms, appointments: [])
        let query = SlotQuery(service: individual, from: LocalDate(year: 2026, month: 4, day: 15), through: LocalDate(year: 2026, month: 4, day: 16),
                              languages: ["ar"], limit: 9)
        return finder.freeSlots(query, now: Fixture.now)
    }()

    static func listing(_ id: Int64, _ visitor: Visitor?, _ service: Service = individual, counselor: Counselor = karima,
                        room: Room = rooms[0], date: String, time: String, status: AppointmentStatus = .booked) -> AppointmentListing {
        let start = at(date, time)
        let end = start.addingTimeInterval(Double(service.durationMinutes * 60))
        let a = Appointment(id: id, visitorId: visitor?.id, serviceId: service.id, counselorId: counselor.id, roomId: room.id,
                            start: start, end: end, status: status, interpreterLanguage: nil, note: "", createdBy: "Desk 1",
                            cancelReason: nil, groupSessionId: nil)
        return AppointmentListing(appointment: a, localStart: calendar.localDateTime(of: start), localEnd: calendar.localDateTime(of: end),
                                  visitorCode: visitor?.code, visitorName: visitor?.fullName, service: service,
                                  counselorName: counselor.name, roomName: room.name)
    }

    static func booking(size: Size = Size(width: 80, height: 24), language: UILanguage = .en) -> Harness<BookingScreen> {
        Harness<BookingScreen>(BookingScreen.State(), size: size, language: language)
    }

    static func schedule(size: Size = Size(width: 80, height: 24), now: Date = Fixture.now) -> Harness<ScheduleScreen> {
        Harness<ScheduleScreen>(ScheduleScreen.State(date: calendar.localDate(of: now)), size: size, now: now)
    }

    static func admin(size: Size = Size(width: 80, height: 24), language: UILanguage = .en) -> Harness<AdminScreen> {
        Harness<AdminScreen>(AdminScreen.State(), size: size, language: language)
    }

    static func render(_ draw: (inout Frame) -> Void, size: Size = Size(width: 80, height: 24)) -> Frame {
        var frame = Frame(size: size)
        draw(&frame)
        return frame
    }
}

/// Group sessions of `Sched.group` for the booking screen: seats, waitlists, the visitor's place.
extension Sched {
    /// A session (id) with its appointment (id 100 + session id), Karima Benali in Salle 2.
    static func session(_ id: Int64, date: String, time: String, capacity: Int = 3, enrolled: [Int64] = [], waitlist: [Int64] = [],
                        status: AppointmentStatus = .booked, counselor: Counselor = karima) -> GroupSessionListing {
        var listing = Sched.listing(100 + id, nil, group, counselor: counselor, room: rooms[1], date: date, time: time, status: status)
        listing.appointment.groupSessionId = id
        listing.group = GroupSeats(sessionId: id, capacity: capacity, enrolled: enrolled.count, waitlisted: waitlist.count)
        return GroupSessionListing(session: GroupSession(id: id, serviceId: group.id, capacity: capacity, enrolled: enrolled, waitlist: waitlist),
                                   appointment: listing)
    }

    /// The same session as a line of a visitor's appointments, with their place.
    static func place(_ s: GroupSessionListing, _ place: EnrollmentOutcome) -> AppointmentListing {
        var a = s.appointment
        a.place = place
        return a
    }

    /// Already started (Tue 14 Apr 09:00, before `Fixture.now`): not offered.
    static let pastSession = session(10, date: "2026-04-14", time: "09:00", enrolled: [2])
    /// Full (3 of 3) with Aïssatou waiting first.
    static let fullSession = session(11, date: "2026-04-15", time: "14:00", enrolled: [2, 4, 6], waitlist: [3])
    /// Two seats left, with another counselor.
    static let openSession = session(12, date: "2026-04-22", time: "14:00", enrolled: [2], counselor: youssef)
    /// Cancelled: not offered.
    static let cancelledSession = session(13, date: "2026-04-16", time: "10:00", status: .cancelled)
    static let sessions = [pastSession, fullSession, openSession, cancelledSession]
}
