import Foundation

/// Issue 4: `frontdesk occupancy` for a month and `frontdesk report` for a year as whole
/// processes, beside the same statements (`--sql` prints them) run by the `sqlite3` shell on
/// the same file: 100,000 visitors, a year of appointments and of walk-ins (about 250,000 rows).
enum OccupancyBench {
    static let monthTarget = 30.0, yearTarget = 100.0, ratioTarget = 1.5

    /// Where the sqlite3 shell is, or nil.
    static func sqlitePath() -> String? {
        let dirs = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return dirs.map { "\($0)/sqlite3" }.first { FileManager.default.isExecutableFile(atPath: $0) }
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
        for (label, command, span, target) in [("month occupancy", "occupancy", month, monthTarget), ("year report", "report", year, yearTarget)] {
            let args = [command, "--db", path, "--from", span.0, "--to", span.1]
            var ours = Spawn.Timing(last: try Spawn.checked(frontdesk, args, environment: env))
            var plain: Spawn.Timing?
            var sqliteArgs: (String, [String])?
            if let sqlite = sqlitePath() {
                let script = NSTemporaryDirectory() + "frontdesk-bench/\(command)-\(span.0)-\(span.1).sql"
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
            print(String(format: "| `%@ --from %@ --to %@` (%@) | %.1f ms | %.1f ms | %.1f ms | %@ | %@ | %@ |", command, span.0, span.1, label, m,
                         Stats.p99(ours.wall), Stats.median(ours.cpu), p.map { String(format: "%.1f ms", $0) } ?? "no sqlite3",
                         plain.map { String(format: "%.1f ms", Stats.median($0.cpu)) } ?? "—",
                         ratio.map { String(format: "%.2f×", $0) } ?? "—"))
            verdicts.append(Verdict(target: "\(label) under \(Int(target)) ms (whole process)", measured: String(format: "%.1f ms median", m),
                                    met: m < target))
            verdicts.append(Verdict(target: "\(label) within \(ratioTarget)× of the same SQL in sqlite3",
                                    measured: ratio.map { String(format: "%.2f×", $0) } ?? "skipped (no sqlite3)", met: ratio.map { $0 <= ratioTarget }))
        }
        print("\n`frontdesk occupancy` reads on two connections at once (`AppDatabase.occupancy`): its CPU time is the sum of both threads'.\n")
        return verdicts
    }
}
