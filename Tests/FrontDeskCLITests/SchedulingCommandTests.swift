import Foundation
import Testing

/// A database set up through the command line: Leila Amrani (Mon–Fri 09:00–12:30, 13:30–17:00)
/// and Karim Bennani, Salle 2 and Salle 3, two visitors; the clock fixed at 2026-04-01 08:00Z.
struct SchedulingCLI {
    static let clock = ["FRONTDESK_NOW": "2026-04-01T08:00:00Z"]
    let dir: TempDir
    let db: String
    let youssef: String
    let samrawit: String

    init(rooms: [(String, Int)] = [("Salle 2", 2), ("Salle 3", 3)]) throws {
        dir = try TempDir()
        db = dir.file("sched.sqlite")
        try #require(try frontdesk(["init", "--db", db]).status == 0)
        try Self.ok(["counselors", "add", "Leila Amrani", "--services", "social-orientation,individual-counseling",
                     "--languages", "fr,ar,ary", "--hours", "mon-fri 09:00-12:30,13:30-17:00", "--db", db])
        try Self.ok(["counselors", "add", "Karim Bennani", "--services", "social-orientation", "--languages", "fr,en",
                     "--hours", "mon-thu 09:00-13:00", "--db", db])
        for (name, seats) in rooms { try Self.ok(["rooms", "add", name, "--capacity", "\(seats)", "--db", db]) }
        youssef = try Self.ok(["visitors", "add", "--given", "يوسف", "--family", "المهاجر", "--nationality", "SY", "--consent", "services", "--db", db])
            .trimmingCharacters(in: .whitespacesAndNewlines)
        samrawit = try Self.ok(["visitors", "add", "--given", "ሳምራዊት", "--family", "ተስፋይ", "--nationality", "ER", "--consent", "services", "--db", db])
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @discardableResult
    static func ok(_ args: [String], environment: [String: String] = clock) throws -> String {
        let r = try frontdesk(args, environment: environment)
        try #require(r.status == 0, "frontdesk \(args.joined(separator: " ")): \(r.stderr)")
        return r.stdout
    }

    func run(_ args: [String]) throws -> ProcessResult { try frontdesk(args + ["--db", db], environment: Self.clock) }
}

@Suite(.serialized) struct SchedulingCommandTests {
    /// The ids that slots, book and sessions take are listed, with names in the asked language;
    /// an unknown id points to the list.
    @Test func servicesListTheCatalogIds() throws {
        let c = try SchedulingCLI()
        defer { c.dir.remove() }
        let text = try c.run(["services", "list", "--lang", "en"])
        #expect(text.status == 0)
        let lines = text.stdout.split(separator: "\n")
        #expect(lines.contains("individual-counseling\tpsychological\t60 min\tIndividual psychological counseling"))
        #expect(try c.run(["services", "--lang", "fr"]).stdout.contains("individual-counseling\tpsychologique\t60 min\tEntretien psychologique individuel"))
        let csv = try c.run(["services", "list", "--format", "csv"]).stdout
        #expect(csv.hasPrefix("id,category,minutes,name,group_capacity,active\r\n"))
        #expect(csv.split(separator: "\r\n").count == lines.count + 1)
        let unknown = try c.run(["slots", "--service", "nope"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr == "frontdesk: no service 'nope' (frontdesk services lists them)\n")
    }

    /// `book --program` with a program that does not fund the service for the visitor's
    /// status that day is refused in words, in the command's language (it printed
    /// `Error: notCovered("unhcr-dafi")`), and nothing is booked.
    @Test func aBookingsProgramThatDoesNotFundItIsRefusedInWords() throws {
        let c = try SchedulingCLI()
        defer { c.dir.remove() }
        let r = try c.run(["book", "--visitor", c.youssef, "--service", "social-orientation", "--at", "2026-04-14 10:00",
                           "--counselor", "Leila Amrani", "--program", "unhcr-dafi", "--lang", "fr"])
        #expect(r.status == 1)
        #expect(r.stderr == "frontdesk: le programme « unhcr-dafi » ne finance pas ce service pour le statut de ce visiteur ce jour-là "
            + "(frontdesk programs liste ce que chacun finance)\n", "\(r.stderr)")
        #expect(try sqlite3(c.db, "SELECT count(*) FROM appointment").stdout == "0\n")
    }

    @Test func resourcesAreListedAsSaved() throws {
        let c = try SchedulingCLI()
        defer { c.dir.remove() }
        #expect(try c.run(["counselors", "list"]).stdout == """
            2\tKarim Bennani\tfr,en\tmon-thu 09:00-13:00\tsocial-orientation
            1\tLeila Amrani\tfr,ar,ary\tmon-fri 09:00-12:30,13:30-17:00\tsocial-orientation,individual-counseling

            """)
        #expect(try c.run(["rooms", "list", "--format", "csv"]).stdout == "id,name,capacity,active\r\n1,Salle 2,2,yes\r\n2,Salle 3,3,yes\r\n")
        #expect(try c.run(["closures", "add", "--date", "2026-03-20", "--until", "2026-03-21", "--label", "Aïd al-Fitr (date fixée chaque année)"]).stdout
            == "closure 1: 2026-03-20…2026-03-21\n")
        #expect(try c.run(["closures", "list", "--from", "2026-01-01"]).stdout == "1\t2026-03-20\t2026-03-21\tcenter\tAïd al-Fitr (date fixée chaque année)\n")
        #expect(try c.run(["counselors", "edit", "karim", "--hours", "tue 10:00-12:00"]).stdout == "counselor 2: Karim Bennani\n")
        #expect(try c.run(["counselors", "list", "--format", "json"]).stdout.contains(#""hours" : "tue 10:00-12:00""#))
        #expect(try c.run(["rooms", "remove", "Salle 3"]).stdout == "room 2: deleted\n")
        let bad = try c.run(["counselors", "add", "X", "--services", "social-orientation", "--languages", "fr", "--hours", "monday to friday"])
        #expect(bad.status == 1)
        #expect(bad.stderr == "frontdesk: --hours: 'monday to friday' is not like 'mon-fri 09:00-12:30,13:30-17:00; sat 09:00-12:00'\n")
        let taken = try c.run(["rooms", "add", "salle 2", "--capacity", "4"])
        #expect(taken.status == 1)
        #expect(taken.stderr == "frontdesk: the name salle 2 is already used\n")
    }

    @Test func slotsBookCancelAndScheduleExactOutput() throws {
        let c = try SchedulingCLI()
        defer { c.dir.remove() }
        let slots = try c.run(["slots", "--service", "social-orientation", "--from", "2026-04-14", "--limit", "4"])
        #expect(slots.status == 0)
        #expect(slots.stdout == """
            2026-04-14 09:00–09:45\tKarim Bennani\tSalle 2
            2026-04-14 09:00–09:45\tLeila Amrani\tSalle 2
            2026-04-14 09:15–10:00\tKarim Bennani\tSalle 2
            2026-04-14 09:15–10:00\tLeila Amrani\tSalle 2

            """)
        let book = try c.run(["book", "--visitor", c.youssef, "--service", "social-orientation", "--at", "2026-04-14 10:00",
                              "--counselor", "Leila Amrani", "--room", "Salle 2"])
        #expect(book.status == 0)
        #expect(book.stdout == "appointment 1: 2026-04-14 10:00–10:45, Leila Amrani, Salle 2, \(c.youssef) (UTC 2026-04-14T09:00:00Z/2026-04-14T09:45:00Z)\n")
        let leila = try c.run(["slots", "--service", "social-orientation", "--counselor", "leila", "--from", "2026-04-14", "--limit", "3", "--format", "csv"])
        #expect(leila.stdout == """
            date,start,end,start_utc,end_utc,counselor,room,language\r
            2026-04-14,09:00,09:45,2026-04-14T08:00:00Z,2026-04-14T08:45:00Z,Leila Amrani,Salle 2,\r
            2026-04-14,09:15,10:00,2026-04-14T08:15:00Z,2026-04-14T09:00:00Z,Leila Amrani,Salle 2,\r
            2026-04-14,10:45,11:30,2026-04-14T09:45:00Z,2026-04-14T10:30:00Z,Leila Amrani,Salle 2,\r

            """)
        let second = try c.run(["book", "--visitor", c.samrawit, "--service", "social-orientation", "--at", "2026-04-14 10:30"])
        #expect(second.stdout == "appointment 2: 2026-04-14 10:30–11:15, Karim Bennani, Salle 3, \(c.samrawit) (UTC 2026-04-14T09:30:00Z/2026-04-14T10:15:00Z)\n")
        #expect(try c.run(["schedule", "--date", "2026-04-14"]).stdout == """
            1\t2026-04-14\t10:00–10:45\tLeila Amrani\tSalle 2\t\(c.youssef) يوسف المهاجر\tSocial assistance and orientation\tbooked
            2\t2026-04-14\t10:30–11:15\tKarim Bennani\tSalle 3\t\(c.samrawit) ሳምራዊት ተስፋይ\tSocial assistance and orientation\tbooked

            """)
        // Service names and statuses follow --lang in text (CSV and JSON keep the stored status).
        #expect(try c.run(["schedule", "--date", "2026-04-14", "--lang", "fr"]).stdout.contains("\tAssistance sociale et orientation\tréservé\n"))
        let cancel = try c.run(["cancel", "1", "--reason", "the visitor is ill"])
        #expect(cancel.stdout == "appointment 1 cancelled: 2026-04-14 10:00–10:45, Leila Amrani\n")
        #expect(try c.run(["schedule", "--week", "2026-04-16", "--counselor", "Leila Amrani"]).stdout == "")
        #expect(try c.run(["schedule", "--week", "2026-04-16", "--counselor", "Leila Amrani", "--all", "--format", "csv"]).stdout == """
            kind,id,date,start,end,start_utc,end_utc,counselor,room,visitor_code,visitor_name,service,status,label,interpreter\r
            appointment,1,2026-04-14,10:00,10:45,2026-04-14T09:00:00Z,2026-04-14T09:45:00Z,Leila Amrani,Salle 2,\(c.youssef),يوسف المهاجر,social-orientation,cancelled,,\r

            """)
        let again = try c.run(["cancel", "1", "--reason", "twice"])
        #expect(again.status == 1)
        #expect(again.stderr == "frontdesk: an appointment cannot go from cancelled to cancelled; a correction can\n")
    }

    /// For an Arabic speaker, `slots --visitor` offers Leila (who speaks Arabic) before Karim,
    /// even his earlier slots; `book` without `--counselor` chooses a speaker, then anyone free,
    /// and refuses only when nobody is; an interpreter sets languages aside and shows in `book`
    /// and `schedule`; an unknown interpreter language changes nothing.
    @Test func languagesRankSlotsAndTheCounselorChosenAndTheInterpreterShows() throws {
        let c = try SchedulingCLI()
        defer { c.dir.remove() }
        let arabic = try (1...3).map { i in
            try c.run(["visitors", "add", "--given", "زينب", "--family", "العربي \(i)", "--nationality", "SY", "--language", "ar",
                       "--consent", "services"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        // Leila is booked Tuesday 09:00–09:45: Karim is free earlier, yet Leila comes first.
        try SchedulingCLI.ok(["book", "--visitor", c.youssef, "--service", "social-orientation", "--at", "2026-04-14 09:00",
                              "--counselor", "Leila", "--db", c.db])
        #expect(try c.run(["slots", "--service", "social-orientation", "--from", "2026-04-14", "--limit", "3", "--visitor", arabic[0]]).stdout == """
            2026-04-14 09:45–10:30\tLeila Amrani\tSalle 2\tar
            2026-04-14 10:00–10:45\tLeila Amrani\tSalle 2\tar
            2026-04-14 10:15–11:00\tLeila Amrani\tSalle 2\tar

            """)
        // With an interpreter, or for a visitor without languages, the earliest first.
        #expect(try c.run(["slots", "--service", "social-orientation", "--from", "2026-04-14", "--limit", "1", "--visitor", arabic[0],
                           "--interpreter", "ar"]).stdout == "2026-04-14 09:00–09:45\tKarim Bennani\tSalle 3\n")
        #expect(try c.run(["slots", "--service", "social-orientation", "--from", "2026-04-14", "--limit", "1", "--visitor", c.samrawit]).stdout
            == "2026-04-14 09:00–09:45\tKarim Bennani\tSalle 3\n")
        let json = try c.run(["slots", "--service", "social-orientation", "--from", "2026-04-14", "--limit", "1", "--visitor", arabic[0], "--format", "json"])
        #expect(json.stdout.contains(#""language" : "ar""#))

        let first = try c.run(["book", "--visitor", arabic[0], "--service", "social-orientation", "--at", "2026-04-14 10:00"])
        #expect(first.stdout.hasPrefix("appointment 2: 2026-04-14 10:00–10:45, Leila Amrani, Salle 2, \(arabic[0]) (UTC"))
        let second = try c.run(["book", "--visitor", arabic[1], "--service", "social-orientation", "--at", "2026-04-14 10:00"])
        #expect(second.stdout.hasPrefix("appointment 3: 2026-04-14 10:00–10:45, Karim Bennani, Salle 3, \(arabic[1]) (UTC"), "\(second.stderr)")
        let third = try c.run(["book", "--visitor", arabic[2], "--service", "social-orientation", "--at", "2026-04-14 10:00"])
        #expect(third.status == 1)
        #expect(third.stderr == "frontdesk: no counselor who delivers social-orientation is free on 2026-04-14 10:00–10:45: "
            + "Salle 2 is booked 10:00–10:45; Leila Amrani is booked 10:00–10:45; Karim Bennani is booked 10:00–10:45\n")

        let bad = try c.run(["book", "--visitor", arabic[2], "--service", "social-orientation", "--at", "2026-04-14 11:00", "--interpreter", "klingon"])
        #expect(bad.status == 1)
        #expect(bad.stderr == "frontdesk: --interpreter: 'klingon' is not an ISO 639 language code (ar, fr, ti…)\n")
        #expect(try sqlite3(c.db, "SELECT count(*) FROM appointment").stdout == "3\n", "a refusal writes nothing")

        let interpreted = try c.run(["book", "--visitor", arabic[2], "--service", "social-orientation", "--at", "2026-04-14 11:00", "--interpreter", "AR"])
        #expect(interpreted.stdout.hasPrefix("appointment 4: 2026-04-14 11:00–11:45, Karim Bennani, Salle 2, \(arabic[2]), interpreter ar (UTC"),
                "\(interpreted.stderr)")
        let schedule = try c.run(["schedule", "--date", "2026-04-14"]).stdout.split(separator: "\n")
        #expect(schedule.last?.hasSuffix("\tSocial assistance and orientation\tbooked\tinterpreter ar") == true, "\(schedule)")
        #expect(schedule.dropLast().allSatisfy { $0.hasSuffix("\tbooked") })
        let csv = try c.run(["schedule", "--date", "2026-04-14", "--format", "csv"]).stdout.split(separator: "\r\n")
        #expect(csv.first?.hasSuffix(",label,interpreter") == true)
        #expect(csv.last?.hasSuffix(",social-orientation,booked,,ar") == true, "\(csv)")
        #expect(try c.run(["schedule", "--date", "2026-04-14", "--format", "json"]).stdout.contains(#""interpreterLanguage" : "ar""#))
    }

    @Test func refusalsAreOneLineWithExitOneAndUsageErrorsExitTwo() throws {
        let c = try SchedulingCLI()
        defer { c.dir.remove() }
        try SchedulingCLI.ok(["book", "--visitor", c.youssef, "--service", "social-orientation", "--at", "2026-04-14 10:00",
                              "--counselor", "Leila", "--room", "Salle 2", "--db", c.db])
        let taken = try c.run(["book", "--visitor", c.samrawit, "--service", "social-orientation", "--at", "2026-04-14 10:15",
                               "--counselor", "Leila", "--room", "Salle 2"])
        #expect(taken.status == 1)
        #expect(taken.stderr == "frontdesk: slot already taken: Salle 2 is booked 10:00–10:45; Leila Amrani is booked 10:00–10:45\n")
        let gap = try c.run(["book", "--visitor", c.samrawit, "--service", "social-orientation", "--at", "2026-03-22 02:30", "--counselor", "Leila"])
        #expect(gap.status == 1)
        #expect(gap.stderr == "frontdesk: 02:30 does not exist on 2026-03-22 in Africa/Casablanca: the clocks move forward over it; choose another time\n")
        let lunch = try c.run(["book", "--visitor", c.samrawit, "--service", "social-orientation", "--at", "2026-04-14 12:00", "--counselor", "Leila"])
        #expect(lunch.stderr == "frontdesk: refused: Leila Amrani works 09:00–12:30, 13:30–17:00 on 2026-04-14\n")
        let past = try c.run(["book", "--visitor", c.samrawit, "--service", "social-orientation", "--at", "2026-03-31 10:00", "--counselor", "Leila"])
        #expect(past.stderr == "frontdesk: refused: the time has passed (it is 2026-04-01 09:00)\n")
        #expect(try c.run(["slots"]).status == 2)
        #expect(try c.run(["schedule", "--date", "2026-04-14", "--week", "2026-04-14"]).status == 2)
        #expect(try c.run(["book", "--visitor", c.youssef, "--service", "social-orientation", "--at", "tomorrow"]).status == 1)
        #expect(try c.run(["cancel", "99", "--reason", "x"]).stderr == "frontdesk: no appointment has the id 99\n")
    }

    /// `schedule` only reads: the file is the same byte for byte afterwards, with no -wal left
    /// (it opens one connection and writes nothing; see `AppDatabase.openForReading`).
    @Test func scheduleLeavesTheDatabaseFileUnchanged() throws {
        let c = try SchedulingCLI()
        defer { c.dir.remove() }
        try SchedulingCLI.ok(["book", "--visitor", c.youssef, "--service", "social-orientation", "--at", "2026-04-14 10:00",
                              "--counselor", "Leila", "--room", "Salle 2", "--db", c.db])
        let before = try Data(contentsOf: URL(fileURLWithPath: c.db))
        for args in [["schedule", "--date", "2026-04-14"], ["schedule", "--week", "2026-04-14", "--counselor", "Leila", "--format", "ics"]] {
            let r = try c.run(args)
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stdout.contains("Leila Amrani") || r.stdout.contains("BEGIN:VEVENT"))
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: c.db)) == before)
        #expect(!FileManager.default.fileExists(atPath: c.db + "-wal"))
    }

    /// `FRONTDESK_NOW` fixes the demo's today, as for other commands: the benchmark's cached
    /// data are the same whatever the day they are made.
    @Test func demoHistoryFollowsTheFixedClock() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let db = dir.file("demo.sqlite")
        try SchedulingCLI.ok(["demo", "--db", db, "--visitors", "200", "--seed", "5", "--no-walk-ins", "--appointments-days", "2",
                              "--future-days", "3"])
        let days = try sqlite3(db, """
            SELECT MIN(date(start_at / 1000, 'unixepoch')) || ' ' || MAX(date(start_at / 1000, 'unixepoch')) FROM appointment
            """).stdout
        #expect(days == "2026-03-30 2026-04-03\n")
    }
}
