import Foundation
import Testing

/// `frontdesk settings`: the opening hours and slot grid are settings, and they change slots.
struct SettingsCommandTests {
    @Test func showSetAndRefuse() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let db = dir.file("settings.sqlite")
        #expect(try frontdesk(["init", "--db", db]).status == 0)
        let shown = try frontdesk(["settings", "--db", db])
        #expect(shown.status == 0)
        #expect(shown.stdout.hasPrefix("time zone: Africa/Casablanca\nopening hours: mon-fri "))
        #expect(shown.stdout.contains("slot grid: 15 min\n"))
        let set = try frontdesk(["settings", "set", "--db", db, "--opening-hours", "mon-fri 09:00-12:30,13:30-17:00; sat 09:00-12:00", "--slot-grid", "30"])
        #expect(set.status == 0, "\(set.stderr)")
        #expect(set.stdout == "time zone: Africa/Casablanca\nopening hours: mon-fri 09:00-12:30,13:30-17:00; sat 09:00-12:00\nslot grid: 30 min\nweek starts: monday\ndesk lock: 2 min\n")
        #expect(try frontdesk(["settings", "show", "--db", db]).stdout == set.stdout)
        let bad = try frontdesk(["settings", "set", "--db", db, "--opening-hours", "lundi 9h"])
        #expect(bad.status == 1)
        #expect(bad.stderr.hasPrefix("frontdesk: opening hours not understood"))
        #expect(try frontdesk(["settings", "set", "--db", db, "--slot-grid", "7"]).status == 1)
        #expect(try frontdesk(["settings", "set", "--db", db]).status == 2)
        let lockRefused = try frontdesk(["settings", "set", "--db", db, "--desk-lock-minutes", "0"])
        #expect(lockRefused.status == 1 && lockRefused.stderr.contains("desk lock time must be 1 to 60 minutes"))
        #expect(try frontdesk(["settings", "show", "--db", db]).stdout == set.stdout)
        let audit = try sqlite3(db, "SELECT count(*) FROM audit_event WHERE action LIKE 'settings%'")
        #expect(audit.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "1")
        let lock = try frontdesk(["settings", "set", "--db", db, "--desk-lock-minutes", "5"])
        #expect(lock.stdout.hasSuffix("desk lock: 5 min\n"))
        #expect(try frontdesk(["settings", "show", "--db", db]).stdout == lock.stdout)
    }
}
