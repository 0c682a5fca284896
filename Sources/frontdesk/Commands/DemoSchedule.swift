import Foundation
import FrontDeskDemo
import FrontDeskDomain

/// The scheduling part of `frontdesk demo`: resources, closures, weekly group sessions with
/// enrollments and a waitlist, and appointments, all through the store's booking rules.
struct DemoSchedule {
    let db: any FrontDeskRepository
    let calendar: CenterCalendar
    let now: Date
    let actor: Actor
    let visitorIds: [Int64]
    let pastDays: Int
    let futureDays: Int

    /// How many of each the demo holds, for its summary line.
    struct Summary {
        var counselors = 0, rooms = 0, groupSessions = 0, appointments = 0
    }

    /// Fills the database; returns what it holds.
    func fill(counselors planned: [Counselor], rooms plannedRooms: [Room], generator: inout DemoGenerator) throws -> Summary {
        let today = calendar.localDate(of: now)
        let first = today.adding(days: -pastDays), last = today.adding(days: max(0, futureDays - 1))
        let catalog = try storeCall { try db.services() }
        let known = Set(catalog.map(\.id))
        var counselors: [Counselor] = []
        for var c in planned {
            c.serviceIds = c.serviceIds.filter(known.contains)
            counselors.append(try schedulingCall(calendar) { try db.saveCounselor(c, by: actor, at: now) })
        }
        var rooms: [Room] = []
        for r in plannedRooms { rooms.append(try schedulingCall(calendar) { try db.saveRoom(r, by: actor, at: now) }) }
        for c in DemoGenerator.closures(years: first.year...last.year) {
            _ = try schedulingCall(calendar) { try db.saveClosure(c, by: actor, at: now) }
        }
        guard !counselors.isEmpty, !rooms.isEmpty else { return Summary(counselors: counselors.count, rooms: rooms.count) }
        let groupRoom = rooms.max { ($0.capacity, -$0.id) < ($1.capacity, -$1.id) }! // safe: not empty

        var sessions = 0
        for series in DemoGenerator.groupSeries where series.counselorIndex < counselors.count && known.contains(series.serviceId) {
            let back = (first.isoWeekday.rawValue - series.weekday.rawValue + 7) % 7
            let start = first.adding(days: (7 - back) % 7)
            guard start <= last else { continue }
            let before = try calendar.instant(start.adding(days: -1), LocalTime(hour: 8, minute: 0)!) // safe: literal
            let result = try schedulingCall(calendar) {
                try db.scheduleGroupSession(NewGroupSession(serviceId: series.serviceId, counselorId: counselors[series.counselorIndex].id,
                                                            roomId: groupRoom.id, start: LocalDateTime(start, series.time), until: last),
                                            by: actor, at: before)
            }
            sessions += result.scheduled.count
            for s in result.scheduled where s.appointment.localStart.date >= today.adding(days: -14) && s.appointment.localStart.date <= today.adding(days: 21) {
                // Fill to 60–100 % of the seats, and past capacity (a waitlist) for the next session.
                let isNext = s.appointment.localStart.date >= today && s.appointment.localStart.date < today.adding(days: 7)
                let wanted = generator.enrollmentCount(capacity: s.session.capacity, nextWeek: isNext)
                var tries = 0, enrolled = 0
                while enrolled < wanted && tries < wanted * 3 && !visitorIds.isEmpty {
                    tries += 1
                    if (try? db.enroll(visitorId: generator.pickVisitor(visitorIds), sessionId: s.id, by: actor, at: now)) != nil { enrolled += 1 }
                }
                if s.appointment.localEnd.date < today {
                    for next in [AppointmentStatus.checkedIn, .inSession, .completed] {
                        _ = try schedulingCall(calendar) { try db.setStatus(appointmentId: s.appointment.id, to: next, as: .fileOwner, by: actor, at: now) }
                    }
                }
            }
        }
        let plan = generator.appointmentPlan(counselors: counselors, services: catalog, visitorIds: visitorIds, from: first,
                                             through: last, today: today, calendar: calendar)
        let result = try schedulingCall(calendar) { try db.recordAppointments(plan, by: actor, at: now) }
        return Summary(counselors: counselors.count, rooms: rooms.count, groupSessions: sessions, appointments: result.stored)
    }
}
