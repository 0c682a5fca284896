import Foundation
import Testing

/// Booking with keys only in one terminal; the appointment shows in another terminal's day
/// agenda. After a booking, Enter, Enter, Enter books nothing more.
@Suite(.serialized) struct BookingEndToEndTests {
    /// The desk's report: after a booking, focus stayed on the free slots, so Enter opened a
    /// confirmation for the next slot and another Enter booked a second appointment. In a real
    /// terminal: the week keys move the slots and back; the Arabic speaker's slot comes first
    /// for an Arabic-speaking visitor; after the booking, Enter Enter Enter leaves exactly one
    /// appointment in the file. Text is always seen on screen before Tab or Enter follows it.
    @Test func enterEnterEnterAfterABookingGivesOneAppointment() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let db = dir.file("booking-once.sqlite")
        #expect(try frontdesk(["init", "--db", db]).status == 0)
        // Karim comes first by name; only يوسف speaks Arabic.
        try #require(try frontdesk(["counselors", "add", "--db", db, "Karim Bennani", "--services", "individual-counseling",
                                    "--languages", "fr,en", "--hours", "mon-fri 08:30-17:30"]).status == 0)
        try #require(try frontdesk(["counselors", "add", "--db", db, "يوسف العلوي", "--services", "individual-counseling",
                                    "--languages", "ar,fr", "--hours", "mon-fri 08:30-17:30"]).status == 0)
        try #require(try frontdesk(["rooms", "add", "--db", db, "Salle 2", "--capacity", "2"]).status == 0)
        try #require(try frontdesk(["rooms", "add", "--db", db, "Salle 3", "--capacity", "2"]).status == 0)
        try #require(try frontdesk(["visitors", "add", "--db", db, "--given", "Aïcha", "--family", "Ngassa", "--nationality", "SY",
                                    "--language", "ar", "--consent", "services"]).status == 0)
        try addStaff(db, name: "Amina Desk", role: "receptionist", pin: "1111")

        let desk = try TmuxSession(command: "\(TestBinary.frontdesk) --db \(db) --lang en")
        defer { desk.close() }
        try desk.signIn(pin: "1111", name: "Amina Desk")
        try desk.waitFor("Queue · all")
        try desk.send("F8")
        try desk.waitFor("No visitor chosen")
        try desk.type("aicha")
        try desk.waitFor("Aïcha Ngassa")
        try desk.send("Enter")
        try desk.waitFor("Visitor: Aïcha Ngassa")
        try desk.send("Down")
        try desk.waitFor("▶ Individual psychological counseling")
        try desk.send("Enter")
        let slots = try desk.waitFor("the free slots") { $0.contains("│ar  │") }
        // The first slot offered is with the counselor who speaks Arabic.
        let rows = slots.split(separator: "\n").filter { $0.contains("│") && ($0.contains("Karim Benn") || $0.contains("يوسف العلوي")) }
        #expect(rows.first?.contains("يوسف العلوي") == true, "\(slots)")
        #expect(rows.first?.contains("│ar  │") == true)

        // ^N shows the slots from next week's Monday, ^P comes back to today.
        func fromLine(_ screen: String) -> String { screen.split(separator: "\n").first { $0.contains("From ") }.map(String.init) ?? "" }
        let today = fromLine(slots)
        try desk.send("C-n")
        let nextWeek = try desk.waitFor("next week's slots") { fromLine($0) != today }
        #expect(fromLine(nextWeek).contains("From Mon "), "\(fromLine(nextWeek))")
        try desk.send("C-p")
        try desk.waitFor("today's slots again") { fromLine($0) == today }

        // Enter opens the confirmation, Enter books.
        try desk.send("Enter")
        try desk.waitFor("Confirm the appointment")
        try desk.send("Enter")
        try desk.waitFor("Booked:")
        // Enter, Enter, Enter, then F1: once the help shows, the three Enters were handled.
        for _ in 0..<3 { try desk.send("Enter") }
        try desk.send("F1")
        let help = try desk.waitFor("Keys")
        #expect(!help.contains("Confirm the appointment"))
        // The help is the appointments pane's: focus is on the appointment just made.
        #expect(help.contains("Move") && help.contains("Cancel appt"), "\(help)")
        try desk.send("Escape")
        let after = try desk.waitFor("the help to close") { !$0.contains("Keys") }
        #expect(after.contains("يوسف العلوي · Salle 2"), "\(after)")
        #expect(!after.contains("Confirm the appointment"))
        // The next name typed goes to the visitor search: `xavier` cancels nothing.
        try desk.type("xavier")
        try desk.waitFor("the name in the visitor search") { $0.contains("xavier") }
        #expect(try sqlite3(db, "SELECT status FROM appointment").stdout == "booked\n")
        let rowsInFile = try sqlite3(db, "SELECT count(*), group_concat(c.name) FROM appointment a JOIN counselor c ON c.id = a.counselor_id")
        #expect(rowsInFile.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "1|يوسف العلوي")
    }

    @Test func bookAFreeSlotWithKeysAndSeeItInAnotherTerminalsAgenda() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let db = dir.file("booking.sqlite")
        // Every process starts on a Monday at 09:00 in Rabat: the first free slot is then that
        // morning and can be marked arrived, whatever the day and hour the test runs (late on a
        // Friday the first slot was on Monday, and marking it arrived was refused as too early).
        let monday = ["FRONTDESK_NOW": "2026-11-30T08:00:00Z"]
        #expect(try frontdesk(["init", "--db", db]).status == 0)
        try #require(try frontdesk(["counselors", "add", "--db", db, "يوسف العلوي", "--services", "individual-counseling",
                                    "--languages", "ar,fr", "--hours", "mon-fri 08:30-17:30"]).status == 0)
        try #require(try frontdesk(["rooms", "add", "--db", db, "Salle 2", "--capacity", "2"]).status == 0)
        try #require(try frontdesk(["visitors", "add", "--db", db, "--given", "Aïcha", "--family", "Ngassa", "--nationality", "CM",
                                    "--consent", "services"]).status == 0)
        // The first free slot, as the command line sees it: "2026-11-30 08:30–09:30\t…".
        let slots = try frontdesk(["slots", "--db", db, "--service", "individual-counseling", "--limit", "1"], environment: monday)
        let first = slots.stdout.split(separator: "\t").first.map(String.init) ?? ""
        let parts = first.split(separator: " ")
        try #require(parts.count == 2, "slots said: \(slots.stdout) \(slots.stderr)")
        let date = String(parts[0]), time = String(parts[1].prefix(5))

        try addStaff(db, name: "Youssef", role: "counselor", pin: "2222", counselor: "يوسف العلوي")
        try addStaff(db, name: "Amina Desk", role: "receptionist", pin: "1111")

        // Terminal B: the counselor's day agenda on that date.
        let agenda = try TmuxSession(command: "\(TestBinary.frontdesk) --db \(db) --lang en --screen schedule", environment: monday)
        defer { agenda.close() }
        try agenda.signIn(pin: "2222", name: "Youssef")
        try agenda.waitFor("Schedule · يوسف العلوي")
        try agenda.send("g")
        try agenda.waitFor("Go to date")
        try agenda.send("C-u")
        try agenda.type(date)
        try agenda.send("Enter")
        try agenda.waitFor("No appointment this day.")

        // Terminal A: booking with keys only.
        let desk = try TmuxSession(command: "\(TestBinary.frontdesk) --db \(db) --lang en", environment: monday)
        defer { desk.close() }
        try desk.signIn(pin: "1111", name: "Amina Desk")
        try desk.waitFor("Queue · all")
        try desk.send("F8")
        try desk.waitFor("No visitor chosen")
        try desk.type("aicha")
        try desk.waitFor("Aïcha Ngassa")
        try desk.send("Enter")
        try desk.waitFor("Visitor: Aïcha Ngassa")
        try desk.send("Down")
        try desk.waitFor("▶ Individual psychological counseling")
        try desk.send("Enter")
        try desk.waitFor("slot row") { $0.contains(time) && $0.contains("يوسف العلوي") }
        try desk.send("Enter")
        try desk.waitFor("Confirm the appointment")
        try desk.send("Enter")
        try desk.waitFor("Booked:")

        // Terminal B sees it, on its wall-clock row, without a key. (How soon is measured by
        // `frontdesk-bench --only live`, not here.)
        let screen = try agenda.waitFor("Aïcha Ngassa")
        #expect(screen.split(separator: "\n").contains { $0.hasPrefix("\(time.prefix(3))") && $0.contains("Aïcha Ngassa") && $0.contains("booked") })

        // Marking arrival from the agenda writes the status.
        try agenda.send("a")
        try agenda.waitFor("the row marked arrived") { $0.split(separator: "\n").contains { $0.contains("Aïcha Ngassa") && $0.contains("arrived") } }
        let status = try sqlite3(db, "SELECT status FROM appointment")
        #expect(status.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "checked_in")
    }
}
