import Foundation
import FrontDeskDomain
import FrontDeskStore

/// `frontdesk-bench`: measures what the desk and the counselors feel, on demo data made by the
/// real `frontdesk demo` once and cached in /tmp/frontdesk-bench/ (see `BenchData`).
///
/// - issue 2, on 100,000 visitors: first frames in a pseudo-terminal and memory;
///   `searchVisitors` per keystroke;
/// - issue 3, on 30 counselors × 10 rooms: free slots over the next 30 days with a year of
///   appointments; `frontdesk schedule` for a counselor's day and week as whole processes; one
///   day at about 100,000 appointments listed by `frontdesk schedule` and by `calcurse -Q`;
/// - issue 4, on 100,000 visitors and a year of appointments and walk-ins: `frontdesk occupancy`
///   for a month and `frontdesk report` for a year as whole processes, beside the same SQL in `sqlite3`.
/// - issue 10: the sign-in frame and the reception frame after the PIN, each by a marker only
///   its screen shows; and what tests timed until then: search over 100,000 visitors in several
///   scripts (`search-mix`), `SlotFinder` in memory (`slotfinder`), 100,000 demo visitors
///   (`demo`), another terminal's write on screen (`live`).
///
/// Run with `make bench` (release build). Prints a Markdown report for BENCHMARKS.md; progress
/// goes to stderr. `--only first-frame,search,slots,…` runs some parts (`Bench.parts` lists
/// them; `reception` is `first-frame` and `search` together).
@main
struct Bench {
    /// The scheduling data's "now" (`FRONTDESK_NOW` of the demo and of every query): a fixed
    /// Monday, 10:00 in Rabat, so the cached files and the numbers do not drift with the date.
    static let scheduleNow = "2026-11-30T09:00:00Z"
    /// Visitors of the desk search's large file (issue 12: search at 1,000,000).
    static let largeVisitors = 1_000_000
    /// Days of history of the 100,000-appointment file (30 counselors, 10 rooms).
    static let largeHistoryDays = 1_850

    static func main() {
        do {
            try run()
        } catch {
            print("frontdesk-bench: \(error)")
            exit(1)
        }
    }

    static func run() throws {
        let args = CommandLine.arguments
        let visitors = args.firstIndex(of: "--visitors").flatMap { Int(args[$0 + 1]) } ?? 100_000
        let runs = args.firstIndex(of: "--runs").flatMap { Int(args[$0 + 1]) } ?? 30
        // Visitors of the desk search's large file (`--large 0` leaves it out).
        let largeVisitors = args.firstIndex(of: "--large").flatMap { Int(args[$0 + 1]) } ?? Self.largeVisitors
        // Queries to time on the search-mix file, 'a|b|c' (with `--only search-mix`).
        let extraQueries = args.firstIndex(of: "--queries").map { args[$0 + 1].split(separator: "|").map(String.init) } ?? []
        var parts = Set(args.firstIndex(of: "--only").map { args[$0 + 1].split(separator: ",").map(String.init) } ?? Self.parts)
        if parts.contains("reception") { parts.formUnion(["first-frame", "search"]) }
        if let unknown = parts.subtracting(Self.parts + ["reception"]).sorted().first {
            throw BenchError("unknown part \(unknown); the parts are \(Self.parts.joined(separator: ", "))")
        }
        let binDir = (CommandLine.arguments[0] as NSString).deletingLastPathComponent
        let frontdesk = binDir + "/frontdesk"
        guard FileManager.default.isExecutableFile(atPath: frontdesk) else {
            throw BenchError("build the frontdesk binary first (make bench does)")
        }
        let dir = NSTemporaryDirectory() + "frontdesk-bench"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let data = BenchData(frontdesk: frontdesk, directory: dir)
        guard let now = ISO8601DateFormatter().date(from: scheduleNow) else { throw BenchError("bad scheduleNow") }
        let calendar = CenterCalendar()
        let today = calendar.localDate(of: now)

        progress("making or reusing the demo data in \(dir)")
        let reception = !parts.isDisjoint(with: ["first-frame", "search"]) ? try data.reception(visitors: visitors, seed: 2026) : nil
        let year = !parts.isDisjoint(with: ["slots", "schedule"])
            ? try data.schedule(counselors: 30, rooms: 10, pastDays: 365, futureDays: 28, seed: 2026, now: scheduleNow) : nil
        // Without calcurse the side-by-side part is skipped, and its data are not made.
        let large = parts.contains("calcurse") && CalcurseBench.calcursePath() != nil
            ? try data.schedule(counselors: 30, rooms: 10, pastDays: largeHistoryDays, futureDays: 28, seed: 2026, now: scheduleNow) : nil

        // Issue 12: the desk's ranking on 100,000 visitors with a fixed day; its search also at 1,000,000.
        let desk = !parts.isDisjoint(with: ["desk", "desk-search"]) ? try data.desk(visitors: visitors, seed: 2026, now: scheduleNow) : nil
        let deskLarge = parts.contains("desk-search") && largeVisitors > 0
            ? try data.desk(visitors: largeVisitors, seed: 2026, now: scheduleNow) : nil

        let reporting = parts.contains("occupancy")
            ? try data.reporting(visitors: visitors, counselors: 30, rooms: 10, appointmentDays: largeHistoryDays, walkInDays: 365, futureDays: 28,
                                 walkInsPerDay: 500, seed: 2026, now: scheduleNow) : nil

        print("# FrontDesk benchmark\n")
        print("- machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, \(ProcessInfo.processInfo.physicalMemory / 1_073_741_824) GiB;"
            + " load average at start \(loadAverage()) (other work on the machine makes wall times longer)")
        print("- schema version \(AppDatabase.schemaVersion); demo data made by `frontdesk demo` (seed 2026) and reused from \(dir):")
        if let reception {
            print("  - reception: \(visitors) visitors with today's walk-in queue: \((reception.path as NSString).lastPathComponent)"
                + created(reception))
        }
        if let year {
            print("  - scheduling: 30 counselors, 10 rooms, 2,000 visitors, 365 days of appointments before \(today) and 28 from it,"
                + " now = \(scheduleNow): \((year.path as NSString).lastPathComponent)" + created(year))
        }
        if let large {
            print("  - side by side: the same center with \(largeHistoryDays) days of history (about 100,000 appointments):"
                + " \((large.path as NSString).lastPathComponent)" + created(large))
        }
        for file in [desk, deskLarge].compactMap({ $0 }) {
            print("  - the desk: demo visitors, 30 counselors, 10 rooms, 21 days of history, today's queue and appointments, now = \(scheduleNow):"
                + " \((file.path as NSString).lastPathComponent)" + created(file))
        }
        if let reporting {
            print("  - occupancy and reports: \(visitors) visitors, 30 counselors, 10 rooms, \(largeHistoryDays) days of appointments"
                + " (about 100,000) and 365 days of walk-ins (about 500 each open day) before \(today): \((reporting.path as NSString).lastPathComponent)" + created(reporting))
        }
        print("")

        if let desk, let i = args.firstIndex(of: "--explain"), i + 1 < args.count {
            try DeskSearchScaleBench.explain(path: desk.path, query: args[i + 1], now: now)
            return
        }
        var verdicts: [Verdict] = []
        if let reception, parts.contains("first-frame") {
            progress("first frames")
            verdicts += try ReceptionBench.firstFrame(frontdesk: frontdesk, path: reception.path, runs: runs)
        }
        if let reception, parts.contains("search") {
            progress("search")
            verdicts.append(try ReceptionBench.search(path: reception.path))
        }
        if let desk, parts.contains("desk") {
            progress("the desk's ranking")
            verdicts += try DeskBench.run(path: desk.path, now: now)
        }
        if parts.contains("desk-search") {
            for (file, count) in [(desk, visitors), (deskLarge, largeVisitors)] {
                guard let file else { continue }
                progress("the desk's search at \(count) visitors")
                verdicts += try DeskSearchScaleBench.run(path: file.path, visitors: count, now: now)
            }
        }
        if parts.contains("search-mix") {
            progress("search in several scripts")
            verdicts += try SearchMixBench.run(directory: dir, extraQueries: extraQueries)
        }
        if let year, parts.contains("slots") {
            progress("free slots")
            verdicts.append(try SlotsBench.run(path: year.path, now: now))
        }
        if parts.contains("slotfinder") {
            progress("SlotFinder in memory")
            verdicts.append(try SlotFinderBench.run())
        }
        if let year, parts.contains("schedule") {
            progress("schedule processes")
            try ScheduleBench.run(frontdesk: frontdesk, path: year.path, counselor: "Leila Amrani", day: today.description, runs: 30)
        }
        if let large {
            progress("calcurse side by side")
            verdicts.append(try CalcurseBench.run(frontdesk: frontdesk, path: large.path, first: today.adding(days: -largeHistoryDays),
                                                  last: today.adding(days: 27), day: today.adding(days: -6), runs: 20))
        } else if parts.contains("calcurse") {
            verdicts.append(CalcurseBench.skipped())
        }
        if let reporting {
            progress("occupancy and report processes")
            let monthFirst = LocalDate(year: today.year, month: today.month, day: 1)
            let monthLast = ReportingPeriod.month(containing: monthFirst).last
            verdicts += try OccupancyBench.run(frontdesk: frontdesk, path: reporting.path, month: (monthFirst.description, monthLast.description),
                                               year: (today.adding(days: -365).description, today.adding(days: -1).description), runs: 20)
        }
        if parts.contains("pin") {
            progress("PIN check")
            verdicts.append(try PINBench.run(runs: runs))
        }
        if parts.contains("demo") {
            progress("demo visitors")
            verdicts.append(try DemoBench.run(runs: min(runs, 5)))
        }
        if parts.contains("import") {
            progress("import of 100,000 visitors")
            verdicts.append(try ImportBench.run(frontdesk: frontdesk, directory: dir))
        }
        if parts.contains("live") {
            progress("another terminal's writes on screen")
            verdicts += try LiveBench.run(frontdesk: frontdesk, directory: dir, runs: min(runs, 8))
        }
        print("## Targets\n")
        print("Load average at the end: \(loadAverage()).\n")
        print("| target | measured | met |")
        print("|---|---|---|")
        for v in verdicts { print("| \(v.target) | \(v.measured) | \(v.met.map { $0 ? "yes" : "**no**" } ?? "skipped") |") }
        print("")
    }

    /// The parts `--only` can name, in the order they run; all of them by default.
    /// `search-mix`, `slotfinder`, `demo` and `live` hold what tests timed until issue 10.
    static let parts = ["first-frame", "search", "desk", "desk-search", "search-mix", "slots", "slotfinder", "schedule", "calcurse", "occupancy", "pin", "demo", "import", "live"]

    static func created(_ file: BenchData.File) -> String {
        file.createdSeconds.map { String(format: " (made by this run in %.1f s)", $0) } ?? ""
    }

    /// The 1-minute load average, from /proc/loadavg.
    static func loadAverage() -> String {
        (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").first.map(String.init) ?? "?"
    }

    static func progress(_ text: String) {
        FileHandle.standardError.write(Data("frontdesk-bench: \(text)…\n".utf8))
    }
}

/// A target of an issue and how this run did against it; `met` is nil when skipped.
struct Verdict {
    var target: String
    var measured: String
    var met: Bool?
}
