import Foundation
import FrontDeskDomain
import Testing

/// The command line: exact output, exit codes, and that bad input changes nothing.
struct CommandLineTests {
    func fresh() throws -> (TempDir, String) {
        let dir = try TempDir()
        let db = dir.file("cli.sqlite")
        let r = try frontdesk(["init", "--db", db])
        try #require(r.status == 0, "\(r.stderr)")
        return (dir, db)
    }

    func count(_ db: String, _ table: String) throws -> String {
        try sqlite3(db, "SELECT count(*) FROM \(table)").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func year() -> Int {
        // By the program's own zone rules (Foundation's copy of the zone data can be a release behind).
        CenterCalendar().year(of: Date())
    }

    @Test func initCreatesAPrivateFileInANewDirectory() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let db = dir.file("new/sub/frontdesk.sqlite")
        let r = try frontdesk(["init", "--db", db])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("Database ready: \(db) ("))
        let mode = try FileManager.default.attributesOfItem(atPath: db)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(try count(db, "service") != "0")
    }

    @Test func frontdeskDbEnvironmentVariableChoosesTheFile() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let db = dir.file("env.sqlite")
        #expect(try frontdesk(["init"], environment: ["FRONTDESK_DB": db]).status == 0)
        #expect(FileManager.default.fileExists(atPath: db))
    }

    @Test func addSearchCheckInAndQueue() throws {
        let (dir, db) = try fresh()
        defer { dir.remove() }
        let add = try frontdesk(["visitors", "add", "--db", db, "--given", "Aïssatou", "--family", "Diallo-Ndiaye Traoré",
                                 "--sex", "female", "--birth-year", "1994", "--nationality", "guinée", "--language", "pular",
                                 "--language", "fr", "--status", "asylum_seeker", "--phone", "+212 6 12 34 56 78", "--consent", "services,reporting"])
        #expect(add.status == 0, "\(add.stderr)")
        #expect(add.stdout == "V-\(year())-00001\n")
        let search = try frontdesk(["visitors", "search", "aissatou", "--db", db])
        #expect(search.stdout == "V-\(year())-00001\tAïssatou Diallo-Ndiaye Traoré\tGN\t1994\t+212612345678\n")
        let byPhone = try frontdesk(["visitors", "search", "612345", "--db", db])
        #expect(byPhone.stdout.contains("Aïssatou"))
        let checkin = try frontdesk(["checkin", "V-\(year())-00001", "--category", "social", "--db", db])
        #expect(checkin.stdout == "S-001\n")
        let again = try frontdesk(["checkin", "V-\(year())-00001", "--category", "professional", "--db", db, "--lang", "en"])
        #expect(again.status == 1)
        #expect(again.stderr == "frontdesk: Already checked in today with ticket S-001.\n")
        #expect(try count(db, "visit") == "1")
        let json = try frontdesk(["queue", "--db", db, "--format", "json"])
        let rows = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        #expect(rows?.count == 1)
        #expect(rows?.first?["ticket"] as? String == "S-001")
        #expect(rows?.first?["state"] as? String == "waiting")
        #expect(rows?.first?["visitorName"] as? String == "Aïssatou Diallo-Ndiaye Traoré")
        #expect((rows?.first?["arrivedAt"] as? String)?.hasSuffix("Z") == true)
        let csv = try frontdesk(["queue", "--db", db, "--format", "csv"])
        let lines = csv.stdout.components(separatedBy: "\r\n")
        #expect(lines[0] == "ticket,category,visitor_code,visitor_name,day,arrived_local,wait_min,state,called_by")
        #expect(lines[1].hasPrefix("S-001,social,V-\(year())-00001,Aïssatou Diallo-Ndiaye Traoré,"))
        #expect(lines[1].hasSuffix(",0,waiting,"))
        let call = try frontdesk(["call", "--db", db])
        #expect(call.stdout == "S-001\tV-\(year())-00001\n")
        let close = try frontdesk(["close", "S-001", "--outcome", "left_unseen", "--db", db])
        #expect(close.stdout == "S-001\tleft_unseen\n")
        #expect(try frontdesk(["queue", "--db", db]).stdout == "")
        let badDate = try frontdesk(["queue", "--db", db, "--date", "bad"])
        #expect(badDate.status == 1 && badDate.stderr == "frontdesk: --date: 'bad' is not a date (YYYY-MM-DD)\n")
        #expect(try count(db, "audit_event") != "0")
    }

    @Test(arguments: [
        (["--given", "", "--nationality", "MA"], "The given name is required."),
        (["--given", "Omar", "--nationality", "XX"], "Unknown country: XX. Type part of its name."),
        (["--given", "Omar", "--nationality", "MA", "--birth-year", "2999"], "Birth year or date in the future: 2999."),
        (["--given", "Omar", "--nationality", "MA", "--birth-date", "30/02/2008"],
         "Birth year or date not valid: 30/02/2008 (a year such as 2008, or a date such as 20/05/2008 or 2008-05-20; 1900 or later)."),
        (["--given", String(repeating: "a", count: 10_000), "--nationality", "MA"], "A name can hold at most 100 characters."),
        // One character by count, 40,001 scalars: a pile of combining marks.
        (["--given", "Z" + String(repeating: "\u{0301}", count: 40_000), "--nationality", "MA"],
         "A letter of a name can carry at most 7 marks (accents, vowel signs)."),
    ])
    func invalidVisitorsAreRefusedAndNothingIsStored(arguments: [String], message: String) throws {
        let (dir, db) = try fresh()
        defer { dir.remove() }
        let r = try frontdesk(["visitors", "add", "--db", db, "--lang", "en", "--consent", "services"] + arguments)
        #expect(r.status == 1)
        #expect(r.stderr == "frontdesk: \(message)\n")
        #expect(try count(db, "visitor") == "0")
    }

    @Test func usageErrorsExitWithTwo() throws {
        let (dir, db) = try fresh()
        defer { dir.remove() }
        #expect(try frontdesk(["checkin", "V-2026-00001", "--db", db]).status == 2)              // --category missing
        #expect(try frontdesk(["checkin", "V-2026-00001", "--category", "legal", "--db", db]).status == 2)
        #expect(try frontdesk(["queue", "--format", "xml", "--db", db]).status == 2)
        #expect(try frontdesk(["no-such-command"]).status == 2)
    }

    @Test func unknownVisitorCodeIsAUserError() throws {
        let (dir, db) = try fresh()
        defer { dir.remove() }
        let r = try frontdesk(["checkin", "V-2026-99999", "--category", "social", "--db", db])
        #expect(r.status == 1)
        #expect(r.stderr == "frontdesk: no visitor with code V-2026-99999\n")
    }

    @Test func aFileThatIsNotADatabaseIsRefusedAndLeftUnchanged() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = dir.file("notes.txt")
        let content = String(repeating: "Liste des rendez-vous, pas une base.\n", count: 200)
        try content.write(toFile: path, atomically: true, encoding: .utf8)
        let r = try frontdesk(["queue", "--db", path])
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("frontdesk: "))
        #expect(r.stderr.split(separator: "\n").count == 1)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == content)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    }

    @Test func aDatabaseFromANewerVersionIsRefusedAndLeftUnchanged() throws {
        let (dir, db) = try fresh()
        defer { dir.remove() }
        #expect(try sqlite3(db, "PRAGMA wal_checkpoint(TRUNCATE); INSERT INTO grdb_migrations VALUES ('v99-from-the-future')").status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: db))
        let r = try frontdesk(["queue", "--db", db])
        #expect(r.status == 1)
        #expect(r.stderr.contains("newer"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == before)
    }

    @Test func demoIsReproducible() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let a = dir.file("a.sqlite"), b = dir.file("b.sqlite")
        #expect(try frontdesk(["demo", "--db", a, "--visitors", "300", "--seed", "5", "--no-walk-ins"]).status == 0)
        #expect(try frontdesk(["demo", "--db", b, "--visitors", "300", "--seed", "5", "--no-walk-ins"]).status == 0)
        let q = "SELECT group_concat(given_name || family_name || nationality, ';') FROM (SELECT * FROM visitor ORDER BY id)"
        let x = try sqlite3(a, q).stdout, y = try sqlite3(b, q).stdout
        #expect(x == y)
        #expect(try count(a, "visitor") == "300")
        #expect(x.unicodeScalars.contains { (0x0600...0x06FF).contains($0.value) })  // a share in Arabic script
        let again = try frontdesk(["demo", "--db", a, "--visitors", "10"])
        #expect(again.status == 1)
        #expect(again.stderr.contains("--fresh"))
    }
}
