import Foundation
import Testing

/// Sign-in, the kiosk's idle lock and guarded quit, in the real binary under tmux; the staff
/// commands' output and exit codes.
@Suite(.serialized) struct AccessEndToEndTests {
    /// Quitting with F10 while signed in ends the session in the audit trail, as ^O does.
    @Test func quittingRecordsTheSignOut() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let db = dir.file("quit.sqlite")
        #expect(try frontdesk(["init", "--db", db]).status == 0)
        try addStaff(db, name: "Amina Desk", role: "receptionist", pin: "1111")
        let tmux = try TmuxSession(command: "\(TestBinary.frontdesk) --db \(db) --lang en")
        defer { tmux.close() }
        try tmux.signIn(pin: "1111", name: "Amina Desk")
        try tmux.waitFor("Queue · all")
        try tmux.send("F10")
        try tmux.waitFor("Quit")
        try tmux.send("y")
        let deadline = Date().addingTimeInterval(TmuxSession.patience)
        while try tmux.isRunning(), Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        #expect(!(try tmux.isRunning()))
        let rows = try sqlite3(db, "SELECT actor_name, detail FROM audit_event WHERE action = 'staff.signed_out'")
        #expect(rows.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "Amina Desk|quit")
    }

    /// Issue 5: sign in as a receptionist, check a visitor in; past the idle time the kiosk
    /// locks to sign-in and the screen no longer shows the visitor's name (tickets only).
    @Test func kioskLocksAfterIdleTimeAndForgetsTheVisitor() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let db = dir.file("kiosk.sqlite")
        #expect(try frontdesk(["init", "--db", db]).status == 0)
        try #require(try frontdesk(["visitors", "add", "--db", db, "--given", "ሳምራዊት", "--family", "ተስፋይ", "--nationality", "ER",
                                    "--consent", "services"]).status == 0)
        try addStaff(db, name: "Amina Desk", role: "receptionist", pin: "1111")
        try addStaff(db, name: "Nadia", role: "coordinator", pin: "3333")
        let tmux = try TmuxSession(command: "\(TestBinary.frontdesk) --db \(db) --lang en --kiosk --idle-seconds 3")
        defer { tmux.close() }
        try tmux.signIn(pin: "1111", name: "Amina Desk")
        try tmux.waitFor("Queue · all")
        try tmux.type("samrawit")
        try tmux.waitFor("ሳምራዊት ተስፋይ")
        try tmux.send("Enter")
        try tmux.waitFor("Walk-in check-in")
        try tmux.send("S") // the letter gives the ticket at once
        try tmux.waitFor("S-001 · V-")
        try tmux.send("Enter")
        let desk = try tmux.waitFor("queue row") { $0.contains("S-001") && $0.contains("waiting") }
        #expect(desk.contains("ሳምራዊት ተስፋይ"))

        // No key for 3 s: locked. The name is gone; the board shows the ticket code only. (That
        // the lock waits for the idle time, and not less, is AppScreenTests' fixed-clock test.)
        let locked = try tmux.waitFor("the lock") { $0.contains("Who are you?") && $0.contains("S-001") }
        #expect(!locked.contains("ሳምራዊት"))
        #expect(!locked.contains("ተስፋይ"))
        #expect(!locked.contains("V-2026"))
        let signedOut = try sqlite3(db, "SELECT actor_name, detail FROM audit_event WHERE action = 'staff.signed_out'")
        #expect(signedOut.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "Amina Desk|idle")

        // Quitting needs a coordinator's or admin's PIN: a receptionist's is refused.
        try tmux.send("F10")
        try tmux.waitFor("Quit the kiosk")
        #expect(!(try tmux.capture().contains("Amina Desk")))
        try tmux.type("3334")
        try tmux.send("Enter")
        try tmux.waitFor("Wrong PIN")
        #expect(try tmux.isRunning())
        try tmux.type("3333")
        try tmux.send("Enter")
        try tmux.waitFor("exit") { _ in (try? tmux.isRunning()) == false }
        let quit = try sqlite3(db, "SELECT actor_name FROM audit_event WHERE action = 'kiosk.quit_authorized'")
        #expect(quit.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "Nadia")
    }

    /// A desk (no `--kiosk`) left alone locks the receptionist's session past the idle time:
    /// the searched name is gone and the sign-out says why.
    @Test func aDeskLocksAReceptionistLeftAlone() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let db = dir.file("desk.sqlite")
        #expect(try frontdesk(["init", "--db", db]).status == 0)
        try #require(try frontdesk(["visitors", "add", "--db", db, "--given", "يوسف", "--family", "المهاجر", "--nationality", "SY",
                                    "--consent", "services"]).status == 0)
        try addStaff(db, name: "Amina Desk", role: "receptionist", pin: "1111")
        let tmux = try TmuxSession(command: "\(TestBinary.frontdesk) --db \(db) --lang en --idle-seconds 3")
        defer { tmux.close() }
        try tmux.signIn(pin: "1111", name: "Amina Desk")
        try tmux.waitFor("Queue · all")
        try tmux.type("youssef")
        try tmux.waitFor("يوسف المهاجر")
        let locked = try tmux.waitFor("the lock") { $0.contains("Who are you?") }
        #expect(!locked.contains("يوسف"))
        let signedOut = try sqlite3(db, "SELECT actor_name, detail FROM audit_event WHERE action = 'staff.signed_out'")
        #expect(signedOut.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "Amina Desk|idle")
        #expect(try tmux.isRunning(), "a desk locks, it does not quit")
    }

    /// The desk lock time is the admin's setting (`settings set --desk-lock-minutes 1`): a desk
    /// started without `--idle-minutes` locks after that minute, not the default two.
    @Test func theDeskLockTimeIsTheAdminsSetting() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let db = dir.file("lock.sqlite")
        #expect(try frontdesk(["init", "--db", db]).status == 0)
        #expect(try frontdesk(["settings", "set", "--desk-lock-minutes", "1", "--db", db]).stdout.contains("desk lock: 1 min\n"))
        try addStaff(db, name: "Amina Desk", role: "receptionist", pin: "1111")
        let tmux = try TmuxSession(command: "\(TestBinary.frontdesk) --db \(db) --lang en")
        defer { tmux.close() }
        try tmux.signIn(pin: "1111", name: "Amina Desk")
        try tmux.waitFor("Queue · all")
        let signedIn = Date()
        try tmux.waitFor("the lock", timeout: 110) { $0.contains("Who are you?") }
        // A busy machine can only make the lock later, never sooner than the minute set.
        #expect(Date().timeIntervalSince(signedIn) >= 55)
        let signedOut = try sqlite3(db, "SELECT detail FROM audit_event WHERE action = 'staff.signed_out'")
        #expect(signedOut.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "idle")
    }

    /// The runner reads as the signed-in role: a receptionist opening a visitor on the booking
    /// screen sees their psychological appointment as "appointment", and the opening is audited
    /// with her name; the counselor sees the service and her notes.
    @Test func receptionSeesAPsychologicalAppointmentMaskedAndTheOpeningIsAudited() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let db = dir.file("mask.sqlite")
        #expect(try frontdesk(["init", "--db", db]).status == 0)
        try #require(try frontdesk(["counselors", "add", "--db", db, "Leila Amrani", "--services", "trauma-follow-up",
                                    "--languages", "ar,fr", "--hours", "mon-sun 00:00-23:59"]).status == 0)
        try #require(try frontdesk(["rooms", "add", "--db", db, "Salle 2", "--capacity", "2"]).status == 0)
        let code = try frontdesk(["visitors", "add", "--db", db, "--given", "Aïcha", "--family", "Ngassa", "--nationality", "CM",
                                  "--consent", "services"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let slots = try frontdesk(["slots", "--db", db, "--service", "trauma-follow-up", "--limit", "1"])
        let first = slots.stdout.split(separator: "\t").first.map { String($0.prefix(16)) } ?? ""
        let book = try frontdesk(["book", "--db", db, "--visitor", code, "--service", "trauma-follow-up", "--at", first])
        try #require(book.status == 0, "\(book.stderr)")
        let id = try #require(book.stdout.split(separator: " ").dropFirst().first.flatMap { Int($0.trimmingCharacters(in: .punctuationCharacters)) })
        #expect(try frontdesk(["appointments", "note", "\(id)", "--text", "sleeps better", "--db", db]).status == 0)
        try addStaff(db, name: "Amina Desk", role: "receptionist", pin: "1111")
        try addStaff(db, name: "Leila", role: "counselor", pin: "2222", counselor: "Leila Amrani")

        let desk = try TmuxSession(command: "\(TestBinary.frontdesk) --db \(db) --lang en")
        defer { desk.close() }
        try desk.signIn(pin: "1111", name: "Amina Desk")
        try desk.send("F8")
        try desk.waitFor("No visitor chosen")
        try desk.type("aicha")
        try desk.waitFor("Aïcha Ngassa")
        try desk.send("Enter")
        let screen = try desk.waitFor("Visitor: Aïcha Ngassa")
        let appointments = try desk.waitFor("the appointment") { $0.contains("Leila Amrani") }
        #expect(appointments.contains("appointment"))
        #expect(!appointments.contains("Trauma"))
        #expect(!screen.contains("sleeps better"))
        let opened = try sqlite3(db, "SELECT actor_name FROM audit_event WHERE action = 'visitor.opened'")
        #expect(opened.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "Amina Desk")

        let counselor = try TmuxSession(command: "\(TestBinary.frontdesk) --db \(db) --lang en --screen schedule")
        defer { counselor.close() }
        try counselor.signIn(pin: "2222", name: "Leila")
        try counselor.waitFor("Schedule · Leila Amrani")
        try counselor.send("g")
        try counselor.waitFor("Go to date")
        try counselor.send("C-u")
        try counselor.type(String(first.prefix(10)))
        try counselor.send("Enter")
        try counselor.waitFor("Trauma")
        try counselor.send("o")
        try counselor.waitFor("sleeps better")
    }

    /// The first run on a database with no staff asks for an admin, who is then signed in.
    @Test func theFirstRunCreatesTheAdmin() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let db = dir.file("first.sqlite")
        #expect(try frontdesk(["init", "--db", db]).status == 0)
        let tmux = try TmuxSession(command: "\(TestBinary.frontdesk) --db \(db) --lang en")
        defer { tmux.close() }
        try tmux.waitFor("First run: create the admin")
        try tmux.type("Omar")
        try tmux.send("Tab")
        try tmux.type("4444")
        try tmux.send("Tab")
        try tmux.type("4444")
        try tmux.send("Enter")
        let screen = try tmux.waitFor("FrontDesk · Admin")
        #expect(!screen.contains("4444"))
        let row = try sqlite3(db, "SELECT name, role, substr(pin_hash, 1, 24) FROM staff")
        #expect(row.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "Omar|admin|$pbkdf2-sha256$i=1200000")
    }

    @Test func staffCommands() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let db = dir.file("staff.sqlite")
        #expect(try frontdesk(["init", "--db", db]).status == 0)
        // The PIN from standard input (first line) when no terminal and no $FRONTDESK_PIN.
        let viaStdin = try runProcessWithInput(TestBinary.frontdesk, ["staff", "add", "Amina Tazi", "--role", "receptionist", "--db", db],
                                               input: "2468\n")
        #expect(viaStdin.status == 0)
        #expect(viaStdin.stdout == "staff 1: Amina Tazi (receptionist)\n")
        try addStaff(db, name: "Omar", role: "admin", pin: "4444")
        let short = try frontdesk(["staff", "add", "Eve", "--role", "admin", "--db", db], environment: ["FRONTDESK_PIN": "12"])
        #expect(short.status == 1)
        #expect(short.stderr == "frontdesk: a PIN is 4 to 8 digits; nothing was changed\n")
        let dup = try frontdesk(["staff", "add", "amina tazi", "--role", "admin", "--db", db], environment: ["FRONTDESK_PIN": "1234"])
        #expect(dup.status == 1)
        #expect(dup.stderr == "frontdesk: a staff member named 'amina tazi' already exists\n")
        let counselor = try frontdesk(["staff", "add", "Leila", "--role", "counselor", "--db", db], environment: ["FRONTDESK_PIN": "1234"])
        #expect(counselor.status == 1)
        #expect(counselor.stderr.contains("--counselor"))
        #expect(try frontdesk(["staff", "add", "X", "--role", "boss", "--db", db]).status == 2)
        #expect(try frontdesk(["staff", "list", "--db", db]).stdout == "1\tAmina Tazi\treceptionist\n2\tOmar\tadmin\n")
        #expect(try frontdesk(["staff", "disable", "Omar", "--db", db]).stderr == "frontdesk: this is the last active admin; add another admin first\n")
        #expect(try frontdesk(["staff", "disable", "Amina Tazi", "--db", db]).status == 0)
        #expect(try frontdesk(["staff", "list", "--db", db, "--all", "--format", "csv"]).stdout
                == "id,name,role,counselor_id,active\r\n1,Amina Tazi,receptionist,,no\r\n2,Omar,admin,,yes\r\n")
        let reset = try frontdesk(["staff", "reset-pin", "Amina Tazi", "--db", db], environment: ["FRONTDESK_PIN": "13579"])
        #expect(reset.stdout == "new PIN set for Amina Tazi\n")
        #expect(try frontdesk(["staff", "reset-pin", "Nobody", "--db", db], environment: ["FRONTDESK_PIN": "13579"]).status == 1)
        // Nothing of a PIN in the trail; the hash is the only stored form.
        let trail = try sqlite3(db, "SELECT group_concat(detail, '|') FROM audit_event")
        #expect(!trail.stdout.contains("2468") && !trail.stdout.contains("13579"))
        let hashes = try sqlite3(db, "SELECT pin_hash FROM staff")
        #expect(!hashes.stdout.contains("2468") && !hashes.stdout.contains("13579"))
    }
}

/// Runs a program with `input` on its standard input.
func runProcessWithInput(_ executable: String, _ arguments: [String], input: String) throws -> ProcessResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    env["LANG"] = "C.UTF-8"
    env.removeValue(forKey: "FRONTDESK_PIN")
    process.environment = env
    let inPipe = Pipe(), out = Pipe(), err = Pipe()
    process.standardInput = inPipe
    process.standardOutput = out
    process.standardError = err
    try process.run()
    inPipe.fileHandleForWriting.write(Data(input.utf8))
    try inPipe.fileHandleForWriting.close()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return ProcessResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                         stderr: String(decoding: errData, as: UTF8.self))
}
