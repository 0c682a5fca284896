import Foundation
import Testing

/// Two desks, one slot: two `frontdesk book` processes released at the same instant on the
/// same slot (Leila Amrani, Salle 2), 100 rounds on 100 fresh slots; and four desks booking
/// one time without naming a counselor, while two counselors are free.
@Suite(.serialized) struct BookingRaceTests {
    /// Starts `frontdesk book` in a shell that first waits for one line on `fifo`.
    func waitingBooker(fifo: String, args: [String]) throws -> (Process, Pipe, Pipe) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", #"read go < "$0"; exec "$@""#, fifo, TestBinary.frontdesk] + args
        var env = ProcessInfo.processInfo.environment
        env["LANG"] = "C.UTF-8"
        for (k, v) in SchedulingCLI.clock { env[k] = v }
        p.environment = env
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        return (p, out, err)
    }

    /// True once the process's standard input is the fifo (it waits in `read`).
    func isWaiting(_ p: Process, on fifo: String) -> Bool {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(p.processIdentifier)/fd/0")) == fifo
    }

    @Test func twoDesksOneSlotExactlyOneWinnerEachRound() throws {
        let c = try SchedulingCLI(rooms: [("Salle 2", 2)])
        defer { c.dir.remove() }
        let fifo = c.dir.file("go.fifo")
        try #require(mkfifo(fifo, 0o600) == 0)
        // Held open for reading and writing by this process, so opening it never blocks anyone.
        let holder = open(fifo, O_RDWR)
        try #require(holder >= 0)
        defer { close(holder) }
        // 100 slots of 45 min: ten a day (09:00 … 15:45, skipping Leila's lunch), Mon–Fri from 2026-04-14.
        let times = ["09:00", "09:45", "10:30", "11:15", "13:30", "14:15", "15:00", "15:45"]
        var days: [String] = []
        var day = DateComponents(year: 2026, month: 4, day: 14)
        var gregorian = Calendar(identifier: .gregorian)
        gregorian.timeZone = TimeZone(identifier: "UTC")!
        while days.count * times.count < 100 {
            let date = gregorian.date(from: day)!
            let weekday = gregorian.component(.weekday, from: date)
            if (2...6).contains(weekday) { days.append(String(format: "%04d-%02d-%02d", day.year!, day.month!, day.day!)) }
            day.day! += 1
            day = gregorian.dateComponents([.year, .month, .day], from: gregorian.date(from: day)!)
        }
        let slots = days.flatMap { d in times.map { "\(d) \($0)" } }.prefix(100)
        var winners: [String: Int] = [:]
        for (round, slot) in slots.enumerated() {
            let common = ["book", "--service", "social-orientation", "--at", slot, "--counselor", "Leila Amrani", "--room", "Salle 2", "--db", c.db]
            let first = try waitingBooker(fifo: fifo, args: common + ["--visitor", c.youssef])
            let second = try waitingBooker(fifo: fifo, args: common + ["--visitor", c.samrawit])
            let deadline = Date().addingTimeInterval(30) // a bound on the wait, not a measure
            while !(isWaiting(first.0, on: fifo) && isWaiting(second.0, on: fifo)) && Date() < deadline { usleep(1_000) }
            _ = "go\ngo\n".withCString { write(holder, $0, 6) }
            var results: [(status: Int32, out: String, err: String)] = []
            for (p, out, err) in [first, second] {
                let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
                p.waitUntilExit()
                results.append((p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self)))
            }
            let statuses = results.map(\.status).sorted()
            #expect(statuses == [0, 1], "round \(round) at \(slot): \(results)")
            for r in results {
                #expect(!r.err.contains("locked"), "round \(round): \(r.err)")
                if r.status == 1 {
                    let end = slotEnd(slot)
                    #expect(r.err == "frontdesk: slot already taken: Salle 2 is booked \(slot.suffix(5))–\(end); Leila Amrani is booked \(slot.suffix(5))–\(end)\n",
                            "round \(round)")
                }
            }
            if let winner = results.firstIndex(where: { $0.status == 0 }) { winners[winner == 0 ? "youssef" : "samrawit", default: 0] += 1 }
        }
        let rows = try sqlite3(c.db, "SELECT count(*), count(DISTINCT start_at) FROM appointment WHERE status <> 'cancelled'")
        #expect(rows.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "100|100")
        // Both desks win some rounds: the processes really race.
        print("C1: 100 rounds, winners \(winners)")
    }

    /// Four desks, one time, two counselors: four `frontdesk book` processes without
    /// `--counselor`, released at the same instant for four visitors, in 20 rounds on fresh
    /// times. The counselor is chosen inside each write transaction, so every round exactly two
    /// bookings succeed, one with each counselor, and the two others are refused saying that no
    /// counselor is free (before, `book` chose before its transaction and was refused although
    /// another counselor was free).
    @Test func fourDesksTwoCounselorsExactlyTwoWinnersEachRound() throws {
        // Rooms for every desk: only the counselors are scarce.
        let c = try SchedulingCLI(rooms: [("Salle 2", 2), ("Salle 3", 3), ("Salle 4", 2), ("Salle 5", 2)])
        defer { c.dir.remove() }
        let visitors = [c.youssef, c.samrawit] + (try (1...2).map { i in
            try SchedulingCLI.ok(["visitors", "add", "--given", "Aïssatou", "--family", "Diallo \(i)", "--nationality", "SN",
                                  "--consent", "services", "--db", c.db]).trimmingCharacters(in: .whitespacesAndNewlines)
        })
        let fifo = c.dir.file("go4.fifo")
        try #require(mkfifo(fifo, 0o600) == 0)
        let holder = open(fifo, O_RDWR)
        try #require(holder >= 0)
        defer { close(holder) }
        // Karim works Mon–Thu 09:00–13:00, Leila Mon–Fri 09:00–12:30: 45-minute slots both can take.
        let times = ["09:00", "09:45", "10:30", "11:15"]
        let days = ["2026-04-14", "2026-04-15", "2026-04-16", "2026-04-20", "2026-04-21"]
        var refusedWhileFree = 0
        for (round, slot) in days.flatMap({ d in times.map { "\(d) \($0)" } }).enumerated() {
            let bookers = try visitors.map { v in
                try waitingBooker(fifo: fifo, args: ["book", "--service", "social-orientation", "--at", slot, "--db", c.db, "--visitor", v])
            }
            let deadline = Date().addingTimeInterval(30) // a bound on the wait, not a measure
            while !bookers.allSatisfy({ isWaiting($0.0, on: fifo) }) && Date() < deadline { usleep(1_000) }
            let go = String(repeating: "go\n", count: bookers.count)
            _ = go.withCString { write(holder, $0, strlen($0)) }
            var results: [(status: Int32, out: String, err: String)] = []
            for (p, out, err) in bookers {
                let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
                p.waitUntilExit()
                results.append((p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self)))
            }
            let won = results.filter { $0.status == 0 }
            #expect(won.count == 2, "round \(round) at \(slot): \(results)")
            #expect(Set(won.map { $0.out.contains("Leila Amrani") ? "Leila" : $0.out.contains("Karim Bennani") ? "Karim" : $0.out }) == ["Leila", "Karim"],
                    "round \(round): \(won)")
            let time = String(slot.suffix(5)), end = slotEnd(slot)
            for r in results where r.status != 0 {
                #expect(r.status == 1)
                #expect(r.err == "frontdesk: no counselor who delivers social-orientation is free on \(slot.prefix(10)) \(time)–\(end): "
                        + "Karim Bennani is booked \(time)–\(end); Leila Amrani is booked \(time)–\(end)\n", "round \(round)")
                if won.count < 2 { refusedWhileFree += 1 }
            }
        }
        #expect(refusedWhileFree == 0)
        let rows = try sqlite3(c.db, "SELECT count(*), count(DISTINCT counselor_id || ' ' || start_at) FROM appointment WHERE status <> 'cancelled'")
        #expect(rows.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "40|40")
    }

    /// `HH:MM` + 45 minutes.
    func slotEnd(_ slot: String) -> String {
        let t = slot.suffix(5).split(separator: ":").compactMap { Int($0) }
        let m = t[0] * 60 + t[1] + 45
        return String(format: "%02d:%02d", m / 60, m % 60)
    }
}
