import Foundation
import Testing

/// Booking with keys only in one terminal; the appointment shows in another terminal's day agenda.
@Suite(.serialized) struct BookingEndToEndTests {
    @Test func bookAFreeSlotWithKeysAndSeeItInAnotherTerminalsAgenda() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let db = dir.file("booking.sqlite")
        #expect(try frontdesk(["init", "--db", db]).status == 0)
        try #require(try frontdesk(["counselors", "add", "--db", db, "يوسف العلوي", "--services", "individual-counseling",
                                    "--languages", "ar,fr", "--hours", "mon-fri 08:30-17:30"]).status == 0)
        try #require(try frontdesk(["rooms", "add", "--db", db, "Salle 2", "--capacity", "2"]).status == 0)
        try #require(try frontdesk(["visitors", "add", "--db", db, "--given", "Aïcha", "--family", "Ngassa", "--nationality", "CM",
                                    "--consent", "services"]).status == 0)
        // The first free slot, as the command line sees it: "2026-11-30 08:30–09:30\t…".
        let slots = try frontdesk(["slots", "--db", db, "--service", "individual-counseling", "--limit", "1"])
        let first = slots.stdout.split(separator: "\t").first.map(String.init) ?? ""
        let parts = first.split(separator: " ")
        try #require(parts.count == 2, "slots said: \(slots.stdout) \(slots.stderr)")
        let date = String(parts[0]), time = String(parts[1].prefix(5))

        try addStaff(db, name: "Youssef", role: "counselor", pin: "2222", counselor: "يوسف العلوي")
        try addStaff(db, name: "Amina Desk", role: "receptionist", pin: "1111")

        // Terminal B: the counselor's day agenda on that date.
        let agenda = try TmuxSession(command: "\(TestBinary.frontdesk) --db \(db) --lang en --screen schedule")
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
        try agenda.waitFor("arrived")
        let status = try sqlite3(db, "SELECT status FROM appointment")
        #expect(status.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "checked_in")
    }
}
