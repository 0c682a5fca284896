import Foundation
import FrontDeskDomain
import Testing

/// The permission table: each role against each screen and each field, and what
/// `redact` leaves of an appointment for each viewer.
struct PermissionsTests {
    static let psych = Service(id: "trauma-follow-up", nameFr: "Suivi psychologique post-traumatique",
                               nameEn: "Trauma-focused follow-up", category: .psychological, durationMinutes: 60)
    static let social = Service(id: "social-orientation", nameFr: "Assistance sociale et orientation",
                                nameEn: "Social assistance and orientation", category: .social, durationMinutes: 45)
    static let receptionist = Viewer(role: .receptionist)
    static let leila = Viewer(role: .counselor, counselorId: 7)
    static let other = Viewer(role: .counselor, counselorId: 8)
    static let coordinator = Viewer(role: .coordinator)
    static let admin = Viewer(role: .admin)

    /// Role × screen, the whole table.
    @Test(arguments: [
        (StaffRole.receptionist, ProtectedScreen.reception, true), (.receptionist, .booking, true), (.receptionist, .schedule, false),
        (.receptionist, .occupancy, false), (.receptionist, .admin, false),
        (.counselor, .reception, false), (.counselor, .booking, true), (.counselor, .schedule, true),
        (.counselor, .occupancy, false), (.counselor, .admin, false),
        (.coordinator, .reception, false), (.coordinator, .booking, false), (.coordinator, .schedule, true),
        (.coordinator, .occupancy, true), (.coordinator, .admin, false),
        (.admin, .reception, false), (.admin, .booking, false), (.admin, .schedule, false),
        (.admin, .occupancy, false), (.admin, .admin, true),
    ])
    func roleAgainstScreen(role: StaffRole, screen: ProtectedScreen, allowed: Bool) {
        #expect(Permissions.mayOpen(screen, Viewer(role: role)) == allowed)
    }

    @Test func everyRoleHasEveryFieldAndAHomeItMayOpen() {
        for role in StaffRole.allCases {
            #expect(Set(Permissions.fields[role]?.keys.map { $0 } ?? []) == Set(ProtectedField.allCases))
            let home = try? #require(Permissions.home[role])
            #expect(home.map { Permissions.mayOpen($0, Viewer(role: role)) } == true)
        }
    }

    /// Role × field, for an appointment of counselor 7 with a psychological service.
    @Test(arguments: [
        (receptionist, ProtectedField.visitorIdentity, Permissions.Visibility.shown),
        (receptionist, .visitorContact, .shown), (receptionist, .appointmentTime, .shown),
        (receptionist, .serviceName, .masked), (receptionist, .counselorNote, .hidden), (receptionist, .bookingNote, .shown),
        (receptionist, .aggregateCounts, .hidden), (receptionist, .configuration, .hidden), (receptionist, .staffAccounts, .hidden),
        (leila, .visitorIdentity, .shown), (leila, .serviceName, .shown), (leila, .counselorNote, .shown),
        (leila, .visitorContact, .shown), (leila, .configuration, .hidden),
        (other, .visitorIdentity, .hidden), (other, .serviceName, .hidden), (other, .counselorNote, .hidden),
        (other, .appointmentTime, .shown),
        (coordinator, .visitorIdentity, .hidden), (coordinator, .serviceName, .hidden), (coordinator, .counselorNote, .hidden),
        (coordinator, .aggregateCounts, .shown), (coordinator, .appointmentTime, .shown),
        (admin, .visitorIdentity, .hidden), (admin, .counselorNote, .hidden), (admin, .configuration, .shown),
        (admin, .staffAccounts, .shown), (admin, .aggregateCounts, .hidden),
        (Viewer.fileOwner, .counselorNote, .shown), (Viewer.fileOwner, .serviceName, .shown),
    ])
    func roleAgainstFieldOfAPsychologicalAppointment(viewer: Viewer, field: ProtectedField, expected: Permissions.Visibility) {
        #expect(Permissions.visibility(field, for: viewer, counselorIds: [7], category: .psychological) == expected)
    }

    /// Every role against every field, for a psychological and a social appointment of counselor
    /// 7, read by the role (a counselor as counselor 7, then as counselor 8). Letters in
    /// `ProtectedField.allCases` order: identity, contact, profile, time, service, counselor
    /// note, booking note, counts, configuration, staff; S shown, M masked, H hidden.
    @Test(arguments: [
        (receptionist, "SSSSMHSHHH", "SSSSSHSHHH"),
        (leila, "SSSSSSSHHH", "SSSSSSSHHH"),
        (other, "HHHSHHHHHH", "HHHSHHHHHH"),
        (coordinator, "HHHSHHHSHH", "HHHSHHHSHH"),
        (admin, "HHHSHHHHSS", "HHHSHHHHSS"),
    ])
    func everyRoleAgainstEveryField(viewer: Viewer, psychological: String, social: String) {
        func letters(_ category: ServiceCategory) -> String {
            String(ProtectedField.allCases.map { field -> Character in
                switch Permissions.visibility(field, for: viewer, counselorIds: [7], category: category) {
                case .shown: "S"
                case .masked: "M"
                case .hidden: "H"
                }
            })
        }
        #expect(letters(.psychological) == psychological)
        #expect(letters(.social) == social)
        #expect(letters(.professional) == social)
    }

    /// No login becomes the command line's file owner, whatever it is called.
    @Test func aStaffAdminNamedLikeTheFileOwnerGetsNoMore() {
        let impostor = StaffMember(id: 9, name: "file owner", role: .admin).viewer
        #expect(impostor != .fileOwner)
        #expect(!impostor.isFileOwner)
        #expect(!Permissions.mayOpen(.reception, impostor))
        #expect(Permissions.visibility(.visitorIdentity, for: impostor, counselorIds: [7], category: .social) == .hidden)
        #expect(Permissions.mayOpen(.reception, .fileOwner))
    }

    @Test func onlyPsychologicalServiceNamesAreMaskedForReception() {
        for category in ServiceCategory.allCases {
            let v = Permissions.visibility(.serviceName, for: Self.receptionist, counselorIds: [7], category: category)
            #expect(v == (category == .psychological ? .masked : .shown))
        }
    }

    static func listing(_ service: Service) -> AppointmentListing {
        let start = Date(timeIntervalSince1970: 1_776_157_200)
        let a = Appointment(id: 1, visitorId: 42, serviceId: service.id, counselorId: 7, roomId: 1, start: start,
                            end: start.addingTimeInterval(3600), note: "needs a ramp", createdBy: "Desk 1",
                            counselorNote: "spoke about the journey")
        let t = LocalDateTime(LocalDate(year: 2026, month: 4, day: 14), LocalTime(hour: 10, minute: 0)!) // safe: literal
        return AppointmentListing(appointment: a, localStart: t, localEnd: t, visitorCode: VisitorCode(year: 2026, number: 42),
                                  visitorName: "يوسف المهاجر", service: service, counselorName: "Leila Amrani", roomName: "Salle 2")
    }

    @Test func receptionSeesWhoAndWhenButNotNotesNorThePsychologicalService() {
        let r = Permissions.redact(Self.listing(Self.psych), for: Self.receptionist)
        #expect(r.visitorName == "يوسف المهاجر")
        #expect(r.appointment.counselorNote == nil)
        #expect(r.appointment.note == "needs a ramp")
        #expect(r.service.nameEn == "appointment")
        #expect(r.service.nameFr == "rendez-vous")
        #expect(r.service.id == "trauma-follow-up") // kept: reception reschedules by it, never shows it
        #expect(r.appointment.start == Self.listing(Self.psych).appointment.start)
        let social = Permissions.redact(Self.listing(Self.social), for: Self.receptionist)
        #expect(social.service.nameEn == "Social assistance and orientation")
        #expect(social.appointment.counselorNote == nil)
    }

    @Test func aCounselorSeesTheirOwnInFullAndOthersAsBusyOnly() {
        let own = Permissions.redact(Self.listing(Self.psych), for: Self.leila)
        #expect(own == Self.listing(Self.psych))
        let others = Permissions.redact(Self.listing(Self.psych), for: Self.other)
        #expect(others.visitorName == nil)
        #expect(others.visitorCode == nil)
        #expect(others.appointment.visitorId == nil)
        #expect(others.appointment.counselorNote == nil)
        #expect(others.appointment.note.isEmpty)
        #expect(others.service.nameEn == "appointment")
        #expect(others.service.id == "appointment")
        #expect(others.appointment.serviceId == "appointment")
        #expect(others.interval == Self.listing(Self.psych).interval)
        #expect(others.counselorName == "Leila Amrani")
    }

    /// Changing an appointment needs to see whose it is: reception and its own counselor (and
    /// the command line's file owner) may; another counselor, a coordinator and an admin may not.
    @Test func whoMayChangeAnAppointment() {
        let a = Self.listing(Self.psych).appointment
        #expect(Permissions.mayChange(a, Viewer(role: .receptionist)))
        #expect(Permissions.mayChange(a, Self.leila))
        #expect(Permissions.mayChange(a, .fileOwner))
        #expect(!Permissions.mayChange(a, Self.other))
        #expect(!Permissions.mayChange(a, Self.coordinator))
        #expect(!Permissions.mayChange(a, Self.admin))
    }

    @Test(arguments: [coordinator, admin])
    func coordinatorAndAdminSeeNoPerson(viewer: Viewer) {
        let r = Permissions.redact(Self.listing(Self.social), for: viewer)
        #expect(r.visitorName == nil)
        #expect(r.appointment.counselorNote == nil)
        #expect(r.service.nameEn == "appointment")
    }

    @Test(arguments: [("1234", true), ("12345678", true), ("123", false), ("123456789", false), ("12a4", false),
                      ("١٢٣٤", false), ("", false), (" 1234", false)])
    func pinIsFourToEightASCIIDigits(pin: String, valid: Bool) {
        #expect(PIN.isValid(pin) == valid)
    }

    @Test func fiveWrongPINsLockForFiveMinutes() {
        let now = Date(timeIntervalSince1970: 1_776_157_200)
        var failures = 0
        for i in 1...4 {
            let next = SignInPolicy.afterFailure(previousFailures: failures, at: now)
            #expect(next.failures == i)
            #expect(next.lockedUntil == nil)
            failures = next.failures
        }
        let fifth = SignInPolicy.afterFailure(previousFailures: failures, at: now)
        #expect(fifth.lockedUntil == now.addingTimeInterval(300))
        #expect(fifth.failures == 0)
    }
}

extension AppointmentListing {
    var interval: UTCInterval { appointment.interval }
}
