import Foundation
import Testing
import FrontDeskDomain
@testable import FrontDeskStore

/// 100,000 visitors, every keystroke timed. Slow to set up (registration), so it runs only
/// when `FRONTDESK_PERF=1` is set:
/// `FRONTDESK_PERF=1 swift test --filter SearchPerformanceTests` (add `-c release` for the
/// numbers a terminal sees: debug builds run the Swift side several times slower).
struct SearchPerformanceTests {
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

    @Test(.enabled(if: ProcessInfo.processInfo.environment["FRONTDESK_PERF"] == "1"))
    func searchOverAHundredThousandVisitors() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        // FRONTDESK_PERF_DB keeps the database for a look with the sqlite3 shell.
        let path = ProcessInfo.processInfo.environment["FRONTDESK_PERF_DB"] ?? tmp.file("perf.sqlite")
        let db = try AppDatabase.open(path: path, calendar: rabat)
        var seed: UInt64 = 42
        func next(_ n: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(n))
        }
        let visitors = (0..<100_000).map { i -> NewVisitor in
            let given = Self.givenNames[next(Self.givenNames.count)]
            let family = Self.familyNames[next(Self.familyNames.count)] + (next(3) == 0 ? " \(Self.familyNames[next(Self.familyNames.count)])" : "")
            let phone = next(10) < 7 ? String(format: "06%08d", next(100_000_000)) : nil
            return newVisitor(given, family, phone: phone)
        }
        let folding = Date()
        var termCount = 0
        for v in visitors {
            termCount += SearchText.terms(givenName: v.givenName, familyName: v.familyName, phone: v.phone,
                                          code: VisitorCode(year: 2026, number: 1)).count
        }
        print(String(format: "folding 100000: %.1f s, %d terms", Date().timeIntervalSince(folding), termCount))
        let parsing = Date()
        for _ in 0..<10 { for q in ["mohamed", "يوسف المهاجر", "ሳምራዊት", "aissatou diallo"] { _ = SearchQuery(parsing: q) } }
        print(String(format: "parsing: %.3f ms per query", Date().timeIntervalSince(parsing) * 1000 / 40))
        let began = Date()
        try db.registerMany(visitors, by: desk, at: apr14())
        let registration = Date().timeIntervalSince(began)

        var queries: [String] = []
        for name in ["mohamed", "youssef", "aissatou diallo", "samrawit tesfay", "traore", "محمد", "يوسف المهاجر",
                     "ሳምራዊት", "gebremedhin", "el amrani", "chukwuemeka", "fatima bennani", "0612", "06 12 34",
                     "V-2026-04242", "mhmd", "zineb alaoui"] {
            for end in name.indices.dropFirst() { queries.append(String(name[..<end])) }
            queries.append(name)
        }
        // One pass first: a terminal searches with a warm page cache, not right after a bulk load.
        for q in queries { _ = try db.searchVisitors(q, limit: 50) }
        var times: [TimeInterval] = []
        var slowest: [(TimeInterval, String)] = []
        for _ in 0..<3 {
            for q in queries {
                let t0 = Date()
                _ = try db.searchVisitors(q, limit: 50)
                times.append(Date().timeIntervalSince(t0))
                slowest.append((times.last ?? 0, q))
            }
        }
        times.sort()
        slowest.sort { $0.0 > $1.0 }
        print("slowest:", slowest.prefix(12).map { String(format: "%@ %.1f ms", $0.1, $0.0 * 1000) })
        let p50 = times[times.count / 2] * 1000
        let p99 = times[Int(Double(times.count) * 0.99)] * 1000
        let worst = (times.last ?? 0) * 1000
        print(String(format: "registration of 100000: %.1f s; %d searches: p50 %.2f ms, p99 %.2f ms, max %.2f ms",
                     registration, times.count, p50, p99, worst))
        #expect(registration < 120)
        #expect(p99 < 5, "p99 \(p99) ms")
    }
}

extension SearchPerformanceTests {
    /// Times queries on a database kept by an earlier run (`FRONTDESK_PERF_DB`).
    @Test(.enabled(if: ProcessInfo.processInfo.environment["FRONTDESK_PERF_QUERIES"] != nil))
    func timeQueriesOnKeptDatabase() throws {
        let env = ProcessInfo.processInfo.environment
        let db = try AppDatabase.open(path: try #require(env["FRONTDESK_PERF_DB"]), calendar: rabat)
        for q in (env["FRONTDESK_PERF_QUERIES"] ?? "").split(separator: "|").map(String.init) {
            var best = TimeInterval.infinity
            var count = 0
            for _ in 0..<5 {
                let t0 = Date()
                count = try db.searchVisitors(q, limit: 50).count
                best = min(best, Date().timeIntervalSince(t0))
            }
            print(String(format: "query %@: %d results, %.2f ms", q, count, best * 1000))
        }
    }
}
