import Foundation
import FrontDeskDomain
import FrontDeskTestSupport
import Testing

/// The check over every output format of the funder report on demo data (issue 15): no count
/// from 1 to 4 printed anywhere; `<5` only for a true count from 1 to 4; a hidden cell (`x`, JSON
/// `null` with its reason) only for a true count of 5 or more, never as `<5`; no hidden count
/// recoverable from its table's total. The true counts come from the report's own SQL run by
/// the `sqlite3` shell (`report --sql`), aggregated here by the report's definitions.
@Suite(.serialized) struct ReportSuppressionCheckTests {
    /// A shown count: a number, `<5`, or hidden.
    enum Shown: Equatable, CustomStringConvertible {
        case number(Int), small, hidden

        init?(_ text: String) {
            switch text {
            case "<5": self = .small
            case "x": self = .hidden
            default:
                guard let n = Int(text) else { return nil }
                self = .number(n)
            }
        }

        var description: String {
            switch self {
            case .number(let n): String(n)
            case .small: "<5"
            case .hidden: "x"
            }
        }
    }

    /// One line of the report: `total`, `not_consenting` or `dimension/value`, visitors and services.
    struct Line: Equatable {
        let key: String
        let visitors, services: Shown
    }

    /// The instant the demo is made and every report run at.
    static let now = ["FRONTDESK_NOW": "2026-12-03T10:00:00Z"]

    /// True counts by key (`total`, `not_consenting`, `sex/female`…): (visitors, services).
    static func truth(db: String, from: String, to: String, scope: [String] = []) throws -> [String: (Int, Int)] {
        let sql = try frontdesk(["report", "--db", db, "--from", from, "--to", to, "--sql"] + scope, environment: Self.now)
        try #require(sql.status == 0, "\(sql.stderr)")
        try ExternalTool.require(.sqlite3)
        let script = FileManager.default.temporaryDirectory.path + "/report-\(getpid())-\(from).sql"
        try (".mode list\n" + sql.stdout).write(toFile: script, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: script) }
        let rows = try runShell("sqlite3 -readonly \(shellQuoted([db])) < \(shellQuoted([script]))")
        try #require(rows.status == 0, "\(rows.stderr)")
        var out: [String: (Int, Int)] = [:]
        func add(_ key: String, _ v: Int, _ n: Int) {
            let old = out[key] ?? (0, 0)
            out[key] = (old.0 + v, old.1 + n)
        }
        for line in rows.stdout.split(separator: "\n") {
            let f = line.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            if f.count == 1 { continue } // a program target's achieved count, after the rows
            try #require(f.count == 11, "\(line)")
            let ints = try f[6...10].map { try #require(Int($0)) }
            let (v, n, newV, newN, catV) = (ints[0], ints[1], ints[2], ints[3], ints[4])
            guard f[0] == "1" else { add("not_consenting", v, n); continue }
            add("total", v, n)
            add("sex/" + f[1], v, n)
            add("age_band/" + f[2], v, n)
            add("nationality/" + f[3], v, n)
            add("status/" + f[4], v, n)
            add("category/" + f[5], catV, n)
            add("new_returning/new", newV, newN)
            add("new_returning/returning", v - newV, n - newN)
            add("sex_age/" + f[1] + "/" + f[2], v, n)
        }
        return out
    }

    /// The CSV report as lines, checking on the way that its first row says when it was produced.
    static func csvLines(_ text: String) throws -> [Line] {
        let records = text.split(separator: "\r\n").dropFirst()
        let produced = try #require(records.first).split(separator: ",", omittingEmptySubsequences: false)
        #expect(produced.count == 4 && produced[0] == "produced_at" && (try? Date.ISO8601FormatStyle().parse(String(produced[1]))) != nil,
                "\(produced)")
        return try records.dropFirst().compactMap { record in
            let f = record.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            try #require(f.count == 4, "\(record)")
            // What the report covers (no counts), and a program's target and what it achieved
            // (a count: never 1 to 4), after the tables.
            if ["period", "funder", "programs", "target", "sex_age_withheld", "breakdown_withheld"].contains(f[0]) { return nil }
            if f[0] == "achieved" {
                #expect(Shown(f[2]).map { ![.number(1), .number(2), .number(3), .number(4)].contains($0) } == true, "\(record)")
                return nil
            }
            let key = f[1].isEmpty ? f[0] : f[0] + "/" + f[1]
            return Line(key: key, visitors: try #require(Shown(f[2]), "\(record)"), services: try #require(Shown(f[3]), "\(record)"))
        }
    }

    /// The JSON report as lines, checking on the way that every hidden count is `null` with a reason.
    static func jsonLines(_ text: String) throws -> [Line] {
        let r = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        func shown(_ value: Any?, _ owner: [String: Any]) throws -> Shown {
            if value is NSNull {
                #expect((owner["hidden"] as? String)?.isEmpty == false, "a null count without its reason")
                return .hidden
            }
            if let s = value as? String { return try #require(Shown(s)) }
            return .number(try #require(value as? Int, "\(String(describing: value))"))
        }
        var lines = [Line(key: "total", visitors: try shown(r["visitors"], r), services: try shown(r["services"], r))]
        let apart = try #require(r["not_consenting"] as? [String: Any])
        lines.append(Line(key: "not_consenting", visitors: try shown(apart["visitors"], apart), services: try shown(apart["services"], apart)))
        let dims = try #require(r["dimensions"] as? [String: [[String: Any]]])
        for d in ["sex", "age_band", "nationality", "status", "category", "new_returning"] {
            for cell in dims[d] ?? [] {
                lines.append(Line(key: d + "/" + (cell["value"] as? String ?? "?"), visitors: try shown(cell["visitors"], cell),
                                  services: try shown(cell["services"], cell)))
            }
        }
        for cell in try #require(r["sex_age"] as? [[String: Any]]) {
            lines.append(Line(key: "sex_age/" + (cell["value"] as? String ?? "?"), visitors: try shown(cell["visitors"], cell),
                              services: try shown(cell["services"], cell)))
        }
        return lines
    }

    /// Every count the text report prints: the totals line, the left-out line, then the last two
    /// columns of each table's rows, in the CSV's order (so the keys are taken from it).
    static func textCounts(_ text: String) -> [Shown?] {
        let lines = text.split(separator: "\n").map(String.init)
        func counts(_ line: String) -> [Shown] {
            line.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "·" }).map(String.init).compactMap { Shown($0) }
        }
        // The totals and those left out, after the title (and the funder or programs named).
        var out: [Shown?] = lines.dropFirst().prefix(3).filter { counts($0).count >= 2 }.prefix(2).flatMap { counts($0).prefix(2).map(Optional.init) }
        // The one-way tables: two counts a row. Then the sex × age tables (after a title with
        // `×`): a count per age band, visitors' table then services' table.
        var cross: [[Shown]] = []
        for line in lines.dropFirst(4) where !line.isEmpty {
            if line.contains("×") { cross.append([]); continue }
            let words = line.split(separator: " ").map(String.init)
            if !cross.isEmpty {
                let row = words.reversed().prefix { Shown($0) != nil }.reversed().compactMap(Shown.init)
                if row.count >= 5 && Shown(words[0]) == nil { cross[cross.count - 1] += row }
                continue
            }
            guard words.count >= 3, let v = Shown(words[words.count - 2]), let s = Shown(words[words.count - 1]) else { continue }
            out += [v, s]
        }
        // Interleaved as the CSV lists them: visitors and services of each cell.
        if cross.count == 2 { out += zip(cross[0], cross[1]).flatMap { [Optional($0.0), Optional($0.1)] } }
        return out
    }

    static func workbookLines(_ file: String) throws -> [Line] {
        try ExternalTool.require(.python3, .pythonOpenpyxl)
        let script = """
            import sys, json, openpyxl
            ws = openpyxl.load_workbook(sys.argv[1]).worksheets[0]
            print(json.dumps([[c for c in row] for row in ws.iter_rows(values_only=True)][1:]))
            """
        let r = try runProcess("/usr/bin/env", ["python3", "-c", script, file])
        try #require(r.status == 0, "\(r.stderr)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[Any]])
        func shown(_ v: Any) throws -> Shown {
            if let s = v as? String { return try #require(Shown(s)) }
            return .number(try #require(v as? Int, "\(v)"))
        }
        #expect(rows.first?.first as? String == "produced_at", "the workbook says when it was produced")
        return try rows.dropFirst().compactMap { row in
            let d = row[0] as? String ?? "", value = row[1] as? String ?? ""
            // A program's target and what it achieved, after the tables (as in the CSV).
            if ["period", "funder", "programs", "target", "achieved", "sex_age_withheld", "breakdown_withheld"].contains(d) {
                if d == "achieved" { #expect(!((1...4).contains(row[2] as? Int ?? 0)), "\(row)") }
                return nil
            }
            // (a "sex_age" value such as "female/25-59" keeps its slash)
            return Line(key: value.isEmpty ? d : d + "/" + value, visitors: try shown(row[2]), services: try shown(row[3]))
        }
    }

    /// The rules, for one format's lines against the true counts. `crossWithheld`: the format
    /// says the sex × age table is withheld (every cell `x`, whatever its true count).
    static func check(_ lines: [Line], _ truth: [String: (Int, Int)], format: String, crossWithheld: Bool, breakdownWithheld: Bool) {
        #expect(!lines.isEmpty, "\(format)")
        // A report of fewer than 5 visitors shows its total alone: every breakdown hidden; so
        // does one whose counts would otherwise give each other away (and says so).
        let small = lines.first { $0.key == "total" }?.visitors == .small
        #expect(!small || breakdownWithheld, "\(format): fewer than 5 visitors, no breakdown_withheld")
        let withheld = breakdownWithheld
        if crossWithheld {
            #expect(lines.filter { $0.key.hasPrefix("sex_age/") }.allSatisfy { [$0.visitors, $0.services].allSatisfy { $0 == .hidden || $0 == .number(0) } },
                    "\(format)")
        }
        for line in lines {
            let (tv, ts) = truth[line.key] ?? (0, 0)
            for (shown, true_) in [(line.visitors, tv), (line.services, ts)] {
                switch shown {
                case .number(let n):
                    #expect(n == true_, "\(format) \(line.key): \(n) printed, \(true_) true")
                    #expect(!(1...4).contains(n), "\(format) \(line.key): a count of \(n) printed")
                case .small: #expect((1...4).contains(true_), "\(format) \(line.key): <5 printed for \(true_)")
                case .hidden:
                    // In the sex × age table a zero may be hidden too, when only zeros were left to hide.
                    #expect(withheld || true_ >= 5 || (line.key.hasPrefix("sex_age/") && (true_ == 0 || crossWithheld)),
                            "\(format) \(line.key): x printed for \(true_)")
                }
            }
        }
        if withheld {
            #expect(!lines.contains { $0.key.hasPrefix("nationality/") }, "\(format): nationalities listed under 5 visitors")
        }
        #expect(lines.contains { $0.key.hasPrefix("sex_age/") }, "\(format): no sex × age table")
        for column in [0, 1] {
            let recovered = recoveredCounts(lines, column: column, ceiling: column == 0 ? truth["total"]?.0 ?? 0 : truth["total"]?.1 ?? 0)
            #expect(recovered.isEmpty, "\(format) \(column == 0 ? "visitors" : "services"): \(recovered) can be worked out")
        }
    }

    /// What a reader works out of one column (0 visitors, 1 services) by carrying bounds from
    /// line to line until they no longer narrow: `<5` is 1 to 4, `x` 0 to `ceiling` (the true
    /// total; a reader knows less), and each dimension's cells and each row and column of the
    /// sex × age table add up to their total (a category's visitors do not: left out). Written
    /// apart from the report's own audit, with looser bounds: what it finds, a reader finds.
    /// - Returns: the hidden counts whose bounds meet, as `key = value`.
    static func recoveredCounts(_ lines: [Line], column: Int, ceiling: Int) -> [String] {
        var bounds: [String: (lo: Int, hi: Int)] = [:]
        for line in lines where line.key != "not_consenting" {
            bounds[line.key] = switch column == 0 ? line.visitors : line.services {
            case .number(let n): (n, n)
            case .small: (1, 4)
            case .hidden: (0, max(ceiling, 5))
            }
        }
        var sums: [(total: String, parts: [String])] = []
        for dimension in ["sex", "age_band", "nationality", "status", "category", "new_returning"] where dimension != "category" || column == 1 {
            sums.append(("total", lines.map(\.key).filter { $0.hasPrefix(dimension + "/") }))
        }
        let cross = lines.map(\.key).filter { $0.hasPrefix("sex_age/") }
        for (prefix, position) in [("sex/", 1), ("age_band/", 2)] {
            for margin in lines.map(\.key).filter({ $0.hasPrefix(prefix) }) {
                let value = String(margin.dropFirst(prefix.count))
                sums.append((margin, cross.filter { $0.split(separator: "/").map(String.init)[position] == value }))
            }
        }
        var changed = true, passes = 0
        while changed && passes < 1_000 {
            changed = false
            passes += 1
            for (total, parts) in sums where bounds[total] != nil && !parts.isEmpty {
                let lo = parts.reduce(0) { $0 + (bounds[$1]?.lo ?? 0) }, hi = parts.reduce(0) { $0 + (bounds[$1]?.hi ?? 0) }
                let t = bounds[total]!
                let nt = (max(t.lo, lo), min(t.hi, hi))
                if nt != t { bounds[total] = nt; changed = true }
                for p in parts {
                    guard let b = bounds[p], let t = bounds[total] else { continue }
                    let np = (max(b.lo, t.lo - (hi - b.hi)), min(b.hi, t.hi - (lo - b.lo)))
                    if np != b { bounds[p] = np; changed = true }
                }
            }
        }
        return lines.compactMap { line in
            let shown = column == 0 ? line.visitors : line.services
            guard line.key != "not_consenting", shown != .number(0), case let b? = bounds[line.key], b.lo == b.hi else { return nil }
            if case .number = shown { return nil }
            return "\(line.key) = \(b.lo)"
        }
    }

    @Test func everyFormatOfTheDemoReportTellsTheTruthAndGivesNothingAway() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let db = dir.file("demo.sqlite")
        // The demo and every report as of one fixed instant, so that the data, and which of its
        // reports are small, are the same on every run.
        try #require(try frontdesk(["demo", "--db", db, "--visitors", "400"], environment: Self.now).status == 0)
        // All the demo's data (it lies around that day), its last week, one day: smaller
        // periods have more small cells. Days stepped by the center's calendar.
        let center = CenterCalendar()
        let now = center.localDate(of: try #require(ISO8601DateFormatter().date(from: Self.now["FRONTDESK_NOW"] ?? "")))
        func day(_ offset: Int) -> String { center.adding(days: offset, to: now).description }
        let today = day(0)
        var hiddenSeen = 0, smallSeen = 0, crossWithheldSeen = false
        // Everything, two funders (one with few services) and a program, over each period.
        // (The European Union's programs, over all the data: a sex × age table that cannot be
        // protected, withheld alone.)
        let scopes: [[String]] = [[], ["--funder", "UNHCR"], ["--funder", "IOM"], ["--funder", "European Union"],
                                  ["--program", "nl-intercultural-center"]]
        for scope in scopes {
        for (from, to) in [(day(-400), day(60)), (day(-6), today), (today, today)] {
            let truth = try Self.truth(db: db, from: from, to: to, scope: scope)
            let base = ["report", "--db", db, "--from", from, "--to", to] + scope
            let csv = try frontdesk(base + ["--format", "csv"], environment: Self.now)
            try #require(csv.status == 0, "\(csv.stderr)")
            let csvLines = try Self.csvLines(csv.stdout)
            // Whether the sex × age table is withheld, as the CSV says; every format must agree.
            let crossWithheld = csv.stdout.contains("\r\nsex_age_withheld,")
            let breakdownWithheld = csv.stdout.contains("\r\nbreakdown_withheld,")
            crossWithheldSeen = crossWithheldSeen || crossWithheld
            Self.check(csvLines, truth, format: "csv \(scope) \(from)…\(to)", crossWithheld: crossWithheld,
                       breakdownWithheld: breakdownWithheld)
            hiddenSeen += csvLines.filter { $0.visitors == .hidden || $0.services == .hidden }.count
            smallSeen += csvLines.filter { $0.visitors == .small || $0.services == .small }.count
            let json = try frontdesk(base + ["--format", "json"], environment: Self.now)
            try #require(json.status == 0, "\(json.stderr)")
            let jsonLines = try Self.jsonLines(json.stdout)
            Self.check(jsonLines, truth, format: "json \(scope) \(from)…\(to)", crossWithheld: crossWithheld,
                       breakdownWithheld: breakdownWithheld)
            #expect(json.stdout.contains("\"sex_age_withheld\"") == crossWithheld)
            #expect(json.stdout.contains("\"breakdown_withheld\"") == breakdownWithheld)
            #expect(Set(jsonLines.map(\.key)) == Set(csvLines.map(\.key)))
            for language in ["fr", "en"] {
                let text = try frontdesk(base + ["--lang", language], environment: Self.now)
                try #require(text.status == 0, "\(text.stderr)")
                let counts = Self.textCounts(text.stdout)
                let expected = csvLines.flatMap { [$0.visitors, $0.services] }
                #expect(counts == expected.map { Optional($0) }, "text \(language) \(scope) \(from)…\(to)")
                #expect(text.stdout.contains(language == "fr" ? "tranche d'âge n'est pas publié" : "age table is withheld") == crossWithheld)
            }
            let file = dir.file("report-\(scope.joined(separator: "-"))-\(from)-\(to).xlsx")
            let xlsx = try frontdesk(base + ["--format", "xlsx", "--output", file], environment: Self.now)
            try #require(xlsx.status == 0, "\(xlsx.stderr)")
            let workbook = try Self.workbookLines(file)
            #expect(workbook == csvLines, "xlsx \(from)…\(to)")
        }
        }
        // The demo data did exercise both marks (else this check would prove nothing).
        #expect(hiddenSeen > 0 && smallSeen > 0 && crossWithheldSeen, "hidden \(hiddenSeen), small \(smallSeen), withheld \(crossWithheldSeen)")
    }
}
