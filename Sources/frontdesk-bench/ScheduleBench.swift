import Foundation

/// Issue 3: `frontdesk schedule` as a counselor runs it, a whole process per run.
enum ScheduleBench {
    /// One counselor's day (`--date`) and week (`--week`) in text format, each timed over `runs`
    /// runs after one warm-up run, from `posix_spawn` to `waitpid` with the output read.
    static func run(frontdesk: String, path: String, counselor: String, day: String, runs: Int) throws {
        let env = benchEnvironment()
        print("## `frontdesk schedule` for one counselor, whole process (\(runs) runs each, text)\n")
        print("Counselor \(counselor), day \(day) and its week, on the year of appointments above.\n")
        print("| command | median | p99 | max | CPU (median) | appointments listed |")
        print("|---|---|---|---|---|---|")
        for (label, option) in [("day", "--date"), ("week", "--week")] {
            let args = ["schedule", "--db", path, "--counselor", counselor, option, day]
            let t = try Spawn.time(frontdesk, args, environment: env, runs: runs)
            print(String(format: "| `schedule --counselor … %@ %@` (%@) | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %d |", option, day, label,
                         Stats.median(t.wall), Stats.p99(t.wall), t.wall.max() ?? 0, Stats.median(t.cpu),
                         appointmentLines(t.last?.output ?? "")))
        }
        print("")
    }

    /// Lines of `schedule` text output that are appointments (closures start with `-`).
    static func appointmentLines(_ text: String) -> Int {
        text.split(separator: "\n").filter { !$0.hasPrefix("-\t") }.count
    }
}

/// This process's environment with a UTF-8 locale, for every spawned program.
func benchEnvironment() -> [String: String] {
    var env = ProcessInfo.processInfo.environment
    env["LANG"] = "C.UTF-8"
    env["LC_ALL"] = nil
    return env
}
