import Foundation
import FrontDeskApp
import FrontDeskDomain
import FrontDeskStore
import FrontDeskUI
import Testing

/// `writes` is declared next to each Effect enum; these tests hold it to what the store sees:
/// an effect that says it does not write leaves the change token (`PRAGMA data_version`, read on
/// its own connection) where it was.
@Suite struct WritesTests {
    /// One sample of every effect of every screen, with the member who would perform it.
    static func samples(_ c: TestCenter, visitor: Visitor, appointment: AppointmentListing, visit: Visit) throws -> [(AppScreen.Effect, StaffMember)] {
        let today = AppFixture.today, tomorrow = try c.instant(today.adding(days: 1), "15:00")
        let service = AppFixture.services[0]
        let amina = c.receptionist, leila = c.counselor, nadia = c.coordinator, omar = c.admin
        let reception: [ReceptionScreen.Effect] = [
            .loadQueue(today), .loadExpected(today), .markArrived(appointmentId: appointment.id), .search(query: "you", limit: 5),
            .register(AppFixture.newVisitor("Hind")), .checkIn(visitorId: visitor.id, category: .social), .callNext(nil),
            .close(visitId: visit.id, outcome: .seen),
        ]
        let booking: [BookingScreen.Effect] = [
            .loadCatalog, .search(query: "you", limit: 5), .loadVisitor(visitor.id), .loadAppointments(visitorId: visitor.id),
            .findSlots(SlotQuery(service: service, from: today, through: today)),
            .findSessions(BookingScreen.SessionQuery(serviceId: "group", from: today, through: today)),
            .enroll(visitorId: visitor.id, sessionId: 1), .cancelEnrollment(visitorId: visitor.id, sessionId: 1),
            .book(NewAppointment(visitorId: visitor.id, serviceId: service.id, counselorId: c.leila.id, start: tomorrow)),
            .reschedule(appointmentId: appointment.id, to: tomorrow, counselorId: c.leila.id, roomId: c.salle.id),
            .cancel(appointmentId: appointment.id, reason: "ill"),
        ]
        let schedule: [ScheduleScreen.Effect] = [
            .loadCounselors, .loadAgenda(ScheduleScreen.AgendaRequest(counselorId: c.leila.id, from: today, through: today)),
            .setStatus(appointmentId: appointment.id, .checkedIn), .correctStatus(appointmentId: appointment.id, .booked, reason: "typo"),
            .saveNote(appointmentId: appointment.id, "notes"),
        ]
        let admin: [AdminScreen.Effect] = [
            .load, .saveCounselor(c.leila), .removeCounselor(id: 999), .saveRoom(Room(id: 0, name: "Salle 7", capacity: 2)),
            .removeRoom(id: c.groupRoom.id), .saveClosure(Closure(id: 0, first: today.adding(days: 40), last: today.adding(days: 40), label: "Eid")),
            .removeClosure(id: 999),
            .saveAbsence(Absence(id: 0, counselorId: c.leila.id, interval: UTCInterval(start: tomorrow, minutes: 60), reason: "training")),
            .removeAbsence(id: 999), .setServiceActive(id: service.id, active: true), .disableStaff(name: "Nadia"),
        ]
        let occupancy: [OccupancyScreen.Effect] = [.load(OccupancyScreen.Request(span: .month, anchor: today))]
        let period = ReportingPeriod.month(containing: today)
        let request = ReportsScreen.Request(scope: .all, programs: nil, period: period)
        let reports: [ReportsScreen.Effect] = [
            .loadCatalog, .load(request),
            .export(.init(request: request, view: .tables, report: FunderReport(period: period, counts: FunderReportCounts()),
                          trends: ReportTrends(months: []))),
        ]
        let signIn: [SignInScreen.Effect] = [
            .loadStaff, .signIn(staffId: amina.id, pin: "1111", kioskQuit: false), .createFirstAdmin(name: "X", pin: "1234"), .loadTickets,
        ]
        var all: [(AppScreen.Effect, StaffMember)] = reception.map { (AppScreen.Effect.reception($0), amina) }
        all += booking.map { (AppScreen.Effect.booking($0), amina) }
        all += schedule.map { (AppScreen.Effect.schedule($0), leila) }
        all += admin.map { (AppScreen.Effect.admin($0), omar) }
        all += occupancy.map { (AppScreen.Effect.occupancy($0), nadia) }
        all += reports.map { (AppScreen.Effect.reports($0), nadia) }
        all += signIn.map { (AppScreen.Effect.signIn($0), amina) }
        all += [(AppScreen.Effect.signedOut(amina, reason: "signed out"), amina)]
        return all
    }

    @Test func anEffectThatDoesNotSayItWritesLeavesTheStoreUnchanged() throws {
        let c = try TestCenter()
        let visitor = try c.register("Youssef")
        let appointment = try c.db.book(NewAppointment(visitorId: visitor.id, serviceId: "consult-45", counselorId: c.leila.id,
                                                       start: try c.instant(AppFixture.today, "10:15")), by: AppFixture.setup, at: AppFixture.now)
        let other = try c.register("Lina")
        let visit = try c.db.checkIn(visitorId: other.id, category: .social, by: AppFixture.setup, at: AppFixture.now)
        var effects = AppEffects(c.context())
        let samples = try Self.samples(c, visitor: visitor, appointment: appointment, visit: visit)
        #expect(samples.count == 8 + 11 + 5 + 11 + 1 + 3 + 4 + 1, "every case of every screen's Effect, and the sign-out")
        var written = 0
        for (effect, member) in samples {
            let before = try c.db.changeToken()
            _ = effects.perform(effect, in: AppFixture.appState(session: member))
            let after = try c.db.changeToken()
            if !effect.writes {
                #expect(after == before, "\(effect) wrote but does not say so")
            } else if after != before {
                written += 1
            }
        }
        // The samples do write: most writing effects went through (the removals of id 999, the
        // enrollments in a session that does not exist and a second first admin are refused).
        #expect(written >= 15)
    }

    @Test func signedOutNothingIsReadOrWritten() throws {
        let c = try TestCenter()
        let visitor = try c.register("Youssef")
        let appointment = try c.db.book(NewAppointment(visitorId: visitor.id, serviceId: "consult-45", counselorId: c.leila.id,
                                                       start: try c.instant(AppFixture.today, "10:15")), by: AppFixture.setup, at: AppFixture.now)
        let visit = try c.db.checkIn(visitorId: visitor.id, category: .social, by: AppFixture.setup, at: AppFixture.now)
        let context = c.context()
        var booking = BookingEffects(context)
        let nobody = Session(member: nil)
        let trail = try c.trail().count, token = try c.db.changeToken()
        for (effect, _) in try Self.samples(c, visitor: visitor, appointment: appointment, visit: visit) {
            // The sign-in screen's effects are the ones made while signed out.
            let failure: String?
            switch effect {
            case .signIn, .signedOut:
                continue
            case .reception(let e):
                guard case .failed(.store(let text))? = ReceptionEffects(context).perform(e, for: nobody) else { failure = nil; break }
                failure = text
            case .booking(let e):
                guard case .failed(.store(let text))? = booking.perform(e, for: nobody) else { failure = nil; break }
                failure = text
            case .schedule(let e):
                guard case .failed(.store(let text))? = ScheduleEffects(context).perform(e, for: nobody) else { failure = nil; break }
                failure = text
            case .admin(let e):
                guard case .failed(.store(let text))? = AdminEffects(context).perform(e, for: nobody) else { failure = nil; break }
                failure = text
            case .occupancy(let e):
                guard case .failed(let text)? = OccupancyEffects(context).perform(e, for: nobody) else { failure = nil; break }
                failure = text
            case .reports(let e):
                guard case .failed(let text)? = ReportsEffects(context).perform(e, for: nobody) else { failure = nil; break }
                failure = text
            }
            #expect(failure == "signed out", "\(effect) ran signed out")
        }
        #expect(try c.trail().count == trail)
        #expect(try c.db.changeToken() == token)
    }
}
