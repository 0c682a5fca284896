import Foundation
import FrontDeskDomain
import GRDB

extension AppDatabase {
    /// Registers the rows of an import all together, or none (`visitors import`).
    ///
    /// In one IMMEDIATE transaction: each visitor is checked against the records already there
    /// (`DuplicateRule`, as one registration is); when any resembles a record and
    /// `allowingDuplicates` is false, or in a dry run, nothing is written. Otherwise every row
    /// is registered (codes, search terms, a `visitor.registered` audit event each) and the
    /// transaction commits: another terminal sees all of them or none. The write lock is held
    /// for the whole import (about 15 s for 100,000 rows in a release build); other terminals
    /// wait within the busy timeout.
    /// - Parameter progress: called every 1,000 rows with (rows done, total), checks then writes.
    /// - Throws: `VisitorValidationError` (nothing written), or a store error (nothing written).
    public func importVisitors(_ visitors: [NewVisitor], allowingDuplicates: Bool, dryRun: Bool, by actor: Actor, at now: Date,
                               progress: ((Int, Int) -> Void)? = nil) throws -> VisitorImportOutcome {
        let normalized = try visitors.map { v throws(VisitorValidationError) in try VisitorRules.normalized(v) }
        let now = now.storedPrecision
        let year = calendar.year(of: now)
        let total = normalized.count
        let cacheSize = try writer.writeWithoutTransaction { db in
            let previous = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2_000
            try db.execute(sql: "PRAGMA cache_size = -262144") // 256 MiB, as registerMany
            return previous
        }
        defer { _ = try? writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA cache_size = \(cacheSize)") } }
        return try writer.write { db in
            var duplicates: [Int: [VisitorCode]] = [:]
            for (i, v) in normalized.enumerated() {
                let similar = try Self.duplicates(db, of: v)
                if !similar.isEmpty { duplicates[i] = similar.map(\.code) }
                if (i + 1) % 1_000 == 0 { progress?(i + 1, 2 * total) }
            }
            if dryRun || (!duplicates.isEmpty && !allowingDuplicates) {
                return VisitorImportOutcome(registered: [], duplicates: duplicates)
            }
            var number = try Self.lastCodeNumber(db, year: year)
            var registered: [Visitor] = []
            registered.reserveCapacity(total)
            var terms: [IndexedTerm] = []
            for (i, v) in normalized.enumerated() {
                number += 1
                let (visitor, visitorTerms) = try Self.insertRow(db, v, code: VisitorCode(year: year, number: number), by: actor, at: now)
                registered.append(visitor)
                terms += visitorTerms
                if terms.count > 50_000 {
                    try Self.insertSearchTerms(db, terms)
                    terms.removeAll(keepingCapacity: true)
                }
                if (i + 1) % 1_000 == 0 { progress?(total + i + 1, 2 * total) }
            }
            try Self.insertSearchTerms(db, terms)
            return VisitorImportOutcome(registered: registered, duplicates: duplicates)
        }
    }
}
