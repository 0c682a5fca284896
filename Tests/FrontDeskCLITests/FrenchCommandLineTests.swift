import Foundation
import Testing

/// Issue 14 item 3: the command line speaks French too. Under `--lang fr` or a French locale its
/// messages, status words, plurals and decimals are French; CSV, JSON keys and values, and exit
/// codes stay as scripts know them; service names in JSON and iCalendar follow `--lang`.
@Suite(.serialized) struct FrenchCommandLineTests {
    /// A French locale with nothing above it (`LC_ALL` and `LC_MESSAGES` empty count as unset).
    static let frenchLocale = ["LANG": "fr_FR.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""]

    @Test func anErrorIsFrenchUnderLangFrAndUnderAFrenchLocale() throws {
        let c = try SchedulingCLI()
        defer { c.dir.remove() }
        let args = ["checkin", "V-2026-09999", "--category", "social", "--db", c.db]
        let english = try frontdesk(args + ["--lang", "en"])
        #expect(english.status == 1 && english.stderr == "frontdesk: no visitor with code V-2026-09999\n", "\(english.stderr)")
        let french = try frontdesk(args + ["--lang", "fr"])
        #expect(french.status == 1 && french.stderr == "frontdesk: aucune personne n'a le code V-2026-09999\n", "\(french.stderr)")
        let locale = try frontdesk(args, environment: Self.frenchLocale)
        #expect(locale.status == 1 && locale.stderr == french.stderr, "\(locale.stderr)")
        // --lang wins over the locale.
        #expect(try frontdesk(args + ["--lang=en"], environment: Self.frenchLocale).stderr == english.stderr)
    }

    /// Text output names states in the command's language; CSV and JSON keep the stored words.
    @Test func queueStatesAreFrenchInTextOnly() throws {
        let c = try SchedulingCLI()
        defer { c.dir.remove() }
        try SchedulingCLI.ok(["checkin", c.youssef, "--category", "social", "--db", c.db])
        try SchedulingCLI.ok(["checkin", c.samrawit, "--category", "social", "--db", c.db])
        try SchedulingCLI.ok(["call", "--db", c.db])
        func states(_ text: String) -> [String] { text.split(separator: "\n").map { String($0.split(separator: "\t", omittingEmptySubsequences: false)[5]) } }
        #expect(states(try c.run(["queue", "--lang", "fr"]).stdout) == ["appelé·e", "en attente"])
        #expect(states(try c.run(["queue", "--lang", "en"]).stdout) == ["called", "waiting"])
        let csv = try c.run(["queue", "--format", "csv", "--lang", "fr"]).stdout
        #expect(csv.hasPrefix("ticket,category,visitor_code,visitor_name,day,arrived_local,wait_min,state,called_by\r\n"))
        #expect(csv.contains(",called,") && csv.contains(",waiting,") && !csv.contains("attente"), "\(csv)")
        let json = try c.run(["queue", "--format", "json", "--lang", "fr"]).stdout
        #expect(json.contains("\"state\" : \"waiting\"") && json.contains("\"waitMinutes\""), "\(json)")

        let closed = try c.run(["close", "S-001", "--outcome", "left_unseen", "--lang", "fr"])
        #expect(closed.stdout == "S-001\tparti·e sans être reçu·e\n", "\(closed.stderr)")
    }

    /// One booked appointment on Thursday 2 April 2026, 10:00–11:00 with Leila Amrani in Salle 2.
    static func booked(_ c: SchedulingCLI) throws {
        try SchedulingCLI.ok(["book", "--visitor", c.youssef, "--service", "individual-counseling", "--at", "2026-04-02 10:00",
                              "--counselor", "Leila", "--room", "Salle 2", "--db", c.db])
    }

    @Test func scheduleTextSpeaksTheLanguageAndMachineFormatsKeepTheirValues() throws {
        let c = try SchedulingCLI()
        defer { c.dir.remove() }
        try Self.booked(c)
        let day = ["schedule", "--date", "2026-04-02"]
        let fr = try c.run(day + ["--lang", "fr"]).stdout
        #expect(fr.hasSuffix("\tEntretien psychologique individuel\tréservé\n"), "\(fr)")
        let en = try c.run(day + ["--lang", "en"]).stdout
        #expect(en.hasSuffix("\tIndividual psychological counseling\tbooked\n"), "\(en)")

        // iCalendar titles and JSON service names follow --lang; JSON keys and statuses do not.
        #expect(try c.run(day + ["--format", "ics", "--lang", "fr"]).stdout.contains("SUMMARY:Entretien psychologique individuel — \(c.youssef)\r\n"))
        #expect(try c.run(day + ["--format", "ics", "--lang", "en"]).stdout.contains("SUMMARY:Individual psychological counseling — \(c.youssef)\r\n"))
        let jsonFr = try c.run(day + ["--format", "json", "--lang", "fr"]).stdout
        #expect(jsonFr.contains("\"serviceName\" : \"Entretien psychologique individuel\"") && jsonFr.contains("\"status\" : \"booked\""), "\(jsonFr)")
        let jsonEn = try c.run(day + ["--format", "json", "--lang", "en"]).stdout
        #expect(jsonEn.contains("\"serviceName\" : \"Individual psychological counseling\""), "\(jsonEn)")
        // The CSV is the same file in every language (the service's id, the stored status).
        #expect(try c.run(day + ["--format", "csv", "--lang", "fr"]).stdout == (try c.run(day + ["--format", "csv", "--lang", "en"]).stdout))

        // A refused booking names every problem in French, with French punctuation.
        let refused = try c.run(["book", "--visitor", c.samrawit, "--service", "individual-counseling", "--at", "2026-04-05 10:00",
                                 "--counselor", "Leila", "--lang", "fr"])
        #expect(refused.status == 1)
        #expect(refused.stderr == "frontdesk: refusé : le centre n'est pas ouvert le 2026-04-05 ; Leila Amrani ne travaille pas le 2026-04-05\n",
                "\(refused.stderr)")
    }

    /// French counts 0 and 1 as one, English only 1: `0 personne … serait`, `0 visitors … would`.
    @Test(arguments: [
        (0, "en", "0 visitors with no activity since", "would be anonymized"),
        (1, "en", "1 visitor with no activity since", "would be anonymized"),
        (2, "en", "2 visitors with no activity since", "would be anonymized"),
        (0, "fr", "0 personne sans activité depuis le", "serait anonymisée"),
        (1, "fr", "1 personne sans activité depuis le", "serait anonymisée"),
        (2, "fr", "2 personnes sans activité depuis le", "seraient anonymisées"),
    ])
    func purgeCountsArePlural(visitors: Int, language: String, count: String, verb: String) throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let db = dir.file("p.sqlite")
        try #require(try frontdesk(["init", "--db", db]).status == 0)
        for i in 0..<visitors {
            try SchedulingCLI.ok(["visitors", "add", "--given", "Awa \(["A", "B"][i])", "--family", "Ndiaye", "--nationality", "SN",
                                  "--birth-year", "\(1980 + 20 * i)", "--consent", "services", "--db", db])
        }
        // Ten years on, everyone registered today has had no activity for years.
        let r = try frontdesk(["privacy", "purge", "--inactive-years", "1", "--dry-run", "--lang", language, "--db", db],
                              environment: ["FRONTDESK_NOW": "2040-01-01T08:00:00Z"])
        let last = r.stdout.split(separator: "\n").last.map(String.init) ?? ""
        #expect(r.status == 0 && last.hasPrefix(count) && last.hasSuffix(verb), "\(r.stdout)\(r.stderr)")
    }

    @Test func sessionSeatsArePluralInEachLanguage() throws {
        let c = try SchedulingCLI()
        defer { c.dir.remove() }
        try SchedulingCLI.ok(["counselors", "add", "Nadia Cherkaoui", "--services", "french-class", "--languages", "fr,ar",
                              "--hours", "mon-fri 09:00-12:30,13:30-17:00", "--db", c.db])
        try SchedulingCLI.ok(["sessions", "add", "--service", "french-class", "--at", "2026-04-14 14:00", "--room", "Salle 2",
                              "--capacity", "1", "--db", c.db])
        try SchedulingCLI.ok(["sessions", "enroll", "1", "--visitor", c.youssef, "--db", c.db])
        let list = ["sessions", "list", "--from", "2026-04-14"]
        #expect(try c.run(list + ["--lang", "en"]).stdout.hasSuffix("\t1/1 seat\t0 on waitlist\n"))
        #expect(try c.run(list + ["--lang", "fr"]).stdout.hasSuffix("\t1/1 place\t0 en liste d'attente\n"))
        let waitlisted = try c.run(["sessions", "enroll", "1", "--visitor", c.samrawit, "--lang", "fr"]).stdout
        #expect(waitlisted == "liste d'attente : \(c.samrawit) ሳምራዊት ተስፋይ pour la séance 1, 2026-04-14 14:00–15:30 Cours de français, position 1\n",
                "\(waitlisted)")
        #expect(try c.run(list + ["--lang", "fr"]).stdout.hasSuffix("\t1/1 place\t1 en liste d'attente\n"))
    }

    /// Hours in the occupancy tables: `1,0` and `9,0` in French, `1.0` and `9.0` in English.
    @Test func occupancyHoursUseTheLanguagesDecimalMark() throws {
        let c = try SchedulingCLI()
        defer { c.dir.remove() }
        try Self.booked(c)
        func line(_ language: String, _ prefix: String) throws -> String {
            let r = try c.run(["occupancy", "--from", "2026-04-02", "--to", "2026-04-02", "--lang", language])
            try #require(r.status == 0, "\(r.stderr)")
            return r.stdout.split(separator: "\n").first { $0.hasPrefix(prefix) }.map(String.init) ?? r.stdout
        }
        let fr = try line("fr", "Leila Amrani"), en = try line("en", "Leila Amrani")
        #expect(fr.contains(" 1,0 ") && fr.contains(" 7,0 ") && !fr.contains("."), "\(fr)")
        #expect(en.contains(" 1.0 ") && en.contains(" 7.0 ") && !en.contains(","), "\(en)")
        // The CSV keeps its point with the default separator, whatever the language.
        let csv = try c.run(["occupancy", "--from", "2026-04-02", "--to", "2026-04-02", "--by", "counselor", "--format", "csv",
                             "--lang", "fr"]).stdout
        #expect(csv.contains(",14.3\r\n"), "\(csv)")
    }

    /// Commands given wrong input under `--lang fr`: every message is French. The same commands
    /// in English trip the same scan, so the scan can fail.
    @Test func noEnglishWordsInFrenchRefusals() throws {
        let c = try SchedulingCLI()
        defer { c.dir.remove() }
        try Self.booked(c)
        let existing = c.dir.file("exists.txt")
        try Data("x".utf8).write(to: URL(fileURLWithPath: existing))
        let mistakes: [[String]] = [
            ["checkin", "V-2026-09999", "--category", "social"], ["checkin", "nope", "--category", "social"],
            ["close", "X-1"], ["close", "S-999"],
            ["book", "--visitor", c.youssef, "--service", "nope", "--at", "2026-04-02 10:00"],
            ["book", "--visitor", c.youssef, "--service", "individual-counseling", "--at", "tomorrow"],
            ["book", "--visitor", c.samrawit, "--service", "individual-counseling", "--at", "2026-04-02 10:00", "--counselor", "Leila"],
            ["book", "--visitor", c.samrawit, "--service", "individual-counseling", "--at", "2026-04-03 10:00", "--interpreter", "zz"],
            ["slots", "--service", "individual-counseling", "--counselor", "Zorro"],
            ["slots", "--service", "individual-counseling", "--limit", "0"],
            ["schedule", "--date", "2026-13-45"], ["schedule", "--date", "2026-04-02", "--week", "2026-04-02"],
            ["rooms", "add", "Salle 9", "--capacity", "0"], ["counselors", "edit", "Zorro"],
            ["counselors", "edit", "Leila", "--active", "maybe"], ["staff", "disable", "Nobody"],
            ["cancel", "999", "--reason", "x"], ["appointments", "correct", "1", "--status", "completed", "--reason", " "],
            ["sessions", "enroll", "999", "--visitor", c.youssef], ["sessions", "add", "--service", "individual-counseling", "--at", "2026-04-14 14:00"],
            ["settings", "set", "--slot-grid", "7"], ["occupancy", "--from", "2026-02-01", "--to", "2026-01-01"],
            ["visitors", "add", "--given", "Awa", "--nationality", "SN", "--consent", "services,marketing"],
            ["backup", existing], ["privacy", "purge", "--inactive-years", "0"], ["stafff"],
            ["restore", c.dir.file("no-such-backup.sqlite")], ["restore", existing],
        ]
        let english = ["not found", "invalid", "must", "cannot", "unknown", "already", " is not ", "no such", "refused", " no "]
        /// The message's first line (the parser's usage follows a usage mistake) without option
        /// names (`--skip-invalid`), lower-cased.
        func words(_ stderr: String) -> String {
            (stderr.split(separator: "\n").first ?? "").split(separator: " ").filter { !$0.hasPrefix("--") }.joined(separator: " ").lowercased()
        }
        var trippedInEnglish = 0
        for args in mistakes {
            let fr = try frontdesk(args + ["--db", c.db, "--lang", "fr"], environment: SchedulingCLI.clock)
            #expect(fr.status != 0 && !fr.stderr.isEmpty, "\(args): \(fr.stdout)")
            let found = english.filter { words(fr.stderr).contains($0) }
            #expect(found.isEmpty, "\(args): \(found) in \(fr.stderr)")
            let en = try frontdesk(args + ["--db", c.db, "--lang", "en"], environment: SchedulingCLI.clock)
            if english.contains(where: { words(en.stderr).contains($0) }) { trippedInEnglish += 1 }
        }
        #expect(trippedInEnglish >= mistakes.count / 2, "the scan finds English in \(trippedInEnglish) of \(mistakes.count) English runs")
    }
}
