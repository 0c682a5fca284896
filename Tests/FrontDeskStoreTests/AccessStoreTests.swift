import Foundation
import FrontDeskDomain
@testable import FrontDeskStore
import GRDB
import Testing

/// Staff logins, PIN hashes, the lockout, reads per role and the audit of changes and openings.
struct AccessStoreTests {
    static let trauma = Service(id: "trauma-follow-up", nameFr: "Suivi psychologique post-traumatique",
                                nameEn: "Trauma-focused follow-up", category: .psychological, durationMinutes: 60)
    let cheap = PINHash.testIterations

    // MARK: PIN hash

    @Test func pinHashRoundTripWithTheDefaultCost() throws {
        let hash = try PINHash.make(pin: "4821")
        #expect(hash.iterations == PINHash.defaultIterations)
        #expect(hash.iterations >= 210_000) // OWASP's floor for PBKDF2-HMAC-SHA256, also swift-crypto's checked minimum
        #expect(hash.salt.count == 16 && hash.hash.count == 32)
        #expect(hash.verify("4821"))
        #expect(!hash.verify("4822"))
        #expect(!hash.verify(""))
        let decoded = try #require(PINHash(encoded: hash.encoded))
        #expect(decoded == hash)
        #expect(decoded.verify("4821"))
        #expect(hash.encoded.hasPrefix("$pbkdf2-sha256$i=\(PINHash.defaultIterations)$"))
    }

    @Test func saltsDifferAndTheCostIsReadFromTheStoredHash() throws {
        let a = try PINHash.make(pin: "1111", iterations: cheap), b = try PINHash.make(pin: "1111", iterations: cheap)
        #expect(a.salt != b.salt)
        #expect(a.encoded != b.encoded)
        // A hash made with another cost still verifies: the parameters travel with it.
        let raised = try PINHash.make(pin: "1111", iterations: cheap * 2)
        #expect(PINHash(encoded: raised.encoded)?.verify("1111") == true)
        #expect(PINHash(encoded: raised.encoded)?.iterations == cheap * 2)
    }

    /// RFC 7914 §11 test vector of PBKDF2-HMAC-SHA256 (P = "passwd", S = "salt", c = 1, dkLen = 64),
    /// first 32 bytes: the hash is standard PBKDF2, checkable by any other implementation.
    @Test func derivationMatchesTheRFC7914Vector() throws {
        let key = try PINHash.derive("passwd", salt: Array("salt".utf8), iterations: 1)
        #expect(key.map { String(format: "%02x", $0) }.joined() == "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc")
    }

    @Test(arguments: ["", "$pbkdf2-sha256$i=0$AAAA$AAAA", "$bcrypt$i=10$AAAA$AAAA", "$pbkdf2-sha256$i=x$AAAA$AAAA", "1111"])
    func malformedStoredHashesAreRefused(text: String) {
        #expect(PINHash(encoded: text) == nil)
    }

    // MARK: Accounts and sign-in

    @Test func addListDisableAndResetStaff() throws {
        let db = try AppDatabase.inMemory(calendar: rabat)
        let amina = try db.addStaff(name: "Amina", role: .receptionist, pin: "1111", iterations: cheap, by: desk, at: apr14())
        let omar = try db.addStaff(name: "Omar", role: .admin, pin: "4444", iterations: cheap, by: desk, at: apr14())
        #expect(try db.staff().map(\.name) == ["Amina", "Omar"])
        #expect(throws: StaffError.nameTaken("amina")) {
            try db.addStaff(name: "amina", role: .admin, pin: "1111", iterations: cheap, by: desk, at: apr14())
        }
        #expect(throws: StaffError.invalidPIN) { try db.addStaff(name: "X", role: .admin, pin: "12", iterations: cheap, by: desk, at: apr14()) }
        #expect(throws: StaffError.counselorLink(.counselor)) {
            try db.addStaff(name: "C", role: .counselor, pin: "1111", iterations: cheap, by: desk, at: apr14())
        }
        #expect(throws: StaffError.lastAdmin) { try db.disableStaff(named: "Omar", by: desk, at: apr14()) }
        try db.disableStaff(named: "amina", by: desk, at: apr14())
        #expect(try db.staff().map(\.name) == ["Omar"])
        #expect(throws: SignInError.disabled) { try db.signIn(staffId: amina.id, pin: "1111", terminal: "t", at: apr14()) }
        try db.resetPIN(named: "Amina", pin: "2468", iterations: cheap, by: desk, at: apr14())
        #expect(try db.signIn(staffId: amina.id, pin: "2468", terminal: "t", at: apr14()) == amina)
        #expect(try db.signIn(staffId: omar.id, pin: "4444", terminal: "t", at: apr14()).role == .admin)
        let actions = try db.auditEvents(limit: 20, entity: "staff").map(\.action)
        #expect(actions.filter { $0 == .staffAdded }.count == 2)
        #expect(actions.contains(.staffDisabled) && actions.contains(.staffPINReset) && actions.contains(.signedIn))
        // No PIN, hash or salt in the trail.
        #expect(try db.auditEvents(limit: 50).allSatisfy { !$0.detail.contains("pbkdf2") && !$0.detail.contains("2468") })
    }

    @Test func theFirstAdminOnlyOnAnEmptyStaffTable() throws {
        let db = try AppDatabase.inMemory(calendar: rabat)
        let admin = try db.addFirstAdmin(name: "Omar", pin: "4444", by: desk, at: apr14())
        #expect(admin.role == .admin)
        #expect(throws: AccessError.self) { try db.addFirstAdmin(name: "Eve", pin: "0000", by: desk, at: apr14()) }
        #expect(try db.staff().map(\.name) == ["Omar"])
    }

    @Test func fiveWrongPINsLockTheAccountAcrossARestart() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        let path = tmp.file("lock.sqlite")
        let id: Int64
        do {
            let db = try AppDatabase.open(path: path, calendar: rabat)
            id = try db.addStaff(name: "Amina", role: .receptionist, pin: "1111", iterations: cheap, by: desk, at: apr14()).id
            for remaining in [4, 3, 2, 1] {
                #expect(throws: SignInError.wrongPIN(remaining: remaining)) {
                    try db.signIn(staffId: id, pin: "9999", terminal: "t", at: apr14(minutes: 1))
                }
            }
        }
        // A restart between the fourth and the fifth failure: the count was stored.
        do {
            let db = try AppDatabase.open(path: path, calendar: rabat)
            #expect(throws: SignInError.locked(until: apr14(minutes: 7))) {
                try db.signIn(staffId: id, pin: "9999", terminal: "t", at: apr14(minutes: 2))
            }
        }
        // Another restart: locked, even with the right PIN, until 5 minutes have passed.
        let db = try AppDatabase.open(path: path, calendar: rabat)
        #expect(throws: SignInError.locked(until: apr14(minutes: 7))) {
            try db.signIn(staffId: id, pin: "1111", terminal: "t", at: apr14(minutes: 6.9))
        }
        #expect(try db.signIn(staffId: id, pin: "1111", terminal: "t", at: apr14(minutes: 7)).name == "Amina")
        let actions = try db.auditEvents(limit: 20, entity: "staff", entityId: id).map(\.action)
        #expect(actions.filter { $0 == .signInFailed }.count == 6)
        #expect(actions.filter { $0 == .staffLocked }.count == 1)
        #expect(actions.first == .signedIn)
        // After a success the count starts again from zero.
        #expect(throws: SignInError.wrongPIN(remaining: 4)) { try db.signIn(staffId: id, pin: "0000", terminal: "t", at: apr14(minutes: 8)) }
    }

    @Test func onlyCoordinatorsAndAdminsMayQuitAKiosk() throws {
        let db = try AppDatabase.inMemory(calendar: rabat)
        let amina = try db.addStaff(name: "Amina", role: .receptionist, pin: "1111", iterations: cheap, by: desk, at: apr14())
        let nadia = try db.addStaff(name: "Nadia", role: .coordinator, pin: "3333", iterations: cheap, by: desk, at: apr14())
        #expect(throws: SignInError.roleNotAllowed(.receptionist)) {
            try db.signIn(staffId: amina.id, pin: "1111", purpose: .kioskQuit, terminal: "kiosk", at: apr14())
        }
        #expect(try db.signIn(staffId: nadia.id, pin: "3333", purpose: .kioskQuit, terminal: "kiosk", at: apr14()) == nadia)
        #expect(try db.auditEvents(limit: 1).first?.action == .kioskQuitAuthorized)
        #expect(try db.auditEvents(limit: 1).first?.actor == Actor(name: "Nadia", terminal: "kiosk"))
    }

    // MARK: Reads per role

    func psychologicalAppointmentWithNotes() throws -> (SchedulingFixture, AppointmentListing) {
        let f = try SchedulingFixture()
        try f.db.loadCatalog([Self.trauma], by: desk, at: SchedulingFixture.now)
        var leila = f.leila
        leila.serviceIds.append(Self.trauma.id)
        _ = try f.db.saveCounselor(leila, by: desk, at: SchedulingFixture.now)
        let start = try f.db.calendar.instant(LocalDate(iso: "2026-04-14")!, LocalTime("10:00")!)
        let booked = try f.db.book(NewAppointment(visitorId: f.youssef.id, serviceId: Self.trauma.id, counselorId: f.leila.id,
                                                  roomId: f.salle2.id, start: start, note: "prefers Darija"),
                                   by: desk, at: SchedulingFixture.now)
        let leilaViewer = Viewer(role: .counselor, counselorId: f.leila.id)
        try f.db.saveCounselorNote(appointmentId: booked.id, note: "nightmares less frequent", as: leilaViewer,
                                   by: Actor(name: "Leila", terminal: "t"), at: SchedulingFixture.now)
        return (f, booked)
    }

    /// Issue 13 item 8: every read of a counselor's notes is audited (the text is not in the
    /// trail); a refused read writes nothing.
    @Test func readingCounselorNotesIsAudited() throws {
        let (f, booked) = try psychologicalAppointmentWithNotes()
        func reads() throws -> [(String, String)] {
            try f.db.writer.read { db in
                try Row.fetchAll(db, sql: "SELECT actor_name AS actor, detail FROM audit_event WHERE action = 'appointment.note_read' AND entity_id = ?",
                                 arguments: [booked.id]).map { ($0["actor"], $0["detail"]) }
            }
        }
        #expect(try reads().isEmpty)
        let leila = Viewer(role: .counselor, counselorId: f.leila.id)
        #expect(try f.db.readCounselorNote(appointmentId: booked.id, as: leila, by: Actor(name: "Leila", terminal: "t"), at: SchedulingFixture.now)
                == "nightmares less frequent")
        let rows = try reads()
        #expect(rows.count == 1 && rows[0].1 == "24 characters" && !rows[0].1.contains("nightmares"), "\(rows)")
        #expect(throws: AccessError.self) {
            _ = try f.db.readCounselorNote(appointmentId: booked.id, as: Viewer(role: .receptionist), by: desk, at: SchedulingFixture.now)
        }
        #expect(try reads().count == 1)
    }

    @Test func aReceptionistsReadReturnsNoCounselorNotesAndMasksThePsychologicalService() throws {
        let (f, booked) = try psychologicalAppointmentWithNotes()
        let day = UTCInterval(start: f.db.calendar.startOfDay(LocalDate(iso: "2026-04-14")!),
                              end: f.db.calendar.startOfDay(LocalDate(iso: "2026-04-15")!))
        let reception = Viewer(role: .receptionist)
        for listing in [try f.db.appointments(counselorId: nil, overlapping: day, as: reception),
                        try f.db.appointments(visitorId: f.youssef.id, limit: 10, as: reception),
                        [try #require(try f.db.appointment(id: booked.id, as: reception))]].flatMap({ $0 }) {
            #expect(listing.appointment.counselorNote == nil)
            #expect(listing.service.nameEn == "appointment")
            #expect(listing.visitorName == "يوسف المهاجر")
            #expect(listing.appointment.note == "prefers Darija")
        }
        // The counselor reads her own notes; another counselor sees a busy time only.
        let own = try #require(try f.db.appointment(id: booked.id, as: Viewer(role: .counselor, counselorId: f.leila.id)))
        #expect(own.appointment.counselorNote == "nightmares less frequent")
        #expect(own.service.nameEn == "Trauma-focused follow-up")
        let karim = try #require(try f.db.appointment(id: booked.id, as: Viewer(role: .counselor, counselorId: f.karim.id)))
        #expect(karim.appointment.counselorNote == nil)
        #expect(karim.visitorName == nil)
        #expect(karim.appointment.start == own.appointment.start)
        // Writes hand back nothing of the notes either.
        let moved = try f.db.setStatus(appointmentId: booked.id, to: .checkedIn, by: desk, at: SchedulingFixture.during)
        #expect(moved.appointment.counselorNote == nil)
    }

    @Test func onlyTheAppointmentsCounselorWritesItsNotes() throws {
        let (f, booked) = try psychologicalAppointmentWithNotes()
        for viewer in [Viewer(role: .receptionist), Viewer(role: .counselor, counselorId: f.karim.id), Viewer(role: .admin)] {
            #expect(throws: AccessError.self) {
                try f.db.saveCounselorNote(appointmentId: booked.id, note: "x", as: viewer, by: desk, at: SchedulingFixture.now)
            }
        }
        let note = try f.db.writer.read { try String.fetchOne($0, sql: "SELECT counselor_note FROM appointment WHERE id = ?", arguments: [booked.id]) }
        #expect(note == "nightmares less frequent")
        let event = try #require(try f.db.auditEvents(limit: 20, entity: "appointment", entityId: booked.id).first { $0.action == .appointmentNoteSaved })
        #expect(!event.detail.contains("nightmares"))
        #expect(event.actor.name == "Leila")
    }

    /// Who sees an appointment as busy time only cannot change it: not its status, a correction,
    /// its time or a cancellation; the refusal changes nothing and audits nothing. Those who may
    /// get the listing back as they may see it.
    @Test func onlyWhoSeesWhoseAppointmentItIsMayChangeIt() throws {
        let (f, booked) = try psychologicalAppointmentWithNotes()
        let audited = { try f.db.auditEvents(limit: 100, entity: "appointment", entityId: booked.id).count }
        let before = try audited()
        for viewer in [Viewer(role: .counselor, counselorId: f.karim.id), Viewer(role: .coordinator), Viewer(role: .admin)] {
            #expect(throws: AccessError.self) {
                try f.db.setStatus(appointmentId: booked.id, to: .checkedIn, as: viewer, by: desk, at: SchedulingFixture.during)
            }
            #expect(throws: AccessError.self) {
                try f.db.correctStatus(appointmentId: booked.id, to: .noShow, reason: "test", as: viewer, by: desk, at: SchedulingFixture.now)
            }
            #expect(throws: AccessError.self) {
                try f.db.cancel(appointmentId: booked.id, reason: "test", as: viewer, by: desk, at: SchedulingFixture.now)
            }
            #expect(throws: AccessError.self) {
                try f.db.reschedule(appointmentId: booked.id, to: booked.appointment.start.addingTimeInterval(3_600), counselorId: nil,
                                    roomId: nil, as: viewer, by: desk, at: SchedulingFixture.now)
            }
        }
        let row = try #require(try f.db.appointment(id: booked.id, as: .fileOwner))
        #expect(row.status == .booked && row.appointment.start == booked.appointment.start)
        #expect(try audited() == before)
        // Reception marks the arrival and gets the service back masked; the counselor completes it.
        let arrived = try f.db.setStatus(appointmentId: booked.id, to: .checkedIn, as: Viewer(role: .receptionist), by: desk,
                                         at: SchedulingFixture.during)
        #expect(arrived.status == .checkedIn && arrived.service.nameEn == "appointment" && arrived.appointment.counselorNote == nil)
        let leila = Viewer(role: .counselor, counselorId: f.leila.id)
        _ = try f.db.setStatus(appointmentId: booked.id, to: .inSession, as: leila, by: desk, at: SchedulingFixture.during)
        let done = try f.db.setStatus(appointmentId: booked.id, to: .completed, as: leila, by: desk, at: SchedulingFixture.during)
        #expect(done.status == .completed && done.service.nameEn == "Trauma-focused follow-up")
    }

    @Test func aCounselorsSearchFindsOnlyTheirOwnVisitors() throws {
        let f = try SchedulingFixture()
        try f.book(f.youssef, f.leila, f.salle2, "2026-04-14", "10:00")
        try f.book(f.samrawit, f.karim, f.salle3, "2026-04-14", "10:00")
        let reception = Viewer(role: .receptionist)
        #expect(try f.db.searchVisitors("ሳምራዊት", limit: 20, as: reception).map(\.id) == [f.samrawit.id])
        #expect(try f.db.searchVisitors("aissatou", limit: 20, as: reception).map(\.id) == [f.aissatou.id])
        let leila = Viewer(role: .counselor, counselorId: f.leila.id)
        #expect(try f.db.searchVisitors("يوسف", limit: 20, as: leila).map(\.id) == [f.youssef.id])
        #expect(try f.db.searchVisitors("ሳምራዊት", limit: 20, as: leila).isEmpty)
        #expect(try f.db.searchVisitors("aissatou", limit: 20, as: leila).isEmpty)
        #expect(try f.db.searchVisitors("يوسف", limit: 20, as: Viewer(role: .coordinator)).isEmpty)
        #expect(try f.db.searchVisitors("يوسف", limit: 20, as: Viewer(role: .admin)).isEmpty)
    }

    // MARK: Audit of changes and openings

    @Test func changesAndRecordOpeningsAreAudited() throws {
        let db = try AppDatabase.inMemory(calendar: rabat)
        let amina = Actor(name: "Amina", terminal: "Desk 1 /dev/pts/3")
        let v = try db.register(newVisitor("Aïssatou", "Diallo"), by: amina, at: apr14())
        _ = try db.checkIn(visitorId: v.id, category: .social, by: amina, at: apr14(minutes: 1))
        try db.recordVisitorOpened(id: v.id, by: amina, at: apr14(minutes: 2))
        let events = try db.auditEvents(limit: 10)
        #expect(events.map(\.action) == [.visitorOpened, .visitCheckedIn, .visitorRegistered])
        #expect(events.allSatisfy { $0.actor == amina })
        #expect(events[0].entity == "visitor" && events[0].entityId == v.id)
        #expect(events[0].at == apr14(minutes: 2))
        #expect(events.allSatisfy { !$0.detail.contains("Aïssatou") })
        // The trail cannot be changed or pruned, whatever SQL is tried.
        #expect(throws: DatabaseError.self) { try db.writer.write { try $0.execute(sql: "UPDATE audit_event SET actor_name = 'x'") } }
        #expect(throws: DatabaseError.self) { try db.writer.write { try $0.execute(sql: "DELETE FROM audit_event") } }
        #expect(try db.auditEvents(limit: 10).count == 3)
    }

    /// A called ticket names the desk the visitor goes to; the trail names who called it.
    @Test func aCallNamesTheDeskAndAuditsTheStaffMember() throws {
        let db = try AppDatabase.inMemory(calendar: rabat)
        let amina = Actor(name: "Amina", terminal: "Desk 2 /dev/pts/4")
        let v = try db.register(newVisitor("Lina"), by: amina, at: apr14())
        _ = try db.checkIn(visitorId: v.id, category: .social, by: amina, at: apr14(minutes: 1))
        let called = try db.callNext(category: nil, by: amina, desk: "Desk 2", at: apr14(minutes: 2))
        #expect(called.visit.calledBy == "Desk 2")
        #expect(try db.auditEvents(limit: 1).first?.actor == amina)
    }
}
