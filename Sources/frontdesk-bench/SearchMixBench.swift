import Foundation
import FrontDeskDomain
import FrontDeskStore

/// Search on 100,000 visitors named from a mix of scripts (Latin, Arabic, Ge'ez), with phones
/// and codes typed letter by letter: the measurement `SearchPerformanceTests` made until
/// issue 10 (opt-in with `FRONTDESK_PERF=1`, p99 under 5 ms), moved here whole.
///
/// Its file is made once with `registerMany` (the names of the former test, a fixed seed) and
/// kept in the bench's folder; `--queries 'a|b'` times given queries on it (the former
/// `FRONTDESK_PERF_QUERIES`), and the sqlite3 shell can look at it.
enum SearchMixBench {
    static let givenNames = [
        "Mohamed", "Youssef", "Aïssatou", "Fatima", "Samrawit", "Ahmed", "Khadija", "Mamadou", "Aminata", "Omar",
        "Ibrahim", "Mariam", "Abdoulaye", "Awa", "Tesfay", "Yohannes", "Selam", "Hassan", "Zineb", "Karim",
        "محمد", "يوسف", "فاطمة", "أحمد", "خديجة", "عمر", "إبراهيم", "مريم", "حسن", "زينب", "ሳምራዊት", "ዮሐንስ",
        "ሰላም", "ተስፋይ", "Jean", "Grace", "Blessing", "Chukwuemeka", "Ngozi", "Moussa", "Ousmane", "Fanta",
    ]
    static let familyNames = [
        "Diallo", "Traoré", "Ndiaye", "Alaoui", "Bennani", "Tesfaye", "Gebremedhin", "Kouassi", "Koné", "Camara",
        "Sow", "Ba", "Cissé", "Okafor", "Mensah", "Haile", "Berhane", "El Amrani", "Diallo-Ndiaye", "Sylla",
        "المهاجر", "العلوي", "بنعلي", "الإدريسي", "التازي", "ገብረመድህን", "ተስፋዬ", "ብርሃነ", "Mbeki", "Nkurunziza",
    ]
    /// Typed letter by letter: every prefix of each, then the whole.
    static let typed = ["mohamed", "youssef", "aissatou diallo", "samrawit tesfay", "traore", "محمد", "يوسف المهاجر",
                        "ሳምራዊት", "gebremedhin", "el amrani", "chukwuemeka", "fatima bennani", "0612", "06 12 34",
                        "V-2026-04242", "mhmd", "zineb alaoui"]

    /// The 100,000 visitors, the same for every run (a linear congruential generator, seed 42).
    static func visitors() -> [NewVisitor] {
        var seed: UInt64 = 42
        func next(_ n: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(n))
        }
        return (0..<100_000).map { _ in
            let given = givenNames[next(givenNames.count)]
            let family = familyNames[next(familyNames.count)] + (next(3) == 0 ? " \(familyNames[next(familyNames.count)])" : "")
            let phone = next(10) < 7 ? String(format: "06%08d", next(100_000_000)) : nil
            return NewVisitor(givenName: given, familyName: family, sex: .unspecified, birthYear: nil, nationality: "MA",
                              languages: ["ar", "fr"], status: .migrant, phone: phone, consentScopes: [.services])
        }
    }

    /// Makes (or reuses) the file, then times every prefix of `typed` three times after one
    /// warm pass, and `extraQueries` (best of five each).
    /// - Returns: verdicts: p99 under 5 ms; registering 100,000 under 120 s (when this run made the file).
    static func run(directory: String, extraQueries: [String]) throws -> [Verdict] {
        let calendar = CenterCalendar()
        let path = "\(directory)/search-mix-100000visitors-seed42-schema\(AppDatabase.schemaVersion).sqlite"
        var registration: Double?
        if !FileManager.default.fileExists(atPath: path) {
            let partial = path + ".partial"
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: partial + suffix) }
            let people = visitors()
            let db = try AppDatabase.open(path: partial, calendar: calendar)
            let start = DispatchTime.now().uptimeNanoseconds
            try db.registerMany(people, by: Actor(name: "bench", terminal: "bench"), at: Date(timeIntervalSince1970: 1_776_157_200))
            registration = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            try db.close()
            try FileManager.default.moveItem(atPath: partial, toPath: path)
        }
        let db = try AppDatabase.open(path: path, calendar: calendar)
        defer { try? db.close() }

        let sample = visitors().prefix(20_000)
        let folding = DispatchTime.now().uptimeNanoseconds
        var terms = 0
        for v in sample {
            terms += SearchText.terms(givenName: v.givenName, familyName: v.familyName, phone: v.phone,
                                      code: VisitorCode(year: 2026, number: 1)).count
        }
        let foldingMicros = Double(DispatchTime.now().uptimeNanoseconds - folding) / 1_000 / Double(sample.count)

        var queries: [String] = []
        for name in typed {
            for end in name.indices.dropFirst() { queries.append(String(name[..<end])) }
            queries.append(name)
        }
        for q in queries { _ = try db.searchVisitors(q, limit: 50) } // a terminal searches with a warm page cache
        var times: [Double] = []
        var slowest: [(Double, String)] = []
        for _ in 0..<3 {
            for q in queries {
                let t0 = DispatchTime.now().uptimeNanoseconds
                _ = try db.searchVisitors(q, limit: 50)
                let ms = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1_000_000
                times.append(ms)
                slowest.append((ms, q))
            }
        }
        slowest.sort { $0.0 > $1.0 }
        print("## Search over 100,000 visitors in several scripts (\(times.count) searches: \(queries.count) prefixes, 3 times)\n")
        if let registration { print(String(format: "Registering the 100,000 (`registerMany`) took %.1f s in this run.\n", registration)) }
        print(String(format: "Search terms of one visitor: %.1f µs to fold (%d terms for %d visitors).\n", foldingMicros, terms, sample.count))
        print("| median | p99 | max | slowest |")
        print("|---|---|---|---|")
        print(String(format: "| %.2f ms | %.2f ms | %.2f ms | %@ |", Stats.median(times), Stats.p99(times), times.max() ?? 0,
                     slowest.prefix(5).map { String(format: "`%@` %.1f ms", $0.1, $0.0) }.joined(separator: ", ")))
        print("")
        if !extraQueries.isEmpty {
            print("| query | results | best of 5 |")
            print("|---|---|---|")
            for q in extraQueries {
                var best = Double.infinity
                var count = 0
                for _ in 0..<5 {
                    let t0 = DispatchTime.now().uptimeNanoseconds
                    count = try db.searchVisitors(q, limit: 50).count
                    best = min(best, Double(DispatchTime.now().uptimeNanoseconds - t0) / 1_000_000)
                }
                print(String(format: "| `%@` | %d | %.2f ms |", q, count, best))
            }
            print("")
        }
        let p99 = Stats.p99(times)
        var verdicts = [Verdict(target: "search p99 under 5 ms, 100,000 visitors in several scripts", measured: String(format: "p99 %.2f ms", p99),
                                met: p99 < 5)]
        verdicts.append(Verdict(target: "registering 100,000 visitors under 120 s",
                                measured: registration.map { String(format: "%.1f s", $0) } ?? "file reused", met: registration.map { $0 < 120 }))
        return verdicts
    }
}
