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

    /// The funder report of a short command (one connection, no memory map) counts what the
    /// terminal's pool counts, for every service, one program, one funder's and two funders'.
    @Test(arguments: ReportingStoreTests.periods)
    func theCommandsReportCountsWhatTheTerminalsCounts(_ period: ReportingPeriod) throws {
        let center = try FileCenter()
        defer { center.remove() }
        if ProcessInfo.processInfo.activeProcessorCount > 1 {
            #expect(try center.command.readInTwo(side: { _ in 1 }, main: { _ in 2 }) != nil, "the command's file is read on two connections")
        }
        let catalog = try center.terminal.programs()
        let first = try #require(catalog.first)
        let funder = catalog.filter { $0.funder == first.funder }.map(\.id)
        let other = try #require(catalog.first { $0.funder != first.funder })
        for programs in [nil, [first.id], funder, [first.id, other.id]] {
            let halves = try center.command.funderReportCounts(period, programs: programs)
            #expect(halves == (try center.terminal.funderReportCounts(period, programs: programs)), "\(programs ?? [])")
            #expect(try center.command.funderReport(period, programs: programs) == center.terminal.funderReport(period, programs: programs))
        }
        if period.days.count > 20 { #expect(try center.command.funderReportCounts(period).visitors > 50) }
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
