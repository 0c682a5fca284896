import Foundation
import FrontDeskDomain
import FrontDeskResources
import FrontDeskUI
import TerminalKit
import Testing

/// Shared test data: real strings and reference lists, a fixed clock, names in several scripts.
enum Fixture {
    static let calendar = CenterCalendar()
    /// Tue 2026-04-14 10:42 UTC = 11:42 in Casablanca (UTC+1 that day).
    static let now = Date(timeIntervalSince1970: 1_776_163_320)

    static func strings(_ language: UILanguage = .en) -> Localizer { language == .fr ? french : english }

    /// The string tables, read once (the harness builds a context for every key).
    private static let english = loadStrings(.en)
    private static let french = loadStrings(.fr)

    private static func loadStrings(_ language: UILanguage) -> Localizer {
        // The compiled tables, as `frontdesk` reads them (CompiledResourcesTests holds them equal
        // to the JSON files). safe: test fixtures; a missing table fails the test run loudly.
        Localizer(language: language, table: FrontDeskResources.stringTable(language.rawValue)!,
                  fallback: FrontDeskResources.stringTable("en")!)
    }

    static let reference: ReferenceData = {
        try! ReferenceData(countriesJSON: FrontDeskResources.data(named: "countries.json")!, // safe: fixture
                           languagesJSON: FrontDeskResources.data(named: "languages.json")!)
    }()

    static func visitor(_ id: Int64, _ given: String, _ family: String, nationality: String = "SY", phone: String? = nil) -> Visitor {
        Visitor(id: id, code: VisitorCode(year: 2026, number: Int(id)), givenName: given, familyName: family, sex: .male,
                birthYear: 1990, nationality: nationality, languages: ["ar"], status: .refugee, phone: phone,
                consentAt: now, consentScopes: [.services, .reporting], createdAt: now, updatedAt: now)
    }

    static let youssef = visitor(1, "يوسف", "المهاجر")
    static let samrawit = visitor(2, "ሳምራዊት", "ተስፋይ", nationality: "ER")
    static let aissatou = visitor(3, "Aïssatou", "Diallo-Ndiaye Traoré", nationality: "GN", phone: "+212 6 12 34 56 78")
    static let lina = visitor(4, "Lina 👶", "suivi", nationality: "SY")
    static let escape = visitor(5, "Evil\u{1B}[2J", "\u{1B}]52;c;SGVsbG8=\u{07}Name", nationality: "MA")

    static func entry(_ v: Visitor, _ category: ServiceCategory, _ number: Int, minutesAgo: Int, calledMinutesAgo: Int? = nil, outcome: VisitOutcome? = nil) -> QueueEntry {
        let visit = Visit(id: Int64(1000 * (ServiceCategory.allCases.firstIndex(of: category) ?? 0) + number), visitorId: v.id, category: category,
                          day: calendar.localDate(of: now), ticketNumber: number,
                          arrivedAt: now.addingTimeInterval(Double(-minutesAgo * 60)),
                          calledAt: calledMinutesAgo.map { now.addingTimeInterval(Double(-$0 * 60)) },
                          calledBy: calledMinutesAgo == nil ? nil : "Desk 2", outcome: outcome)
        return QueueEntry(visit: visit, visitorCode: v.code, visitorName: v.fullName)
    }

    /// The reception screen as the shell shows it at 80x24 (or `size`), at `Fixture.now`.
    static func state(size: Size = Size(width: 80, height: 24), language: UILanguage = .en) -> Harness<ReceptionScreen> {
        Harness<ReceptionScreen>(ReceptionScreen.State(), size: size, language: language)
    }

    /// The whole app as the TUI starts it: 80x24 (or `size`), at `Fixture.now`, "Desk 1".
    static func app(session: StaffMember? = nil, kiosk: KioskSettings? = nil, size: Size = Size(width: 80, height: 24),
                    language: UILanguage = .en) -> AppScreen.State {
        AppScreen.State(strings: strings(language), calendar: calendar, reference: reference, deskName: "Desk 1", size: size, now: now,
                        session: session, kiosk: kiosk)
    }

    /// A morning queue with names in four scripts.
    static var busyQueue: [QueueEntry] {
        [
            entry(aissatou, .social, 12, minutesAgo: 55, calledMinutesAgo: 3),
            entry(youssef, .social, 14, minutesAgo: 31),
            entry(samrawit, .psychological, 3, minutesAgo: 24),
            entry(lina, .professional, 5, minutesAgo: 12),
            entry(escape, .social, 15, minutesAgo: 2),
        ]
    }
}

/// Text snapshots of whole frames under `Snapshots/`. A missing file fails the test; with
/// `RECORD_SNAPSHOTS=1` the file is (re)written and the test passes with a warning that says so.
/// A difference fails with a line diff (`SnapshotFile`). Trailing spaces are significant (kept
/// by the folder's .editorconfig).
enum Snapshot {
    static func assert(_ frame: Frame, named name: String, filePath: String = #filePath, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let dir = (filePath as NSString).deletingLastPathComponent + "/Snapshots"
        let path = dir + "/\(name).txt"
        let actual = frame.lines().joined(separator: "\n") + "\n"
        let record = SnapshotFile.recording(ProcessInfo.processInfo.environment)
        switch try SnapshotFile.check(actual, name: name, path: path, record: record) {
        case .matched:
            break
        case .recorded:
            Issue.record("snapshot \(name) recorded (RECORD_SNAPSHOTS=1): \(path)", severity: .warning, sourceLocation: sourceLocation)
        case .missing(let message), .differs(let message):
            Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
        }
    }

    static func render<S: Screen>(_ harness: Harness<S>) -> Frame { harness.frame }
}
