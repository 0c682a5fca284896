import Foundation

/// Issue 4: `frontdesk occupancy` for a month and `frontdesk report` for a year as whole
/// processes, beside the same statements (`--sql` prints them) run by the `sqlite3` shell on
/// the same file: 100,000 visitors, a year of appointments and of walk-ins (about 250,000 rows).
enum OccupancyBench {
    static let monthTarget = 30.0, yearTarget = 100.0, ratioTarget = 1.5

    /// Where the sqlite3 shell is, or nil.
    static func sqlitePath() -> String? { executable(named: "sqlite3") }

    /// Where the program `name` is on `$PATH`, or nil.
    static func executable(named name: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        let dirs = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return dirs.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func run(frontdesk: String, path: String, month: (String, String), year: (String, String), runs: Int) throws -> [Verdict] {
        let env = benchEnvironment()
        print("## Occupancy and the funder report, whole processes, beside the same SQL in `sqlite3` (\(runs) runs each)\n")
        let rows = try Spawn.checked("/bin/sh", ["-c", "sqlite3 '\(path)' 'SELECT (SELECT COUNT(*) FROM visitor), (SELECT COUNT(*) FROM appointment), (SELECT COUNT(*) FROM visit)'"],
                                     environment: env).output.trimmingCharacters(in: .whitespacesAndNewlines)
        print("Rows (visitors|appointments|visits): \(rows). The `sqlite3` side runs the statements that `frontdesk` runs"
            + " (printed by the hidden `--sql` flag) with `.read`, output to /dev/null; both include process start.\n")
        print("| command | median | p99 | CPU (median) | `sqlite3`, same SQL: median | its CPU (median) | ratio (median wall) |")
        print("|---|---|---|---|---|---|---|")
        var verdicts: [Verdict] = []
        var instructionRows: [String] = []
        let counter = InstructionCounter(frontdesk: frontdesk, environment: env)
        // Issue 15: one funder's programs for a quarter and for the year (the services of its
        // programs read by `delivered_service_by_program`, their targets beside).
        let quarter = lastFullQuarter(before: year.1)
        let runsOf: [(String, [String], Double?)] = [
            ("month occupancy", ["occupancy", "--from", month.0, "--to", month.1], monthTarget),
            ("year report", ["report", "--from", year.0, "--to", year.1], yearTarget),
            ("UNHCR's quarter", ["report", "--funder", "UNHCR", "--quarter", quarter], nil),
            ("UNHCR's year", ["report", "--funder", "UNHCR", "--from", year.0, "--to", year.1], yearTarget),
        ]
        for (label, commandArgs, target) in runsOf {
            let args = commandArgs + ["--db", path]
            let command = commandArgs.joined(separator: " ")
            var ours = Spawn.Timing(last: try Spawn.checked(frontdesk, args, environment: env))
            var plain: Spawn.Timing?
            var sqliteArgs: (String, [String])?
            if let sqlite = sqlitePath() {
                let script = NSTemporaryDirectory() + "frontdesk-bench/" + commandArgs.joined(separator: "_").replacingOccurrences(of: "-", with: "") + ".sql"
                try Spawn.checked(frontdesk, args + ["--sql"], environment: env).stdout.write(to: URL(fileURLWithPath: script))
                sqliteArgs = (sqlite, ["-batch", path, ".output /dev/null", ".read \(script)"])
                plain = Spawn.Timing(last: try Spawn.checked(sqlite, sqliteArgs!.1, environment: env))
            }
            // The two programs alternate, so that both see the same load.
            for _ in 0..<runs {
                ours.add(try Spawn.checked(frontdesk, args, environment: env))
                if let (sqlite, arguments) = sqliteArgs { plain?.add(try Spawn.checked(sqlite, arguments, environment: env)) }
            }
            let m = Stats.median(ours.wall)
            let p = plain.map { Stats.median($0.wall) }
            let ratio = p.map { m / max($0, 0.001) }
            print(String(format: "| `%@` (%@) | %.1f ms | %.1f ms | %.1f ms | %@ | %@ | %@ |", command, label, m,
                         Stats.p99(ours.wall), Stats.median(ours.cpu), p.map { String(format: "%.1f ms", $0) } ?? "no sqlite3",
                         plain.map { String(format: "%.1f ms", Stats.median($0.cpu)) } ?? "—",
                         ratio.map { String(format: "%.2f×", $0) } ?? "—"))
            if let counter, let (sqlite, arguments) = sqliteArgs,
               let ourCount = counter.instructions(counter.frontdesk, args), let theirs = counter.instructions(sqlite, arguments) {
                instructionRows.append(String(format: "| `%@` (%@) | %.1f million | %.1f million | %.2f× |", command, label,
                                              Double(ourCount) / 1e6, Double(theirs) / 1e6, Double(ourCount) / Double(max(theirs, 1))))
            }
            if let target {
                verdicts.append(Verdict(target: "\(label) under \(Int(target)) ms (whole process)", measured: String(format: "%.1f ms median", m),
                                        met: m < target))
            }
            verdicts.append(Verdict(target: "\(label) within \(ratioTarget)× of the same SQL in sqlite3",
                                    measured: ratio.map { String(format: "%.2f×", $0) } ?? "skipped (no sqlite3)", met: ratio.map { $0 <= ratioTarget }))
        }
        if !instructionRows.isEmpty {
            print("\nInstructions executed, counted by `valgrind --tool=callgrind` (user space, both threads of `occupancy`):"
                + " unlike times, these do not move with the machine's load, so they show what a change did between two runs.\n")
            print("| command | `frontdesk` | `sqlite3`, same SQL | ratio |")
            print("|---|---|---|---|")
            instructionRows.forEach { print($0) }
        } else {
            print("\n(No instruction counts: `valgrind` or `strip` is not installed.)")
        }
        print("\nThe funder's lines: `--sql` prints the report's statement and each target's (the same statements `frontdesk` runs).")
        print("\n`frontdesk occupancy` reads on two connections at once (`AppDatabase.occupancy`): its CPU time is the sum of both threads'.\n")
        return verdicts
    }

    /// The last calendar quarter that ends before `day` (`2026-11-29` → `2026-Q3`), as
    /// `--quarter` takes it.
    static func lastFullQuarter(before day: String) -> String {
        let parts = day.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return "2026-Q3" }
        let (year, month) = (parts[0], parts[1])
        let current = (month - 1) / 3 + 1
        return current == 1 ? "\(year - 1)-Q4" : "\(year)-Q\(current - 1)"
    }
}

/// Counts the instructions a whole process executes, with `valgrind --tool=callgrind`: a
/// figure that does not move with the load of a shared machine, beside the times that do.
/// valgrind cannot read the debug information of the release binary, so `frontdesk` is counted
/// from a copy without it (`strip --strip-debug`: the same code).
struct InstructionCounter {
    let valgrind: String
    /// The copy of `frontdesk` without debug information.
    let frontdesk: String
    let environment: [String: String]

    /// Nil when valgrind or strip is not installed, or the copy cannot be made.
    init?(frontdesk original: String, environment: [String: String]) {
        guard let valgrind = OccupancyBench.executable(named: "valgrind", environment: environment),
              let strip = OccupancyBench.executable(named: "strip", environment: environment) else { return nil }
        let copy = NSTemporaryDirectory() + "frontdesk-bench/frontdesk-nodebug"
        guard (try? Spawn.checked(strip, ["--strip-debug", "-o", copy, original], environment: environment)) != nil else { return nil }
        self.valgrind = valgrind
        self.frontdesk = copy
        self.environment = environment
    }

    /// The instructions `executable arguments` ran (callgrind's "Collected"), nil when it failed.
    func instructions(_ executable: String, _ arguments: [String]) -> Int? {
        guard let result = try? Spawn.run(valgrind, ["--tool=callgrind", "--callgrind-out-file=/dev/null", executable] + arguments,
                                          environment: environment), result.status == 0 else { return nil }
        let text = String(decoding: result.stderr, as: UTF8.self)
        guard let line = text.split(separator: "\n").first(where: { $0.contains("Collected :") }),
              let number = line.split(separator: ":").last.map({ $0.trimmingCharacters(in: .whitespaces) }) else { return nil }
        return Int(number)
    }
}
