import Foundation
import FrontDeskApp
import FrontDeskDomain
import FrontDeskResources
import FrontDeskStore
import FrontDeskUI
import TerminalKit

/// Shared test data: a fixed clock, English strings, this terminal, a temporary database file.
enum AppFixture {
    static let calendar = CenterCalendar()
    /// Tue 2026-04-14 10:00 in Rabat (09:00Z, UTC+1 that day): every effect's "now".
    static let now = Date(timeIntervalSince1970: 1_776_157_200)
    static let today = calendar.localDate(of: now)
    /// This terminal: its desk name and tty.
    static let terminal = Actor(name: "Desk 1", terminal: "pts/test")
    /// Who set the fixture's data up (not a staff member).
    static let setup = Actor(name: "setup", terminal: "test")

    static func strings(_ language: UILanguage = .en) -> Localizer {
        // The compiled tables, as `frontdesk` reads them (CompiledResourcesTests holds them equal
        // to the JSON files). safe: test fixtures; a missing table fails the test run loudly.
        Localizer(language: language, table: FrontDeskResources.stringTable(language.rawValue)!,
                  fallback: FrontDeskResources.stringTable("en")!)
    }

    static let reference: ReferenceData = {
        try! ReferenceData(countriesJSON: FrontDeskResources.data(named: "countries.json")!, // safe: fixture
                           languagesJSON: FrontDeskResources.data(named: "languages.json")!)
    }()

    /// `consult-<minutes>` social services, and a psychological group (capacity 2, 90 min).
    static let services: [Service] = [30, 45].map {
        Service(id: "consult-\($0)", nameFr: "Consultation \($0)", nameEn: "Consultation \($0)", category: .social, durationMinutes: $0)
    } + [Service(id: "group", nameFr: "Groupe de parole", nameEn: "Discussion group", category: .psychological,
                 durationMinutes: 90, groupCapacity: 2)]

    static func newVisitor(_ given: String, _ family: String = "") -> NewVisitor {
        NewVisitor(givenName: given, familyName: family, sex: .unspecified, birthYear: nil, nationality: "MA",
                   languages: ["ar", "fr"], status: .migrant, phone: nil, consentScopes: [.services])
    }

    /// The app state of a 80x24 terminal, nobody signed in (or `session`).
    static func appState(session: StaffMember? = nil, size: Size = Size(width: 80, height: 24)) -> AppScreen.State {
        AppScreen.State(strings: strings(), calendar: calendar, reference: reference, deskName: terminal.name, size: size, now: now,
                        session: session)
    }
}

/// A center in a temporary database file: the catalog, a counselor working Mon–Fri 09:00–17:00,
/// two rooms, and one staff login per role (PIN 1111, cheap hashes). Removed by `remove()`.
final class TestCenter {
    let directory: String
    let db: AppDatabase
    let leila: Counselor
    let salle: Room
    let groupRoom: Room
    let receptionist: StaffMember
    let counselor: StaffMember
    let coordinator: StaffMember
    let admin: StaffMember

    init() throws {
        directory = (NSTemporaryDirectory() as NSString).appendingPathComponent("frontdesk-app-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        db = try AppDatabase.open(path: (directory as NSString).appendingPathComponent("frontdesk.sqlite"), calendar: AppFixture.calendar)
        let at = AppFixture.now.addingTimeInterval(-86_400), by = AppFixture.setup
        try db.loadCatalog(AppFixture.services, by: by, at: at)
        let hours = WeeklyHours(Weekday.workweek, [TimeRange("09:00-17:00")!])
        leila = try db.saveCounselor(Counselor(id: 0, name: "Leila Amrani", serviceIds: AppFixture.services.map(\.id), languages: ["fr", "ar"],
                                               hours: hours), by: by, at: at)
        salle = try db.saveRoom(Room(id: 0, name: "Salle 2", capacity: 2), by: by, at: at)
        groupRoom = try db.saveRoom(Room(id: 0, name: "Salle de groupe", capacity: 20), by: by, at: at)
        let cheap = PINHash.testIterations
        receptionist = try db.addStaff(name: "Amina", role: .receptionist, pin: "1111", iterations: cheap, by: by, at: at)
        counselor = try db.addStaff(name: "Leila", role: .counselor, counselorId: leila.id, pin: "1111", iterations: cheap, by: by, at: at)
        coordinator = try db.addStaff(name: "Nadia", role: .coordinator, pin: "1111", iterations: cheap, by: by, at: at)
        admin = try db.addStaff(name: "Omar", role: .admin, pin: "1111", iterations: cheap, by: by, at: at)
    }

    deinit {
        try? db.close()
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// The handlers' context on this center, at the fixed instant unless told.
    /// - Parameter exportFolder: where the reports screen's exports go (a test's own folder;
    ///   by default one under the temporary directory, never the home folder).
    func context(clock: AppClock = .fixed(AppFixture.now), exportFolder: String? = nil) -> EffectContext {
        EffectContext(store: db, clock: clock, terminal: AppFixture.terminal, strings: AppFixture.strings(),
                      exportFolder: exportFolder ?? FileManager.default.temporaryDirectory.appendingPathComponent("frontdesk-test-exports-\(getpid())").path)
    }

    /// Registers a visitor directly in the store (not through a handler).
    func register(_ given: String, _ family: String = "") throws -> Visitor {
        try db.register(AppFixture.newVisitor(given, family), by: AppFixture.setup, at: AppFixture.now.addingTimeInterval(-3_600))
    }

    /// The audit events about a visitor, oldest first.
    func trail(visitor id: Int64) throws -> [AuditEvent] {
        try db.auditEvents(matching: AuditFilter(visitorId: id))
    }

    /// Every audit event, oldest first.
    func trail() throws -> [AuditEvent] { try db.auditEvents(matching: AuditFilter()) }

    /// The local instant `time` on `date` (center time), as UTC.
    func instant(_ date: LocalDate, _ time: String) throws -> Date { try db.calendar.instant(date, LocalTime(time)!) }
}
