import Foundation
import FrontDeskDomain
import FrontDeskStore

/// Issue 3: free slots for a service over the next 30 days, in process, through
/// `AppDatabase.freeSlots` (the call the booking screen and `frontdesk slots` make).
enum SlotsBench {
    struct Row {
        var label: String
        var queries: [SlotQuery]
    }

    /// Three kinds of query, each repeated (after one untimed pass) until it has at least
    /// `minSamples` samples: the next 20 slots with any counselor, ranking by five visitor
    /// language lists; the next 20 with each counselor who delivers the service; and every free
    /// slot of the 30 days (limit 10,000), which reads and walks the whole window.
    /// - Returns: the verdict on the target (p99 under 10 ms for every kind of query).
    static func run(path: String, now: Date, minSamples: Int = 100) throws -> Verdict {
        let db = try AppDatabase.open(path: path, calendar: CenterCalendar())
        let today = db.calendar.localDate(of: now)
        let last = today.adding(days: 29)
        let counselors = try db.counselors(includeInactive: false)
        let rooms = try db.rooms(includeInactive: false)
        let services = try db.services().filter { s in !s.isGroup && s.active && counselors.contains { $0.delivers(s.id) } }
        let languageLists: [[String]] = [[], ["ar", "ary"], ["wo", "fr"], ["en"], ["es"]]
        let rows = [
            Row(label: "next 20, any counselor (5 language rankings)", queries: services.flatMap { s in
                languageLists.map { SlotQuery(service: s, from: today, through: last, languages: $0, limit: 20) }
            }),
            Row(label: "next 20, one counselor", queries: services.flatMap { s in
                counselors.filter { $0.delivers(s.id) }.map { SlotQuery(service: s, from: today, through: last, counselorId: $0.id, limit: 20) }
            }),
            Row(label: "every free slot in the 30 days, any counselor", queries: services.map {
                SlotQuery(service: $0, from: today, through: last, limit: 10_000)
            }),
        ]
        let span = UTCInterval(start: db.calendar.startOfDay(today.adding(days: -365)), end: db.calendar.startOfDay(last.adding(days: 1)))
        let all = try db.appointments(counselorId: nil, overlapping: span, as: .fileOwner)
        let ahead = all.filter { $0.localStart.date >= today && $0.localStart.date <= last && $0.status != .cancelled }.count
        print("## Free slots for a service over the next 30 days (in process)\n")
        print("\(counselors.count) counselors, \(rooms.count) rooms, \(services.count) individual services; \(all.count) appointments"
            + " from \(today.adding(days: -365)) to \(all.last?.localStart.date.description ?? "-") (\(ahead) not cancelled in the"
            + " searched days \(today) to \(last)); now = \(isoUTC(now)).\n")
        var worst = 0.0
        print("| query | queries | median | p99 | max | slots found (median) |")
        print("|---|---|---|---|---|---|")
        for row in rows where !row.queries.isEmpty {
            for q in row.queries { _ = try db.freeSlots(q, now: now) } // warm
            var samples: [Double] = []
            var found: [Double] = []
            while samples.count < minSamples {
                for q in row.queries {
                    let t0 = DispatchTime.now().uptimeNanoseconds
                    let slots = try db.freeSlots(q, now: now)
                    samples.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1_000_000)
                    found.append(Double(slots.count))
                }
            }
            print(String(format: "| %@ | %d | %.2f ms | %.2f ms | %.2f ms | %.0f |", row.label, samples.count, Stats.median(samples),
                         Stats.p99(samples), samples.max() ?? 0, Stats.median(found)))
            worst = max(worst, Stats.p99(samples))
        }
        print("")
        return Verdict(target: "free slots p99 under 10 ms", measured: String(format: "worst p99 %.2f ms", worst), met: worst < 10)
    }
}

