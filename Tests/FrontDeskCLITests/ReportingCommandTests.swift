import Foundation
import Testing

/// `frontdesk occupancy` and `frontdesk report`: CSV and JSON field by field, every case of E3
/// (CSV cells cannot become formulas) that reaches these exports, the byte-order mark, empty
/// periods, errors.
@Suite(.serialized) struct ReportingCommandTests {
    /// Rooms named like formulas (E3): `=1+1`, `+SUM(1;1)`, `-2+3`, `@A1`, and a tab then `=1`
    /// (names are trimmed when saved, so it is stored as `=1`). One 45-minute appointment in
    /// `=1+1` on Tue 2026-04-14 09:00, completed; one walk-in called after 12 minutes.
    static func center() throws -> SchedulingCLI {
        let c = try SchedulingCLI(rooms: [("=1+1", 2), ("+SUM(1;1)", 3), ("@A1", 2), ("\t=1", 2)])
        // A name starting with "-" comes after "--", or it reads as an option.
        try SchedulingCLI.ok(["rooms", "add", "--capacity", "2", "--db", c.db, "--", "-2+3"])
        try SchedulingCLI.ok(["book", "--visitor", c.youssef, "--service", "social-orientation", "--at", "2026-04-14 09:00",
                              "--counselor", "Leila", "--room", "=1+1", "--db", c.db])
        try SchedulingCLI.ok(["appointments", "correct", "1", "--status", "completed", "--reason", "seen", "--db", c.db])
        try SchedulingCLI.ok(["checkin", c.samrawit, "--category", "social", "--db", c.db], environment: ["FRONTDESK_NOW": "2026-04-14T09:00:00Z"])
        try SchedulingCLI.ok(["call", "--db", c.db], environment: ["FRONTDESK_NOW": "2026-04-14T09:12:30Z"])
        try SchedulingCLI.ok(["close", "S-001", "--outcome", "seen", "--db", c.db], environment: ["FRONTDESK_NOW": "2026-04-14T09:40:00Z"])
        return c
    }

    /// RFC 4180 records of a CSV text (quoted fields, doubled quotes, CRLF).
    static func records(_ text: String) -> [[String]] {
        var records: [[String]] = [], field = "", record: [String] = [], quoted = false
        var chars = Array(text.unicodeScalars).makeIterator()
        var pending: Unicode.Scalar? = nil
        while let c = pending ?? chars.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    if let n = chars.next() { if n == "\"" { field.unicodeScalars.append("\"") } else { quoted = false; pending = n } } else { quoted = false }
                } else { field.unicodeScalars.append(c) }
            } else if c == "\"" { quoted = true }
            else if c == "," { record.append(field); field = "" }
            else if c == "\r" { continue }
            else if c == "\n" { record.append(field); records.append(record); record = []; field = "" }
            else { field.unicodeScalars.append(c) }
        }
        return records
    }

    @Test func occupancyCSVByRoomFieldByField() throws {
        let c = try Self.center()
        defer { c.dir.remove() }
        let r = try c.run(["occupancy", "--from", "2026-04-13", "--to", "2026-04-19", "--format", "csv"])
        try #require(r.status == 0, "\(r.stderr)")
        #expect(!r.stdout.hasPrefix("\u{FEFF}"))
        #expect(r.stdout.hasSuffix("\r\n") && !r.stdout.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        let rows = Self.records(r.stdout)
        #expect(rows[0] == ["kind", "id", "name", "date", "booked_min", "available_min", "utilization_pct"])
        let names = Set(rows.dropFirst().map { $0[2] })
        // E3: every text cell starting with =, +, -, @ is neutralized with a leading quote.
        #expect(names == ["'=1+1", "'+SUM(1;1)", "'-2+3", "'@A1", "'=1"])
        let tuesday = try #require(rows.first { $0[2] == "'=1+1" && $0[3] == "2026-04-14" })
        #expect(tuesday == ["room", tuesday[1], "'=1+1", "2026-04-14", "45", "540", "8.3"])
        let saturday = try #require(rows.first { $0[2] == "'=1+1" && $0[3] == "2026-04-18" })
        #expect(saturday[4...] == ["0", "0", ""]) // nothing available: an empty cell, never NaN
        let total = try #require(rows.first { $0[0] == "room_total" && $0[2] == "'=1+1" })
        #expect(total[3...] == ["", "45", "2700", "1.7"])
        #expect(rows.filter { $0[0] == "room" }.count == 5 * 7)
        #expect(rows.allSatisfy { $0.count == 7 })
    }

    @Test func occupancyCSVByServiceKeepsNumbersAsNumbers() throws {
        let c = try Self.center()
        defer { c.dir.remove() }
        let r = try c.run(["occupancy", "--from", "2026-04-13", "--to", "2026-04-19", "--format", "csv", "--by", "service", "--lang", "en"])
        try #require(r.status == 0, "\(r.stderr)")
        let rows = Self.records(r.stdout)
        let header = rows[0]
        #expect(header == ["kind", "id", "name", "category", "duration_min", "appointments", "booked", "arrived", "completed", "no_shows",
                           "cancelled", "no_show_rate_pct", "demand", "capacity", "demand_capacity_pct", "walk_ins", "served", "median_wait_min",
                           "p90_wait_min", "mean_wait_min", "left_unseen", "left_unseen_mean_wait_min", "unserved_at_close",
                           "unserved_mean_wait_min", "waiting", "left_unseen_pct"])
        func row(_ id: String) throws -> [String: String] {
            let r = try #require(rows.first { $0[1] == id })
            return Dictionary(uniqueKeysWithValues: zip(header, r).map { ($0, $1) })
        }
        let orientation = try row("social-orientation")
        #expect(orientation["duration_min"] == "45") // E3: a numeric column is written unchanged
        #expect(orientation["kind"] == "service" && orientation["category"] == "social")
        #expect(orientation["appointments"] == "1" && orientation["completed"] == "1" && orientation["no_show_rate_pct"] == "0.0")
        #expect(orientation["demand"] == "1")
        // Leila: 09:00–12:30, 13:30–17:00 inside 08:30–17:30, five days: 2,100 min ÷ 45 = 46 sessions;
        // Karim: 09:00–13:00 Monday to Thursday, 960 min ÷ 45 = 21.
        #expect(orientation["capacity"] == "67" && orientation["demand_capacity_pct"] == "1.5")
        let counseling = try row("individual-counseling")
        #expect(counseling["duration_min"] == "60" && counseling["appointments"] == "0" && counseling["no_show_rate_pct"] == "")
        let social = try row("social")
        #expect(social["kind"] == "category" && social["demand"] == "2" && social["appointments"] == "1")
        #expect(social["walk_ins"] == "1" && social["served"] == "1" && social["median_wait_min"] == "12" && social["p90_wait_min"] == "12")
        #expect(social["mean_wait_min"] == "12" && social["unserved_at_close"] == "0" && social["waiting"] == "0")
        #expect(social["left_unseen"] == "0" && social["left_unseen_pct"] == "0.0")
        let professional = try row("professional")
        #expect(professional["walk_ins"] == "0" && professional["median_wait_min"] == "" && professional["left_unseen_pct"] == "")
        #expect(professional["no_show_rate_pct"] == "" && professional["demand_capacity_pct"] == "")
    }

    @Test func byteOrderMarkOnlyWhenAsked() throws {
        let c = try Self.center()
        defer { c.dir.remove() }
        let with = try c.run(["occupancy", "--from", "2026-04-13", "--to", "2026-04-19", "--format", "csv", "--bom"])
        #expect(Array(with.stdout.utf8.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(with.stdout.dropFirst().hasPrefix("kind,id,name"))
        let report = try c.run(["report", "--from", "2026-04-01", "--to", "2026-04-30", "--format", "csv", "--bom"])
        #expect(Array(report.stdout.utf8.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let json = try c.run(["report", "--from", "2026-04-01", "--to", "2026-04-30", "--format", "json", "--bom"])
        #expect(json.stdout.hasPrefix("{"))
    }

    @Test func occupancyJSONFieldByField() throws {
        let c = try Self.center()
        defer { c.dir.remove() }
        let r = try c.run(["occupancy", "--from", "2026-04-14", "--to", "2026-04-18", "--format", "json"])
        try #require(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(json["from"] as? String == "2026-04-14" && json["to"] as? String == "2026-04-18")
        #expect(json["time_zone"] as? String == "Africa/Casablanca")
        let rooms = try #require(json["rooms"] as? [[String: Any]])
        let room = try #require(rooms.first { $0["name"] as? String == "=1+1" }) // JSON keeps the data as is
        let days = try #require(room["days"] as? [[String: Any]])
        #expect(days.count == 5)
        #expect(days[0]["date"] as? String == "2026-04-14" && days[0]["booked_min"] as? Int == 45 && days[0]["available_min"] as? Int == 540)
        #expect((days[0]["utilization_pct"] as? Double).map { abs($0 - 8.3) < 0.001 } == true)
        #expect(days[4]["date"] as? String == "2026-04-18" && days[4]["utilization_pct"] is NSNull) // Saturday: null, not NaN
        let total = try #require(json["rooms_total"] as? [String: Any])
        #expect(total["booked_min"] as? Int == 45 && total["available_min"] as? Int == 5 * 4 * 540)
        let appointments = try #require(json["appointments"] as? [String: Any])
        #expect(appointments["completed"] as? Int == 1 && appointments["no_show_rate_pct"] as? Double == 0)
        let walkIns = try #require(json["walk_ins"] as? [String: Any])
        #expect(walkIns["arrivals"] as? Int == 1 && walkIns["median_wait_min"] as? Int == 12 && walkIns["p90_wait_min"] as? Int == 12)
        #expect(walkIns["served"] as? Int == 1 && walkIns["unserved_at_close"] as? Int == 0 && walkIns["waiting"] as? Int == 0)
        #expect(walkIns["unserved_mean_wait_min"] is NSNull && walkIns["mean_wait_min"] as? Int == 12)
        let counselors = try #require(json["counselors"] as? [[String: Any]])
        #expect(Set(counselors.compactMap { $0["name"] as? String }) == ["Leila Amrani", "Karim Bennani"])
        let categories = try #require(json["categories"] as? [[String: Any]])
        let professional = try #require(categories.first { $0["id"] as? String == "professional" })
        #expect(professional["demand_capacity_pct"] is NSNull || professional["demand_capacity_pct"] as? Double == 0)
        let pw = try #require(professional["walk_ins"] as? [String: Any])
        #expect(pw["median_wait_min"] is NSNull && pw["left_unseen_pct"] is NSNull)
        // No visitor code or name anywhere: aggregate only.
        #expect(!r.stdout.contains(c.youssef) && !r.stdout.contains("يوسف") && !r.stdout.contains("V-20"))
        // --by keeps one table.
        let byRoom = try c.run(["occupancy", "--from", "2026-04-14", "--to", "2026-04-18", "--format", "json", "--by", "room"])
        let one = try #require(try JSONSerialization.jsonObject(with: Data(byRoom.stdout.utf8)) as? [String: Any])
        #expect(one["rooms"] != nil && one["counselors"] == nil && one["services"] == nil)
    }

    @Test func anEmptyWeekShowsDashesAndNulls() throws {
        let c = try SchedulingCLI()
        defer { c.dir.remove() }
        let text = try c.run(["occupancy", "--from", "2025-01-06", "--to", "2025-01-12"])
        try #require(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("No-shows —\nWalk-in tickets 0: served 0 · left unseen 0 · unserved at close 0 · still waiting 0\n"))
        #expect(!text.stdout.contains("nan%") && !text.stdout.contains("NaN") && !text.stdout.contains("inf%"))
        let json = try c.run(["occupancy", "--from", "2025-01-06", "--to", "2025-01-12", "--format", "json"])
        #expect(json.stdout.contains("\"no_show_rate_pct\" : null") && json.stdout.contains("\"median_wait_min\" : null"))
        let report = try c.run(["report", "--from", "2025-01-06", "--to", "2025-01-12", "--format", "json"])
        let r = try #require(try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any])
        #expect(r["visitors"] as? Int == 0 && r["services"] as? Int == 0)
    }

    /// The text printed for people follows `--lang`: headings, values named (sexes, statuses,
    /// weekdays); CSV and JSON are the same in both languages (codes and English column names).
    @Test func textFollowsTheLanguageAndDataFormatsDoNot() throws {
        let c = try SchedulingCLI()
        defer { c.dir.remove() }
        let report = ["report", "--from", "2026-04-13", "--to", "2026-04-19"]
        let fr = try c.run(report + ["--lang", "fr"]), en = try c.run(report + ["--lang", "en"])
        try #require(fr.status == 0 && en.status == 0, "\(fr.stderr) \(en.stderr)")
        #expect(fr.stdout.hasPrefix("Rapport pour les bailleurs 2026-04-13…2026-04-19\n"))
        #expect(fr.stdout.contains("Tranche d'âge") && fr.stdout.contains("Réfugié·e") && fr.stdout.contains("Non précisé"))
        #expect(en.stdout.hasPrefix("Funder report 2026-04-13…2026-04-19\n"))
        #expect(en.stdout.contains("Age band") && en.stdout.contains("Refugee") && !en.stdout.contains("Réfugié"))
        let occupancy = ["occupancy", "--from", "2026-04-13", "--to", "2026-04-19"]
        let occFr = try c.run(occupancy + ["--lang", "fr"]), occEn = try c.run(occupancy + ["--lang", "en"])
        #expect(occFr.stdout.hasPrefix("Occupation 2026-04-13…2026-04-19") && occFr.stdout.contains("lun. 13"))
        #expect(occFr.stdout.contains("PSYCHOLOGIQUE") && occFr.stdout.contains("Conseiller·e"))
        #expect(occEn.stdout.hasPrefix("Occupancy 2026-04-13…2026-04-19") && occEn.stdout.contains("Mon 13"))
        for command in [report, occupancy] {
            for format in ["csv", "json"] {
                let a = try c.run(command + ["--format", format, "--lang", "fr"]), b = try c.run(command + ["--format", format, "--lang", "en"])
                #expect(a.status == 0 && Self.withoutServiceNames(a.stdout) == Self.withoutServiceNames(b.stdout), "\(command[0]) \(format)")
            }
        }
        // Only the services' names follow --lang in JSON.
        let json = try c.run(occupancy + ["--format", "json", "--lang", "fr"]).stdout
        #expect(json.contains("\"name\" : \"Entretien psychologique individuel\"") && !json.contains("Individual psychological"))
        // Categories are named in the language too (they read "psychological" under fr).
        #expect(json.contains("\"name\" : \"Psychologique\"") && !json.contains("\"name\" : \"psychological\""), "\(json.prefix(300))")
    }

    /// JSON with the `name` of every service (an object with an `id` and a `category`) blanked;
    /// other text as it is.
    static func withoutServiceNames(_ text: String) -> String {
        text.replacingOccurrences(of: #"("id" : "[a-z-]+",\s+"name" : )"[^"]*""#, with: "$1\"\"", options: .regularExpression)
    }

    /// The same past period reported now and a year later gives the same figures (ages are
    /// fixed by the period, services by their instants); only the stated production time moves.
    @Test func aPastPeriodGivesTheSameFiguresAYearLater() throws {
        let c = try Self.center()
        defer { c.dir.remove() }
        let report = ["report", "--from", "2026-04-13", "--to", "2026-04-19", "--db", c.db]
        var outputs: [String: [String]] = [:]
        for now in ["2026-04-20T09:00:00Z", "2027-04-20T09:00:00Z"] {
            for format in ["csv", "json", "text"] {
                let r = try frontdesk(report + ["--format", format, "--lang", "fr"], environment: ["FRONTDESK_NOW": now])
                try #require(r.status == 0, "\(r.stderr)")
                outputs[format, default: []].append(r.stdout)
            }
        }
        let csv = try #require(outputs["csv"])
        #expect(csv[0].contains("\r\nproduced_at,2026-04-20T09:00:00Z,,\r\n") && csv[1].contains("\r\nproduced_at,2027-04-20T09:00:00Z,,\r\n"))
        let json = try #require(outputs["json"])
        #expect(json[0].contains("\"produced_at\" : \"2026-04-20T09:00:00Z\"") && json[1].contains("\"produced_at\" : \"2027-04-20T09:00:00Z\""))
        func withoutProduced(_ text: String) -> String {
            text.split(separator: "\n").filter { !$0.contains("produced_at") && !$0.hasPrefix("Produit le") }.joined(separator: "\n")
        }
        #expect(withoutProduced(json[0]) == withoutProduced(json[1]))
        #expect(withoutProduced(csv[0].replacingOccurrences(of: "\r\n", with: "\n")) == withoutProduced(csv[1].replacingOccurrences(of: "\r\n", with: "\n")))
        let text = try #require(outputs["text"])
        #expect(text[0].contains("Produit le 2026-04-20 10:00 (Africa/Casablanca)"), "\(text[0].prefix(400))")
        #expect(withoutProduced(text[0]) == withoutProduced(text[1]))
    }

    @Test func reportCSVAndJSONFieldByField() throws {
        let c = try Self.center()
        defer { c.dir.remove() }
        // Both visitors consented to services only: left out, counted apart. Add one who consents.
        let aissatou = try SchedulingCLI.ok(["visitors", "add", "--given", "Aïssatou", "--family", "Diallo", "--nationality", "GN", "--sex", "female",
                                             "--birth-year", "1990", "--status", "refugee", "--consent", "services,reporting", "--db", c.db])
            .trimmingCharacters(in: .whitespacesAndNewlines)
        try SchedulingCLI.ok(["checkin", aissatou, "--category", "professional", "--db", c.db], environment: ["FRONTDESK_NOW": "2026-04-15T09:00:00Z"])
        try SchedulingCLI.ok(["call", "--db", c.db], environment: ["FRONTDESK_NOW": "2026-04-15T09:05:00Z"])
        try SchedulingCLI.ok(["close", "E-001", "--outcome", "redirected", "--db", c.db], environment: ["FRONTDESK_NOW": "2026-04-15T09:30:00Z"])
        let csv = try c.run(["report", "--from", "2026-04-01", "--to", "2026-04-30", "--format", "csv"])
        try #require(csv.status == 0, "\(csv.stderr)")
        let rows = Self.records(csv.stdout)
        #expect(rows[0] == ["dimension", "value", "visitors", "services"])
        #expect(rows[1][0] == "produced_at" && rows[1][2...] == ["", ""])
        #expect(rows[2] == ["period", "2026-04-01/2026-04-30", "", ""])
        #expect(rows[3] == ["total", "", "<5", "<5"])
        #expect(rows[4] == ["not_consenting", "", "<5", "<5"]) // 2 and 2: small counts are "<5" everywhere
        // Fewer than 5 visitors: every breakdown hidden (a zero beside a <5 would say who),
        // no nationality listed.
        let cells = Dictionary(uniqueKeysWithValues: rows.dropFirst(5).map { ("\($0[0])/\($0[1])", [$0[2], $0[3]]) })
        #expect(cells["sex/female"] == ["x", "x"] && cells["sex/male"] == ["x", "x"])
        #expect(cells["age_band/25-59"] == ["x", "x"] && cells["nationality/GN"] == nil && cells["nationality/SY"] == nil)
        #expect(cells["category/professional"] == ["x", "x"] && cells["new_returning/new"] == ["x", "x"])
        #expect(rows.dropFirst().allSatisfy { $0.count == 4 })
        let json = try c.run(["report", "--from", "2026-04-01", "--to", "2026-04-30", "--format", "json"])
        let r = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(r["visitors"] as? String == "<5" && r["from"] as? String == "2026-04-01")
        let apart = try #require(r["not_consenting"] as? [String: Any])
        #expect(apart["visitors"] as? String == "<5" && apart["services"] as? String == "<5")
        let dims = try #require(r["dimensions"] as? [String: [[String: Any]]])
        #expect(Set(dims.keys) == ["sex", "age_band", "nationality", "status", "category", "new_returning"])
        #expect(dims["age_band"]?.map { $0["value"] as? String } == ["0-4", "5-11", "12-17", "18-24", "25-59", "60+", "unknown"])
        #expect(dims["sex"]?.first { $0["value"] as? String == "male" }?["visitors"] is NSNull)
        #expect(r["breakdown_withheld"] is String && dims["nationality"]?.isEmpty == true)
        #expect(!json.stdout.contains(aissatou) && !json.stdout.contains("Aïssatou"))
    }

    /// Issue 15 item 2: a funder's quarter (its programs named, each target of the year beside
    /// what was achieved through the quarter's end, or through today, 1 April here, while the
    /// period is not over), in JSON, CSV and French text; periods by
    /// year, quarter or month; unknown funders and programs refused with what exists.
    @Test func aFundersQuarterWithItsTargets() throws {
        let c = try Self.center()
        defer { c.dir.remove() }
        let json = try c.run(["report", "--funder", "unhcr", "--quarter", "2026-Q2", "--format", "json"])
        try #require(json.status == 0, "\(json.stderr)")
        let r = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(r["funder"] as? String == "UNHCR" && r["programs"] as? [String] == ["unhcr-dafi", "unhcr-urban"])
        #expect(r["from"] as? String == "2026-04-01" && r["to"] as? String == "2026-06-30")
        let targets = try #require(r["targets"] as? [[String: Any]])
        #expect(targets.count == 1)
        #expect(targets.first?["program"] as? String == "unhcr-urban" && targets.first?["year"] as? Int == 2026
                && targets.first?["target"] as? Int == 400 && targets.first?["measure"] as? String == "unique_visitors"
                && targets.first?["through"] as? String == "2026-04-01" && targets.first?["achieved"] as? Int == 0)
        // Two funders together (the second was dropped without a word).
        let twoFunders = try c.run(["report", "--funder", "unhcr", "--funder", "IOM", "--quarter", "2026-Q2", "--format", "json"])
        let both = try #require(try JSONSerialization.jsonObject(with: Data(twoFunders.stdout.utf8)) as? [String: Any])
        #expect(both["funder"] as? String == "UNHCR, IOM" && both["programs"] as? [String] == ["unhcr-dafi", "unhcr-urban", "iom-trafficking", "iom-avrr"],
                "\(twoFunders.stdout.prefix(300))")
        let everything = try c.run(["report", "--quarter", "2026-Q2", "--format", "json"])
        #expect(!everything.stdout.contains("\"targets\"") && !everything.stdout.contains("\"programs\""))

        let csv = Self.records(try c.run(["report", "--program", "unhcr-urban", "--month", "2026-04", "--format", "csv"]).stdout)
        #expect(csv.contains(["target", "unhcr-urban/2026", "400", ""]) && csv.contains(["achieved", "unhcr-urban/2026/2026-04-01", "0", ""]), "\(csv.suffix(3))")
        let text = try c.run(["report", "--funder", "UNHCR", "--year", "2026", "--lang", "fr"])
        #expect(text.stdout.contains("Services financés par UNHCR (programmes : unhcr-dafi, unhcr-urban)"), "\(text.stdout.prefix(300))")
        #expect(text.stdout.contains("unhcr-urban 2026 : objectif 400 visiteurs, atteint 0 au 2026-04-01 (0%)"))

        let unknown = try c.run(["report", "--funder", "Nobody", "--year", "2026"])
        #expect(unknown.status == 1 && unknown.stderr.contains("'Nobody'") && unknown.stderr.contains("IOM, UNHCR"), "\(unknown.stderr)")
        let program = try c.run(["report", "--program", "nope", "--year", "2026"])
        #expect(program.status == 1 && program.stderr.contains("'nope'"))
        let two = try c.run(["report", "--year", "2026", "--month", "2026-04"])
        #expect(two.status == 1 && two.stderr.contains("give one period"))
        let none = try c.run(["report"])
        #expect(none.status == 1 && none.stderr.contains("give one period"))
        for (option, value) in [("--quarter", "2026-Q5"), ("--month", "2026-13"), ("--year", "26"), ("--quarter", "2026")] {
            let bad = try c.run(["report", option, value])
            #expect(bad.status == 1 && bad.stderr.contains("is not a period"), "\(option) \(value): \(bad.stderr)")
        }
    }

    @Test func refusalsAreOneLine() throws {
        let c = try SchedulingCLI()
        defer { c.dir.remove() }
        let reversed = try c.run(["occupancy", "--from", "2026-04-19", "--to", "2026-04-13"])
        #expect(reversed.status == 1 && reversed.stderr == "frontdesk: --to 2026-04-13 comes before --from 2026-04-19\n")
        let bad = try c.run(["report", "--from", "2026-02-30", "--to", "2026-03-01"])
        #expect(bad.status == 1 && bad.stderr.contains("--from: '2026-02-30' is not a date"))
        let missing = try frontdesk(["report", "--from", "2026-01-01", "--to", "2026-01-31", "--db", c.dir.file("none.sqlite")])
        #expect(missing.status == 1 && missing.stderr.contains("no database at"))
        let usage = try c.run(["occupancy", "--from", "2026-01-01", "--to", "2026-01-31", "--by", "desk"])
        #expect(usage.status == 2)
        // Ten years to the calendar day, no more.
        let tenYears = try c.run(["report", "--from", "2016-12-08", "--to", "2026-12-07", "--format", "json"])
        #expect(tenYears.status == 0, "\(tenYears.stderr)")
        let tooLong = try c.run(["report", "--from", "2016-12-08", "--to", "2026-12-08"])
        #expect(tooLong.status == 1 && tooLong.stderr == "frontdesk: --from and --to are more than ten years apart\n")
    }
}
