import Foundation
import FrontDeskDomain
import GRDB

extension AppDatabase: VisitorRepository {
    /// Registers a visitor under the next code of the center-local year of `now`
    /// (`V-2026-00042`), indexes them for search and writes a `visitor.registered` event, all in
    /// one IMMEDIATE transaction.
    /// - Throws: `VisitorValidationError` when the record breaks a rule (checked again here,
    ///   whoever built it; nothing is written), or a database error.
    public func register(_ visitor: NewVisitor, by actor: Actor, at now: Date) throws -> Visitor {
        let v = try VisitorRules.normalized(visitor)
        let now = now.storedPrecision
        let year = calendar.year(of: now)
        return try writeImmediately { db in
            let code = VisitorCode(year: year, number: try Self.lastCodeNumber(db, year: year) + 1)
            return try Self.insert(db, v, code: code, by: actor, at: now)
        }
    }

    /// Registers many visitors (demo data, imports): batches of `batchSize` in one IMMEDIATE
    /// transaction each, with codes, search terms and an audit event per visitor as
    /// `register` writes them. Every record is checked before anything is written; a failure
    /// of the database midway leaves the batches already committed.
    /// - Parameter progress: called after each batch with (registered so far, total).
    /// - Returns: the registered visitors, in the order given.
    @discardableResult
    public func registerMany(_ visitors: [NewVisitor], by actor: Actor, at now: Date, batchSize: Int = 2_000,
                             progress: ((Int, Int) -> Void)? = nil) throws -> [Visitor] {
        let normalized = try visitors.map { v throws(VisitorValidationError) in try VisitorRules.normalized(v) }
        let now = now.storedPrecision
        let year = calendar.year(of: now)
        var registered: [Visitor] = []
        registered.reserveCapacity(normalized.count)
        var start = 0
        while start < normalized.count {
            let batch = normalized[start..<min(start + max(1, batchSize), normalized.count)]
            let done = try writeImmediately { db in
                var number = try Self.lastCodeNumber(db, year: year)
                var out: [Visitor] = []
                out.reserveCapacity(batch.count)
                for v in batch {
                    number += 1
                    out.append(try Self.insert(db, v, code: VisitorCode(year: year, number: number), by: actor, at: now))
                }
                return out
            }
            registered += done
            start += batch.count
            progress?(registered.count, normalized.count)
        }
        return registered
    }

    /// Replaces a visitor's details (not their code) and re-indexes them for search; writes a
    /// `visitor.updated` event. Consent time moves to `now` only when the scopes change.
    /// - Throws: `VisitorValidationError`, `StoreError.visitorNotFound`.
    public func updateVisitor(id: Int64, with visitor: NewVisitor, by actor: Actor, at now: Date) throws -> Visitor {
        let v = try VisitorRules.normalized(visitor)
        let now = now.storedPrecision
        return try writeImmediately { db in
            guard var record = try VisitorRecord.fetchOne(db, key: id) else { throw StoreError.visitorNotFound(id) }
            let scopes = record.consentScopes
            record.apply(v)
            if record.consentScopes != scopes { record.consentAt = now.epochMilliseconds }
            record.updatedAt = now.epochMilliseconds
            try record.update(db)
            try db.execute(sql: "DELETE FROM visitor_search_term WHERE visitor_id = ?", arguments: [id])
            try Self.insertSearchTerms(db, record.searchTerms, visitorId: id)
            try Self.audit(db, .visitorUpdated, entity: "visitor", entityId: id, detail: "code \(record.code)",
                           by: actor, at: now)
            return record.visitor
        }
    }

    public func visitor(code: VisitorCode) throws -> Visitor? {
        try writer.read { db in
            try VisitorRecord
                .filter(VisitorRecord.Columns.codeYear == code.year && VisitorRecord.Columns.codeNumber == code.number)
                .fetchOne(db)?.visitor
        }
    }

    public func visitor(id: Int64) throws -> Visitor? {
        try writer.read { db in try VisitorRecord.fetchOne(db, key: id)?.visitor }
    }

    /// How many visitors are registered (archived ones included).
    public func visitorCount() throws -> Int {
        try writer.read { db in try VisitorRecord.fetchCount(db) }
    }

    // MARK: Internals

    /// The highest code number given in a year (0 if none), from the unique index.
    static func lastCodeNumber(_ db: Database, year: Int) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT MAX(code_number) FROM visitor WHERE code_year = ?", arguments: [year]) ?? 0
    }

    /// Inserts a normalized visitor with its search terms and audit event.
    static func insert(_ db: Database, _ v: NewVisitor, code: VisitorCode, by actor: Actor, at now: Date) throws -> Visitor {
        var record = VisitorRecord(v, code: code, now: now)
        try record.insert(db)
        let id = record.id ?? db.lastInsertedRowID
        try insertSearchTerms(db, record.searchTerms, visitorId: id)
        try audit(db, .visitorRegistered, entity: "visitor", entityId: id, detail: "code \(code)", by: actor, at: now)
        return record.visitor
    }

    static func insertSearchTerms(_ db: Database, _ terms: Set<SearchTerm>, visitorId: Int64) throws {
        let statement = try db.cachedStatement(sql: "INSERT INTO visitor_search_term (kind, term, visitor_id) VALUES (?, ?, ?)")
        for term in terms {
            try statement.execute(arguments: [term.kind.rawValue, term.text, visitorId])
        }
    }
}
