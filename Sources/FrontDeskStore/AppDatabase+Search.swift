import Foundation
import FrontDeskDomain
import GRDB

extension AppDatabase {
    /// Visitors matching a typed query, best first, at most `limit` (see `SearchQuery` for
    /// what is matched). Archived visitors are left out.
    ///
    /// Answered from `visitor_search_term` (folded words, skeletons, phone digit runs and
    /// codes, stored at write time) by index range scans that read about as many rows as they
    /// return, never a scan of `visitor`:
    /// 1. With two words or more, the first two are read as pairs, each range whole (every row
    ///    is nearly a match): prefix pairs (`ma oua` → `ma_oua…`, `SearchTermKind.pairPrefix`),
    ///    then the same with the words swapped (family name typed first), then skeleton pairs
    ///    across scripts (`fa ab` → `f_b…` of فاطمة عبد الله, `سم بوز` → `sm_bz…` of Samira
    ///    Bouzid), both ways, then the two words joined (`aissatou d` → `aissatoud`).
    /// 2. Then the driving word, the query word matching the fewest index rows (counted up to
    ///    `searchCountLimit`), alternative by alternative in rank order: folded-word prefix
    ///    (exact word first), then skeleton. Rows come in primary-key order
    ///    `(kind, term, sort_key, visitor_id)`: by matched word, then folded family and given
    ///    name. Each row must satisfy every other word (AND), checked with `instr` on the
    ///    candidate's `visitor.search_text` (read anyway to leave archived visitors out).
    ///    Reading stops at `limit` distinct visitors.
    /// 3. Each visitor found is ranked by its worst word (`SearchRank`): exact word 0, prefix 1,
    ///    transliteration 2 (a skeleton shared with a word of the other script), sound-alike 3 (a
    ///    skeleton shared with a word of the typed script); codes and phones 0 or 1. The result
    ///    is ordered by rank, then by the order of reading. Once three letters are typed,
    ///    sound-alikes are left out when better matches exist (`SearchQuery.dropsSoundAlikes`),
    ///    and they are looked for only when nothing better matches.
    ///
    /// So "moh" lists Mohamed A…Z, then Mohammed A…Z, … then the transliterations (محمد…), and
    /// no sound-alike (Mahmoud, Mehdi). When more visitors match than `limit`, the first ones in
    /// that order are returned.
    ///
    /// Limit: the driving word's pass reads at most `searchRowBudget` index rows of each
    /// alternative (`pairedRowBudget` for two words, whose pairs were read whole). What only it
    /// finds can therefore be missed among very common words: two words met in one name word,
    /// a word without consonant (`ay`, `i`) met across scripts, a third word. Any rarer word
    /// typed (a family name, a code, phone digits) makes the search exhaustive again.
    public func searchVisitors(_ query: String, limit: Int) throws -> [Visitor] {
        let parsed = SearchQuery(parsing: query)
        guard !parsed.isEmpty, limit > 0 else { return [] }
        return try writer.read { db in try Self.rankedSearch(db, parsed, limit: limit).map(\.visitor) }
    }

    /// `searchVisitors` inside a read, with each visitor's `SearchRank`, best first.
    ///
    /// Once sound-alikes would be left out of a result holding better matches
    /// (`SearchQuery.dropsSoundAlikes`), the better matches are looked for alone first: a
    /// sound-alike found on the way would take one of the `limit` places and then be dropped
    /// (`zi la` listed 49 of 745 visitors). Sound-alikes are looked for only when nothing
    /// better matches.
    static func rankedSearch(_ db: Database, _ parsed: SearchQuery, limit: Int) throws -> [(visitor: Visitor, rank: Int)] {
        guard !parsed.isEmpty, limit > 0 else { return [] }
        if parsed.dropsSoundAlikes, let better = parsed.withoutSoundAlikeAlternatives {
            let found = try matchingVisitors(db, better, limit: limit)
            if !found.isEmpty { return found }
        }
        return try matchingVisitors(db, parsed, limit: limit)
    }

    /// The passes of `searchVisitors` over the index for one query, ranked.
    private static func matchingVisitors(_ db: Database, _ parsed: SearchQuery, limit: Int) throws -> [(visitor: Visitor, rank: Int)] {
        var found: [Int64] = []
        var rank: [Int64: Int] = [:]
        /// Reads the rows of each alternative in turn, keeping the visitors that match every
        /// token of `checked`; true once `limit` visitors are found.
        func read(_ alternatives: [SearchAlternative], checked: [SearchToken], exhaustive: Bool,
                  rowBudget: Int = Self.searchRowBudget) throws -> Bool {
            // Windows start just over `limit` rows (enough when rows match densely) and grow
            // fourfold up to `searchWindow`. Without other words every row matches, so the
            // reading goes on until `limit`; with them, it stops after `searchRowBudget`
            // rows of each alternative, unless the pass is exhaustive (pair ranges, whose rows
            // nearly all match).
            let budget = checked.isEmpty || exhaustive ? Int.max : rowBudget
            for alt in alternatives {
                // One word with better matches already found: its sound-alikes would be left out.
                if alt.exactRank >= SearchRank.soundAlike, parsed.tokens.count == 1, parsed.dropsSoundAlikes, !found.isEmpty {
                    return true
                }
                var after: WindowKey?
                var read = 0
                var window = limit + 10
                while read < budget {
                    defer { window = min(window * 4, max(Self.searchWindow, limit + 10)) }
                    let rows = try Row.fetchAll(db, Self.matchRequest(alt, others: checked, after: after, window: window))
                    for row in rows {
                        let id: Int64 = row["visitor_id"]
                        let term: String = row["term"]
                        if rank[id] == nil {
                            rank[id] = term == alt.text ? alt.exactRank : alt.prefixRank
                            found.append(id)
                            if found.count == limit { return true }
                        }
                    }
                    read += window
                    guard let end = try Row.fetchOne(db, Self.windowEndRequest(alt, after: after, window: window)) else { break }
                    after = WindowKey(term: end["term"], sortKey: end["sort_key"], visitorId: end["visitor_id"])
                }
            }
            return false
        }

        search: do {
            if parsed.tokens.count >= 2 {
                let (first, second) = (parsed.tokens[0], parsed.tokens[1])
                // "Given-name prefix, space, family-name prefix": one range of prefix pairs
                // (`ma oua` → `ma_oua…`), read whole, every row is nearly a match; then the words
                // swapped (family name typed first: `oua ma` → `ma_oua…` too).
                if try read(Self.pairPrefixAlternatives(first, second), checked: parsed.tokens, exhaustive: true) { break search }
                if try read(Self.pairPrefixAlternatives(second, first), checked: parsed.tokens, exhaustive: true) { break search }
                // The same typed across scripts: ranges of skeleton pairs (`fa ab` → `f_b…` of
                // فاطمة عبد الله), read whole, both ways.
                if try read(Self.skeletonPairAlternatives(first, second, typedInOtherScript: parsed.typedInOtherScript == true), checked: parsed.tokens, exhaustive: true) { break search }
                if try read(Self.skeletonPairAlternatives(second, first, typedInOtherScript: parsed.typedInOtherScript == true), checked: parsed.tokens, exhaustive: true) { break search }
                // Two words typed as they stand in the name: one range over the joined pair.
                if try read(Self.pairAlternatives(first, second), checked: parsed.tokens, exhaustive: false) { break search }
            }
            let driving = try Self.drivingToken(db, parsed)
            let others = parsed.tokens.enumerated().filter { $0.offset != driving }.map(\.element)
            let alternatives = parsed.tokens[driving].alternatives.enumerated()
                .sorted { ($0.element.exactRank, $0.offset) < ($1.element.exactRank, $1.offset) }
                .map(\.element)
            // Two words were read whole as pairs above: what is left for this pass (both words
            // in one name word, a word typed in one script and the other matched in another)
            // is looked for among the first `pairedRowBudget` rows of each alternative.
            _ = try read(alternatives, checked: others, exhaustive: false,
                         rowBudget: parsed.tokens.count == 2 ? Self.pairedRowBudget : Self.searchRowBudget)
        }
        if found.isEmpty { return [] }
        if parsed.tokens.count > 1 {
            rank = try Self.ranks(db, of: found, on: parsed.tokens)
        }
        let order = Dictionary(uniqueKeysWithValues: found.enumerated().map { ($0.element, $0.offset) })
        let records = try VisitorRecord.filter(keys: found).fetchAll(db)
        // Ranks counted in the typed script (a name of another script is a transliteration).
        for r in records {
            guard let id = r.id, let found = rank[id] else { continue }
            rank[id] = parsed.rankInTypedScript(found, givenName: r.givenName, familyName: r.familyName)
        }
        let ranked = records
            .sorted { a, b in
                let (ka, kb) = (a.id ?? 0, b.id ?? 0)
                return (rank[ka] ?? SearchRank.none, order[ka] ?? 0) < (rank[kb] ?? SearchRank.none, order[kb] ?? 0)
            }
            .map { ($0.visitor, rank[$0.id ?? 0] ?? SearchRank.none) }
        return parsed.withoutSoundAlikes(ranked).map { (visitor: $0.0, rank: $0.1) }
    }

    /// A script for the `sqlite3` shell that answers, for each query (numbered from 0), how
    /// many visitors match every word through its word and transliteration terms (sound-alikes
    /// and archived visitors left out), as `N|i|count`, and the first `listing` of them as
    /// `I|i|id`: the benchmark checks the search against it. Not run by the store.
    public static func shellScript(queries: [String], listing: Int) -> String {
        var script = ""
        for (i, q) in queries.enumerated() {
            let matching = shellSQL(matching: q)
            script += "SELECT 'N|\(i)|' || COUNT(*) FROM (\(matching));\n"
            script += "SELECT 'I|\(i)|' || id FROM (\(matching)) LIMIT \(listing);\n"
        }
        return script
    }

    /// The visitors matching every word of `query` through its word and transliteration terms,
    /// as SQL text (see `shellScript`).
    static func shellSQL(matching query: String) -> String {
        func quoted(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "''") + "'" }
        var sql = "SELECT v.id FROM visitor v WHERE NOT v.archived"
        for token in SearchQuery(parsing: query).tokens {
            let alternatives = token.alternatives.filter { $0.exactRank <= SearchRank.transliteration }.map { a in
                a.matchesPrefix
                    ? "(kind = \(a.kind.rawValue) AND term >= \(quoted(a.text)) AND term < \(quoted(a.text)) || char(1114111))"
                    : "(kind = \(a.kind.rawValue) AND term = \(quoted(a.text)))"
            }
            sql += " AND v.id IN (SELECT visitor_id FROM visitor_search_term WHERE \(alternatives.joined(separator: " OR ")))"
        }
        return sql
    }

    /// The joined-pair alternatives of two query words (`aissatou` + `d` → prefix
    /// `aissatoud`), matched against the pairs indexed by `SearchText.nameTerms`.
    static func pairAlternatives(_ first: SearchToken, _ second: SearchToken) -> [SearchAlternative] {
        let firsts = first.alternatives.filter { $0.kind == .word }
        let seconds = second.alternatives.filter { $0.kind == .word }
        return firsts.flatMap { a in
            seconds.map { b in
                SearchAlternative(kind: .word, text: a.text + b.text, matchesPrefix: true,
                                  exactRank: SearchRank.exact, prefixRank: SearchRank.prefix)
            }
        }
    }

    /// The prefix-pair alternatives of two query words (`ma` + `oua` → prefix `ma_oua`), matched
    /// against the `pairPrefix` terms: the first word's first letters (at most
    /// `SearchText.pairPrefixLength`; a longer first word is checked whole on each row), the
    /// second word as typed.
    static func pairPrefixAlternatives(_ first: SearchToken, _ second: SearchToken) -> [SearchAlternative] {
        let firsts = first.alternatives.filter { $0.kind == .word }
        let seconds = second.alternatives.filter { $0.kind == .word }
        var out: [SearchAlternative] = []
        for a in firsts {
            for b in seconds {
                let alt = SearchAlternative(kind: .pairPrefix, text: String(a.text.prefix(SearchText.pairPrefixLength)) + "_" + b.text,
                                            matchesPrefix: true, exactRank: SearchRank.prefix, prefixRank: SearchRank.prefix)
                if !out.contains(alt) { out.append(alt) }
            }
        }
        return out
    }

    /// The skeleton-pair alternatives of two query words (`fa` + `ab` → prefix `f_b`, `f=b` among
    /// `scriptSkeletonPair` terms), matched against the pairs indexed by `SearchText.nameTerms`:
    /// each transliteration alternative of the first word (at most
    /// `SearchText.skeletonPairPrefixLength` consonants; the rest is checked on each row) with
    /// each of the second word of the same kind. Typed in Latin they meet names with a word of
    /// another script; typed in Arabic or Ge'ez, Latin names. A first word without consonant
    /// is looked up by its vowel head (`ay` → `ay~…`, `SearchText.vowelHead`).
    static func skeletonPairAlternatives(_ first: SearchToken, _ second: SearchToken, typedInOtherScript: Bool) -> [SearchAlternative] {
        let length = SearchText.skeletonPairPrefixLength
        var out: [SearchAlternative] = []
        for a in skeletonPairParts(first, typedInOtherScript: typedInOtherScript) {
            // A short skeleton matched whole is one start (`m=`); matched as a prefix, it is that
            // start and every longer one (`m=`, `m_`); a long one is cut (`mh_`, the rest checked).
            let starts = a.text.count > length ? [String(a.text.prefix(length)) + "_"]
                : a.matchesPrefix ? [a.text + "=", a.text + "_"] : [a.text + "="]
            for b in skeletonPairParts(second, typedInOtherScript: typedInOtherScript) where b.kind == a.kind {
                for start in starts {
                    let alt = SearchAlternative(kind: a.kind == .scriptSkeleton ? .scriptSkeletonPair : .skeletonPair,
                                                text: start + b.text, matchesPrefix: b.matchesPrefix,
                                                exactRank: SearchRank.transliteration, prefixRank: SearchRank.transliteration)
                    if !out.contains(alt) { out.append(alt) }
                }
            }
        }
        // A first word without consonant (`ay`) has no skeleton; it meets a name of another script
        // by its letters (`ayman` of إيمان), stored as a vowel head (`ay~l` of إيمان العلوي).
        let heads = first.alternatives.filter { $0.kind == .word && SearchText.skeleton(of: $0.text).isEmpty }
            .compactMap { SearchText.vowelHead($0.text) }
        for head in heads {
            for b in skeletonPairParts(second, typedInOtherScript: typedInOtherScript) where b.kind == .scriptSkeleton {
                let alt = SearchAlternative(kind: .scriptSkeletonPair, text: head + "~" + b.text, matchesPrefix: b.matchesPrefix,
                                            exactRank: SearchRank.transliteration, prefixRank: SearchRank.transliteration)
                if !out.contains(alt) { out.append(alt) }
            }
        }
        return out
    }

    /// The skeletons a query word is looked for by in skeleton pairs: its transliteration
    /// alternatives, and the skeleton of each of its words as a prefix (a word that starts a
    /// name word starts its skeleton too: `z` of الزروالي, met as a word, with `sal` of سلمى,
    /// met as a skeleton), of the same kind.
    private static func skeletonPairParts(_ token: SearchToken, typedInOtherScript: Bool) -> [SearchAlternative] {
        let across = token.alternatives.filter {
            ($0.kind == .skeleton || $0.kind == .scriptSkeleton) && $0.exactRank <= SearchRank.transliteration
        }
        // The skeletons of the other script: typed in Latin, Arabic and Ge'ez names' (`scriptSkeleton`).
        let kind = across.first?.kind ?? (typedInOtherScript ? .skeleton : .scriptSkeleton)
        var parts = across
        for word in token.alternatives where word.kind == .word {
            // Its skeleton; for a word that starts with a vowel met in Arabic or Ge'ez, the vowel
            // form instead (`is` starts إسماعيل, `ismail`, whose vowel form is `asml`: `as…`,
            // not every `s…`). A word without consonant (`ay`, `i`) would read nearly every pair
            // (`a_…`, `mh_a…`): it is left to the driving word's pass.
            let s = SearchText.skeleton(of: word.text)
            let startsWithVowel = word.text.first.map { "aeiou".contains($0) } ?? false
            for text in [kind == .scriptSkeleton && startsWithVowel ? "a" + s : s] where !s.isEmpty {
                let part = SearchAlternative(kind: kind, text: text, matchesPrefix: true,
                                             exactRank: SearchRank.transliteration, prefixRank: SearchRank.transliteration)
                if !parts.contains(part) { parts.append(part) }
            }
        }
        return parts
    }

    /// How many index rows a query word is counted up to when choosing the driving word.
    public static let searchCountLimit = 1_000

    /// The index of the token with the fewest matching index rows; among tokens that reach
    /// `searchCountLimit`, the one whose shortest alternative is longest (`zineb` rather than
    /// `a` in "zineb a").
    static func drivingToken(_ db: Database, _ query: SearchQuery) throws -> Int {
        guard query.tokens.count > 1 else { return 0 }
        var best: (index: Int, key: (Int, Int))?
        for (index, token) in query.tokens.enumerated() {
            var count = 0
            for alt in token.alternatives where count < searchCountLimit {
                let sql: SQL = "SELECT COUNT(*) FROM (SELECT 1 FROM visitor_search_term WHERE \(condition(alt, table: nil)) LIMIT \(searchCountLimit))"
                count += try Int.fetchOne(db, SQLRequest<Int>(literal: sql, cached: true)) ?? 0
            }
            let shortest = token.alternatives.map(\.text.count).min() ?? 0
            let key = (min(count, searchCountLimit), -shortest)
            if let current = best, current.key <= key { continue }
            best = (index, key)
        }
        return best?.index ?? 0
    }

    /// Most index rows of one alternative read per query when other words must also match.
    public static let searchWindow = 500
    /// Index rows of one alternative read at most when other words must also match: bounds a
    /// keystroke's time. Two common words that rarely meet ("mohamed zineb", not typed in name
    /// order) may miss visitors past it; typing more narrows the driving word.
    public static let searchRowBudget = 1_000
    /// `searchRowBudget` for a query of two words, after their pairs were read whole.
    public static let pairedRowBudget = 200

    /// Where a window of index rows ends: the next window starts after it.
    struct WindowKey {
        var term: String
        var sortKey: String
        var visitorId: Int64
    }

    /// The rows of the next window of `window` index rows of one alternative, in primary-key
    /// order after `after`, whose visitor is not archived and matches every token of `others`.
    static func matchRequest(_ alt: SearchAlternative, others: [SearchToken], after: WindowKey?,
                             window: Int) -> SQLRequest<Row> {
        var sql: SQL = """
            SELECT w.visitor_id, w.term, w.sort_key FROM (\(windowSQL(alt, after: after)) LIMIT \(window)) AS w
            JOIN visitor v ON v.id = w.visitor_id
            WHERE v.archived = 0
            """
        for token in others {
            sql += " AND (\(anyAlternativeSQL(token)))"
        }
        sql += " ORDER BY w.term, w.sort_key, w.visitor_id"
        return SQLRequest(literal: sql, cached: true)
    }

    /// Whether `v.search_text` holds a term matching any alternative of `token`, as SQL: one
    /// `instr` per distinct needle (an exact needle is left out when the same text is also
    /// looked for as a prefix, which it implies).
    static func anyAlternativeSQL(_ token: SearchToken) -> SQL {
        var needles: [String] = []
        let prefixes = Set(token.alternatives.filter(\.matchesPrefix).map { SearchTextColumn.needle(kind: $0.kind, text: $0.text, exact: false) })
        for o in token.alternatives {
            let needle = SearchTextColumn.needle(kind: o.kind, text: o.text, exact: !o.matchesPrefix)
            if !o.matchesPrefix, prefixes.contains(SearchTextColumn.needle(kind: o.kind, text: o.text, exact: false)) { continue }
            if !needles.contains(needle) { needles.append(needle) }
        }
        let any: [SQL] = needles.map { "instr(v.search_text, \($0)) > 0" }
        return any.joined(separator: " OR ")
    }

    /// The last row of the window (nil when the alternative's rows end within it).
    static func windowEndRequest(_ alt: SearchAlternative, after: WindowKey?, window: Int) -> SQLRequest<Row> {
        SQLRequest(literal: "\(windowSQL(alt, after: after)) LIMIT 1 OFFSET \(window - 1)", cached: true)
    }

    /// The index rows of an alternative after a key, in primary-key order (a range scan).
    private static func windowSQL(_ alt: SearchAlternative, after: WindowKey?) -> SQL {
        var sql: SQL = "SELECT t.visitor_id, t.term, t.sort_key FROM visitor_search_term t WHERE "
        if let after, alt.matchesPrefix {
            // The key replaces the range's lower bound, so that the scan starts at it.
            sql += "t.kind = \(alt.kind.rawValue) AND (t.term, t.sort_key, t.visitor_id) > (\(after.term), \(after.sortKey), \(after.visitorId))"
            sql += " AND t.term < \(alt.text + "\u{10FFFF}")"
        } else if let after {
            // An exact term: every row of the range holds it, so `term = ?` bounds the scan on
            // both sides and the key continues it. (Written as a three-column row value with
            // `term = ?` beside it, SQLite bounded the scan below only and read to the end of
            // the index: 857 ms per window at 1,000,000 visitors instead of 5 ms.)
            sql += "t.kind = \(alt.kind.rawValue) AND t.term = \(alt.text) AND (t.sort_key, t.visitor_id) > (\(after.sortKey), \(after.visitorId))"
        } else {
            sql += condition(alt, table: "t")
        }
        return sql + " ORDER BY t.term, t.sort_key, t.visitor_id"
    }

    /// The worst rank over `tokens` of each visitor (`SearchRank.none` for a token it does not match).
    static func ranks(_ db: Database, of ids: [Int64], on tokens: [SearchToken]) throws -> [Int64: Int] {
        let sql: SQL = "SELECT v.id, \(rankSQL(tokens)) FROM visitor v WHERE v.id IN \(ids)"
        var result: [Int64: Int] = [:]
        for row in try Row.fetchAll(db, SQLRequest<Row>(literal: sql)) {
            result[row[0]] = row[1]
        }
        return result
    }

    /// The rank of the visitor `v` over `tokens` as an SQL expression: for each token the best
    /// rank among its alternatives found with `instr` in `v.search_text` (`SearchRank.none`
    /// when none is), and the worst over the tokens.
    static func rankSQL(_ tokens: [SearchToken]) -> SQL {
        let columns: [SQL] = tokens.map { token in
            var checks: [(rank: Int, needle: String)] = []
            for alt in token.alternatives {
                checks.append((alt.exactRank, SearchTextColumn.needle(kind: alt.kind, text: alt.text, exact: true)))
                if alt.matchesPrefix {
                    checks.append((alt.prefixRank, SearchTextColumn.needle(kind: alt.kind, text: alt.text, exact: false)))
                }
            }
            let whens: [SQL] = checks.enumerated()
                .sorted { ($0.element.rank, $0.offset) < ($1.element.rank, $1.offset) }
                .map { _, check in "WHEN instr(v.search_text, \(check.needle)) > 0 THEN \(check.rank)" }
            return "CASE \(whens.joined(separator: " ")) ELSE \(SearchRank.none) END"
        }
        return columns.count == 1 ? columns[0] : "MAX(\(columns.joined(separator: ", ")))"
    }

    /// `kind = ? AND term >= ? AND term < ?` (prefix) or `kind = ? AND term = ?` (exact).
    /// The prefix's upper bound appends U+10FFFF, above any character a term can hold.
    static func condition(_ alt: SearchAlternative, table: String?) -> SQL {
        let kind = SQL(sql: table.map { "\($0).kind" } ?? "kind")
        let term = SQL(sql: table.map { "\($0).term" } ?? "term")
        if alt.matchesPrefix {
            return "\(kind) = \(alt.kind.rawValue) AND \(term) >= \(alt.text) AND \(term) < \(alt.text + "\u{10FFFF}")"
        }
        return "\(kind) = \(alt.kind.rawValue) AND \(term) = \(alt.text)"
    }
}
