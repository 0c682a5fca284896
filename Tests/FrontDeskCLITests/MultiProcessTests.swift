import Foundation
import GRDB
import Testing

/// Several `frontdesk` processes on one database file: C2, queue tickets never repeat; C3, a
/// check-in waits for another process's write instead of failing.
@Suite(.serialized) struct MultiProcessTests {
    /// Registers `count` visitors quickly through the demo generator and returns their codes.
    func demoCodes(_ db: String, count: Int) throws -> [String] {
        let demo = try frontdesk(["demo", "--db", db, "--visitors", "\(count)", "--seed", "7", "--no-walk-ins"])
        try #require(demo.status == 0, "\(demo.stderr)")
        let codes = try sqlite3(db, "SELECT printf('V-%04d-%05d', code_year, code_number) FROM visitor ORDER BY id")
        return codes.stdout.split(separator: "\n").map(String.init)
    }

    /// C2 at scale: 4 processes × 250 check-ins into one category give tickets exactly 1…1000.
    @Test func fourProcessesThousandCheckInsGiveTicketsOneToThousand() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let db = dir.file("c2.sqlite")
        let codes = try demoCodes(db, count: 1000)
        try #require(codes.count == 1000)
        // Each worker is one shell process that runs 250 `frontdesk checkin` processes in a row.
        let (workers, logs) = try startCheckInWorkers(codes, workers: 4, db: db, dir: dir)
        for p in workers { p.waitUntilExit() }
        let output = try logs.map { try String(contentsOfFile: $0, encoding: .utf8) }.joined()
        #expect(!output.contains("locked"))
        #expect(!output.contains("FAILED"))
        let tickets = output.split(separator: "\n").compactMap { line -> Int? in
            line.hasPrefix("S-") ? Int(line.dropFirst(2)) : nil
        }
        #expect(tickets.count == 1000)
        #expect(tickets.sorted() == Array(1...1000))
        let numbers = try sqlite3(db, "SELECT count(*), count(DISTINCT ticket_number), min(ticket_number), max(ticket_number) FROM visit WHERE category = 'social'")
        #expect(numbers.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "1000|1000|1|1000")
    }

    /// C3: a writer holds the database for 2 s; a check-in in another process waits and succeeds,
    /// and a reader refreshing the queue every 200 ms never sees "locked".
    @Test func checkInWaitsForABusyWriterInsteadOfFailing() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let db = dir.file("c3.sqlite")
        let codes = try demoCodes(db, count: 3)
        // Hold an IMMEDIATE write transaction for 2 s from this process.
        let holder = try DatabaseQueue(path: db)
        let held = DispatchSemaphore(value: 0)
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            try? holder.writeWithoutTransaction { conn in
                try conn.inTransaction(.immediate) {
                    try conn.execute(sql: "CREATE TABLE IF NOT EXISTS c3_probe(x)")
                    held.signal()
                    Thread.sleep(forTimeInterval: 2)
                    return .commit
                }
            }
            done.signal()
        }
        held.wait()
        let reader = Process()
        reader.executableURL = URL(fileURLWithPath: "/bin/sh")
        let readerLog = dir.file("reader.log")
        reader.arguments = ["-c", "i=0; while [ $i -lt 15 ]; do \"$0\" queue --db \"$1\" --all || echo FAILED; sleep 0.2; i=$((i+1)); done > \"$2\" 2>&1",
                            TestBinary.frontdesk, db, readerLog]
        try reader.run()
        let result = try frontdesk(["checkin", codes[0], "--category", "professional", "--db", db])
        // The check-in could only write after the holder committed: the holder's table is there.
        let committed = try DatabaseQueue(path: db).read { try $0.tableExists("c3_probe") }
        reader.waitUntilExit()
        done.wait()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "E-001\n")
        #expect(committed, "the check-in returned before the holder committed")
        let readerOutput = try String(contentsOfFile: readerLog, encoding: .utf8)
        #expect(!readerOutput.contains("locked"))
        #expect(!readerOutput.contains("FAILED"))
    }
}
