import Foundation
import FrontDeskDomain
import GRDB
import Testing
@testable import FrontDeskStore

/// Issue 13 item 7: a damaged file is recognized, marked and refused by every later open; a
/// full disk is named; SQLite's own text (which quotes statements) is never passed on.
@Suite struct DatabaseHealthTests {
    @Test func aCorruptionCodeMarksTheFileAndEveryOpenThenRefusesIt() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try damagedDatabase(in: dir)
        let reopened = try AppDatabase.open(path: path)
        var failure: (any Error)?
        do { _ = try reopened.searchVisitors("Visitor", limit: 500) } catch { failure = error }
        let error = try #require(failure)
        #expect(reopened.recognizedFailure(error) as? StoreError == .damaged(path))
        try reopened.close()
        #expect(DatabaseHealth.isMarkedDamaged(path))
        #expect(throws: StoreError.damaged(path)) { try AppDatabase.open(path: path) }
        #expect(throws: StoreError.damaged(path)) { try AppDatabase.openForReading(path: path) }
        #expect(StoreError.damaged(path).message.contains("frontdesk restore"))
    }

    /// Cell sizes are checked on the connection that writes, not on the pool's read-only
    /// connections, where the check cost a third of a desk search (BENCHMARKS.md, issue 12).
    @Test func theWritingConnectionChecksCellSizesAndTheReadersDoNot() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let db = try AppDatabase.open(path: dir.file("f.sqlite"))
        defer { try? db.close() }
        let writing = try db.writer.write { try Int.fetchOne($0, sql: "PRAGMA cell_size_check") }
        let reading = try db.writer.read { try Int.fetchOne($0, sql: "PRAGMA cell_size_check") }
        #expect(writing == 1)
        #expect(reading == 0)
    }

    @Test func theBackupChecksEveryPageAndRefusesADamagedSource() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try damagedDatabase(in: dir)
        let reopened = try AppDatabase.open(path: path) // opening reads no visitor page
        #expect(throws: StoreError.damaged(path)) { try reopened.backup(to: dir.file("b.sqlite")) }
        #expect(!FileManager.default.fileExists(atPath: dir.file("b.sqlite")))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).allSatisfy { !$0.contains("partial") })
        #expect(DatabaseHealth.isMarkedDamaged(path))
        try reopened.close()
    }

    @Test func fullDisksAndOtherSQLiteFailuresAreNamedWithoutSQLitesText() {
        let full = DatabaseError(resultCode: .SQLITE_FULL, message: "database or disk is full", sql: "INSERT INTO visitor VALUES ('Amina')")
        #expect(DatabaseHealth.recognize(full, path: "/x") as? StoreError == .diskFull)
        let busy = DatabaseError(resultCode: .SQLITE_BUSY, message: "busy", sql: "SELECT given_name FROM visitor WHERE given_name = 'Amina'")
        let recognized = DatabaseHealth.recognize(busy, path: "/x")
        #expect(recognized as? StoreError == .unexpected(5))
        #expect(!"\(recognized)".contains("Amina"))
        #expect(DatabaseHealth.recognize(StoreError.visitorNotFound(3), path: "/x") as? StoreError == .visitorNotFound(3))
    }

    /// A full disk (SQLite's page limit reached, as when the disk fills) is said as such, and the
    /// transaction leaves nothing behind.
    @Test func aFullDiskIsNamedAndNothingIsHalfWritten() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let db = try AppDatabase.open(path: dir.file("center.sqlite"))
        _ = try registerNumbered(db, count: 10)
        let pages = try db.writer.read { try Int.fetchOne($0, sql: "PRAGMA page_count") ?? 0 }
        try db.writer.writeWithoutTransaction { try $0.execute(sql: "PRAGMA max_page_count = \(pages + 2)") }
        var failure: (any Error)?
        do { _ = try registerNumbered(db, count: 2_000) } catch { failure = error }
        let error = try #require(failure)
        #expect(db.recognizedFailure(error) as? StoreError == .diskFull)
        #expect(StoreError.diskFull.message == "disk full: nothing was saved")
        #expect(try db.visitorCount() == 10)
        #expect(!DatabaseHealth.isMarkedDamaged(dir.file("center.sqlite")))
        try db.close()
    }

    /// A terminal that opened the file before another found it damaged writes nothing more:
    /// its next commit is rolled back.
    @Test func noCommitOnceTheFileIsMarkedDamaged() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.file("center.sqlite")
        let db = try AppDatabase.open(path: path)
        _ = try registerNumbered(db, count: 3)
        DatabaseHealth.markDamaged(path, reason: "found by another terminal")
        #expect(throws: StoreError.damaged(path)) { try registerNumbered(db, count: 1) }
        #expect(try db.visitorCount() == 3)
        try db.close()
    }

    @Test func backupStampsSortAndParse() {
        #expect(AppDatabase.backupStamp(Date(timeIntervalSince1970: 1_796_180_130)) == "2026-12-02T025530Z")
        #expect(AppDatabase.isBackupStamp("2026-12-02T023530Z"))
        for bad in ["2026-13-02T023530Z", "2026-12-02T0235Z", "2026-12-02 023530Z", "x"] { #expect(!AppDatabase.isBackupStamp(bad)) }
    }
}

/// A database of 300 visitors whose visitor table's root page is damaged; its path.
func damagedDatabase(in dir: TemporaryDirectory) throws -> String {
    let path = dir.file("center.sqlite")
    let db = try AppDatabase.open(path: path)
    _ = try registerNumbered(db, count: 300)
    try db.close()
    try damageTable(path, "visitor")
    return path
}

/// Overwrites a table's root page with random bytes, as a disk fault would.
func damageTable(_ path: String, _ table: String) throws {
    let queue = try DatabaseQueue(path: path)
    let (pageSize, root) = try queue.read { db in
        (try Int.fetchOne(db, sql: "PRAGMA page_size")!, try Int.fetchOne(db, sql: "SELECT rootpage FROM sqlite_master WHERE name = ?", arguments: [table])!)
    }
    try queue.close()
    let handle = try #require(FileHandle(forUpdatingAtPath: path))
    try handle.seek(toOffset: UInt64((root - 1) * pageSize))
    try handle.write(contentsOf: (0..<pageSize).map { _ in UInt8.random(in: 0...255) })
    try handle.close()
}
