import Foundation
import Testing
import FrontDeskDomain
@testable import FrontDeskStore

struct GroupSessionStoreTests {
    @Test func enrollmentFillsThenWaitlistsAndCancellationPromotesTheFirst() throws {
        let f = try SchedulingFixture()
        let result = try f.db.scheduleGroupSession(
            NewGroupSession(serviceId: "group", counselorId: f.leila.id, roomId: f.groupRoom.id,
                            start: LocalDateTime(iso: "2026-04-14 14:00")!), by: desk, at: SchedulingFixture.now)
        let session = try #require(result.scheduled.first)
        #expect(session.appointment.group?.capacity == 2)
        let fourth = try f.db.register(newVisitor("Leila", "Benali"), by: desk, at: SchedulingFixture.now)
        #expect(try f.db.enroll(visitorId: f.youssef.id, sessionId: session.id, by: desk, at: SchedulingFixture.now) == .enrolled)
        #expect(try f.db.enroll(visitorId: f.samrawit.id, sessionId: session.id, by: desk, at: SchedulingFixture.now) == .enrolled)
        #expect(try f.db.enroll(visitorId: f.aissatou.id, sessionId: session.id, by: desk, at: SchedulingFixture.now) == .waitlisted(position: 1))
        #expect(try f.db.enroll(visitorId: fourth.id, sessionId: session.id, by: desk, at: SchedulingFixture.now) == .waitlisted(position: 2))
        #expect(throws: SchedulingError.group(.alreadyEnrolled)) {
            try f.db.enroll(visitorId: f.youssef.id, sessionId: session.id, by: desk, at: SchedulingFixture.now)
        }
        let promoted = try f.db.cancelEnrollment(visitorId: f.youssef.id, sessionId: session.id, by: desk, at: SchedulingFixture.now)
        #expect(promoted == f.aissatou.id)
        let after = try #require(try f.db.groupSessions(serviceId: "group", overlapping: session.appointment.appointment.interval).first)
        #expect(after.session.enrolled == [f.samrawit.id, f.aissatou.id])
        #expect(after.session.waitlist == [fourth.id])
        #expect(after.appointment.group == GroupSeats(sessionId: session.id, capacity: 2, enrolled: 2, waitlisted: 1))
        // Leaving the waitlist promotes nobody.
        #expect(try f.db.cancelEnrollment(visitorId: fourth.id, sessionId: session.id, by: desk, at: SchedulingFixture.now) == nil)
        let actions = try f.db.auditEvents(limit: 20, entity: "group_session", entityId: session.id).map(\.action)
        #expect(actions.contains(.groupPromoted))
        // An enrolled visitor is busy at that time.
        #expect(bookingRefusal { try f.book(f.samrawit, f.karim, f.salle2, "2026-04-14", "15:00") }
            == "refused: the visitor is booked 14:00–15:30")
    }

    /// Issue 12: the desk marks each seated visitor arrived on their own; the waitlist holds no
    /// seat; marking twice changes nothing; each arrival is audited.
    @Test func eachSeatedVisitorIsMarkedArrivedOnTheirOwn() throws {
        let (f, session) = try sessionOfTwoSeatsWithAWaitlist()
        let before = try f.db.groupAttendees(sessionId: session.id)
        #expect(before.map(\.visitorId) == [f.youssef.id, f.samrawit.id], "the waitlisted visitor holds no seat")
        #expect(before.allSatisfy { $0.arrivedAt == nil })
        let at = SchedulingFixture.now.addingTimeInterval(60)
        let after = try f.db.markGroupArrival(sessionId: session.id, visitorId: f.samrawit.id, by: desk, at: at)
        #expect(after.map { $0.arrivedAt != nil } == [false, true])
        #expect(after[1].name == f.samrawit.fullName && after[1].code == f.samrawit.code)
        // Again: nothing changes, no second audit row.
        #expect(try f.db.markGroupArrival(sessionId: session.id, visitorId: f.samrawit.id, by: desk, at: at.addingTimeInterval(60)) == after)
        #expect(throws: SchedulingError.self) {
            try f.db.markGroupArrival(sessionId: session.id, visitorId: f.aissatou.id, by: desk, at: at)
        }
        #expect(throws: SchedulingError.groupSessionNotFound(999)) { try f.db.groupAttendees(sessionId: 999) }
        let arrivals = try f.db.auditEvents(limit: 20, entity: "group_session", entityId: session.id).filter { $0.action == .groupArrived }
        #expect(arrivals.count == 1 && arrivals[0].detail == "\(f.samrawit.code) arrived")
        // The session itself is not marked arrived.
        #expect(try f.db.groupSession(id: session.id)?.appointment.appointment.status == .booked)
    }

    /// A weekly series keeps its local time across 2026-02-15 and 2026-03-22 in Casablanca.
    @Test func weeklySeriesKeepsTheLocalTimeAcrossClockChanges() throws {
        let f = try SchedulingFixture()
        let result = try f.db.scheduleGroupSession(
            NewGroupSession(serviceId: "group", counselorId: f.leila.id, roomId: f.groupRoom.id,
                            start: LocalDateTime(iso: "2026-02-09 10:00")!, until: LocalDate(iso: "2026-03-30")),
            by: desk, at: Date(timeIntervalSince1970: 1_767_225_600))
        #expect(result.skipped.isEmpty)
        let got = result.scheduled.map { "\($0.appointment.localStart) \(ICalendarWriter.utcDateTime($0.appointment.appointment.start))" }
        #expect(got == [
            "2026-02-09 10:00 20260209T090000Z", "2026-02-16 10:00 20260216T100000Z", "2026-02-23 10:00 20260223T100000Z",
            "2026-03-02 10:00 20260302T100000Z", "2026-03-09 10:00 20260309T100000Z", "2026-03-16 10:00 20260316T100000Z",
            "2026-03-23 10:00 20260323T090000Z", "2026-03-30 10:00 20260330T090000Z",
        ])
        // Stored as written: reading back gives the same local times.
        let back = try f.db.groupSessions(serviceId: "group", overlapping: UTCInterval(start: result.scheduled[0].appointment.appointment.start,
                                                                                     end: Date(timeIntervalSince1970: 1_780_000_000)))
        #expect(back.map { $0.appointment.localStart.time.description } == Array(repeating: "10:00", count: 8))
    }

    @Test func seriesSkipsClosedAndTakenDatesAndSaysWhy() throws {
        let f = try SchedulingFixture()
        _ = try f.db.saveClosure(Closure(id: 0, first: LocalDate(iso: "2026-04-21")!, last: LocalDate(iso: "2026-04-21")!, label: "Fermeture"),
                                 by: desk, at: SchedulingFixture.now)
        try f.book(f.youssef, f.leila, f.salle2, "2026-04-28", "10:30")
        let result = try f.db.scheduleGroupSession(
            NewGroupSession(serviceId: "group", counselorId: f.leila.id, roomId: f.groupRoom.id,
                            start: LocalDateTime(iso: "2026-04-14 10:00")!, until: LocalDate(iso: "2026-05-05")),
            by: desk, at: SchedulingFixture.now)
        #expect(result.scheduled.map(\.appointment.localStart.date.description) == ["2026-04-14", "2026-05-05"])
        #expect(result.skipped.map(\.date.description) == ["2026-04-21", "2026-04-28"])
        if case .refused(let error) = result.skipped[1].reason {
            #expect(error.message(calendar: rabat) == "refused: Leila Amrani is booked 10:30–11:15")
        } else {
            Issue.record("expected a refusal, got \(result.skipped[1].reason)")
        }
    }
}

struct GroupSessionPlaceStoreTests {
    /// A visitor's listing carries their place in each session; `groupSession(id:)` reads one.
    @Test func aVisitorsAppointmentsSayWhetherTheyHoldASeatOrWait() throws {
        let (f, session) = try sessionOfTwoSeatsWithAWaitlist()
        #expect(try f.db.appointments(visitorId: f.youssef.id, limit: 10, as: .fileOwner).map(\.place) == [.enrolled])
        #expect(try f.db.appointments(visitorId: f.aissatou.id, limit: 10, as: .fileOwner).map(\.place) == [.waitlisted(position: 1)])
        let read = try #require(try f.db.groupSession(id: session.id))
        #expect(read.session.enrolled == [f.youssef.id, f.samrawit.id])
        #expect(read.session.waitlist == [f.aissatou.id])
        #expect(read.appointment.id == session.appointment.id)
        #expect(try f.db.groupSession(id: 999) == nil)
        // Promoted: the place follows.
        _ = try f.db.cancelEnrollment(visitorId: f.youssef.id, sessionId: session.id, by: desk, at: SchedulingFixture.now)
        #expect(try f.db.appointments(visitorId: f.aissatou.id, limit: 10, as: .fileOwner).map(\.place) == [.enrolled])
        #expect(try f.db.appointments(visitorId: f.youssef.id, limit: 10, as: .fileOwner).isEmpty)
    }
}

/// Leila's two-seat group session on 2026-04-14 at 14:00: Youssef and Samrawit seated,
/// Aïssatou first on the waitlist.
private func sessionOfTwoSeatsWithAWaitlist() throws -> (SchedulingFixture, GroupSessionListing) {
    let f = try SchedulingFixture()
    let result = try f.db.scheduleGroupSession(
        NewGroupSession(serviceId: "group", counselorId: f.leila.id, roomId: f.groupRoom.id,
                        start: LocalDateTime(iso: "2026-04-14 14:00")!), by: desk, at: SchedulingFixture.now)
    let session = try #require(result.scheduled.first)
    for v in [f.youssef, f.samrawit, f.aissatou] {
        _ = try f.db.enroll(visitorId: v.id, sessionId: session.id, by: desk, at: SchedulingFixture.now)
    }
    return (f, session)
}
