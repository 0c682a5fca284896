import Foundation
import Testing
import FrontDeskDomain
@testable import FrontDeskStore

/// The sqlite3 shell, when installed, plays "another terminal": a separate process on the file.
private let sqlite3Shell = ["/usr/bin/sqlite3", "/usr/local/bin/sqlite3"].first { FileManager.default.isExecutableFile(atPath: $0) }

/// Starts the sqlite3 shell on `path` with `script` on its standard input.
private func startShell(_ path: String, script: String) throws -> (Process, Pipe) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: sqlite3Shell ?? "/usr/bin/sqlite3")
    process.arguments = ["-batch", path]
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

@Suite(.enabled(if: sqlite3Shell != nil, "needs the sqlite3 shell"))
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

    /// C3 with a real second process holding the write lock for 2 s.
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
        let began = Date()
        let visit = try db.checkIn(visitorId: ids[1], category: .social, by: desk, at: apr14(minutes: 1))
        let waited = Date().timeIntervalSince(began)
        let rest = readUntil("committed", from: output)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(rest)")
        #expect(waited >= 1.5, "check-in returned after \(waited) s, while the other process held the lock")
        #expect(visit.ticketNumber == 2)
        // Reads never waited: the queue was readable all along.
        #expect(try db.queue(on: LocalDate(year: 2026, month: 4, day: 14)).count == 2)
    }
}
