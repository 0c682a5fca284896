import Foundation
import FrontDeskDomain
import GRDB

extension AppDatabase {
    /// `searchVisitors` with the desk's ranking (the person standing at the desk first):
    /// visitors in the queue of the center-local day of `now`, or with an appointment that day
    /// that is booked or arrived, come first when they match, best match first (exact word,
    /// then prefix, then skeleton; then by family and given name); then the others as
    /// `searchVisitors` ranks them, up to `limit` in all. Reads only.
    public func searchVisitors(_ query: String, limit: Int, deskAt now: Date) throws -> [Visitor] {
        let parsed = SearchQuery(parsing: query)
        guard !parsed.isEmpty, limit > 0 else { return [] }
        let day = calendar.localDate(of: now)
        let from = calendar.startOfDay(day), to = calendar.startOfDay(day.adding(days: 1))
        let today: [Visitor] = try writer.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT v.id, v.search_text, v.family_key, v.given_key FROM visitor v
                WHERE NOT v.archived AND v.id IN (
                    SELECT visitor_id FROM visit WHERE day = ?
                    UNION SELECT visitor_id FROM appointment
                    WHERE visitor_id IS NOT NULL AND start_at >= ? AND start_at < ? AND status IN ('booked', 'checked_in'))
                """, arguments: [day.description, from.epochMilliseconds, to.epochMilliseconds])
            var ranked: [(rank: Int, family: String, given: String, id: Int64)] = []
            for row in rows {
                let text: String = row["search_text"]
                guard let rank = Self.deskRank(parsed, in: text) else { continue }
                ranked.append((rank, row["family_key"], row["given_key"], row["id"]))
            }
            ranked.sort { ($0.rank, $0.family, $0.given, $0.id) < ($1.rank, $1.family, $1.given, $1.id) }
            let ids = ranked.prefix(limit).map(\.id)
            let records = try VisitorRecord.filter(keys: ids).fetchAll(db)
            let byId = Dictionary(uniqueKeysWithValues: records.compactMap { r in r.id.map { ($0, r.visitor) } })
            return ids.compactMap { byId[$0] }
        }
        guard today.count < limit else { return today }
        let first = Set(today.map(\.id))
        let others = try searchVisitors(query, limit: limit).filter { !first.contains($0.id) }
        return today + others.prefix(limit - today.count)
    }

    /// How well a visitor's `search_text` meets every word of a query: the worst word's rank
    /// (an exact term its alternative's exact rank, a prefix its prefix rank); nil when a word
    /// meets nothing.
    static func deskRank(_ query: SearchQuery, in text: String) -> Int? {
        var worst = 0
        for token in query.tokens {
            var best: Int?
            for alt in token.alternatives {
                if text.contains(SearchTextColumn.needle(kind: alt.kind, text: alt.text, exact: true)) {
                    best = min(best ?? .max, alt.exactRank)
                } else if alt.matchesPrefix, text.contains(SearchTextColumn.needle(kind: alt.kind, text: alt.text, exact: false)) {
                    best = min(best ?? .max, alt.prefixRank)
                }
            }
            guard let best else { return nil }
            worst = max(worst, best)
        }
        return worst
    }
}
