import Foundation
import FrontDeskDemo
import FrontDeskDomain

/// `frontdesk visitors import` of 100,000 demo visitors written as a spreadsheet's CSV (issue 14),
/// beside the sqlite3 shell's `.import` of the same file into a bare table (no checks, no
/// index): rows per second and peak resident memory.
enum ImportBench {
    static let rows = 100_000

    /// - Returns: the verdict (informative: the issue sets no target).
    /// - Throws: `BenchError` when the import fails.
    static func run(frontdesk: String, directory: String) throws -> Verdict {
        let calendar = CenterCalendar()
        let now = Date(timeIntervalSince1970: 1_776_121_200 + 11 * 3600)
        var generator = DemoGenerator(seed: 14)
        let people = generator.visitors(count: rows, now: now, calendar: calendar)
        var csv = "Prénom;Nom;Sexe;Année de naissance;Nationalité;Langues;Statut;Téléphone;Consentement\n"
        for p in people {
            let cells = [p.givenName, p.familyName, p.sex.rawValue, p.birthYear.map(String.init) ?? "", p.nationality,
                         p.languages.joined(separator: ","), p.status.rawValue, p.phone ?? "", "services"]
            csv += cells.map { $0.contains(";") || $0.contains("\"") ? "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : $0 }
                .joined(separator: ";") + "\n"
        }
        let file = directory + "/import-\(rows).csv"
        try csv.write(toFile: file, atomically: true, encoding: .utf8)
        let db = directory + "/import-bench.sqlite"
        for suffix in ["", "-wal", "-shm"] { unlink(db + suffix) }
        let environment = ["LANG": "C.UTF-8", "PATH": "/usr/bin:/bin", "FRONTDESK_NOW": "2026-04-14T10:00:00Z"]
        _ = try Spawn.run(frontdesk, ["init", "--db", db], environment: environment)
        let ours = try Spawn.run(frontdesk, ["visitors", "import", file, "--db", db, "--skip-invalid", "--allow-duplicates"],
                                 environment: environment)
        guard ours.status == 0 else { throw BenchError("visitors import failed: \(String(decoding: ours.stderr.prefix(300), as: UTF8.self))") }
        let shellDB = directory + "/import-shell.sqlite"
        unlink(shellDB)
        let shell = try Spawn.run("/usr/bin/env", ["sqlite3", shellDB, ".mode csv", ".separator ;", ".import \(file) visitor"],
                                  environment: environment)
        let ourRate = Double(rows) / (ours.milliseconds / 1000)
        let shellRate = Double(rows) / (shell.milliseconds / 1000)
        print("## Importing \(rows) visitors (CSV, `;`, French headers)\n")
        print("| program | time | rows/s | peak resident memory |")
        print("|---|---|---|---|")
        print(String(format: "| `frontdesk visitors import` (checks, duplicates, index, audit) | %.1f s | %.0f | %d MiB |",
                     ours.milliseconds / 1000, ourRate, ours.maxResidentKiB / 1024))
        print(String(format: "| `sqlite3 .import` (bare table) | %.1f s | %.0f | %d MiB |",
                     shell.milliseconds / 1000, shellRate, shell.maxResidentKiB / 1024))
        print("")
        return Verdict(target: "import of \(rows) visitors (completes; issue 14 sets no speed target)",
                       measured: String(format: "%.0f rows/s, %d MiB", ourRate, ours.maxResidentKiB / 1024), met: ours.status == 0)
    }
}
