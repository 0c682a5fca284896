import Foundation
import FrontDeskStore
import Testing

/// `visitors add` and `visitors search` with what a receptionist types (issue 12, items 4 and
/// 5): codes completed by the form's rule, digits from an Arabic keyboard, phones in every form.
struct CodesCommandTests {
    func fresh() throws -> (TempDir, String) {
        let dir = try TempDir()
        let db = dir.file("codes.sqlite")
        let r = try frontdesk(["init", "--db", db])
        try #require(r.status == 0, "\(r.stderr)")
        return (dir, db)
    }

    /// One visitor as `visitors search --format json` lists them.
    func stored(_ db: String, _ query: String) throws -> [[String: Any]] {
        let r = try frontdesk(["visitors", "search", query, "--db", db, "--format", "json"])
        try #require(r.status == 0, "\(r.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
    }

    func add(_ db: String, _ arguments: [String]) throws -> ProcessResult {
        try frontdesk(["visitors", "add", "--db", db, "--given", "Meron", "--consent", "services", "--lang", "en"] + arguments)
    }

    /// The same completion as the new-visitor form: `ti`/`tir` → Tigrinya, `soud` → Sudan,
    /// `mar` → Morocco, `congo` → the Republic of the Congo, Arabic names, `civ`.
    @Test(arguments: [
        ("soud", ["ti"], "SD", ["ti"]),
        ("mar", ["tir"], "MA", ["ti"]),
        ("congo", ["lingala", "FR"], "CG", ["ln", "fr"]),
        ("سودان", ["العربية"], "SD", ["ar"]),
        ("civ", ["amh"], "CI", ["am"]),
        ("rdc", ["tig"], "CD", ["tig"]),
    ])
    func codesAreCompletedAsInTheForm(nationality: String, languages: [String], country: String, codes: [String]) throws {
        let (dir, db) = try fresh()
        defer { dir.remove() }
        let r = try add(db, ["--nationality", nationality] + languages.flatMap { ["--language", $0] })
        #expect(r.status == 0, "\(r.stderr)")
        let rows = try stored(db, "meron")
        #expect(rows.count == 1)
        #expect(rows.first?["nationality"] as? String == country)
        #expect(rows.first?["languages"] as? [String] == codes)
    }

    /// D2 and D3 on the command line: digits typed on an Arabic keyboard, the number stored in
    /// international form and found by every form; an unreadable number refused with what to type.
    @Test func phonesAndYearsAsTyped() throws {
        let (dir, db) = try fresh()
        defer { dir.remove() }
        let imane = try add(db, ["--nationality", "MA", "--birth-year", "٢٠٠٨", "--phone", "٠٦٦١٢٣٤٥٦٧"])
        #expect(imane.status == 0, "\(imane.stderr)")
        let rachid = try frontdesk(["visitors", "add", "--db", db, "--given", "Rachid", "--nationality", "MA", "--phone", "06 10 02 03 04",
                                    "--consent", "services"])
        #expect(rachid.status == 0, "\(rachid.stderr)")
        let meron = try stored(db, "0661234567")
        #expect(meron.first?["phone"] as? String == "+212661234567")
        #expect(meron.first?["birthYear"] as? Int == 2008)
        for typed in ["0610020304", "00212610020304", "+212 6 10 02 03 04", "٠٦١٠٠٢٠٣٠٤"] {
            let rows = try stored(db, typed)
            #expect(rows.map { $0["givenName"] as? String } == ["Rachid"], "\(typed)")
            #expect(rows.first?["phone"] as? String == "+212610020304")
        }
        let bad = try add(db, ["--nationality", "MA", "--phone", "0612"])
        #expect(bad.status == 1)
        #expect(bad.stderr == "frontdesk: Phone not valid: 0612. Morocco: 06…, 07…, 05… (10 digits); abroad: +country code.\n")
        // In CSV the number stays text: its `+` survives (behind the formula guard).
        let csv = try frontdesk(["visitors", "search", "rachid", "--db", db, "--format", "csv"])
        #expect(csv.stdout.contains(",'+212610020304\r\n"))
    }

    /// The visitor code typed with Arabic-Indic digits finds the visitor.
    @Test func aCodeTypedWithArabicDigitsFindsTheVisitor() throws {
        let (dir, db) = try fresh()
        defer { dir.remove() }
        let r = try add(db, ["--nationality", "MA"])
        let code = r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(code.hasPrefix("V-") && code.hasSuffix("-00001"))
        let arabic = String(code.map { c in c.wholeNumberValue.map { Character(Unicode.Scalar(0x0660 + UInt32($0))!) } ?? c })
        #expect(arabic != code)
        #expect(try stored(db, arabic).map { $0["code"] as? String } == [code])
    }

    /// `staff add` and `reset-pin` read a PIN typed with Arabic-Indic or Extended Arabic-Indic
    /// digits as the same PIN, as the sign-in screen does.
    @Test func aPinTypedWithArabicDigitsIsThePin() throws {
        let (dir, db) = try fresh()
        defer { dir.remove() }
        let add = try frontdesk(["staff", "add", "Imane Rhazi", "--role", "receptionist", "--db", db], environment: ["FRONTDESK_PIN": "٤٧٢٩"])
        #expect(add.status == 0, "\(add.stderr)")
        let hash = try sqlite3(db, "SELECT pin_hash FROM staff").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(PINHash(encoded: hash)?.verify("4729") == true)
        let reset = try runProcessWithInput(TestBinary.frontdesk, ["staff", "reset-pin", "Imane Rhazi", "--db", db], input: "۱۳۵۷۹\n")
        #expect(reset.status == 0, "\(reset.stderr)")
        let again = try sqlite3(db, "SELECT pin_hash FROM staff").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(PINHash(encoded: again)?.verify("13579") == true)
    }
}
