import Foundation
import FrontDeskDomain
import GRDB

/// Why a visitor stands where they do in the desk's search (`AppDatabase.deskSearch`).
public enum DeskSearchTier: Int, Comparable, Sendable {
    /// In the queue of the day, or with an appointment that day that is booked or arrived.
    case today = 0
    /// Seen (a walk-in visit, an appointment attended) within `AppDatabase.recentDays` before
    /// the day.
    case recent = 1
    /// Everybody else.
    case other = 2

    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

/// One row of the desk's search: the visitor, their tier and how well the name matched.
public struct DeskSearchMatch: Sendable {
    public var visitor: Visitor
    public var tier: DeskSearchTier
    /// `SearchRank` of the match (exact, prefix, transliteration, sound-alike).
    public var rank: Int
}

extension AppDatabase {
    /// Center-local days before today in which a visitor counts as seen recently (about three
    /// months: the follow-ups of a case).
    public static let recentDays = 90

    /// `searchVisitors` with the desk's ranking (the person standing at the desk first); see
    /// `deskSearch`. Reads only.
    public func searchVisitors(_ query: String, limit: Int, deskAt now: Date) throws -> [Visitor] {
        try deskSearch(query, limit: limit, at: now).map(\.visitor)
    }

    /// The desk's ranking (issue 12), up to `limit` visitors matching `query`:
    /// 1. today's visitors: in the queue of the center-local day of `now`, or with an
    ///    appointment that day that is booked or arrived;
    /// 2. visitors seen in the `recentDays` center-local days before (a walk-in visit, an
    ///    appointment checked in, in session or completed), latest first among equal matches;
    /// 3. the others, as `searchVisitors` ranks them.
    /// Within each, the better name match first (`SearchRank`: exact word, prefix in the typed
    /// script, transliteration, transliteration by the first consonant only, sound-alike), then
    /// the latest seen, then family and given name; among the recently seen (thousands at a busy
    /// center) a prefix and a transliteration are one level, since who registered the person
    /// chose the script, so the latest seen of either comes first. The third keeps the full order
    /// of `SearchRank`. Sound-alikes are left out of the whole list once three letters are typed
    /// and a better match exists anywhere in it.
    ///
    /// The first two tiers are checked person by person (`instr` on their `search_text`), so
    /// their cost grows with the center's activity (about 110 people a day and 5,000 in 90 days
    /// at a busy center), not with the number of records; the third reads the index.
    public func deskSearch(_ query: String, limit: Int, at now: Date) throws -> [DeskSearchMatch] {
        let parsed = SearchQuery(parsing: query)
        guard !parsed.isEmpty, limit > 0 else { return [] }
        let day = calendar.localDate(of: now)
        let from = calendar.startOfDay(day), to = calendar.startOfDay(day.adding(days: 1))
        let recentDay = day.adding(days: -Self.recentDays)
        let recentFrom = calendar.startOfDay(recentDay)
        return try writer.read { db in
            let rank = Self.rankSQL(parsed.tokens)
            // Today's people, then the recently seen, each with their rank; one statement each.
            let todayRows = try Row.fetchAll(db, SQLRequest<Row>(literal: """
                SELECT * FROM (
                    SELECT v.id, v.family_key, v.given_key, v.given_name, v.family_name, \(rank) AS r FROM visitor v
                    WHERE NOT v.archived AND v.id IN (
                        SELECT visitor_id FROM visit WHERE day = \(day.description)
                        UNION SELECT visitor_id FROM appointment
                        WHERE visitor_id IS NOT NULL AND start_at >= \(from.epochMilliseconds) AND start_at < \(to.epochMilliseconds)
                          AND status IN ('booked', 'checked_in')))
                WHERE r < \(SearchRank.none)
                """))
            let recentRows = try Row.fetchAll(db, SQLRequest<Row>(literal: """
                SELECT * FROM (
                    SELECT v.id, v.family_key, v.given_key, v.given_name, v.family_name, s.seen, \(rank) AS r
                    FROM (SELECT visitor_id, MAX(seen) AS seen FROM (
                            SELECT visitor_id, arrived_at AS seen FROM visit
                            WHERE day >= \(recentDay.description) AND day < \(day.description)
                            UNION ALL SELECT visitor_id, start_at FROM appointment
                            WHERE visitor_id IS NOT NULL AND start_at >= \(recentFrom.epochMilliseconds)
                              AND start_at < \(from.epochMilliseconds) AND status IN ('checked_in', 'in_session', 'completed'))
                          GROUP BY visitor_id) AS s
                    JOIN visitor v ON v.id = s.visitor_id
                    WHERE NOT v.archived)
                WHERE r < \(SearchRank.none)
                """))
            var tiered: [(id: Int64, tier: DeskSearchTier, rank: Int, seen: Int64, family: String, given: String)] = []
            var taken: Set<Int64> = []
            // Ranks counted in the typed script (a name of another script is a transliteration).
            func rankOf(_ row: Row) -> Int {
                parsed.rankInTypedScript(row["r"], givenName: row["given_name"], familyName: row["family_name"])
            }
            for row in todayRows where taken.insert(row["id"]).inserted {
                tiered.append((row["id"], .today, rankOf(row), 0, row["family_key"], row["given_key"]))
            }
            for row in recentRows where taken.insert(row["id"]).inserted {
                tiered.append((row["id"], .recent, rankOf(row), row["seen"], row["family_key"], row["given_key"]))
            }
            // Among the recently seen a prefix in the typed script and a transliteration are one
            // level: a person registered in Arabic and typed in Latin is as likely the one at the
            // desk, and the latest seen comes first among them. Today's few keep the full order.
            func level(_ t: DeskSearchTier, _ rank: Int) -> Int {
                t == .recent && rank == SearchRank.transliteration ? SearchRank.prefix : rank
            }
            tiered.sort { a, b in
                (a.tier.rawValue, level(a.tier, a.rank), -a.seen, a.family, a.given, a.id)
                    < (b.tier.rawValue, level(b.tier, b.rank), -b.seen, b.family, b.given, b.id)
            }
            let first = Array(tiered.prefix(limit))
            let records = try VisitorRecord.filter(keys: first.map(\.id)).fetchAll(db)
            let byId = Dictionary(uniqueKeysWithValues: records.compactMap { r in r.id.map { ($0, r.visitor) } })
            var matches: [(DeskSearchMatch, Int)] = first.compactMap { t in
                byId[t.id].map { (DeskSearchMatch(visitor: $0, tier: t.tier, rank: t.rank), t.rank) }
            }
            if matches.count < limit {
                // The others: the index's own ranking, without the people already listed.
                let others = try Self.rankedSearch(db, parsed, limit: limit + taken.count)
                for other in others where !taken.contains(other.visitor.id) && matches.count < limit {
                    matches.append((DeskSearchMatch(visitor: other.visitor, tier: .other, rank: other.rank), other.rank))
                }
            }
            return parsed.withoutSoundAlikes(matches).map(\.0)
        }
    }
}
