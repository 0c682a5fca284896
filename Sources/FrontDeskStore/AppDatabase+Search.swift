import Foundation
import FrontDeskDomain
import GRDB

extension AppDatabase {
    /// How many index rows one query alternative may bring in as candidates. A query that
    /// matches more visitors than this (one letter typed, over 100,000 visitors) ranks the
    /// candidates whose matching words come first alphabetically; typing one more letter
    /// narrows it. This bound keeps every keystroke within a few milliseconds.
    public static let searchCandidateLimit = 1_000

    /// Visitors matching a typed query, best first, at most `limit` (see `SearchQuery` for
    /// what is matched). Archived visitors are left out.
    ///
    /// Answered from `visitor_search_term` (folded words, skeletons, phone digit runs and codes
    /// stored at write time) with index range scans, never a scan of `visitor`:
    /// 1. candidates: the visitors holding a term that matches the most selective query word
    ///    (prefix range on the primary key `(kind, term, visitor_id)`, at most
    ///    `searchCandidateLimit` rows per alternative);
    /// 2. each candidate is scored on every query word through the `visitor_id` index: exact
    ///    word 0, prefix 1, skeleton 2, the worst word counting; a candidate missing a word is
    ///    dropped (AND);
    /// 3. ordered by score, then folded family name, given name, id; `limit` applied in SQL.
    public func searchVisitors(_ query: String, limit: Int) throws -> [Visitor] {
        let parsed = SearchQuery(parsing: query)
        guard !parsed.isEmpty, limit > 0 else { return [] }
        let request = SQLRequest<VisitorRecord>(literal: Self.searchSQL(parsed, limit: limit), cached: true)
        return try writer.read { db in try request.fetchAll(db).map(\.visitor) }
    }

    static func searchSQL(_ query: SearchQuery, limit: Int) -> SQL {
        // The token whose loosest alternative is longest brings the fewest candidates.
        let driving = query.tokens.max { a, b in
            (a.alternatives.map(\.text.count).min() ?? 0) < (b.alternatives.map(\.text.count).min() ?? 0)
        } ?? query.tokens[0]
        let candidates: [SQL] = driving.alternatives.map { alt in
            "SELECT visitor_id FROM (SELECT visitor_id FROM visitor_search_term WHERE \(condition(alt, table: nil)) ORDER BY kind, term LIMIT \(searchCandidateLimit))"
        }
        let scores: [SQL] = query.tokens.enumerated().map { index, token in
            let cases: [SQL] = token.alternatives.map { alt in
                var whens: SQL = "WHEN t.kind = \(alt.kind.rawValue) AND t.term = \(alt.text) THEN \(alt.exactRank)"
                if alt.matchesPrefix {
                    whens += " WHEN \(condition(alt, table: "t")) THEN \(alt.prefixRank)"
                }
                return whens
            }
            return "(SELECT MIN(CASE \(cases.joined(separator: " ")) END) FROM visitor_search_term t WHERE t.visitor_id = c.visitor_id) AS \(SQL(sql: "s\(index)"))"
        }
        let names = (0..<query.tokens.count).map { SQL(sql: "s\($0)") }
        let score: SQL = names.count == 1 ? names[0] : "MAX(\(names.joined(separator: ", ")))"
        let allMatch: SQL = names.map { "\($0) IS NOT NULL" as SQL }.joined(separator: " AND ")
        return """
            SELECT visitor.* FROM (
                SELECT visitor_id, \(score) AS score FROM (
                    SELECT c.visitor_id, \(scores.joined(separator: ", "))
                    FROM (\(candidates.joined(separator: " UNION "))) AS c
                ) WHERE \(allMatch)
            ) AS m JOIN visitor ON visitor.id = m.visitor_id
            WHERE visitor.archived = 0
            ORDER BY m.score, visitor.family_key, visitor.given_key, visitor.id
            LIMIT \(limit)
            """
    }

    /// `kind = ? AND term >= ? AND term < ?` (prefix) or `kind = ? AND term = ?` (exact).
    /// The prefix's upper bound appends U+10FFFF, above any character a term can hold.
    private static func condition(_ alt: SearchAlternative, table: String?) -> SQL {
        let kind = SQL(sql: table.map { "\($0).kind" } ?? "kind")
        let term = SQL(sql: table.map { "\($0).term" } ?? "term")
        if alt.matchesPrefix {
            return "\(kind) = \(alt.kind.rawValue) AND \(term) >= \(alt.text) AND \(term) < \(alt.text + "\u{10FFFF}")"
        }
        return "\(kind) = \(alt.kind.rawValue) AND \(term) = \(alt.text)"
    }
}
