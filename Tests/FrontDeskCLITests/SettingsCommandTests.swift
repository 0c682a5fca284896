import Foundation
import FrontDeskDomain
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
        #expect(shown.stdout.hasPrefix("time zone: Africa/Casablanca\ntime-zone rules: tzdata 20"))
        #expect(shown.stdout.contains(" (/usr/share/zoneinfo/Africa/Casablanca)\nopening hours: mon-fri "))
        #expect(shown.stdout.contains("slot grid: 15 min\n"))
        let set = try frontdesk(["settings", "set", "--db", db, "--opening-hours", "mon-fri 09:00-12:30,13:30-17:00; sat 09:00-12:00", "--slot-grid", "30"])
        #expect(set.status == 0, "\(set.stderr)")
        let rules = shown.stdout.split(separator: "\n")[1]
        #expect(set.stdout == "time zone: Africa/Casablanca\n\(rules)\nopening hours: mon-fri 09:00-12:30,13:30-17:00; sat 09:00-12:00\nslot grid: 30 min\nweek starts: monday\ndesk lock: 2 min\nage bands: 0-4,5-11,12-17,18-24,25-59,60+\n")
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
        #expect(lock.stdout.hasSuffix("desk lock: 5 min\nage bands: 0-4,5-11,12-17,18-24,25-59,60+\n"))
        #expect(try frontdesk(["settings", "show", "--db", db]).stdout == lock.stdout)
        // Report age bands: from 0, without gaps, the last open-ended; refused otherwise, unchanged.
        let bands = try frontdesk(["settings", "set", "--db", db, "--age-bands", "0-17,18-59,60+"])
        #expect(bands.status == 0 && bands.stdout.hasSuffix("age bands: 0-17,18-59,60+\n"), "\(bands.stderr)")
        let gap = try frontdesk(["settings", "set", "--db", db, "--age-bands", "0-17,20-59,60+", "--lang", "fr"])
        #expect(gap.status == 1 && gap.stderr.contains("les tranches d'âge partent de 0 sans trou"), "\(gap.stderr)")
        #expect(try frontdesk(["settings", "show", "--db", db]).stdout == bands.stdout)
    }

    /// The zone's rules are read from `$TZDIR` when set: a folder whose `Africa/Casablanca` is a
    /// fixed UTC+3 zone moves a 09:00 slot to 06:00Z (from the system's 09:00 in Rabat), and
    /// `settings show` names its version.
    @Test func zoneRulesComeFromTZDIR() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let db = dir.file("tz.sqlite")
        try #require(try frontdesk(["init", "--db", db]).status == 0)
        try #require(try frontdesk(["counselors", "add", "Leila Amrani", "--services", "individual-counseling",
                                    "--languages", "fr", "--hours", "mon-fri 09:00-17:00", "--db", db]).status == 0)
        try #require(try frontdesk(["rooms", "add", "Salle 1", "--capacity", "2", "--db", db]).status == 0)
        let zones = dir.file("zoneinfo")
        try FileManager.default.createDirectory(atPath: zones + "/Africa", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: "/usr/share/zoneinfo/Etc/GMT-3", toPath: zones + "/Africa/Casablanca")
        try Data("# version 2099z\n".utf8).write(to: URL(fileURLWithPath: zones + "/tzdata.zi"))
        let slots = ["slots", "--service", "individual-counseling", "--from", "2027-03-16", "--days", "1", "--limit", "1",
                     "--format", "json", "--db", db]
        // 09:00 by the system's own rules (08:00Z at UTC+1, 09:00Z from tzdata 2026f, which ends
        // Morocco's UTC+1): what the system says, read through the C library's `zdump`-checked files.
        let rules = try #require(CenterCalendar(identifier: "Africa/Casablanca"))
        let nine = try rules.instant(LocalDate(year: 2027, month: 3, day: 16), try #require(LocalTime("09:00")))
        let system = try frontdesk(slots)
        #expect(system.stdout.contains("\"startUTC\" : \"\(ISO8601DateFormatter().string(from: nine))\""), "\(system.stdout)\(system.stderr)")
        #expect(nine != (try #require(ISO8601DateFormatter().date(from: "2027-03-16T06:00:00Z"))))
        let moved = try frontdesk(slots, environment: ["TZDIR": zones])
        #expect(moved.stdout.contains("\"startUTC\" : \"2027-03-16T06:00:00Z\""), "\(moved.stdout)\(moved.stderr)")
        #expect(moved.stdout.contains("\"start\" : \"09:00\""))
        let shown = try frontdesk(["settings", "show", "--db", db], environment: ["TZDIR": zones])
        #expect(shown.stdout.contains("time-zone rules: tzdata 2099z (\(zones)/Africa/Casablanca)\n"), "\(shown.stdout)")
    }
}
