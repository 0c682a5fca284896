import Foundation
import FrontDeskTestSupport
import Testing

/// `frontdesk schedule --format ics` read back by independent programs: Python's `icalendar`
/// package and `calcurse -i`. E1: all-day closures are DATE values, whatever the process's zone;
/// E2: text is escaped and lines end in CRLF. A test whose program is missing fails under
/// `CI=true` and is skipped elsewhere (`ExternalTool.require`); `.ci/run` installs both.
@Suite(.serialized) struct ScheduleICalendarTests {

    /// A week (Mon 2026-03-16) with two appointments, one with a note to escape, and the Eid closure on Fri 2026-03-20.
    static func export(tz: String? = nil) throws -> (cli: SchedulingCLI, ics: String) {
        let c = try SchedulingCLI()
        try SchedulingCLI.ok(["closures", "add", "--date", "2026-03-20", "--label", "Fermeture — Aïd", "--db", c.db])
        let march = ["FRONTDESK_NOW": "2026-03-01T08:00:00Z"]
        try SchedulingCLI.ok(["book", "--visitor", c.youssef, "--service", "social-orientation", "--at", "2026-03-17 10:00",
                              "--counselor", "Leila", "--room", "Salle 2", "--note", "Consultation, suivi; dossier 12\\B\nsecond line", "--db", c.db],
                             environment: march)
        try SchedulingCLI.ok(["book", "--visitor", c.samrawit, "--service", "individual-counseling", "--at", "2026-03-19 14:00",
                              "--counselor", "Leila", "--room", "Salle 2", "--db", c.db], environment: march)
        var env = march
        if let tz { env["TZ"] = tz }
        // In French, the center's language: titles with accented letters for the readers to read back.
        let r = try frontdesk(["schedule", "--week", "2026-03-18", "--counselor", "Leila Amrani", "--format", "ics", "--lang", "fr", "--db", c.db],
                              environment: env)
        try #require(r.status == 0, "\(r.stderr)")
        return (c, r.stdout)
    }

    /// E1: the closure is a DATE whatever the process's zone; the whole file does not depend on it.
    @Test func allDayClosureIsTheSameDateInEveryZone() throws {
        var files: Set<String> = []
        for tz in ["Africa/Casablanca", "UTC", "America/New_York", "Pacific/Kiritimati"] {
            let (c, ics) = try Self.export(tz: tz)
            defer { c.dir.remove() }
            #expect(ics.contains("DTSTART;VALUE=DATE:20260320\r\nDTEND;VALUE=DATE:20260321\r\n"), "TZ=\(tz)")
            files.insert(ics.replacingOccurrences(of: #"V-\d{4}-\d{5}"#, with: "CODE", options: .regularExpression))
        }
        #expect(files.count == 1)
    }

    /// E2: CRLF everywhere, text escaped, and Python's icalendar reads back every event exactly.
    @Test func pythonICalendarReadsBackEveryEvent() throws {
        let (c, ics) = try Self.export()
        defer { c.dir.remove() }
        let bytes = Array(ics.utf8)
        let bareLF = bytes.indices.contains { bytes[$0] == 0x0A && ($0 == 0 || bytes[$0 - 1] != 0x0D) }
        #expect(!bareLF)
        #expect(ics.contains(#"DESCRIPTION:Leila Amrani\nConsultation\, suivi\; dossier 12\\B\nsecond line"#))
        try ExternalTool.require(.python3, .pythonICalendar)
        let file = c.dir.file("week.ics")
        try ics.write(toFile: file, atomically: true, encoding: .utf8)
        let script = """
            import sys, json, icalendar
            cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
            out = []
            for e in cal.walk('VEVENT'):
                s, t = e.decoded('DTSTART'), e.decoded('DTEND')
                out.append({'uid': str(e['UID']), 'start': s.isoformat(), 'end': t.isoformat(), 'summary': str(e['SUMMARY']),
                            'location': str(e.get('LOCATION', '')), 'description': str(e.get('DESCRIPTION', ''))})
            print(json.dumps(out, ensure_ascii=False, sort_keys=True))
            """
        let r = try runProcess("/usr/bin/env", ["python3", "-c", script, file])
        try #require(r.status == 0, "\(r.stderr)")
        let events = try JSONDecoder().decode([[String: String]].self, from: Data(r.stdout.utf8))
        #expect(events == [
            ["uid": "closure-1@frontdesk", "start": "2026-03-20", "end": "2026-03-21", "summary": "Fermeture — Aïd", "location": "", "description": ""],
            ["uid": "appointment-1@frontdesk", "start": "2026-03-17T10:00:00+00:00", "end": "2026-03-17T10:45:00+00:00",
             "summary": "Assistance sociale et orientation — \(c.youssef)", "location": "Salle 2",
             "description": "Leila Amrani\nConsultation, suivi; dossier 12\\B\nsecond line"],
            ["uid": "appointment-2@frontdesk", "start": "2026-03-19T14:00:00+00:00", "end": "2026-03-19T15:00:00+00:00",
             "summary": "Entretien psychologique individuel — \(c.samrawit)", "location": "Salle 2", "description": "Leila Amrani"],
        ])
    }

    @Test func calcurseImportsTheFileWithoutErrors() throws {
        try ExternalTool.require(.calcurse)
        let (c, ics) = try Self.export()
        defer { c.dir.remove() }
        let file = c.dir.file("week.ics")
        try ics.write(toFile: file, atomically: true, encoding: .utf8)
        // A private HOME and data directory: calcurse touches nothing of the user's.
        let home = c.dir.file("calcurse-home")
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        let r = try runProcess("/usr/bin/env", ["calcurse", "-D", home, "-i", file], environment: ["HOME": home, "TZ": "Africa/Casablanca"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("2 apps / 1 event / 0 todos / 0 skipped"), "\(r.stdout)")
        #expect(r.stderr.isEmpty)
        let apts = try String(contentsOfFile: home + "/apts", encoding: .utf8)
        #expect(apts.contains("03/17/2026 @ 10:00 -> 03/17/2026 @ 10:45"), "\(apts)")
        #expect(apts.contains("03/20/2026 [1] Fermeture — Aïd"), "\(apts)")
    }
}
