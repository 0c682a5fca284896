import Foundation
import FrontDeskTestSupport
import Testing

/// `--format xlsx` (issue 14 item 2) read back by an independent reader, Python's `openpyxl`:
/// Arabic and Ge'ez names byte-identical, numbers as numbers, dates as dates, phones as text
/// without the CSV's `'`, headers in the command's language. A test whose reader is missing
/// fails under `CI=true` (`ExternalTool.require`); `.ci/run` installs it.
@Suite(.serialized) struct WorkbookExportTests {
    /// Every cell of the workbook's first sheet, typed as openpyxl reads it: `["s", text]`,
    /// `["n", number]`, `["d", ISO date-time]`, `["t", HH:MM:SS]`, `["-", ""]` for an empty cell, `["f", …]` for a formula;
    /// plus the sheet's name and the frozen pane.
    struct Sheet: Decodable {
        let title: String
        let frozen: String?
        let rows: [[[String]]]

        var header: [String] { rows.first?.map { $0[1] } ?? [] }
        /// The data rows as maps from header label to typed cell.
        var records: [[String: [String]]] {
            rows.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
        }
    }

    static func read(_ file: String) throws -> Sheet {
        try ExternalTool.require(.python3, .pythonOpenpyxl)
        let script = """
            import sys, json, datetime, openpyxl
            wb = openpyxl.load_workbook(sys.argv[1])
            ws = wb.worksheets[0]
            def cell(c):
                v = c.value
                if c.data_type == 'f': return ['f', str(v)]
                if v is None: return ['-', '']
                if isinstance(v, bool): return ['b', str(v)]
                if isinstance(v, datetime.datetime): return ['d', v.isoformat()]
                if isinstance(v, datetime.time): return ['t', v.isoformat()]
                if isinstance(v, datetime.timedelta): return ['t', str(v)]
                if isinstance(v, (int, float)): return ['n', repr(v)]
                return ['s', v]
            rows = [[cell(c) for c in row] for row in ws.iter_rows()]
            print(json.dumps({'title': ws.title, 'frozen': ws.freeze_panes, 'rows': rows}, ensure_ascii=False))
            """
        let r = try runProcess("/usr/bin/env", ["python3", "-c", script, file])
        try #require(r.status == 0, "\(r.stderr)")
        return try JSONDecoder().decode(Sheet.self, from: Data(r.stdout.utf8))
    }

    /// `SchedulingCLI` with Youssef booked Tuesday 2026-04-14 10:00 with Leila in Salle 2, and
    /// the center closed on Friday 2026-04-17 under this label.
    static func weekWithOneAppointment(closure: String?) throws -> SchedulingCLI {
        let c = try SchedulingCLI()
        try SchedulingCLI.ok(["book", "--visitor", c.youssef, "--service", "social-orientation", "--at", "2026-04-14 10:00",
                              "--counselor", "Leila", "--room", "Salle 2", "--db", c.db])
        if let closure { try SchedulingCLI.ok(["closures", "add", "--date", "2026-04-17", "--label", closure, "--db", c.db]) }
        return c
    }

    /// Names in Arabic and Ge'ez script come back byte for byte (the same UTF-8 as the JSON
    /// export), the birth year is a number, the phone is text without `'`, a name that looks
    /// like a formula stays text, and headers follow `--lang`.
    @Test func visitorsKeepNamesNumbersAndPhones() throws {
        let c = try SchedulingCLI()
        defer { c.dir.remove() }
        let formulaLike = try SchedulingCLI.ok(["visitors", "add", "--given", "=HYPERLINK(\"x\")", "--family", "ሳምራዊት", "--nationality", "ER",
                                                "--phone", "06 10 02 03 04", "--birth-year", "1990", "--consent", "services",
                                                "--allow-duplicate", "--db", c.db]).trimmingCharacters(in: .whitespacesAndNewlines)
        for (language, headers) in [("fr", ["Code", "Prénom", "Nom de famille", "Année de naissance", "Téléphone"]),
                                    ("en", ["Code", "Given name", "Family name", "Birth year", "Phone"])] {
            let file = c.dir.file("ge-ez-\(language).xlsx")
            let r = try c.run(["visitors", "search", "ሳምራዊት", "--format", "xlsx", "--output", file, "--lang", language])
            try #require(r.status == 0, "\(r.stderr)")
            #expect(r.stdout.isEmpty)
            let sheet = try Self.read(file)
            #expect(sheet.title == (language == "fr" ? "Visiteurs" : "Visitors"))
            #expect(sheet.frozen == "A2")
            for h in headers { #expect(sheet.header.contains(h), "\(language): \(sheet.header)") }
            let byCode = Dictionary(uniqueKeysWithValues: sheet.records.map { ($0["Code"]?[1] ?? "", $0) })
            let given = language == "fr" ? "Prénom" : "Given name", family = language == "fr" ? "Nom de famille" : "Family name"
            let year = language == "fr" ? "Année de naissance" : "Birth year", phone = language == "fr" ? "Téléphone" : "Phone"
            #expect(byCode[c.samrawit]?[given] == ["s", "ሳምራዊት"])
            #expect(byCode[c.samrawit]?[family] == ["s", "ተስፋይ"])
            #expect(byCode[formulaLike]?[given] == ["s", "=HYPERLINK(\"x\")"])
            #expect(byCode[formulaLike]?[year] == ["n", "1990"])
            #expect(byCode[formulaLike]?[phone] == ["s", "+212610020304"])
            // Coded values are named for people, in the command's language (the CSV keeps the codes).
            let sex = language == "fr" ? "Sexe" : "Sex"
            #expect(byCode[c.samrawit]?[sex] == ["s", language == "fr" ? "Non précisé" : "Not stated"], "\(byCode[c.samrawit] ?? [:])")
        }
        // Arabic: the same bytes as the JSON export holds.
        let file = c.dir.file("arabic.xlsx")
        try #require(try c.run(["visitors", "search", "يوسف", "--format", "xlsx", "--output", file]).status == 0)
        let json = try c.run(["visitors", "search", "يوسف", "--format", "json"])
        let fromJSON = try JSONDecoder().decode([[String: AnyDecodable]].self, from: Data(json.stdout.utf8))
        let sheet = try Self.read(file)
        let arabic = try #require(sheet.records.first { $0["Code"]?[1] == c.youssef })
        #expect(arabic.values.contains(["s", "يوسف"]) && arabic.values.contains(["s", "المهاجر"]))
        #expect(Array((arabic.values.first { $0 == ["s", "يوسف"] }?[1] ?? "").utf8) == Array("يوسف".utf8))
        #expect(fromJSON.first?["givenName"]?.text == "يوسف")
    }

    /// Dates are dates, times are times and UTC instants are date-times, equal to the JSON
    /// export's instants; counts are numbers.
    @Test func scheduleHoldsDatesAndTimes() throws {
        let c = try Self.weekWithOneAppointment(closure: "عيد الفطر")
        defer { c.dir.remove() }
        let file = c.dir.file("week.xlsx")
        let r = try c.run(["schedule", "--week", "2026-04-14", "--format", "xlsx", "--output", file, "--lang", "en"])
        try #require(r.status == 0, "\(r.stderr)")
        let sheet = try Self.read(file)
        #expect(sheet.title == "Schedule")
        let appointment = try #require(sheet.records.first { $0["Kind"]?[1] == "appointment" })
        #expect(appointment["ID"]?[0] == "n")
        #expect(appointment["Date"] == ["d", "2026-04-14T00:00:00"])
        #expect(appointment["Start"] == ["t", "10:00:00"])
        #expect(appointment["End"] == ["t", "10:45:00"])
        // Casablanca is UTC+1 in April 2026 (after Ramadan): 10:00 local is 09:00 UTC.
        #expect(appointment["Start (UTC)"] == ["d", "2026-04-14T09:00:00"])
        #expect(appointment["Visitor"] == ["s", "يوسف المهاجر"] || appointment["Visitor"]?[1].contains("يوسف") == true)
        let closure = try #require(sheet.records.first { $0["Kind"]?[1] == "closure" })
        #expect(closure["Date"] == ["d", "2026-04-17T00:00:00"])
        #expect(closure["Label"] == ["s", "عيد الفطر"])
    }

    /// Decimals are numbers (not text such as `20,3` or `20.3`), in every language.
    @Test func occupancyRatiosAreNumbers() throws {
        let c = try Self.weekWithOneAppointment(closure: nil)
        defer { c.dir.remove() }
        let file = c.dir.file("occupancy.xlsx")
        let r = try c.run(["occupancy", "--from", "2026-04-13", "--to", "2026-04-17", "--by", "counselor", "--format", "xlsx",
                           "--output", file, "--lang", "fr"])
        try #require(r.status == 0, "\(r.stderr)")
        let sheet = try Self.read(file)
        #expect(sheet.title == "Occupation")
        let leila = try #require(sheet.records.first { $0["Nom"]?[1] == "Leila Amrani" && $0["Date"]?[1] == "2026-04-14T00:00:00" })
        #expect(leila["Réservé (min)"] == ["n", "45"])
        #expect(leila["Utilisation (%)"]?[0] == "n")
        #expect(Double(leila["Utilisation (%)"]?[1] ?? "") != nil)
    }

    /// Every command that offers CSV offers xlsx: each writes a workbook that openpyxl opens,
    /// whose header row is in French under `--lang fr` (no machine name such as `given_name`).
    @Test func everyCSVCommandWritesAWorkbookWithFrenchHeaders() throws {
        let c = try Self.weekWithOneAppointment(closure: "Aïd")
        defer { c.dir.remove() }
        let commands: [[String]] = [
            ["audit", "list"], ["services", "list"], ["counselors", "list"], ["rooms", "list"], ["closures", "list", "--from", "2026-01-01", "--to", "2026-12-31"],
            ["visitors", "search", "ሳምራዊት"], ["schedule", "--week", "2026-04-14"], ["report", "--from", "2026-04-01", "--to", "2026-04-30"],
            ["sessions", "list", "--from", "2026-04-01", "--to", "2026-04-30"], ["occupancy", "--from", "2026-04-13", "--to", "2026-04-17"],
            ["queue"], ["slots", "--service", "social-orientation"], ["staff", "list"],
        ]
        for (i, command) in commands.enumerated() {
            let file = c.dir.file("export-\(i).xlsx")
            let r = try c.run(command + ["--format", "xlsx", "--output", file, "--lang", "fr"])
            try #require(r.status == 0, "\(command): \(r.stderr)")
            let sheet = try Self.read(file)
            #expect(!sheet.header.isEmpty, "\(command)")
            let machine = sheet.header.filter { $0.range(of: #"^[a-z0-9_]+$"#, options: .regularExpression) != nil }
            #expect(machine.isEmpty, "\(command): \(machine)")
            #expect(!sheet.title.isEmpty && sheet.title.count <= 31)
        }
    }

    /// A workbook never goes to a terminal, `book` does not offer it, and a failed write leaves no file.
    @Test func workbookRefusalsChangeNothing() throws {
        let c = try SchedulingCLI()
        defer { c.dir.remove() }
        // A terminal on standard output: python's pty gives the command one.
        try ExternalTool.require(.python3)
        let script = """
            import os, pty, sys
            pid, fd = pty.fork()
            if pid == 0:
                os.execv(sys.argv[1], sys.argv[1:])
            out = b''
            while True:
                try:
                    chunk = os.read(fd, 4096)
                except OSError:
                    break
                if not chunk: break
                out += chunk
            _, status = os.waitpid(pid, 0)
            sys.stdout.write(out.decode('utf-8', 'replace'))
            sys.exit(os.WEXITSTATUS(status))
            """
        let tty = try runProcess("/usr/bin/env", ["python3", "-c", script, TestBinary.frontdesk, "services", "list", "--format", "xlsx",
                                                  "--db", c.db, "--lang", "fr"])
        #expect(tty.status == 1)
        #expect(tty.stdout.contains("classeur binaire") && tty.stdout.contains("--output"))
        #expect(!tty.stdout.contains("PK"))
        let book = try c.run(["book", "--visitor", c.youssef, "--service", "social-orientation", "--at", "2026-04-14 10:00",
                              "--format", "xlsx"])
        #expect(book.status != 0)
        // /dev/full as standard output: the workbook cannot be written; one line, status 1.
        let devFull = try runShell(shellQuoted([TestBinary.frontdesk, "services", "list", "--format", "xlsx", "--db", c.db]) + " > /dev/full")
        #expect(devFull.status == 1)
        #expect(devFull.stderr.hasPrefix("frontdesk: ") && devFull.stderr.split(separator: "\n").count == 1, "\(devFull.stderr)")
        // TMPDIR that cannot hold the workbook: the same, nothing under the named file.
        let target = c.dir.file("services.xlsx")
        let noTemp = try frontdesk(["services", "list", "--format", "xlsx", "--output", target, "--db", c.db],
                                   environment: ["TMPDIR": "/proc/no-such-folder"])
        #expect(noTemp.status == 1)
        #expect(noTemp.stderr.hasPrefix("frontdesk: ") && !noTemp.stderr.contains("Fatal"), "\(noTemp.stderr)")
        #expect(!FileManager.default.fileExists(atPath: target))
    }
}

/// A JSON value of any type, for reading exports whose fields are mixed.
struct AnyDecodable: Decodable {
    let text: String?

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        text = try? c.decode(String.self)
    }
}
