import Foundation
import FrontDeskDemo
import FrontDeskDomain
import FrontDeskStore

/// Issue 2: what a receptionist feels at the desk, on 100,000 demo visitors.
enum ReceptionBench {
    /// First frame and memory: the release `frontdesk` binary launched in an 80x24 pseudo-terminal
    /// until the key bar of the first reception frame is written (median, p99 over `runs`).
    /// - Returns: verdicts on issue 2's targets: first frame under 50 ms, under 40 MB resident.
    static func firstFrame(frontdesk: String, path: String, runs: Int) throws -> [Verdict] {
        var frames: [Double] = []
        var rss: [Int] = []
        var cpu: [Double] = []
        for _ in 0..<runs {
            let m = try PTYProbe.firstFrame(binary: frontdesk, arguments: ["--db", path, "--lang", "en"], marker: "Quit")
            frames.append(m.milliseconds)
            rss.append(m.residentKiB)
            cpu.append(m.cpuMilliseconds)
        }
        print("## Start to first reception frame (\(runs) runs, 80x24 pseudo-terminal)\n")
        print("| median | p99 | max | CPU by then (median) | resident memory (median) |")
        print("|---|---|---|---|---|")
        print(String(format: "| %.1f ms | %.1f ms | %.1f ms | %.1f ms | %.1f MB |", Stats.median(frames), Stats.p99(frames), frames.max() ?? 0,
                     Stats.median(cpu), Double(Stats.medianInt(rss)) / 1024))
        print("")
        let megabytes = Double(Stats.medianInt(rss)) / 1024
        return [Verdict(target: "first frame under 50 ms", measured: String(format: "p99 %.1f ms", Stats.p99(frames)), met: Stats.p99(frames) < 50),
                Verdict(target: "under 40 MB resident", measured: String(format: "%.1f MB", megabytes), met: megabytes < 40)]
    }

    /// `searchVisitors` per keystroke (limit 50) on the prefixes of 300 demo names, after one
    /// warm-up call per prefix.
    /// - Returns: the verdict on issue 2's target: p99 under 5 ms per keystroke.
    static func search(path: String) throws -> Verdict {
        let calendar = CenterCalendar()
        let db = try AppDatabase.open(path: path, calendar: calendar)
        var generator = DemoGenerator(seed: 99)
        let names = generator.visitors(count: 300, now: Date(), calendar: calendar).map { $0.familyName.isEmpty ? $0.givenName : $0.familyName }
        print("## Search latency per keystroke (\(names.count) names typed letter by letter, limit \(50))\n")
        var worst = 0.0
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
            worst = max(worst, Stats.p99(samples))
        }
        print("")
        return Verdict(target: "search p99 under 5 ms per keystroke", measured: String(format: "worst p99 %.2f ms", worst), met: worst < 5)
    }
}
