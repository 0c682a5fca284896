import Foundation
import Testing
import FrontDeskDomain
import FrontDeskTestSupport
@testable import FrontDeskStore

/// Starts the sqlite3 shell on `path` with `script` on its standard input: "another terminal", a
/// separate process on the file. Fails the test under `CI=true`, or skips it elsewhere, when
/// the shell is missing (`ExternalTool.require`).
private func startShell(_ path: String, script: String) throws -> (Process, Pipe) {
    try ExternalTool.require(.sqlite3)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["sqlite3", "-batch", path]
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = output
    try process.run()
    input.fileHandleForWriting.write(Data(script.utf8))
    try input.fileHandleForWriting.close()
    return (process, output)
}

/// Reads the process's output until `marker` appears (or the output ends); returns it all.
private func readUntil(_ marker: String, from pipe: Pipe) -> String {
    var text = ""
    while !text.contains(marker) {
        let chunk = pipe.fileHandleForReading.availableData
        if chunk.isEmpty { break }
        text += String(decoding: chunk, as: UTF8.self)
    }
    return text
}

struct MultiProcessStoreTests {
    @Test func changeTokenSeesAnotherProcesssWrite() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        let path = tmp.file("shared.sqlite")
        let db = try AppDatabase.open(path: path, calendar: rabat)
        let before = try db.changeToken()
        let (process, output) = try startShell(path, script: """
            .timeout 10000
            INSERT INTO service (id, name_fr, name_en, category, duration_min) VALUES ('x', 'x', 'x', 'social', 30);
            SELECT 'done';
            """)
        let text = readUntil("done", from: output)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(try db.changeToken() != before)
        #expect(try db.services().map(\.id) == ["x"])
    }

    /// Waiting, not failing, with a real second process holding the write lock for 2 s: the
    /// check-in waits for its commit (the busy timeout) and succeeds.
    @Test func checkInWaitsForAnotherProcesssTransaction() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        let path = tmp.file("c3.sqlite")
        let db = try AppDatabase.open(path: path, calendar: rabat)
        let ids = try registerNumbered(db, count: 2)
        _ = try db.checkIn(visitorId: ids[0], category: .social, by: desk, at: apr14())
        let (process, output) = try startShell(path, script: """
            .timeout 10000
            BEGIN IMMEDIATE;
            INSERT INTO service (id, name_fr, name_en, category, duration_min) VALUES ('hold', 'x', 'x', 'social', 30);
            SELECT 'locked';
            .shell sleep 2
            COMMIT;
            SELECT 'committed';
            """)
        let started = readUntil("locked", from: output)
        #expect(started.contains("locked"), "\(started)")
        let visit = try db.checkIn(visitorId: ids[1], category: .social, by: desk, at: apr14(minutes: 1))
        // The check-in could only write after the other process committed: its row is there.
        #expect(try db.services().map(\.id) == ["hold"], "check-in returned before the other process committed")
        let rest = readUntil("committed", from: output)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(rest)")
        #expect(visit.ticketNumber == 2)
        // Reads never waited: the queue was readable all along.
        #expect(try db.queue(on: LocalDate(year: 2026, month: 4, day: 14)).count == 2)
    }
}
