import Foundation
import GRDB
import Testing
@testable import FrontDeskStore

/// A file of an older FrontDesk is brought up to date at its first opening, which can take a
/// minute on a large center: the command says so once on standard error, in its language, and
/// its output is unchanged; the next command says nothing.
struct UpgradeNoticeTests {
    @Test func anOlderFileIsAnnouncedOnceWhileItIsUpgraded() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let db = dir.file("old.sqlite")
        do {
            let queue = try DatabaseQueue(path: db)
            try AppDatabase.migrator.migrate(queue, upTo: AppDatabase.programAttributionMigration)
            try queue.close()
        }
        // One clock for both runs: the report says when it was produced (to the second).
        let clock = ["FRONTDESK_NOW": "2026-12-03T10:00:00Z"]
        let first = try frontdesk(["report", "--year", "2026", "--db", db, "--lang", "fr", "--format", "csv"], environment: clock)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr == "frontdesk: mise à jour de la base (schéma \(AppDatabase.schemaVersion)) ; pour un grand centre, cela peut prendre une minute…\n")
        #expect(first.stdout.hasPrefix("dimension,value,visitors,services"))
        let second = try frontdesk(["report", "--year", "2026", "--db", db, "--lang", "fr", "--format", "csv"], environment: clock)
        #expect(second.status == 0 && second.stderr.isEmpty && second.stdout == first.stdout)
        // A new file is made, not upgraded: nothing is said.
        let fresh = try frontdesk(["init", "--db", dir.file("new.sqlite")])
        #expect(fresh.status == 0 && !fresh.stderr.contains("mise à jour") && !fresh.stderr.contains("up to date"))
    }
}
