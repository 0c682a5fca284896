import Foundation
import FrontDeskDomain

/// Issue 3: one day of the center listed by `frontdesk schedule --date` and by `calcurse -Q`
/// after importing the same appointments as iCalendar, side by side.
enum CalcurseBench {
    /// Where calcurse is, or nil.
    static func calcursePath() -> String? {
        let dirs = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return dirs.map { "\($0)/calcurse" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static let target = "ours at least 20× faster than calcurse for a day"
    static let title = "## One day at 100,000 appointments: `frontdesk schedule` and calcurse side by side\n"

    /// The section when calcurse is missing: says so, measures nothing.
    static func skipped() -> Verdict {
        print(title)
        print("**Skipped: calcurse is not installed** (Debian package `calcurse`); nothing was measured.\n")
        return Verdict(target: target, measured: "skipped (no calcurse)", met: nil)
    }

    /// Exports every week of `first...last` with `frontdesk schedule --week D --format ics`
    /// (all counselors; cancelled appointments are left out, as by default), merges the weeks
    /// into one VCALENDAR (a closure spanning two weeks kept once, by UID), imports it once into
    /// a private calcurse directory, then times the day `day` listed by both programs.
    /// The `.ics` file and the calcurse directory sit next to the database and are reused.
    static func run(frontdesk: String, path: String, first: LocalDate, last: LocalDate, day: LocalDate, runs: Int) throws -> Verdict {
        guard let calcurse = calcursePath() else { return skipped() }
        print(title)
        let base = String(path.dropLast(".sqlite".count))
        let ics = base + ".ics"
        var notes: [String] = []
        if !FileManager.default.fileExists(atPath: ics) {
            let seconds = try export(frontdesk: frontdesk, path: path, first: first, last: last, to: ics)
            notes.append(String(format: "exported in %.1f s", seconds))
        }
        let exported = try String(contentsOfFile: ics, encoding: .utf8)
        let appointmentEvents = exported.components(separatedBy: "UID:appointment-").count - 1
        let closureEvents = exported.components(separatedBy: "UID:closure-").count - 1

        // calcurse keeps its data in a directory; HOME and TZ are set so it reads nothing of the
        // user's and places UTC events on the center's days.
        let home = base + "-calcurse"
        var env = benchEnvironment()
        env["HOME"] = home
        env["TZ"] = "Africa/Casablanca"
        let imported = home + "/.imported"
        if !FileManager.default.fileExists(atPath: imported) {
            try? FileManager.default.removeItem(atPath: home)
            try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
            let r = try Spawn.checked(calcurse, ["-D", home, "-i", ics], environment: env)
            let report = r.output.split(separator: "\n").first { $0.contains("apps") }.map(String.init) ?? r.output
            try report.write(toFile: imported, atomically: true, encoding: .utf8)
            notes.append(String(format: "imported into calcurse in %.1f s", r.milliseconds / 1000))
        }
        let importReport = (try? String(contentsOfFile: imported, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""

        let ours = ["schedule", "--db", path, "--date", day.description]
        let theirs = ["-D", home, "-Q", "--from", usDate(day), "--days", "1"]
        // The issue's baseline (about 460 ms) is calcurse as it starts on this machine: in the
        // default zone, without TZ in its environment (glibc then re-reads /etc/localtime for
        // every local-time conversion). calcurse with `TZ=Africa/Casablanca` is much faster; it is
        // timed too, as the stricter comparison. The three runs alternate, so all see the same load.
        var plainEnv = env
        plainEnv.removeValue(forKey: "TZ")
        var them = Spawn.Timing(), tuned = Spawn.Timing(), us = Spawn.Timing()
        _ = try Spawn.checked(calcurse, theirs, environment: plainEnv)
        _ = try Spawn.checked(frontdesk, ours, environment: env)
        for _ in 0..<runs {
            them.add(try Spawn.checked(calcurse, theirs, environment: plainEnv))
            tuned.add(try Spawn.checked(calcurse, theirs, environment: env))
            us.add(try Spawn.checked(frontdesk, ours, environment: env))
        }
        let ourCount = ScheduleBench.appointmentLines(us.last?.output ?? "")
        let theirCount = appointmentLines(them.last?.output ?? "")
        let tunedCount = appointmentLines(tuned.last?.output ?? "")
        let ratio = Stats.median(them.wall) / max(0.001, Stats.median(us.wall))
        let tunedRatio = Stats.median(tuned.wall) / max(0.001, Stats.median(us.wall))
        let cpuRatio = Stats.median(them.cpu) / max(0.001, Stats.median(us.cpu))

        print("Data: a demo of 30 counselors and 10 rooms from \(first) to \(last) (all counselors, cancelled appointments left out):"
            + " \(appointmentEvents) appointments and \(closureEvents) closures exported as iCalendar, one week per"
            + " `frontdesk schedule --week D --format ics`, merged into \((ics as NSString).lastPathComponent)"
            + (notes.isEmpty ? "" : " (this run: \(notes.joined(separator: ", ")))")
            + "; calcurse's import: \"\(importReport)\". Day: \(day) (\(day.isoWeekday)), every counselor.\n")
        print("| program | command | runs | median | p99 | max | CPU (median) | appointments listed |")
        print("|---|---|---|---|---|---|---|---|")
        for (label, t, count) in [("calcurse 4.7 (as it starts here)", them, theirCount),
                                  ("calcurse 4.7, `TZ=Africa/Casablanca`", tuned, tunedCount)] {
            print(String(format: "| %@ | `calcurse -D DIR -Q --from %@ --days 1` | %d | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %d |",
                         label, usDate(day), t.wall.count, Stats.median(t.wall), Stats.p99(t.wall), t.wall.max() ?? 0,
                         Stats.median(t.cpu), count))
        }
        print(String(format: "| frontdesk | `frontdesk schedule --db FILE --date %@` | %d | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %d |",
                     day.description, us.wall.count, Stats.median(us.wall), Stats.p99(us.wall), us.wall.max() ?? 0,
                     Stats.median(us.cpu), ourCount))
        print("")
        print(String(format: "- ratio of median wall times: frontdesk is **%.1f×** faster than calcurse as it starts here (the issue's"
                     + " ~460 ms baseline; target: at least 20×); of median CPU times: %.1f×", ratio, cpuRatio))
        print(String(format: "- against calcurse given `TZ=Africa/Casablanca` (which spares it re-reading /etc/localtime):"
                     + " **%.1f×**; there most of our time is starting the process (argument parsing by reflection,"
                     + " relocating a static binary), not the query", tunedRatio))
        print("- same appointments: frontdesk lists \(ourCount), calcurse lists \(theirCount) (\(tunedCount) with TZ): "
            + (ourCount == theirCount && ourCount == tunedCount && ourCount > 0 ? "**same count**" : "**COUNTS DIFFER**"))
        print("")
        let same = ourCount == theirCount && ourCount == tunedCount && ourCount > 0
        return Verdict(target: target + " (same count listed)",
                       measured: String(format: "%.1f× (%.1f ms against %.1f ms; %d and %d appointments); %.1f× against calcurse with TZ set",
                                        ratio, Stats.median(us.wall), Stats.median(them.wall), ourCount, theirCount, tunedRatio),
                       met: ratio >= 20 && same)
    }

    /// Writes one VCALENDAR with every week of `first...last`; returns the seconds it took.
    static func export(frontdesk: String, path: String, first: LocalDate, last: LocalDate, to ics: String) throws -> Double {
        let started = Date()
        var header: [Substring]?
        var events: [Substring] = []
        var seen = Set<Substring>()
        var week = first
        while week <= last {
            let r = try Spawn.checked(frontdesk, ["schedule", "--db", path, "--week", week.description, "--format", "ics"],
                                      environment: benchEnvironment())
            // Content lines end in CRLF; a VEVENT runs from BEGIN:VEVENT to END:VEVENT; the
            // calendar's own lines (the first export's) come before the first one.
            let lines = r.output.split(separator: "\r\n")
            let firstEvent = lines.firstIndex(of: "BEGIN:VEVENT") ?? lines.count
            if header == nil { header = lines[..<firstEvent].filter { $0 != "END:VCALENDAR" } }
            var current: [Substring] = []
            var uid: Substring = ""
            for line in lines[firstEvent...] where line != "END:VCALENDAR" {
                current.append(line)
                if line.hasPrefix("UID:") { uid = line }
                if line == "END:VEVENT" {
                    if seen.insert(uid).inserted { events += current }
                    current = []
                }
            }
            week = week.adding(days: 7)
        }
        let document = ((header ?? []) + events + ["END:VCALENDAR"]).joined(separator: "\r\n") + "\r\n"
        try document.write(toFile: ics + ".partial", atomically: false, encoding: .utf8)
        try FileManager.default.moveItem(atPath: ics + ".partial", toPath: ics)
        return Date().timeIntervalSince(started)
    }

    /// Appointments in `calcurse -Q` output: each starts with ` - HH:MM -> HH:MM`; events with ` * `.
    static func appointmentLines(_ text: String) -> Int {
        text.split(separator: "\n").filter { $0.hasPrefix(" - ") }.count
    }

    /// calcurse's default input date format, `mm/dd/yyyy`.
    static func usDate(_ d: LocalDate) -> String { String(format: "%02d/%02d/%04d", d.month, d.day, d.year) }
}
