import Foundation
import FrontDeskDomain
import Testing

/// The real binary in a real terminal (tmux): keys in, screen and database out.
@Suite(.serialized) struct ReceptionEndToEndTests {
    @Test func registerCheckInAndResize() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let db = dir.file("e2e.sqlite")
        #expect(try frontdesk(["init", "--db", db]).status == 0)
        try addStaff(db)
        let tmux = try TmuxSession(command: "\(TestBinary.frontdesk) --db \(db) --lang en")
        defer { tmux.close() }
        try tmux.signIn()
        try tmux.waitFor("Queue · all")

        // Register يوسف المهاجر with keys only.
        try tmux.send("F2")
        try tmux.waitFor("New visitor")
        try tmux.type("يوسف")
        try tmux.send("Tab")
        try tmux.type("المهاجر")
        try tmux.send("Tab", "Right", "Right", "Tab", "Tab") // sex: male; skip birth year
        try tmux.type("syri")
        try tmux.waitFor("Syria")
        try tmux.send("Tab")
        try tmux.type("arabic")
        try tmux.send("Tab", "Right", "Tab", "Tab") // status: refugee (first after "other"); skip phone
        try tmux.send("Space", "F2")
        // Saved: the check-in dialog opens for him; choose social.
        try tmux.waitFor("Walk-in check-in")
        try tmux.send("S") // the letter gives the ticket at once
        let ticketScreen = try tmux.waitFor("S-001 · V-")
        #expect(ticketScreen.contains("يوسف المهاجر"))

        // The database holds his visit with ticket 1 in social.
        let row = try sqlite3(db,
            "SELECT v.category, v.ticket_number, p.given_name || ' ' || p.family_name FROM visit v JOIN visitor p ON p.id = v.visitor_id")
        #expect(row.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "social|1|يوسف المهاجر")

        try tmux.send("Enter")
        let queue = try tmux.waitFor("queue row") { $0.contains("S-001") && $0.contains("waiting") }
        #expect(queue.contains("يوسف المهاجر"))

        // A name typed with the queue in focus goes to the search: `cisse` calls no ticket.
        try tmux.send("Tab")
        try tmux.type("cisse")
        try tmux.waitFor("the typed name in the search") { $0.contains("/ cisse") }
        let called = try sqlite3(db, "SELECT count(*) FROM visit WHERE called_at IS NOT NULL")
        #expect(called.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0")
        try tmux.send("C-u")
        try tmux.waitFor("an empty search") { !$0.contains("/ cisse") }

        // A bracketed paste of two lines is text: one line in the search, no ticket.
        try tmux.type("\u{1B}[200~Fatima Zahra Alaoui\nSalé\n\u{1B}[201~")
        try tmux.waitFor("the pasted name on one line") { $0.contains("/ Fatima Zahra Alaoui Salé") }
        let visits = try sqlite3(db, "SELECT count(*) FROM visit")
        #expect(visits.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "1")
        #expect(try !tmux.capture().contains("Walk-in check-in"))
        try tmux.send("C-u")
        try tmux.waitFor("an empty search") { !$0.contains("/ Fatima") }

        // The same two lines pasted raw (a terminal without bracketed paste: line breaks come as
        // Enter): still text, one line in the search, no ticket.
        try tmux.rawPaste("Fatima Zahra Alaoui\nSalé\n")
        try tmux.waitFor("the raw-pasted name on one line") { $0.contains("/ Fatima Zahra Alaoui Salé") }
        let afterRaw = try sqlite3(db, "SELECT count(*) FROM visit")
        #expect(afterRaw.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "1")
        #expect(try !tmux.capture().contains("Walk-in check-in"))
        try tmux.send("C-u")

        // Too small, then whole again.
        try tmux.resize(width: 40, height: 12)
        let small = try tmux.waitFor("Enlarge")
        #expect(!small.contains("Queue · all"))
        try tmux.resize(width: 80, height: 24)
        let whole = try tmux.waitFor("redrawn screen") { $0.contains("Queue · all") && $0.contains("S-001") }
        let lines = whole.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first?.contains("FrontDesk") == true)
        #expect(lines.contains { $0.contains("F10") && $0.contains("Quit") })
        #expect(try tmux.isRunning())

        // Quit with F10 and confirm.
        try tmux.send("F10")
        try tmux.waitFor("Quit FrontDesk?")
        try tmux.send("y")
        try tmux.waitFor("exit") { _ in (try? tmux.isRunning()) == false }
    }

    /// A new file where Aïcha Ngassa has an appointment at 00:15 today, center time (booked as
    /// if at 00:00, so she is expected today whatever the hour the test runs), with Leila
    /// Amrani; ሳምራዊት ተስፋይ is registered too. Returns both codes.
    static func expectedToday(_ db: String) throws -> (aicha: String, samrawit: String) {
        #expect(try frontdesk(["init", "--db", db]).status == 0)
        try #require(try frontdesk(["settings", "set", "--db", db, "--opening-hours", "mon-sun 00:00-23:59"]).status == 0)
        try #require(try frontdesk(["counselors", "add", "--db", db, "Leila Amrani", "--services", "trauma-follow-up",
                                    "--languages", "fr", "--hours", "mon-sun 00:00-23:59"]).status == 0)
        try #require(try frontdesk(["rooms", "add", "--db", db, "Salle 2", "--capacity", "2"]).status == 0)
        let aicha = try frontdesk(["visitors", "add", "--db", db, "--given", "Aïcha", "--family", "Ngassa", "--nationality", "CM",
                                   "--consent", "services"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let samrawit = try frontdesk(["visitors", "add", "--db", db, "--given", "ሳምራዊት", "--family", "ተስፋይ", "--nationality", "ER",
                                      "--consent", "services"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        // Today and its midnight by the program's own zone rules (the system's tzdata, as
        // `frontdesk` reads it; Foundation's copy can be a release behind).
        let center = CenterCalendar()
        let today = center.localDate(of: Date())
        let midnight = center.startOfDay(today)
        let book = try frontdesk(["book", "--db", db, "--visitor", aicha, "--service", "trauma-follow-up", "--at", "\(today) 00:15"],
                                 environment: ["FRONTDESK_NOW": ISO8601DateFormatter().string(from: midnight)])
        try #require(book.status == 0, "\(book.stderr)")
        return (aicha, samrawit)
    }

    /// A visitor expected today is marked arrived from the search: the letters, then Enter
    /// (the arrival is offered first), then Enter.
    @Test func anExpectedVisitorArrivesFromTheSearchWithTwoKeys() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let db = dir.file("arrive.sqlite")
        _ = try Self.expectedToday(db)
        try addStaff(db)

        let tmux = try TmuxSession(command: "\(TestBinary.frontdesk) --db \(db) --lang en")
        defer { tmux.close() }
        try tmux.signIn()
        try tmux.waitFor("Aïcha Ngassa")
        try tmux.type("aicha")
        try tmux.waitFor("the search result") { $0.contains("/ aicha") && $0.components(separatedBy: "Aïcha Ngassa").count > 2 }
        try tmux.send("Enter")
        try tmux.waitFor("Arrived for 00:15 · Leila Amrani")
        try tmux.send("Enter")
        try tmux.waitFor("the arrival") { $0.contains("✓") }
        #expect(try sqlite3(db, "SELECT status FROM appointment").stdout == "checked_in\n")
        #expect(try sqlite3(db, "SELECT count(*) FROM visit").stdout == "0\n", "no walk-in ticket")
    }

    /// After an arrival and after F6 closes a visit, the next name typed goes to the search:
    /// it marks, calls and closes nothing.
    @Test func afterAnArrivalOrACloseTypingGoesToTheSearch() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let db = dir.file("after.sqlite")
        let (_, samrawit) = try Self.expectedToday(db)
        #expect(try frontdesk(["checkin", samrawit, "--category", "social", "--db", db]).stdout == "S-001\n")
        try addStaff(db)

        let tmux = try TmuxSession(command: "\(TestBinary.frontdesk) --db \(db) --lang en")
        defer { tmux.close() }
        try tmux.signIn()
        try tmux.waitFor("Aïcha Ngassa")
        // The arrival: Tab to the queue, Tab to "Expected today", Enter.
        try tmux.send("Tab")
        try tmux.waitFor("the queue focused") { $0.contains("Tab Expected") || $0.contains("F6") }
        try tmux.send("Tab")
        try tmux.waitFor("Arrived")
        try tmux.send("Enter")
        try tmux.waitFor("the arrival") { $0.contains("✓") }
        try tmux.type("cisse")
        try tmux.waitFor("the name in the search") { $0.contains("/ cisse") }
        #expect(try sqlite3(db, "SELECT status FROM appointment").stdout == "checked_in\n")
        #expect(try sqlite3(db, "SELECT count(*) FROM visit WHERE called_at IS NOT NULL").stdout == "0\n")
        try tmux.send("C-u")
        try tmux.waitFor("an empty search") { !$0.contains("/ cisse") }

        // F5 calls S-001 at this desk; F6 Enter closes it; the next name goes to the search.
        try tmux.send("F5")
        try tmux.waitFor("→ Desk 1")
        try tmux.send("Tab")
        try tmux.waitFor("the queue focused") { $0.contains("F6") }
        try tmux.send("F6")
        try tmux.waitFor("Close visit S-001")
        try tmux.send("Enter")
        try tmux.waitFor("the close") { !$0.contains("Close visit") && !$0.contains("→ Desk 1") }
        try tmux.type("amina")
        try tmux.waitFor("the name in the search") { $0.contains("/ amina") }
        #expect(try sqlite3(db, "SELECT outcome FROM visit").stdout == "seen\n")
        #expect(try sqlite3(db, "SELECT count(*) FROM visit").stdout == "1\n")
    }

    /// Registering, in Latin letters, a person already registered in Arabic script shows the
    /// record and asks; choosing it stores nothing new and goes on to the check-in.
    @Test func aResemblingRegistrationShowsTheRecordAndStoresNothingWhenChosen() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let db = dir.file("dup.sqlite")
        #expect(try frontdesk(["init", "--db", db]).status == 0)
        let add = try frontdesk(["visitors", "add", "--db", db, "--given", "يوسف", "--family", "المهاجر", "--nationality", "SY",
                                 "--birth-year", "1990", "--consent", "services"])
        try #require(add.status == 0)
        let code = add.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try addStaff(db)
        let tmux = try TmuxSession(command: "\(TestBinary.frontdesk) --db \(db) --lang en")
        defer { tmux.close() }
        try tmux.signIn()
        try tmux.send("F2")
        try tmux.waitFor("New visitor")
        try tmux.type("Youssef")
        try tmux.send("Tab")
        try tmux.type("El Mouhajir")
        try tmux.send("Tab", "Tab", "Tab")
        try tmux.type("syri")
        try tmux.waitFor("Syria")
        try tmux.send("Tab", "Tab", "Tab", "Tab", "Space")
        try tmux.waitFor("the consent ticked") { $0.contains("[x]") }
        try tmux.send("F2")
        let asked = try tmux.waitFor("Already registered?")
        #expect(asked.contains("\(code)  يوسف المهاجر"), "\(asked)")
        try tmux.send("Enter")
        try tmux.waitFor("Walk-in check-in")
        #expect(try sqlite3(db, "SELECT count(*) FROM visitor").stdout == "1\n")
        #expect(try sqlite3(db, "SELECT count(*) FROM audit_event WHERE action = 'visitor.duplicate_chosen'").stdout == "1\n")
    }

    /// Another terminal's check-in shows in this terminal's queue without a key. (How soon, about
    /// a second, is measured by `frontdesk-bench --only live`, not here.)
    @Test func anotherTerminalsCheckInAppearsWithoutAKey() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let db = dir.file("live.sqlite")
        #expect(try frontdesk(["init", "--db", db]).status == 0)
        let add = try frontdesk(["visitors", "add", "--db", db, "--given", "ሳምራዊት", "--family", "ተስፋይ", "--nationality", "ER", "--consent", "services"])
        try #require(add.status == 0)
        try addStaff(db)
        let tmux = try TmuxSession(command: "\(TestBinary.frontdesk) --db \(db) --lang en")
        defer { tmux.close() }
        try tmux.signIn()
        try tmux.waitFor("Nobody is waiting.")
        let code = add.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try frontdesk(["checkin", code, "--category", "psychological", "--db", db]).stdout == "P-001\n")
        let screen = try tmux.waitFor("P-001")
        #expect(screen.contains("ሳምራዊት ተስፋይ"))
        #expect(screen.contains("Waiting 1"))
    }
}
