import Foundation
import Testing

/// Issue 14 item 1: `visitors import` brings a spreadsheet's list in, all or nothing.
struct VisitorImportCommandTests {
    /// A list of `count` different people (names of distinct syllables, several nationalities
    /// and birth years), comma-separated, English headers; `bad` lines (file line numbers)
    /// hold a birth year in the future.
    static func list(count: Int, bad: Set<Int> = []) -> String {
        let syllables = ["ba", "ko", "di", "mu", "se", "la", "ri", "to", "fa", "ne", "gu", "yo", "za", "wi", "he", "jo"]
        func name(_ n: Int, _ parts: Int) -> String {
            var n = n, text = ""
            for _ in 0..<parts { text += syllables[n % syllables.count]; n /= syllables.count }
            return text.prefix(1).uppercased() + text.dropFirst()
        }
        let countries = ["SN", "ML", "CI", "CM", "NG", "GN", "SD", "SY", "YE", "MA"]
        var lines = ["Given name,Family name,Sex,Birth year,Nationality,Languages,Status,Phone,Consent"]
        for i in 0..<count {
            let line = i + 2
            let year = bad.contains(line) ? "3000" : String(1950 + i % 60)
            lines.append("\(name(i, 2)),\(name(i / 7 + 11, 3)),\(i % 2 == 0 ? "F" : "M"),\(year),\(countries[i % countries.count]),"
                         + "\"fr, ar\",refugee,,services")
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    @Test func aFileWithThreeBadRowsImportsNothingAndNamesTheirLines() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let db = tmp.file("center.sqlite")
        try #require(try frontdesk(["init", "--db", db]).status == 0)
        let file = tmp.file("list.csv")
        try Self.list(count: 5_000, bad: [10, 2_500, 5_001]).write(toFile: file, atomically: true, encoding: .utf8)

        let stopped = try frontdesk(["visitors", "import", file, "--db", db])
        #expect(stopped.status == 1, "\(stopped.stderr)")
        let refusals = stopped.stderr.split(separator: "\n").filter { $0.hasPrefix("line ") }
        #expect(refusals.map { $0.split(separator: ":")[0] } == ["line 10", "line 2500", "line 5001"], "\(stopped.stderr.prefix(2000))")
        #expect(stopped.stderr.contains("nothing was imported"))
        #expect(try sqlite3(db, "SELECT count(*) FROM visitor").stdout == "0\n")

        let dry = try frontdesk(["visitors", "import", file, "--db", db, "--skip-invalid", "--dry-run"])
        #expect(dry.status == 0 && dry.stdout.contains("4997 visitors would be imported of 5000 rows"), "\(dry.stdout)")
        #expect(try sqlite3(db, "SELECT count(*) FROM visitor").stdout == "0\n")

        let skipped = try frontdesk(["visitors", "import", file, "--db", db, "--skip-invalid"])
        #expect(skipped.status == 0, "\(skipped.stderr.prefix(2000))")
        #expect(skipped.stdout.hasPrefix("imported 4997 visitors (V-2026-00001 … V-2026-04997); 3 rows refused left out"), "\(skipped.stdout)")
        #expect(try sqlite3(db, "SELECT count(*) FROM visitor").stdout == "4997\n")
        #expect(try frontdesk(["visitors", "search", "Kodi", "--db", db]).stdout.contains("V-2026-"))

        // The same file again: every row is already registered; nothing is imported.
        let again = try frontdesk(["visitors", "import", file, "--db", db, "--skip-invalid"])
        #expect(again.stderr.contains("line 2: may already be registered: V-2026-00001"), "\(again.stderr.prefix(500))")
        #expect(try sqlite3(db, "SELECT count(*) FROM visitor").stdout == "4997\n")
    }

    /// A French spreadsheet's export: `;`, UTF-8 with a byte-order mark, French headers,
    /// names in Latin, Arabic and Ge'ez script; one row is someone already registered.
    @Test func aFrenchSemicolonFileWithABOMAndDuplicates() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let db = tmp.file("center.sqlite")
        try #require(try frontdesk(["init", "--db", db]).status == 0)
        try #require(try frontdesk(["visitors", "add", "--given", "Aïssatou", "--family", "Sow", "--nationality", "SN",
                                    "--birth-year", "1990", "--consent", "services", "--db", db]).status == 0)
        let file = tmp.file("liste.csv")
        let text = "\u{FEFF}Prénom;Nom;Sexe;Année de naissance;Nationalité;Langues;Statut;Téléphone;Consentement\r\n"
            + "محمد;حداد;homme;1985;Syrie;arabe;demandeur d'asile;;services,reporting\r\n"
            + "ሳምራዊት;ተስፋይ;femme;2001;Érythrée;tigrinya;réfugiée;06 12 34 56 78;services\r\n"
            + "Aissatou;Sow;F;1991;Sénégal;wolof;réfugiée;;services\r\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        let refused = try frontdesk(["visitors", "import", file, "--db", db, "--lang", "fr"])
        #expect(refused.status == 1 && refused.stderr.contains("ligne 4 : cette personne est peut-être déjà inscrite : V-2026-00001"), "\(refused.stderr)")
        #expect(refused.stderr.contains("rien n'a été importé"))
        let imported = try frontdesk(["visitors", "import", file, "--db", db, "--lang", "fr", "--skip-invalid"])
        #expect(imported.status == 0 && imported.stdout.hasPrefix("import terminé : 2 personnes (V-2026-00002 … V-2026-00003)"),
                "\(imported.stdout) \(imported.stderr)")
        let rows = try sqlite3(db, "SELECT given_name, family_name, nationality, status, phone FROM visitor ORDER BY id").stdout
        #expect(rows == "Aïssatou|Sow|SN|other|\nمحمد|حداد|SY|asylum_seeker|\nሳምራዊት|ተስፋይ|ER|refugee|+212612345678\n", "\(rows)")
    }
}

/// Issue 14 item 1: `closures import`, public holidays and Eid dates from a French spreadsheet.
struct ClosureImportCommandTests {
    @Test func holidaysComeInAllOrNothingAndOnlyOnce() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let db = tmp.file("center.sqlite")
        try #require(try frontdesk(["init", "--db", db]).status == 0)
        try #require(try frontdesk(["rooms", "add", "Salle 1", "--capacity", "4", "--db", db]).status == 0)
        let file = tmp.file("feries.csv")
        let text = "\u{FEFF}Date;Au;Libellé;Salle\r\n20/03/2026;21/03/2026;Aïd al-Fitr;\r\n2026-07-30;;Fête du Trône;\r\n"
            + "2026-05-27;;Travaux;Salle 1\r\n31/02/2026;;Mauvaise date;\r\n2026-06-02;;Inconnue;Salle 9\r\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        let count = "SELECT count(*) FROM closure"
        let before = try sqlite3(db, count).stdout
        let stopped = try frontdesk(["closures", "import", file, "--db", db, "--lang", "fr"])
        #expect(stopped.status == 1 && stopped.stderr.contains("ligne 5 : « 31/02/2026 » n'est pas un jour"), "\(stopped.stderr)")
        #expect(stopped.stderr.contains("ligne 6 : "), "\(stopped.stderr)")
        #expect(try sqlite3(db, count).stdout == before)
        let added = try frontdesk(["closures", "import", file, "--db", db, "--skip-invalid"])
        #expect(added.status == 0 && added.stdout.hasPrefix("added 3 closures; 0 already there; 2 rows refused left out"), "\(added.stdout)")
        let again = try frontdesk(["closures", "import", file, "--db", db, "--skip-invalid"])
        #expect(again.stdout.hasPrefix("added 0 closures; 3 already there"), "\(again.stdout)")
        let rows = try sqlite3(db, "SELECT first_day, last_day, coalesce(room_id, '-'), label FROM closure WHERE label IN ('Aïd al-Fitr', 'Travaux') ORDER BY first_day").stdout
        #expect(rows == "2026-03-20|2026-03-21|-|Aïd al-Fitr\n2026-05-27|2026-05-27|1|Travaux\n", "\(rows)")
    }
}

/// What trying issue 14 as a user found (2026-12-02): imports take exact names only, read
/// Excel's `sep=` line and skip rows of separators, read FrontDesk's own exports back, and the
/// exports keep closures whole; a closed pipe ends quietly; a workbook name needs `--format xlsx`.
struct ImportRoundTripTests {
    @Test func countriesAndLanguagesAreExactNamesOrCodes() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let db = try demoDatabase(in: tmp)
        let file = tmp.file("pays.csv")
        let rows = ["sep=;", "Prénom;Nom;Nationalité;Langues;Consentement", "Awa;Diop;Sénégal;ti ar;services", "Omar;Said;المغرب;fr;services",
                    "Marie;Kabila;Congo;fr;services", "Jean;Mars;Mars;fr;services", "Ali;Na;N/A;fr;services", "Issa;Nig;Nig;fr;services",
                    "Yao;Tig;CI;tig ar;services", ";;;;", ";;;;"]
        try (rows.joined(separator: "\r\n") + "\r\n").write(toFile: file, atomically: true, encoding: .utf8)
        let r = try frontdesk(["visitors", "import", file, "--db", db, "--dry-run", "--lang", "fr"])
        #expect(r.status == 1)
        // The `sep=;` line counts: Mars is on line 6. Rows of separators only are no rows.
        for (line, typed) in [(6, "Mars"), (7, "N/A"), (8, "Nig")] {
            #expect(r.stderr.contains("ligne \(line) : pays inconnu ou ambigu « \(typed.uppercased()) »")
                    || r.stderr.contains("ligne \(line) : pays inconnu ou ambigu « \(typed) »"), "\(r.stderr)")
        }
        #expect(!r.stderr.contains("ligne 3") && !r.stderr.contains("ligne 4") && !r.stderr.contains("ligne 5") && !r.stderr.contains("ligne 9"),
                "\(r.stderr)")
        #expect(!r.stderr.contains("ligne 10") && !r.stderr.contains("ligne 11") && r.stderr.contains("7 lignes lues, 3 lignes refusées"), "\(r.stderr)")
        // Without a nationality column: one message for the file, not one per row.
        try "Prénom;Nom;Consentement\r\nAwa;Diop;services\r\nOmar;Said;services\r\n".write(toFile: file, atomically: true, encoding: .utf8)
        let none = try frontdesk(["visitors", "import", file, "--db", db, "--lang", "fr"])
        #expect(none.status == 1 && none.stderr.contains("aucune colonne ne donne la nationalité") && !none.stderr.contains("ligne"), "\(none.stderr)")
    }

    @Test func exportsComeBackAndClosuresStayWhole() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let db = try demoDatabase(in: tmp)
        // Visitors: FrontDesk's own CSV (languages as `ti ar`) into a fresh database.
        let visitors = try frontdesk(["visitors", "search", "a", "--limit", "5", "--format", "csv", "--db", db])
        try #require(visitors.status == 0 && visitors.stdout.split(separator: "\r\n").count == 6, "\(visitors.stdout)")
        let export = tmp.file("visitors.csv")
        try visitors.stdout.write(toFile: export, atomically: true, encoding: .utf8)
        let fresh = tmp.file("fresh.sqlite")
        try #require(try frontdesk(["init", "--db", fresh]).status == 0)
        let back = try frontdesk(["visitors", "import", export, "--db", fresh, "--consent", "services", "--lang", "en"])
        #expect(back.status == 0 && back.stdout.contains("5 visitors"), "\(back.stdout)\(back.stderr)")
        // Closures: a four-day closure of the center and one day written twice.
        try #require(try frontdesk(["closures", "add", "--date", "2026-04-29", "--until", "2026-05-02", "--label", "Travaux façade", "--db", db]).status == 0)
        let week = try frontdesk(["schedule", "--week", "2026-04-27", "--format", "csv", "--db", db])
        let closed = week.stdout.split(separator: "\r\n").filter { $0.hasPrefix("closure,") && $0.contains("Travaux") }
        #expect(closed.map { String($0.split(separator: ",")[2]) } == ["2026-04-29", "2026-04-30", "2026-05-01", "2026-05-02"], "\(week.stdout)")
        let list = try frontdesk(["closures", "list", "--from", "2026-01-01", "--to", "2026-12-31", "--format", "csv", "--db", db])
        let listed = tmp.file("closures.csv")
        try list.stdout.write(toFile: listed, atomically: true, encoding: .utf8)
        let again = try frontdesk(["closures", "import", listed, "--db", fresh, "--lang", "en"])
        #expect(again.status == 0 && !again.stderr.contains("line"), "\(again.stdout)\(again.stderr)")
        let twice = tmp.file("twice.csv")
        try "Date;Libellé\r\n2027-07-30;Fête du Trône\r\n30/07/2027;Fête du Trône\r\n".write(toFile: twice, atomically: true, encoding: .utf8)
        let dry = try frontdesk(["closures", "import", twice, "--db", fresh, "--dry-run", "--lang", "en"])
        let real = try frontdesk(["closures", "import", twice, "--db", fresh, "--lang", "en"])
        #expect(dry.stdout.contains("1 already there") && real.stdout.contains("1 already there"), "\(dry.stdout) / \(real.stdout)")
    }

    @Test func aClosedPipeEndsQuietlyAndAWorkbookNameNeedsTheFormat() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let db = try demoDatabase(in: tmp)
        // The reader closes its end at once, so the command's writes meet the closed pipe (or,
        // on a very slow start of the reader, fit in the pipe): either way it ends quietly, 141 as
        // SIGPIPE's default or 0, never "a full disk?" and 1.
        for format in ["csv", "json", "text"] {
            let r = try runShell("set -o pipefail; " + shellQuoted([TestBinary.frontdesk, "audit", "list", "--format", format, "--db", db, "--lang", "fr"])
                                 + " | { exec 0<&-; }")
            #expect((r.status == 141 || r.status == 0) && r.stderr.isEmpty, "\(format): \(r.status) \(r.stderr)")
        }
        let named = tmp.file("r.xlsx")
        let r = try frontdesk(["report", "--from", "2026-01-01", "--to", "2026-12-31", "--output", named, "--db", db])
        #expect(r.status == 1 && r.stderr.contains("--format xlsx") && !FileManager.default.fileExists(atPath: named), "\(r.stderr)")
    }
}

/// A workbook given to an import: no xlsx reader is among this machine's packages, so the
/// command says how to make the CSV it reads, in the command's language, and imports nothing.
struct WorkbookImportTests {
    @Test func aWorkbookIsRefusedWithWhatToDo() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let db = try demoDatabase(in: tmp)
        let workbook = tmp.file("liste.xlsx")
        let made = try frontdesk(["services", "list", "--format", "xlsx", "--output", workbook, "--db", db])
        try #require(made.status == 0, "\(made.stderr)")
        let before = try sqlite3(db, "SELECT count(*) FROM visitor").stdout
        for (command, language, words) in [(["visitors", "import"], "fr", "CSV UTF-8"), (["closures", "import"], "en", "Save as")] {
            let r = try frontdesk(command + [workbook, "--db", db, "--lang", language])
            #expect(r.status == 1 && r.stderr.contains(words) && r.stderr.contains("xlsx2csv"), "\(r.stderr)")
            #expect(r.stderr.split(separator: "\n").count == 1)
        }
        #expect(try sqlite3(db, "SELECT count(*) FROM visitor").stdout == before)
    }
}

/// Issue 14 item 3 (part): store problems are worded in the command's language.
struct StoreMessageLanguageTests {
    @Test func aFileThatIsNotADatabaseIsSaidInFrench() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let file = tmp.file("notes.txt")
        try Data("not a database, just some text".utf8).write(to: URL(fileURLWithPath: file))
        let fr = try frontdesk(["queue", "--db", file, "--lang", "fr"])
        #expect(fr.status == 1 && fr.stderr.contains("n'est pas une base FrontDesk") && fr.stderr.contains("tel quel"), "\(fr.stderr)")
        let en = try frontdesk(["queue", "--db", file, "--lang=en"])
        #expect(en.status == 1 && en.stderr.contains("is not a FrontDesk database"), "\(en.stderr)")
    }
}
