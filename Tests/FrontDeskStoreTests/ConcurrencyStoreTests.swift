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
        let s1 = try second.changeToken()
        _ = try first.register(newVisitor("Youssef"), by: desk, at: apr14())
        let t2 = try first.changeToken()
        #expect(t2 != t1) // its own writes count too
        #expect(try second.changeToken() != s1) // and the other connection sees them
    }

    @Test func changeTokenInMemoryMovesOnWrites() throws {
        let db = try AppDatabase.inMemory(calendar: rabat)
        let t0 = try db.changeToken()
        #expect(try db.changeToken() == t0)
        _ = try db.register(newVisitor("Ali"), by: desk, at: apr14())
        #expect(try db.changeToken() != t0)
    }

    /// Tickets never repeat: 4 terminals (separate pools on one file) × 250 check-ins, one category.
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

    /// Waiting, not failing: a terminal holds the write lock; a check-in waits for it and succeeds,
    /// while a third terminal keeps reading the queue without any error. The holder keeps the lock
    /// until the reader has finished reads under it and the check-in has started (then a moment
    /// more, for the check-in to reach its busy wait), so no assertion depends on this machine's
    /// speed.
    @Test func checkInWaitsForAnotherTerminalsWriteWhileReadsGoOn() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        let path = tmp.file("c3.sqlite")
        let holder = try AppDatabase.open(path: path, calendar: rabat)
        let ids = try registerNumbered(holder, count: 2)
        _ = try holder.checkIn(visitorId: ids[0], category: .social, by: desk, at: apr14())
        let checker = try AppDatabase.open(path: path, calendar: rabat)
        let reader = try AppDatabase.open(path: path, calendar: rabat)

        let lockHeld = Shared(false)
        let checkInStarted = Shared(false)
        let readsUnderLock = Shared(0)
        let locked = DispatchSemaphore(value: 0)
        let holderDone = DispatchSemaphore(value: 0)
        let holderError = Shared<String?>(nil)
        Thread {
            do {
                try holder.writer.writeWithoutTransaction { db in
                    try db.inTransaction(.immediate) {
                        try db.execute(sql: "INSERT INTO service (id, name_fr, name_en, category, duration_min) VALUES ('hold', 'x', 'x', 'social', 30)")
                        lockHeld.update { $0 = true }
                        locked.signal()
                        // A bound on the wait, not a measure: reads that waited for this writer
                        // make the check-in time out (10 s) and the test fail long before.
                        let deadline = Date().addingTimeInterval(30)
                        while (readsUnderLock.current < 3 || !checkInStarted.current) && Date() < deadline {
                            Thread.sleep(forTimeInterval: 0.01)
                        }
                        Thread.sleep(forTimeInterval: 0.3)
                        lockHeld.update { $0 = false }
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
        let reads = Shared<(count: Int, errors: [String])>((0, []))
        let readerDone = DispatchSemaphore(value: 0)
        Thread {
            while !stop.current {
                let heldBefore = lockHeld.current
                do {
                    let queue = try reader.queue(on: LocalDate(year: 2026, month: 4, day: 14))
                    let counts = try reader.queueCounts(on: LocalDate(year: 2026, month: 4, day: 14))
                    _ = try reader.changeToken()
                    // Begun and finished while the other terminal held the write lock.
                    if heldBefore && lockHeld.current { readsUnderLock.update { $0 += 1 } }
                    reads.update { r in
                        r.count += 1
                        if queue.isEmpty || counts.checkedInToday == 0 { r.errors.append("empty queue") }
                    }
                } catch {
                    reads.update { $0.errors.append(String(describing: error)) }
                }
                Thread.sleep(forTimeInterval: 0.05)
            }
            readerDone.signal()
        }.start()

        checkInStarted.update { $0 = true }
        let visit = try checker.checkIn(visitorId: ids[1], category: .social, by: desk, at: apr14(minutes: 1))
        // The check-in could only write after the holder committed: the holder's row is there.
        #expect(try checker.services().map(\.id) == ["hold"], "check-in returned before the holder committed")
        stop.update { $0 = true }
        readerDone.wait()
        holderDone.wait()

        #expect(holderError.current == nil)
        #expect(visit.ticketNumber == 2)
        let r = reads.current
        #expect(r.errors.isEmpty, "\(r.errors.prefix(3))")
        #expect(readsUnderLock.current >= 3, "\(readsUnderLock.current) reads while the write lock was held: reads must not wait for the writer")
    }

    /// One slot, eight desks, three counselors: eight terminals (separate pools on one file)
    /// book the same time for eight visitors without naming a counselor, released together, in
    /// ten rounds. The store chooses the counselor inside its write transaction, so each round
    /// exactly three bookings succeed, one per counselor, and the five others are refused with
    /// the message that no counselor is free (never "locked", never while one was free).
    @Test func concurrentBookingsWithoutACounselorFillEveryFreeCounselorThenAreRefused() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        let path = tmp.file("choice.sqlite")
        let desks = 8, rounds = 10
        // Rooms enough for every desk: only the counselors are scarce.
        let center = try LanguageCenter(path: path, visitors: desks, extraRooms: desks)
        let terminals = try (0..<desks).map { _ in try AppDatabase.open(path: path, calendar: rabat) }
        // Ten back-to-back 45-minute slots from 09:00 (the counselors work 09:00–17:00).
        let clock = { (minutes: Int) in String(format: "%02d:%02d", minutes / 60, minutes % 60) }
        for round in 0..<rounds {
            let time = clock(9 * 60 + 45 * round), end = clock(9 * 60 + 45 * (round + 1))
            let outcomes = Shared<[Int: Result<AppointmentListing, Error>]>([:])
            runOnThreads(desks) { i in
                let outcome = Result { try center.book(i, at: time, on: terminals[i]) }
                outcomes.update { $0[i] = outcome }
            }
            let results = outcomes.current
            let booked = results.values.compactMap { try? $0.get() }
            let refusals = results.values.compactMap { r -> String? in
                guard case .failure(let e) = r else { return nil }
                return (e as? BookingError)?.message(calendar: rabat) ?? "unexpected \(e)"
            }
            #expect(results.count == desks)
            #expect(booked.count == 3, "\(time): \(booked.count) booked, \(refusals)")
            #expect(Set(booked.map(\.counselorName)) == ["Leila Amrani", "Samira Idrissi", "Karim Bennani"], "\(time)")
            let expected = "no counselor who delivers consult-45 is free on 2026-04-14 \(time)–\(end): Leila Amrani is booked \(time)–\(end); "
                + "Samira Idrissi is booked \(time)–\(end); Karim Bennani is booked \(time)–\(end)"
            #expect(refusals == Array(repeating: expected, count: desks - 3), "\(time)")
        }
        // What the terminals were told is what the file holds.
        let stored = try terminals[0].appointments(counselorId: nil, overlapping: UTCInterval(start: apr14(minutes: -600), minutes: 1440), as: .fileOwner)
        #expect(stored.count == 3 * rounds)
        #expect(Set(stored.map { "\($0.appointment.counselorId) \($0.appointment.start)" }).count == 3 * rounds, "a counselor twice at once")
    }

    /// The store writes through GRDB's own `write`, which GRDB 7 opens with `BEGIN IMMEDIATE`
    /// (`Database.beginTransaction`: IMMEDIATE unless the access is read-only): the write lock is
    /// taken at BEGIN, before any statement, so a read-then-write cannot fail with SQLITE_BUSY.
    /// This fails if a GRDB update goes back to DEFERRED transactions.
    @Test func grdbWriteTakesTheWriteLockAtBegin() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        let path = tmp.file("immediate.sqlite")
        let db = try AppDatabase.open(path: path, calendar: rabat)
        let other = try DatabaseQueue(path: path) // busy mode: fail at once
        let outcome = try db.writer.write { _ in
            // Nothing written or even read yet in this transaction.
            Result { try other.writeWithoutTransaction { try $0.execute(sql: "BEGIN IMMEDIATE; ROLLBACK") } }
        }
        guard case .failure(let error) = outcome else {
            Issue.record("another connection began a write inside GRDB's write: the transaction is not IMMEDIATE")
            return
        }
        #expect((error as? DatabaseError)?.resultCode == .SQLITE_BUSY, "\(error)")
        // Outside a write, the same statement goes through.
        try other.writeWithoutTransaction { try $0.execute(sql: "BEGIN IMMEDIATE; ROLLBACK") }
    }
}
