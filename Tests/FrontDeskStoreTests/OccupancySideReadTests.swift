import Foundation
import FrontDeskDomain
import GRDB
import Testing
@testable import FrontDeskStore

/// `occupancy` on a file opened for reading splits its statements over two connections on two
/// threads; the report must be the one a single connection reads, and one snapshot even when
/// another terminal commits between the two connections' reads.
@Suite struct OccupancySideReadTests {
    /// The reporting center copied to a file (SQLite's online backup), then opened by a
    /// terminal (the pool) and by a short command (`openForReading`).
    struct FileCenter {
        let directory: TemporaryDirectory
        let terminal: AppDatabase
        let command: AppDatabase

        init() throws {
            directory = try TemporaryDirectory()
            let path = directory.file("center.sqlite")
            try ReportingCenter.shared.get().db.backup(to: path)
            terminal = try AppDatabase.open(path: path, calendar: rabat)
            command = try AppDatabase.openForReading(path: path, calendar: rabat)
        }

        func remove() {
            try? command.close()
            try? terminal.close()
            directory.remove()
        }
    }

    @Test(arguments: ReportingStoreTests.periods)
    func twoConnectionsReadWhatOneReads(_ period: ReportingPeriod) throws {
        let center = try FileCenter()
        defer { center.remove() }
        let split = try center.command.occupancy(period, now: ReportingCenter.now)
        #expect(split == (try center.terminal.occupancy(period, now: ReportingCenter.now))) // a pool: one connection, one transaction
        #expect(split == (try ReportingCenter.shared.get().db.occupancy(period, now: ReportingCenter.now)))
        if period.days.count > 20 { #expect(split.walkIns.arrivals > 100 && split.rooms.count >= 7) }
    }

    /// A room added and a walk-in checked in by another terminal after the second connection
    /// took its snapshot and before this one took its own: the two halves would disagree (the
    /// walk-in without the room), so the whole report is read again, and shows both.
    @Test func aCommitBetweenTheTwoSnapshotsIsReadAgainWhole() throws {
        let center = try FileCenter()
        defer { center.remove() }
        let period = ReportingPeriod.month(containing: LocalDate(year: 2026, month: 4, day: 1))
        let before = try center.command.occupancy(period, now: ReportingCenter.now)
        let report = try center.command.occupancy(period, now: ReportingCenter.now) {
            _ = try center.terminal.saveRoom(Room(id: 0, name: "Salle 9", capacity: 4), by: desk, at: apr14())
            let visitor = try center.terminal.register(newVisitor("Samira", "Ouahbi"), by: desk, at: apr14())
            _ = try center.terminal.checkIn(visitorId: visitor.id, category: .social, by: desk, at: apr14(minutes: 5))
        }
        #expect(report.rooms.count == before.rooms.count + 1)
        #expect(report.walkIns.arrivals == before.walkIns.arrivals + 1)
        #expect(report == (try center.terminal.occupancy(period, now: ReportingCenter.now)))
    }

    /// Another file moved over the path after the command opened it (a backup restored with
    /// `mv`): the second connection would read that file, so the report is read from the
    /// command's own file alone, whole.
    @Test func aFileMovedOverThePathIsNotMixedIn() throws {
        let center = try FileCenter()
        defer { center.remove() }
        let period = ReportingPeriod.month(containing: LocalDate(year: 2026, month: 4, day: 1))
        let ours = try center.command.occupancy(period, now: ReportingCenter.now)
        let other = center.directory.file("other.sqlite")
        try center.terminal.backup(to: other)
        let changed = try AppDatabase.open(path: other, calendar: rabat)
        _ = try changed.saveRoom(Room(id: 0, name: "Salle 9", capacity: 4), by: desk, at: apr14())
        let visitor = try changed.register(newVisitor("Samira", "Ouahbi"), by: desk, at: apr14())
        _ = try changed.checkIn(visitorId: visitor.id, category: .social, by: desk, at: apr14(minutes: 5))
        let theirs = try changed.occupancy(period, now: ReportingCenter.now)
        try changed.close()
        #expect(theirs.rooms.count == ours.rooms.count + 1 && theirs.walkIns.arrivals == ours.walkIns.arrivals + 1)
        try center.terminal.close()
        let path = center.directory.file("center.sqlite")
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        #expect(rename(other, path) == 0)
        #expect(try center.command.occupancy(period, now: ReportingCenter.now) == ours)
    }

    /// Without a commit between them, the hook's pause changes nothing.
    @Test func withoutACommitTheSplitReadStands() throws {
        let center = try FileCenter()
        defer { center.remove() }
        let period = ReportingPeriod.month(containing: LocalDate(year: 2026, month: 4, day: 1))
        var ran = false
        let report = try center.command.occupancy(period, now: ReportingCenter.now) { ran = true }
        #expect(ran)
        #expect(report == (try center.terminal.occupancy(period, now: ReportingCenter.now)))
    }
}
