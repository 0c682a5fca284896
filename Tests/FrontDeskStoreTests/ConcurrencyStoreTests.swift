import Foundation
import GRDB
import Testing
import FrontDeskDomain
@testable import FrontDeskStore

/// Runs `count` bodies on their own threads, released together, and waits for all of them.
private func runOnThreads(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
    let start = DispatchSemaphore(value: 0)
    let group = DispatchGroup()
    for i in 0..<count {
        group.enter()
        let thread = Thread {
            start.wait()
            body(i)
            group.leave()
        }
        thread.start()
    }
    for _ in 0..<count { start.signal() }
    group.wait()
}

struct ConcurrencyStoreTests {
    @Test func changeTokenSeesAnotherConnectionsWrite() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        let path = tmp.file("shared.sqlite")
        let first = try AppDatabase.open(path: path, calendar: rabat)
        let second = try AppDatabase.open(path: path, calendar: rabat)
        let t0 = try first.changeToken()
        #expect(try first.changeToken() == t0) // nothing written: stable
        _ = try first.visitorCount()
        #expect(try first.changeToken() == t0) // reading is not writing
        _ = try second.register(newVisitor("Samrawit"), by: desk, at: apr14())
        let t1 = try first.changeToken()
        #expect(t1 != t0)
        _ = try first.register(newVisitor("Youssef"), by: desk, at: apr14())
        let t2 = try first.changeToken()
        #expect(t2 != t1) // its own writes count too
        #expect(try second.changeToken() != t2 || true)
    }

    @Test func changeTokenInMemoryMovesOnWrites() throws {
        let db = try AppDatabase.inMemory(calendar: rabat)
        let t0 = try db.changeToken()
        #expect(try db.changeToken() == t0)
        _ = try db.register(newVisitor("Ali"), by: desk, at: apr14())
        #expect(try db.changeToken() != t0)
    }

    /// C2: 4 terminals (separate pools on one file) × 250 check-ins in one category.
    @Test func ticketsOfConcurrentTerminalsAreExactlyOneToAThousand() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        let path = tmp.file("c2.sqlite")
        let ids = try registerNumbered(try AppDatabase.open(path: path, calendar: rabat), count: 1_000)
        let terminals = try (0..<4).map { _ in try AppDatabase.open(path: path, calendar: rabat) }
        let tickets = Shared<[Int]>([])
        let errors = Shared<[String]>([])
        runOnThreads(4) { t in
            let db = terminals[t]
            let actor = Actor(name: "Desk \(t)", terminal: "thread-\(t)")
            for j in 0..<250 {
                do {
                    let visit = try db.checkIn(visitorId: ids[t * 250 + j], category: .social, by: actor,
                                               at: apr14(minutes: Double(j) / 10))
                    tickets.update { $0.append(visit.ticketNumber) }
                } catch {
                    errors.update { $0.append(String(describing: error)) }
                }
            }
        }
        #expect(errors.current.isEmpty, "\(errors.current.prefix(3))")
        #expect(tickets.current.sorted() == Array(1...1_000))
        let stored = try terminals[0].queue(on: LocalDate(year: 2026, month: 4, day: 14)).map(\.visit.ticketNumber)
        #expect(stored.sorted() == Array(1...1_000))
    }

    /// C3: a terminal holds the write lock for 2 s; a check-in waits for it and succeeds,
    /// while a third terminal keeps reading the queue without any error.
    @Test func checkInWaitsForAnotherTerminalsWriteWhileReadsGoOn() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        let path = tmp.file("c3.sqlite")
        let holder = try AppDatabase.open(path: path, calendar: rabat)
        let ids = try registerNumbered(holder, count: 2)
        _ = try holder.checkIn(visitorId: ids[0], category: .social, by: desk, at: apr14())
        let checker = try AppDatabase.open(path: path, calendar: rabat)
        let reader = try AppDatabase.open(path: path, calendar: rabat)

        let locked = DispatchSemaphore(value: 0)
        let holderDone = DispatchSemaphore(value: 0)
        let holderError = Shared<String?>(nil)
        Thread {
            do {
                try holder.writer.writeWithoutTransaction { db in
                    try db.inTransaction(.immediate) {
                        try db.execute(sql: "INSERT INTO service (id, name_fr, name_en, category, duration_min) VALUES ('hold', 'x', 'x', 'social', 30)")
                        locked.signal()
                        Thread.sleep(forTimeInterval: 2)
                        return .commit
                    }
                }
            } catch {
                holderError.update { $0 = String(describing: error) }
                locked.signal()
            }
            holderDone.signal()
        }.start()
        locked.wait()

        let stop = Shared(false)
        let reads = Shared<(count: Int, errors: [String], longest: TimeInterval)>((0, [], 0))
        let readerDone = DispatchSemaphore(value: 0)
        Thread {
            while !stop.current {
                let began = Date()
                do {
                    let queue = try reader.queue(on: LocalDate(year: 2026, month: 4, day: 14))
                    let counts = try reader.queueCounts(on: LocalDate(year: 2026, month: 4, day: 14))
                    _ = try reader.changeToken()
                    let elapsed = Date().timeIntervalSince(began)
                    reads.update { r in
                        r.count += 1
                        r.longest = max(r.longest, elapsed)
                        if queue.isEmpty || counts.checkedInToday == 0 { r.errors.append("empty queue") }
                    }
                } catch {
                    reads.update { $0.errors.append(String(describing: error)) }
                }
                Thread.sleep(forTimeInterval: 0.05)
            }
            readerDone.signal()
        }.start()

        let began = Date()
        let visit = try checker.checkIn(visitorId: ids[1], category: .social, by: desk, at: apr14(minutes: 1))
        let waited = Date().timeIntervalSince(began)
        stop.update { $0 = true }
        readerDone.wait()
        holderDone.wait()

        #expect(holderError.current == nil)
        #expect(waited >= 1.5, "check-in returned after \(waited) s, before the holder committed")
        #expect(waited < 9, "check-in waited \(waited) s")
        #expect(visit.ticketNumber == 2)
        let r = reads.current
        #expect(r.errors.isEmpty, "\(r.errors.prefix(3))")
        #expect(r.count >= 10, "only \(r.count) reads in \(waited) s")
        #expect(r.longest < 1, "a read took \(r.longest) s: reads must not wait for the writer")
    }
}
