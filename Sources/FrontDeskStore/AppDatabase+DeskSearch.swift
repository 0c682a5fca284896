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
        return try writer.read { db in
            let candidates = try Self.deskCandidates(db, day: day, cache: deskCandidates, calendar: calendar)
            let nowMillis = now.epochMilliseconds
            let firstWord = SearchQuery(tokens: Array(parsed.tokens.prefix(1)))
            // Each candidate with its rank, whether their name starts with the first typed word,
            // and an order within equals: distance to now (ms) for today's, latest seen first for
            // the recently seen.
            var tiered: [(candidate: DeskCandidateCache.Candidate, rank: Int, lead: Int, near: Int64)] = []
            for c in candidates {
                let found = DeskCandidateCache.rank(c, parsed)
                guard found < SearchRank.none else { continue }
                // Ranks counted in the typed script (a name of another script is a transliteration).
                let lead = DeskCandidateCache.startsName(c, firstWord: firstWord, typedOnset: parsed.typedOnset, rank: found) ? 0 : 1
                // Today's people, the nearest to now first: at 10:00 the person with a 10:00
                // appointment or just queued is likelier at the desk than the one due at 16:00.
                let distance = c.todayAt.map { abs($0 - nowMillis) }.min() ?? 0
                tiered.append((c, parsed.rankInTypedScript(found, nameScripts: c.scripts), lead, c.tier == .today ? distance : -c.seen))
            }
            // Among the recently seen a prefix in the typed script and a transliteration are one
            // level: a person registered in Arabic and typed in Latin is as likely the one at the
            // desk, and the latest seen comes first among them. Today's few keep the full order.
            func level(_ t: DeskSearchTier, _ rank: Int) -> Int {
                t == .recent && rank == SearchRank.transliteration ? SearchRank.prefix : rank
            }
            tiered.sort { a, b in
                let (x, y) = (a.candidate, b.candidate)
                if (x.tier.rawValue, level(x.tier, a.rank), a.lead) != (y.tier.rawValue, level(y.tier, b.rank), b.lead) {
                    return (x.tier.rawValue, level(x.tier, a.rank), a.lead) < (y.tier.rawValue, level(y.tier, b.rank), b.lead)
                }
                return (a.near, x.familyKey, x.givenKey, x.id) < (b.near, y.familyKey, y.givenKey, y.id)
            }
            // Sound-alikes leave the list when better matches exist (checked before the cut, so
            // that the list still holds `limit` rows when enough better ones match).
            let betterExists = tiered.contains { $0.rank < SearchRank.soundAlike }
            let matchingCandidates = tiered.count
            if parsed.dropsSoundAlikes, betterExists { tiered.removeAll { $0.rank >= SearchRank.soundAlike } }
            let first = Array(tiered.prefix(limit))
            let records = try VisitorRecord.filter(keys: first.map(\.candidate.id)).fetchAll(db)
            let byId = Dictionary(uniqueKeysWithValues: records.compactMap { r in r.id.map { ($0, r.visitor) } })
            var matches: [DeskSearchMatch] = first.compactMap { t in
                byId[t.candidate.id].map { DeskSearchMatch(visitor: $0, tier: t.candidate.tier, rank: t.rank) }
            }
            if matches.count < limit {
                // The others: the index's own ranking, without the people already listed (the
                // index may return each of the candidates that matched, so as many more are asked).
                let taken = Set(candidates.map(\.id))
                var others = try Self.rankedSearch(db, parsed, limit: limit - matches.count + matchingCandidates)
                others.removeAll { taken.contains($0.visitor.id) }
                if parsed.dropsSoundAlikes, betterExists || others.contains(where: { $0.rank < SearchRank.soundAlike }) {
                    matches.removeAll { $0.rank >= SearchRank.soundAlike }
                    others.removeAll { $0.rank >= SearchRank.soundAlike }
                }
                for other in others where matches.count < limit {
                    matches.append(DeskSearchMatch(visitor: other.visitor, tier: .other, rank: other.rank))
                }
            }
            return matches
        }
    }

    /// Who the desk's search puts first at `now`: today's people and the recently seen, each
    /// with their tier (see `deskSearch`) and, for today's, the instants of their appointments
    /// that day and of their arrival in the queue (UTC), in no particular order. Reads only.
    public func deskCandidateIds(at now: Date) throws -> [(id: Int64, tier: DeskSearchTier, todayAt: [Date])] {
        let day = calendar.localDate(of: now)
        return try writer.read { db in
            try Self.deskCandidates(db, day: day, cache: deskCandidates, calendar: calendar).map {
                ($0.id, $0.tier, $0.todayAt.map { Date(epochMilliseconds: $0) })
            }
        }
    }

    /// Today's people and the recently seen (see `deskSearch`), from the cache when nothing was
    /// written since it was read (the last audit event is the same) and the day is the same.
    static func deskCandidates(_ db: Database, day: LocalDate, cache: DeskCandidateCache,
                               calendar: CenterCalendar) throws -> [DeskCandidateCache.Candidate] {
        let lastEvent = try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM audit_event") ?? 0
        if let snapshot = cache.current(day: day, lastEvent: lastEvent) { return snapshot.candidates }
        let from = calendar.startOfDay(day), to = calendar.startOfDay(day.adding(days: 1))
        let recentDay = day.adding(days: -recentDays)
        let recentFrom = calendar.startOfDay(recentDay)
        let rows = try Row.fetchAll(db, sql: """
            SELECT v.id, v.family_key, v.given_key, v.given_name, v.family_name, v.search_text, s.tier, s.seen, s.today_at
            FROM (SELECT visitor_id, MIN(tier) AS tier, MAX(seen) AS seen,
                         GROUP_CONCAT(CASE WHEN tier = 0 THEN seen END) AS today_at FROM (
                    SELECT visitor_id, 0 AS tier, arrived_at AS seen FROM visit WHERE day = ?
                    UNION ALL SELECT visitor_id, 0, start_at FROM appointment
                    WHERE visitor_id IS NOT NULL AND start_at >= ? AND start_at < ? AND status IN ('booked', 'checked_in')
                    UNION ALL SELECT visitor_id, 1, arrived_at FROM visit WHERE day >= ? AND day < ?
                    UNION ALL SELECT visitor_id, 1, start_at FROM appointment
                    WHERE visitor_id IS NOT NULL AND start_at >= ? AND start_at < ? AND status IN ('checked_in', 'in_session', 'completed'))
                  GROUP BY visitor_id) AS s
            JOIN visitor v ON v.id = s.visitor_id
            WHERE NOT v.archived
            """, arguments: [day.description, from.epochMilliseconds, to.epochMilliseconds,
                             recentDay.description, day.description, recentFrom.epochMilliseconds, from.epochMilliseconds])
        let candidates = rows.map { row in
            let tier: Int = row["tier"]
            return DeskCandidateCache.Candidate(
                id: row["id"], tier: tier == 0 ? .today : .recent, seen: tier == 0 ? 0 : row["seen"],
                todayAt: ((row["today_at"] as String?) ?? "").split(separator: ",").compactMap { Int64($0) },
                familyKey: row["family_key"], givenKey: row["given_key"],
                scripts: SearchText.scripts(of: (row["given_name"] as String) + " " + (row["family_name"] as String)),
                terms: DeskCandidateCache.terms(of: row["search_text"]),
                lead: DeskCandidateCache.Lead(givenName: row["given_name"]))
        }
        cache.store(DeskCandidateCache.Snapshot(day: day, lastEvent: lastEvent, candidates: candidates))
        return candidates
    }
}
