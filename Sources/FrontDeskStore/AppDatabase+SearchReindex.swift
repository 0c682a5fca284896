import FrontDeskDomain
import GRDB

extension AppDatabase {
    /// Skeletons of names written in Arabic or Ge'ez script kept apart from those of Latin
    /// names (`SearchTermKind.scriptSkeleton`), so that a search ranks a transliteration before a
    /// sound-alike.
    static let scriptSkeletonMigration = "v8: skeletons of names in other scripts apart"

    /// Migration v8: every visitor's search terms made again by the current rules
    /// (`VisitorRecord.searchTerms`), and the index rows and `search_text` that differ replaced.
    /// Before v8 the skeletons of Arabic and Ge'ez words were stored with those of Latin words;
    /// folding rules that changed since a visitor was indexed are applied too. Sort keys stay
    /// as stored (the rows are found by them). Anonymized visitors (no terms) are left alone.
    /// - Returns: how many visitors were indexed again.
    @discardableResult
    static func reindexSearchTerms(_ db: Database) throws -> Int {
        let delete = try db.cachedStatement(
            sql: "DELETE FROM visitor_search_term WHERE kind = ? AND term = ? AND sort_key = ? AND visitor_id = ?")
        let update = try db.cachedStatement(sql: "UPDATE visitor SET search_text = ? WHERE id = ?")
        let records = try VisitorRecord.fetchCursor(db, sql: "SELECT * FROM visitor WHERE search_text <> ''")
        var changed: [(id: Int64, text: String, removed: [IndexedTerm], added: [IndexedTerm])] = []
        while let record = try records.next() {
            let oldTerms = Set(SearchTextColumn.decode(record.searchText))
            let newTerms = record.searchTerms
            guard newTerms != oldTerms, let visitorId = record.id else { continue }
            let key = record.sortKey
            func rows(_ terms: Set<SearchTerm>) -> [IndexedTerm] {
                terms.map { IndexedTerm(kind: $0.kind.rawValue, term: $0.text, sortKey: key, visitorId: visitorId) }
            }
            changed.append((visitorId, SearchTextColumn.encode(newTerms), rows(oldTerms.subtracting(newTerms)),
                            rows(newTerms.subtracting(oldTerms))))
        }
        for c in changed {
            for t in c.removed { try delete.execute(arguments: [t.kind, t.term, t.sortKey, t.visitorId]) }
            try update.execute(arguments: [c.text, c.id])
        }
        try insertSearchTerms(db, changed.flatMap(\.added))
        return changed.count
    }
}
