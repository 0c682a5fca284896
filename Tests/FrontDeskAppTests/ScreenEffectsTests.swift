import Foundation
import FrontDeskApp
import FrontDeskDomain
import FrontDeskStore
import FrontDeskUI
import Testing

/// The schedule, admin and occupancy handlers.
@Suite struct ScreenEffectsTests {
    @Test func aCounselorsAgendaAndNotes() throws {
        let center = try TestCenter()
        let visitor = try center.register("Youssef")
        let start = try center.instant(AppFixture.today, "10:30")
        let booked = try center.db.book(NewAppointment(visitorId: visitor.id, serviceId: "consult-45", counselorId: center.leila.id, start: start),
                                        by: AppFixture.setup, at: AppFixture.now)
        let schedule = ScheduleEffects(center.context())
        let leila = Session(member: center.counselor)
        let request = ScheduleScreen.AgendaRequest(counselorId: center.leila.id, from: AppFixture.today, through: AppFixture.today)
        guard case .agendaLoaded(_, let agenda)? = schedule.perform(.loadAgenda(request), for: leila) else { Issue.record("no agenda"); return }
        #expect(agenda.map(\.id) == [booked.id])
        #expect(agenda.first?.visitorName == "Youssef")
        guard case .noteSaved(let id)? = schedule.perform(.saveNote(appointmentId: booked.id, "first meeting"), for: leila) else {
            Issue.record("note not saved"); return
        }
        #expect(id == booked.id)
        // Only the appointment's counselor writes its notes.
        guard case .failed(.store(let refusal))? = schedule.perform(.saveNote(appointmentId: booked.id, "x"), for: Session(member: center.receptionist)) else {
            Issue.record("a receptionist wrote a note"); return
        }
        #expect(refusal == "only the appointment's counselor writes its notes")
        guard case .statusCorrected(let corrected)? = schedule.perform(.correctStatus(appointmentId: booked.id, .noShow, reason: "typo"), for: leila) else {
            Issue.record("not corrected"); return
        }
        #expect(corrected.status == .noShow)
        #expect(try center.trail(visitor: visitor.id).map(\.action).suffix(2) == [.appointmentNoteSaved, .appointmentStatusCorrected])
    }

    @Test func adminChangesComeBackAsChangesTheScreenWordsAsBefore() throws {
        let center = try TestCenter()
        let admin = AdminEffects(center.context())
        let omar = Session(member: center.admin)
        var app = AppFixture.appState(session: center.admin)
        /// Performs the effect, hands the change to the screen (through the shell) and returns
        /// the notice it shows.
        func notice(_ effect: AdminScreen.Effect, _ expected: AdminScreen.Change) -> String? {
            guard case .saved(let change)? = admin.perform(effect, for: omar) else { Issue.record("\(effect) failed"); return nil }
            #expect(change == expected)
            _ = AppScreen.update(&app, .admin(.saved(change)))
            return app.notice(.admin)?.text
        }
        #expect(notice(.saveRoom(Room(id: 0, name: "Salle 9", capacity: 4)), .saved(name: "Salle 9")) == "Saved: Salle 9.")
        // A room with appointments is deactivated, not deleted.
        let visitor = try center.register("Youssef")
        _ = try center.db.book(NewAppointment(visitorId: visitor.id, serviceId: "consult-45", counselorId: center.leila.id, roomId: center.salle.id,
                                          start: try center.instant(AppFixture.today, "11:00")), by: AppFixture.setup, at: AppFixture.now)
        #expect(notice(.removeRoom(id: center.salle.id), .removed(.deactivated)) == "It has appointments: deactivated instead of removed.")
        let closure = try center.db.saveClosure(Closure(id: 0, first: AppFixture.today.adding(days: 30), last: AppFixture.today.adding(days: 30),
                                                        label: "Eid"), by: AppFixture.setup, at: AppFixture.now)
        #expect(notice(.removeClosure(id: closure.id), .removed(.deleted)) == "Removed.")
        let group = try #require(AppFixture.services.last)
        #expect(notice(.setServiceActive(id: group.id, active: false), .serviceSaved(Service(id: "group", nameFr: "Groupe de parole",
            nameEn: "Discussion group", category: .psychological, durationMinutes: 90, groupCapacity: 2, active: false))) == "Saved: Discussion group.")
        #expect(notice(.disableStaff(name: "Amina"), .staffDisabled(name: "Amina")) == "Amina can no longer sign in.")
        // The last admin stays.
        guard case .failed(.store(let text))? = admin.perform(.disableStaff(name: "Omar"), for: omar) else { Issue.record("last admin disabled"); return }
        #expect(text == StaffError.lastAdmin.description)
        guard case .loaded(let data)? = admin.perform(.load, for: omar) else { Issue.record("no data"); return }
        #expect(data.rooms.map(\.name) == ["Salle 2", "Salle 9", "Salle de groupe"])
        #expect(data.staff.first { $0.name == "Amina" }?.active == false)
        #expect(data.closures.isEmpty)
    }

    @Test func occupancyOfTheWeek() throws {
        let center = try TestCenter()
        let request = OccupancyScreen.Request(span: .week, anchor: AppFixture.today)
        guard case .loaded(let loaded, let report)? = OccupancyEffects(center.context()).perform(.load(request), for: Session(member: center.coordinator)) else {
            Issue.record("no occupancy"); return
        }
        #expect(loaded == request)
        #expect(report.period.days.contains(AppFixture.today))
    }
}
