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
        return try writer.write { db in
            let code = VisitorCode(year: year, number: try Self.lastCodeNumber(db, year: year) + 1)
            return try Self.insert(db, v, code: code, by: actor, at: now)
        }
    }

    public func register(_ visitor: NewVisitor, allowingDuplicates: Bool, by actor: Actor, at now: Date) throws -> Visitor {
        let v = try VisitorRules.normalized(visitor)
        let now = now.storedPrecision
        let year = calendar.year(of: now)
        return try writer.write { db in
            let similar = try Self.duplicates(db, of: v)
            if !similar.isEmpty && !allowingDuplicates { throw DuplicateError.possibleDuplicates(similar) }
            let code = VisitorCode(year: year, number: try Self.lastCodeNumber(db, year: year) + 1)
            let registered = try Self.insert(db, v, code: code, by: actor, at: now)
            if !similar.isEmpty {
                try Self.audit(db, .visitorRegistered, entity: "visitor", entityId: registered.id,
                               detail: "registered as a new person though resembling \(similar.map(\.code.description).joined(separator: ", "))",
                               by: actor, at: now)
            }
            return registered
        }
    }

    public func possibleDuplicates(of visitor: NewVisitor) throws -> [Visitor] {
        let v = try VisitorRules.normalized(visitor)
        return try writer.read { db in try Self.duplicates(db, of: v) }
    }

    public func recordDuplicateChosen(_ visitorId: Int64, by actor: Actor, at now: Date) throws {
        try writer.write { db in
            guard let record = try VisitorRecord.fetchOne(db, key: visitorId) else { throw StoreError.visitorNotFound(visitorId) }
            try Self.audit(db, .visitorDuplicateChosen, entity: "visitor", entityId: visitorId,
                           detail: "code \(record.code): chosen instead of a new record", by: actor, at: now.storedPrecision)
        }
    }

    /// The records resembling a (normalized) registration: those with the same phone, and
    /// those of the same nationality holding every name word among their search terms (by
    /// folded form or skeleton), filtered by `DuplicateRule`; at most 20, archived ones left out.
    static func duplicates(_ db: Database, of v: NewVisitor) throws -> [Visitor] {
        var ids: [Int64] = []
        if let phone = v.phone.flatMap(PhoneNumber.international) {
            ids += try Int64.fetchAll(db, sql: "SELECT id FROM visitor WHERE phone_digits = ? AND NOT archived LIMIT 20",
                                      arguments: [PhoneNumber.digits(phone)])
        }
        var byName: Set<Int64>?
        for keys in DuplicateRule.wordKeys(Visitor.fullName(given: v.givenName, family: v.familyName)) {
            let folded = keys.filter { !$0.isEmpty }
            let list = folded.map { _ in "?" }.joined(separator: ",")
            let found = try Int64.fetchSet(db, sql: """
                SELECT t.visitor_id FROM visitor_search_term t JOIN visitor p ON p.id = t.visitor_id
                WHERE t.kind IN (\(SearchTermKind.word.rawValue), \(SearchTermKind.skeleton.rawValue), \(SearchTermKind.scriptSkeleton.rawValue)) AND t.term IN (\(list))
                  AND p.nationality = ? AND NOT p.archived
                LIMIT 2000
                """, arguments: StatementArguments(Array(folded) + [v.nationality]))
            byName = byName.map { $0.intersection(found) } ?? found
            if byName?.isEmpty == true { break }
        }
        ids += (byName ?? []).sorted()
        var seen: Set<Int64> = []
        var out: [Visitor] = []
        for id in ids where seen.insert(id).inserted {
            guard let visitor = try VisitorRecord.fetchOne(db, key: id)?.visitor, DuplicateRule.resembles(v, visitor) else { continue }
            out.append(visitor)
            if out.count == 20 { break }
        }
        return out
    }

    /// Registers many visitors (demo data, imports): batches of `batchSize` in one IMMEDIATE
    /// transaction each, with codes, search terms and an audit event per visitor as
    /// `register` writes them. Every record is checked before anything is written; a failure
    /// of the database midway leaves the batches already committed.
    ///
    /// 100,000 visitors take about 15 s in a release build (30 s in debug). Each batch holds the
    /// write lock for a second or two, so other terminals wait (within the busy timeout)
    /// rather than fail; the writer connection's page cache is raised to 256 MiB meanwhile.
    /// - Parameter progress: called after each batch with (registered so far, total).
    /// - Returns: the registered visitors, in the order given.
    @discardableResult
    public func registerMany(_ visitors: [NewVisitor], by actor: Actor, at now: Date, batchSize: Int = 10_000,
                             progress: ((Int, Int) -> Void)? = nil) throws -> [Visitor] {
        let normalized = try visitors.map { v throws(VisitorValidationError) in try VisitorRules.normalized(v) }
        let now = now.storedPrecision
        let year = calendar.year(of: now)
        var registered: [Visitor] = []
        registered.reserveCapacity(normalized.count)
        // The index of terms is written all over its key space: a larger page cache on the
        // writer connection for the duration saves most of the re-reads.
        let cacheSize = try writer.writeWithoutTransaction { db in
            let previous = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2_000
            try db.execute(sql: "PRAGMA cache_size = -262144") // 256 MiB
            return previous
        }
        defer { _ = try? writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA cache_size = \(cacheSize)") } }
        var start = 0
        while start < normalized.count {
            let batch = normalized[start..<min(start + max(1, batchSize), normalized.count)]
            let done = try writer.write { db in
                var number = try Self.lastCodeNumber(db, year: year)
                var out: [Visitor] = []
                var terms: [IndexedTerm] = []
                out.reserveCapacity(batch.count)
                for v in batch {
                    number += 1
                    let (visitor, visitorTerms) = try Self.insertRow(db, v, code: VisitorCode(year: year, number: number),
                                                                     by: actor, at: now)
                    out.append(visitor)
                    terms += visitorTerms
                }
                try Self.insertSearchTerms(db, terms)
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
        return try writer.write { db in
            guard var record = try VisitorRecord.fetchOne(db, key: id) else { throw StoreError.visitorNotFound(id) }
            let oldRows = record.storedIndexedTerms
            let scopes = record.consentScopes
            record.apply(v)
            if record.consentScopes != scopes { record.consentAt = now.epochMilliseconds }
            record.updatedAt = now.epochMilliseconds
            try record.update(db)
            let delete = try db.cachedStatement(
                sql: "DELETE FROM visitor_search_term WHERE kind = ? AND term = ? AND sort_key = ? AND visitor_id = ?")
            for row in oldRows {
                try delete.execute(arguments: [row.kind, row.term, row.sortKey, row.visitorId])
            }
            try Self.insertSearchTerms(db, record.indexedTerms)
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
        let (visitor, terms) = try insertRow(db, v, code: code, by: actor, at: now)
        try insertSearchTerms(db, terms)
        return visitor
    }

    /// Inserts the visitor row and its audit event; returns the visitor and the search terms
    /// still to insert (bulk registration inserts a whole batch's terms in key order).
    static func insertRow(_ db: Database, _ v: NewVisitor, code: VisitorCode, by actor: Actor,
                                  at now: Date) throws -> (Visitor, [IndexedTerm]) {
        var record = VisitorRecord(v, code: code, now: now)
        // A prepared statement rather than the Codable insert: bulk registration runs it 100,000 times.
        // `birth_date` is named only when there is one (migration v15 added it): the migration
        // tests write visitors into files of older schemas with this function.
        let dated = record.birthDate != nil
        let statement = try db.cachedStatement(sql: """
            INSERT INTO visitor (code_year, code_number, given_name, family_name, sex, birth_year,\(dated ? " birth_date," : "") nationality,
                languages, status, phone, phone_digits, consent_at, consent_services, consent_reporting,
                created_at, updated_at, archived, given_key, family_key, search_text)
            VALUES (?, ?, ?, ?, ?, ?,\(dated ? " ?," : "") ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        var arguments: [DatabaseValueConvertible?] = [
            record.codeYear, record.codeNumber, record.givenName, record.familyName, record.sex.rawValue, record.birthYear,
        ]
        if dated { arguments.append(record.birthDate) }
        arguments += [
            record.nationality, record.languages, record.status.rawValue, record.phone,
            record.phoneDigits, record.consentAt, record.consentServices, record.consentReporting,
            record.createdAt, record.updatedAt, record.archived, record.givenKey, record.familyKey, record.searchText,
        ]
        try statement.execute(arguments: StatementArguments(arguments))
        record.id = db.lastInsertedRowID
        try audit(db, .visitorRegistered, entity: "visitor", entityId: record.id, detail: "code \(code)", by: actor, at: now)
        return (record.visitor, record.indexedTerms)
    }

    /// Inserts index terms, sorted by key and many rows per statement (bulk registration
    /// inserts millions).
    static func insertSearchTerms(_ db: Database, _ terms: [IndexedTerm]) throws {
        let sorted = terms.sorted()
        let rowsPerStatement = 100
        var start = 0
        while start < sorted.count {
            let chunk = sorted[start..<min(start + rowsPerStatement, sorted.count)]
            let placeholders = Array(repeating: "(?, ?, ?, ?)", count: chunk.count).joined(separator: ", ")
            let statement = try db.cachedStatement(
                sql: "INSERT INTO visitor_search_term (kind, term, sort_key, visitor_id) VALUES \(placeholders)")
            var values: [(any DatabaseValueConvertible)?] = []
            values.reserveCapacity(chunk.count * 4)
            for t in chunk { values += [t.kind, t.term, t.sortKey, t.visitorId] }
            try statement.execute(arguments: StatementArguments(values))
            start += chunk.count
        }
    }
}

/// A row of `visitor_search_term`, ordered as its primary key.
struct IndexedTerm: Comparable {
    var kind: Int
    var term: String
    var sortKey: String
    var visitorId: Int64

    static func < (a: Self, b: Self) -> Bool {
        // Field by field rather than as a tuple: this runs millions of times in bulk imports.
        if a.kind != b.kind { return a.kind < b.kind }
        if a.term != b.term { return a.term < b.term }
        if a.sortKey != b.sortKey { return a.sortKey < b.sortKey }
        return a.visitorId < b.visitorId
    }
}

extension VisitorRecord {
    /// The rows of `visitor_search_term` for this (inserted) visitor.
    var indexedTerms: [IndexedTerm] {
        let key = sortKey
        let visitorId = id ?? 0
        return searchTerms.map { IndexedTerm(kind: $0.kind.rawValue, term: $0.text, sortKey: key, visitorId: visitorId) }
    }

    /// The rows of `visitor_search_term` this row was indexed under, read from its stored
    /// `search_text` and keys (right even if the folding rules changed since).
    var storedIndexedTerms: [IndexedTerm] {
        let key = sortKey
        let visitorId = id ?? 0
        return SearchTextColumn.decode(searchText).map {
            IndexedTerm(kind: $0.kind.rawValue, term: $0.text, sortKey: key, visitorId: visitorId)
        }
    }
}
