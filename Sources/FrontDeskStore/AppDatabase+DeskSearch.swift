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
                SELECT v.id, v.family_key, v.given_key FROM visitor v
                WHERE NOT v.archived AND v.id IN (
                    SELECT visitor_id FROM visit WHERE day = ?
                    UNION SELECT visitor_id FROM appointment
                    WHERE visitor_id IS NOT NULL AND start_at >= ? AND start_at < ? AND status IN ('booked', 'checked_in'))
                """, arguments: [day.description, from.epochMilliseconds, to.epochMilliseconds])
            guard !rows.isEmpty else { return [] }
            // The same ranking as the search's own (worst word; 9 when a word meets nothing).
            let rank = try Self.ranks(db, of: rows.map { $0["id"] }, on: parsed.tokens)
            var ranked: [(rank: Int, family: String, given: String, id: Int64)] = []
            for row in rows {
                let id: Int64 = row["id"]
                guard let r = rank[id], r < 9 else { continue }
                ranked.append((r, row["family_key"], row["given_key"], id))
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
}
