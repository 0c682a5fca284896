import Foundation
import GRDB
import Testing
import FrontDeskDomain
@testable import FrontDeskStore

/// The booking rules re-checked by the store inside its write transaction.
struct SchedulingStoreTests {
    /// Half-open intervals against a booking 10:00–10:45: start, minutes, refused. The 10:00–10:00
    /// row cannot reach the store (a service lasts at least one minute; the domain tests cover it).
    static let b1: [(start: String, minutes: Int, refused: Bool)] = [
        ("10:45", 45, false), ("10:44", 46, true), ("10:00", 30, true), ("09:30", 90, true), ("10:15", 15, true),
    ]

    enum Shared: String, CaseIterable { case room, counselor }

    @Test(arguments: Shared.allCases, 0..<5)
    func halfOpenIntervalsThroughTheStore(shared: Shared, row: Int) throws {
        let f = try SchedulingFixture()
        try f.book(f.youssef, f.leila, f.salle2, "2026-04-14", "10:00")
        let (start, minutes, refused) = Self.b1[row]
        let counselor = shared == .room ? f.karim : f.leila
        let room = shared == .room ? f.salle2 : f.salle3
        let message = bookingRefusal { try f.book(f.samrawit, counselor, room, "2026-04-14", start, minutes: minutes) }
        if refused {
            let name = shared == .room ? "Salle 2" : "Leila Amrani"
            #expect(message == "refused: \(name) is booked 10:00–10:45")
        } else {
            #expect(message == nil)
        }
        let count = try f.db.appointments(counselorId: nil, overlapping: UTCInterval(start: apr14(minutes: -600), minutes: 1440), as: .fileOwner)
            .filter { $0.status != .cancelled }.count
        #expect(count == (refused ? 1 : 2))
    }

    @Test func theVisitorCannotBeInTwoPlaces() throws {
        let f = try SchedulingFixture()
        try f.book(f.youssef, f.leila, f.salle2, "2026-04-14", "10:00")
        let message = bookingRefusal { try f.book(f.youssef, f.karim, f.salle3, "2026-04-14", "10:30") }
        #expect(message == "refused: the visitor is booked 10:00–10:45")
    }

    @Test func closuresAbsencesAndHoursAreRefusedWithTheirReason() throws {
        let f = try SchedulingFixture()
        _ = try f.db.saveClosure(Closure(id: 0, first: LocalDate(year: 2026, month: 5, day: 1), last: LocalDate(year: 2026, month: 5, day: 1),
                                         label: "Fête du Travail"), by: desk, at: SchedulingFixture.now)
        #expect(bookingRefusal { try f.book(f.youssef, f.leila, f.salle2, "2026-05-01", "10:00") }
            == "refused: the center is closed on 2026-05-01: Fête du Travail")
        let away = UTCInterval(start: try rabat.instant(LocalDate(year: 2026, month: 4, day: 15), LocalTime("09:00")!), minutes: 180)
        _ = try f.db.saveAbsence(Absence(id: 0, counselorId: f.leila.id, interval: away, reason: "Formation"), by: desk, at: SchedulingFixture.now)
        #expect(bookingRefusal { try f.book(f.youssef, f.leila, f.salle2, "2026-04-15", "11:00") }
            == "refused: Leila Amrani is away 09:00–12:00")
        #expect(bookingRefusal { try f.book(f.youssef, f.leila, f.salle2, "2026-04-14", "16:30") }
            == "refused: Leila Amrani works 09:00–17:00 on 2026-04-14")
    }

    @Test func theStoreChoosesTheSmallestFreeRoom() throws {
        let f = try SchedulingFixture()
        let first = try f.book(f.youssef, f.leila, nil, "2026-04-14", "10:00")
        let second = try f.book(f.samrawit, f.karim, nil, "2026-04-14", "10:00")
        #expect(first.roomName == "Salle 2")
        #expect(second.roomName == "Salle 3")
    }

    @Test func cancelFreesTheSlotAndUncancellingRechecksIt() throws {
        let f = try SchedulingFixture()
        let booked = try f.book(f.youssef, f.leila, f.salle2, "2026-04-14", "10:00")
        #expect(throws: SchedulingError.status(.reasonMissing)) {
            try f.db.cancel(appointmentId: booked.id, reason: "  ", by: desk, at: SchedulingFixture.now)
        }
        let cancelled = try f.db.cancel(appointmentId: booked.id, reason: "visitor ill", by: desk, at: SchedulingFixture.now)
        #expect(cancelled.status == .cancelled)
        #expect(cancelled.appointment.cancelReason == "visitor ill")
        try f.book(f.samrawit, f.leila, f.salle2, "2026-04-14", "10:00")
        let message = bookingRefusal {
            _ = try f.db.correctStatus(appointmentId: booked.id, to: .booked, reason: "cancelled by mistake", by: desk, at: SchedulingFixture.now)
        }
        #expect(message == "refused: Salle 2 is booked 10:00–10:45; Leila Amrani is booked 10:00–10:45")
        #expect(try f.db.appointment(id: booked.id, as: .fileOwner)?.status == .cancelled)
    }

    @Test func lifecycleAndAuditedCorrections() throws {
        let f = try SchedulingFixture()
        let a = try f.book(f.youssef, f.leila, f.salle2, "2026-04-14", "10:00")
        // A no-show before the appointment starts is refused, and changes nothing.
        #expect(throws: SchedulingError.status(.tooEarly(.noShow, from: LocalDateTime(iso: "2026-04-14 10:00")!))) {
            try f.db.setStatus(appointmentId: a.id, to: .noShow, by: desk, at: SchedulingFixture.now)
        }
        #expect(try f.db.appointment(id: a.id, as: .fileOwner)?.status == .booked)
        for next in [AppointmentStatus.checkedIn, .inSession, .completed] {
            #expect(try f.db.setStatus(appointmentId: a.id, to: next, by: desk, at: SchedulingFixture.during).status == next)
        }
        #expect(throws: SchedulingError.status(.notAllowed(from: .completed, to: .noShow))) {
            try f.db.setStatus(appointmentId: a.id, to: .noShow, by: desk, at: SchedulingFixture.during)
        }
        let corrected = try f.db.correctStatus(appointmentId: a.id, to: .noShow, reason: "never came; marked by mistake",
                                               by: Actor(name: "Coordinator", terminal: "t2"), at: SchedulingFixture.now)
        #expect(corrected.status == .noShow)
        let events = try f.db.auditEvents(limit: 10, entity: "appointment", entityId: a.id)
        #expect(events.first?.action == .appointmentStatusCorrected)
        #expect(events.first?.detail == "completed → no_show: never came; marked by mistake")
        #expect(events.first?.actor.name == "Coordinator")
        #expect(events.map(\.action).filter { $0 == .appointmentStatusChanged }.count == 3)
        #expect(events.last?.action == .appointmentBooked)
    }

    @Test func rescheduleMovesWithinTheRulesAndIgnoresItsOldTime() throws {
        let f = try SchedulingFixture()
        let a = try f.book(f.youssef, f.leila, f.salle2, "2026-04-14", "10:00")
        try f.book(f.samrawit, f.leila, f.salle3, "2026-04-14", "11:00")
        let moved = try f.db.reschedule(appointmentId: a.id, to: rabat.instant(LocalDate(year: 2026, month: 4, day: 14), LocalTime("10:15")!),
                                        counselorId: nil, roomId: nil, by: desk, at: SchedulingFixture.now)
        #expect(moved.localStart.description == "2026-04-14 10:15")
        let message = bookingRefusal {
            _ = try f.db.reschedule(appointmentId: a.id, to: rabat.instant(LocalDate(year: 2026, month: 4, day: 14), LocalTime("10:30")!),
                                    counselorId: nil, roomId: nil, by: desk, at: SchedulingFixture.now)
        }
        #expect(message == "refused: Leila Amrani is booked 11:00–11:45")
    }

    @Test func checkInMarksTodaysAppointmentOnly() throws {
        let f = try SchedulingFixture()
        let today = try f.book(f.youssef, f.leila, f.salle2, "2026-04-14", "14:00")
        let tomorrow = try f.book(f.youssef, f.leila, f.salle2, "2026-04-15", "14:00")
        let other = try f.book(f.samrawit, f.karim, f.salle3, "2026-04-14", "14:00")
        let visit = try f.db.checkIn(visitorId: f.youssef.id, category: .social, by: desk, at: apr14())
        #expect(visit.ticket.description == "S-001")
        #expect(try f.db.appointment(id: today.id, as: .fileOwner)?.status == .checkedIn)
        #expect(try f.db.appointment(id: tomorrow.id, as: .fileOwner)?.status == .booked)
        #expect(try f.db.appointment(id: other.id, as: .fileOwner)?.status == .booked)
        let events = try f.db.auditEvents(limit: 1, entity: "appointment", entityId: today.id)
        #expect(events.first?.detail == "booked → checked_in at check-in")
    }

    @Test func listingsCarryWhatScreensShow() throws {
        let f = try SchedulingFixture()
        let a = try f.book(f.youssef, f.leila, f.salle2, "2026-04-14", "10:00")
        let listed = try f.db.appointments(visitorId: f.youssef.id, limit: 10, as: .fileOwner)
        #expect(listed.map(\.id) == [a.id])
        let l = try #require(listed.first)
        #expect(l.visitorName == "يوسف المهاجر")
        #expect(l.visitorCode == f.youssef.code)
        #expect(l.counselorName == "Leila Amrani")
        #expect(l.roomName == "Salle 2")
        #expect(l.service.nameFr == "Consultation 45")
        #expect(l.localStart.description == "2026-04-14 10:00")
        #expect(l.localEnd.description == "2026-04-14 10:45")
        #expect(try f.db.appointments(counselorId: f.karim.id, overlapping: UTCInterval(start: apr14(minutes: -600), minutes: 1440), as: .fileOwner).isEmpty)
    }

    @Test func freeSlotsSkipBookedTimesAndClosedDays() throws {
        let f = try SchedulingFixture()
        try f.book(f.youssef, f.leila, f.salle2, "2026-04-14", "09:00")
        let service = SchedulingFixture.services[2] // 45 min
        let query = SlotQuery(service: service, from: LocalDate(year: 2026, month: 4, day: 14), through: LocalDate(year: 2026, month: 4, day: 30),
                              counselorId: f.leila.id, limit: 3, gridMinutes: 15)
        let slots = try f.db.freeSlots(query, now: SchedulingFixture.now)
        #expect(slots.map { "\($0.date) \($0.time)" } == ["2026-04-14 09:45", "2026-04-14 10:00", "2026-04-14 10:15"])
        _ = try f.db.saveClosure(Closure(id: 0, first: LocalDate(year: 2026, month: 4, day: 14), last: LocalDate(year: 2026, month: 4, day: 16),
                                         label: "Travaux"), by: desk, at: SchedulingFixture.now)
        let later = try f.db.freeSlots(query, now: SchedulingFixture.now)
        #expect(later.first.map { "\($0.date) \($0.time)" } == "2026-04-17 09:00")
    }

    /// Slot searches read only the counselors who deliver the service (and the one asked for),
    /// in the same name order as the full list; an inactive counselor is never offered.
    @Test func slotSearchesReadOnlyTheCounselorsOfTheService() throws {
        let f = try SchedulingFixture()
        let hours = WeeklyHours(Weekday.workweek, [TimeRange("09:00-17:00")!])
        let aminata = try f.db.saveCounselor(Counselor(id: 0, name: "Aminata Diop", serviceIds: ["consult-30"], languages: ["fr", "wo"],
                                                       hours: hours), by: desk, at: SchedulingFixture.now)
        var away = try f.db.saveCounselor(Counselor(id: 0, name: "Ahmed Alaoui", serviceIds: ["consult-30"], languages: ["ar"], hours: hours),
                                          by: desk, at: SchedulingFixture.now)
        away.active = false
        _ = try f.db.saveCounselor(away, by: desk, at: SchedulingFixture.now)
        let names = { (service: String, ids: [Int64]?) in
            try f.db.writer.read { db in
                try AppDatabase.fetchCounselors(db, includeInactive: false, ids: ids, delivering: service).map(\.name)
            }
        }
        #expect(try names("consult-30", nil) == ["Aminata Diop", "Karim Bennani", "Leila Amrani"])
        #expect(try names("consult-45", nil) == ["Karim Bennani", "Leila Amrani"])
        #expect(try names("consult-45", [aminata.id]) == [])
        #expect(try names("consult-30", [aminata.id]) == ["Aminata Diop"])
        let all = try f.db.counselors(includeInactive: false).filter { $0.delivers("consult-30") }.map(\.name)
        #expect(try names("consult-30", nil) == all)
        let d = LocalDate(year: 2026, month: 4, day: 14)
        let slots = try f.db.freeSlots(SlotQuery(service: SchedulingFixture.services[1], from: d, through: d, limit: 3, gridMinutes: 30),
                                       now: SchedulingFixture.now)
        #expect(slots.map(\.counselorId) == [aminata.id, f.karim.id, f.leila.id])
    }

    /// Slots across Casablanca's clock changes, through the store: 16 slots each Monday, 09:00
    /// stored as 09:00Z, then 08:00Z.
    @Test(arguments: [("2026-02-13", "2026-02-16", "2026-02-16T09:00:00Z"), ("2026-03-20", "2026-03-23", "2026-03-23T08:00:00Z")])
    func slotsFollowWallClockTimeAcrossClockChanges(asked: String, day: String, stored: String) throws {
        let f = try SchedulingFixture()
        let service = SchedulingFixture.services[1] // 30 min
        let askedAt = try rabat.instant(LocalDate(iso: asked)!, LocalTime("12:00")!)
        let d = LocalDate(iso: day)!
        let slots = try f.db.freeSlots(SlotQuery(service: service, from: d, through: d, counselorId: f.leila.id, limit: 100, gridMinutes: 30),
                                       now: askedAt)
        #expect(slots.count == 16)
        #expect(slots.first?.time.description == "09:00")
        #expect(slots.last?.time.description == "16:30")
        let booked = try f.db.book(NewAppointment(visitorId: f.youssef.id, serviceId: service.id, counselorId: f.leila.id,
                                                  roomId: slots[0].roomId, start: slots[0].interval.start), by: desk, at: askedAt)
        let ms = try f.db.writer.read { db in try Int64.fetchOne(db, sql: "SELECT start_at FROM appointment WHERE id = ?", arguments: [booked.id]) }
        #expect(ms.map { ICalendarWriter.utcDateTime(Date(timeIntervalSince1970: Double($0) / 1000)) }
            == stored.replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: ""))
        #expect(booked.localStart.time.description == "09:00")
    }
}
