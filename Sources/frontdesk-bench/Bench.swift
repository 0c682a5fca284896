import Foundation
import FrontDeskDomain
import FrontDeskStore

/// `frontdesk-bench`: measures what a receptionist feels, on 100,000 demo visitors.
///
/// - first frame: from launching the release `frontdesk` binary in a pseudo-terminal to the
///   first reception frame on that terminal (median and p99 over runs), and its resident memory;
/// - search: `searchVisitors` latency per keystroke for 1 to 6 typed characters (median, p99);
/// Run with `make bench` (release build). Prints a Markdown report for BENCHMARKS.md.
@main
struct Bench {
    static func main() throws {
        let args = CommandLine.arguments
        let visitors = args.firstIndex(of: "--visitors").flatMap { Int(args[$0 + 1]) } ?? 100_000
        let runs = args.firstIndex(of: "--runs").flatMap { Int(args[$0 + 1]) } ?? 30
        if let i = args.firstIndex(of: "--slots-db"), i + 1 < args.count {
            try slots(path: args[i + 1])
            return
        }
        let binDir = (CommandLine.arguments[0] as NSString).deletingLastPathComponent
        let frontdesk = binDir + "/frontdesk"
        guard FileManager.default.isExecutableFile(atPath: frontdesk) else {
            print("frontdesk-bench: build the frontdesk binary first (make bench does)")
            exit(1)
        }
        let dir = NSTemporaryDirectory() + "frontdesk-bench"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let path = dir + "/bench-\(visitors).sqlite"
        let calendar = CenterCalendar()

        print("# FrontDesk benchmark\n")
        print("- machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, \(ProcessInfo.processInfo.physicalMemory / 1_073_741_824) GiB")
        print("- data: \(visitors) demo visitors (seed 2026) with today's walk-in queue; file \(path)\n")

        // Demo data, made by the real CLI once and reused.
        if !FileManager.default.fileExists(atPath: path) {
            let started = Date()
            let status = try run(frontdesk, ["demo", "--db", path, "--visitors", "\(visitors)", "--seed", "2026"])
            guard status == 0 else { print("demo failed"); exit(1) }
            print("- demo data created in \(String(format: "%.1f", Date().timeIntervalSince(started))) s\n")
        }

        // First frame and memory, in a pseudo-terminal.
        var frames: [Double] = []
        var rss: [Int] = []
        for _ in 0..<runs {
            let m = try PTYProbe.firstFrame(binary: frontdesk, arguments: ["--db", path, "--lang", "en"], marker: "Quit")
            frames.append(m.milliseconds)
            rss.append(m.residentKiB)
        }
        print("## Start to first reception frame (\(runs) runs, 80x24 pseudo-terminal)\n")
        print("| median | p99 | max | resident memory (median) |")
        print("|---|---|---|---|")
        print(String(format: "| %.1f ms | %.1f ms | %.1f ms | %.1f MB |", Stats.median(frames), Stats.p99(frames), frames.max() ?? 0, Double(Stats.medianInt(rss)) / 1024))
        print("")

        // Search latency per keystroke.
        let db = try AppDatabase.open(path: path, calendar: calendar)
        var generator = DemoGenerator(seed: 99)
        let names = generator.visitors(count: 300, now: Date(), calendar: calendar).map { $0.familyName.isEmpty ? $0.givenName : $0.familyName }
        print("## Search latency per keystroke (\(names.count) names typed letter by letter, limit \(50))\n")
        print("| typed characters | median | p99 | max |")
        print("|---|---|---|---|")
        for length in 1...6 {
            var samples: [Double] = []
            for name in names {
                let prefix = String(name.prefix(length))
                guard prefix.count == length else { continue }
                _ = try db.searchVisitors(prefix, limit: 50) // warm
                let t0 = DispatchTime.now().uptimeNanoseconds
                _ = try db.searchVisitors(prefix, limit: 50)
                samples.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1_000_000)
            }
            print(String(format: "| %d | %.2f ms | %.2f ms | %.2f ms |", length, Stats.median(samples), Stats.p99(samples), samples.max() ?? 0))
        }
        print("")
    }

    /// Free-slot queries on a scheduling database (`frontdesk demo --appointments-days 365
    /// --counselors 30 --rooms 10`): for each individual service, any counselor and each
    /// counselor who delivers it, the next 20 slots over 30 days from today (median, p99).
    static func slots(path: String) throws {
        let db = try AppDatabase.open(path: path, calendar: CenterCalendar())
        let now = Date()
        let today = db.calendar.localDate(of: now)
        let counselors = try db.counselors(includeInactive: false)
        let services = try db.services().filter { s in !s.isGroup && s.active && counselors.contains { $0.delivers(s.id) } }
        var samples: [Double] = []
        for round in 0..<3 {
            for s in services {
                let ids: [Int64?] = [nil] + counselors.filter { $0.delivers(s.id) }.map { Optional($0.id) }
                for who in ids {
                    let q = SlotQuery(service: s, from: today, through: today.adding(days: 29), counselorId: who, limit: 20)
                    let t0 = DispatchTime.now().uptimeNanoseconds
                    _ = try db.freeSlots(q, now: now)
                    if round > 0 { samples.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1_000_000) }
                }
            }
        }
        print("## Free slots (\(counselors.count) counselors, \(try db.rooms(includeInactive: false).count) rooms, 30 days, limit 20, \(samples.count) queries)\n")
        print("| median | p99 | max |")
        print("|---|---|---|")
        print(String(format: "| %.2f ms | %.2f ms | %.2f ms |", Stats.median(samples), Stats.p99(samples), samples.max() ?? 0))
    }

    static func run(_ executable: String, _ arguments: [String]) throws -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = arguments
        try p.run()
        p.waitUntilExit()
        return p.terminationStatus
    }
}

enum Stats {
    static func median(_ xs: [Double]) -> Double {
        let s = xs.sorted()
        guard !s.isEmpty else { return 0 }
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }

    /// The 99th percentile, nearest-rank method.
    static func p99(_ xs: [Double]) -> Double {
        let s = xs.sorted()
        guard !s.isEmpty else { return 0 }
        let rank = Int((0.99 * Double(s.count)).rounded(.up))
        return s[max(0, min(s.count - 1, rank - 1))]
    }

    static func medianInt(_ xs: [Int]) -> Int { Int(median(xs.map(Double.init))) }
}
