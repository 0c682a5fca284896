import Foundation
import FrontDeskDomain

/// The people the desk's search puts first (today's queue and appointments, the recently
/// seen), held in memory with their search terms so that a keystroke ranks them without asking
/// SQLite to scan their texts (`instr` over hundreds of rows cost about 5 ms a keystroke at
/// 100,000 visitors).
///
/// A snapshot is valid for one center-local day and one state of the file, named by the last
/// audit event's id: every write FrontDesk makes to visits, appointments and visitors writes an
/// audit event in the same transaction, whichever terminal makes it, so a new event (or a new
/// day) makes the next search read the candidates again, inside its own read transaction.
final class DeskCandidateCache: @unchecked Sendable {
    /// One candidate: who, in which tier, when last seen (UTC ms; 0 for today's), their sort
    /// keys, the scripts of their name, and their terms by kind, each list sorted by UTF-8 bytes.
    struct Candidate {
        var id: Int64
        var tier: DeskSearchTier
        var seen: Int64
        /// For today's: the instants (UTC ms) of their appointments that day and of their arrival
        /// in the queue; empty for the recently seen.
        var todayAt: [Int64]
        var familyKey: String
        var givenKey: String
        /// The scripts the name is written in (`SearchText.scripts(of:)`).
        var scripts: Set<SearchText.Script>
        var terms: [SearchTermKind: [String]]
        /// The terms of the given name's first word and how it starts, made when a keystroke
        /// first needs them (`Lead`): only people the query matches are asked, so the read
        /// after a write does not make them for every candidate.
        var lead: Lead
    }

    /// The terms of a given name's first word alone (`SearchText.leadTerms`, grouped and
    /// sorted like `Candidate.terms`) and how it starts (`SearchText.onset(of:)`), made once,
    /// on first use, whichever thread asks.
    final class Lead: @unchecked Sendable {
        private let givenName: String
        private let lock = NSLock()
        private var made: (terms: [SearchTermKind: [String]], onset: SearchText.Onset?)?

        init(givenName: String) { self.givenName = givenName }

        var value: (terms: [SearchTermKind: [String]], onset: SearchText.Onset?) {
            lock.lock()
            defer { lock.unlock() }
            if let made { return made }
            let new = (DeskCandidateCache.grouped(SearchText.leadTerms(givenName: givenName)), SearchText.onset(of: givenName))
            made = new
            return new
        }
    }

    struct Snapshot {
        /// The center-local day and the last audit event id the snapshot was read at.
        var day: LocalDate
        var lastEvent: Int64
        var candidates: [Candidate]
    }

    private let lock = NSLock()
    private var snapshot: Snapshot?

    /// The snapshot for `day` at `lastEvent`, or nil when it must be read again.
    func current(day: LocalDate, lastEvent: Int64) -> Snapshot? {
        lock.lock()
        defer { lock.unlock() }
        guard let snapshot, snapshot.day == day, snapshot.lastEvent == lastEvent else { return nil }
        return snapshot
    }

    func store(_ new: Snapshot) {
        lock.lock()
        snapshot = new
        lock.unlock()
    }

    /// The terms of a stored `search_text`, grouped by kind and sorted for `rank`. Read as
    /// UTF-8 bytes (the column's separators are ASCII), not as characters: this runs for every
    /// candidate after each write.
    static func terms(of searchText: String) -> [SearchTermKind: [String]] {
        var out: [SearchTermKind: [String]] = [:]
        for part in searchText.utf8.split(separator: UInt8(ascii: " ")) {
            guard part.count > 2, part[part.index(after: part.startIndex)] == UInt8(ascii: ":"),
                  let kind = SearchTextColumn.kind(byte: part[part.startIndex]) else { continue }
            out[kind, default: []].append(String(decoding: part.dropFirst(2), as: UTF8.self))
        }
        for kind in out.keys { out[kind]?.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) } }
        return out
    }

    /// Terms grouped by kind, each list sorted by UTF-8 bytes (for `rank`'s binary search).
    static func grouped<S: Sequence<SearchTerm>>(_ terms: S) -> [SearchTermKind: [String]] {
        var out: [SearchTermKind: [String]] = [:]
        for term in terms { out[term.kind, default: []].append(term.text) }
        for kind in out.keys { out[kind]?.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) } }
        return out
    }

    /// Whether the query's first word meets the candidate's given name's first word at least as
    /// well as the query meets the whole name (`rank`): the person whose name starts with what
    /// was typed. A receptionist types the given name first (issue 12), so among equal matches
    /// these come first (`ahm`: أحمد الحلبي before Khaled Al-Ahmad). The name must also start
    /// like the typed word (`SearchText.startsLike`): `ima` starts إيمان, not أمل, though both
    /// skeletons start `am`; `saw` does not start أسماء, whose skeleton is `sm`.
    /// - Parameters: firstWord: the query's first word alone (`SearchQuery(tokens: [first])`),
    ///   made once per query; typedOnset: the query's `typedOnset`.
    static func startsName(_ candidate: Candidate, firstWord: SearchQuery, typedOnset: SearchText.Onset?, rank: Int) -> Bool {
        let lead = candidate.lead.value
        if let written = lead.onset, let typed = typedOnset,
           !SearchText.startsLike(typed: typed, written: written) { return false }
        return Self.rank(terms: lead.terms, firstWord) <= rank
    }

    /// A candidate's rank for a query: for each word the best rank among its alternatives (an
    /// equal term gives the alternative's exact rank, a longer one its prefix rank), and the
    /// worst over the words; `SearchRank.none` when a word meets nothing. The same ranking as
    /// `AppDatabase.rankSQL` on `search_text`.
    static func rank(_ candidate: Candidate, _ query: SearchQuery) -> Int {
        rank(terms: candidate.terms, query)
    }

    /// `rank(_:_:)` over terms grouped by kind.
    static func rank(terms candidateTerms: [SearchTermKind: [String]], _ query: SearchQuery) -> Int {
        var worst = SearchRank.exact
        for token in query.tokens {
            var best = SearchRank.none
            for alt in token.alternatives where min(alt.exactRank, alt.prefixRank) < best {
                guard let terms = candidateTerms[alt.kind] else { continue }
                // The first term at or after the text, by UTF-8 bytes.
                var low = 0, high = terms.count
                while low < high {
                    let mid = (low + high) / 2
                    if terms[mid].utf8.lexicographicallyPrecedes(alt.text.utf8) { low = mid + 1 } else { high = mid }
                }
                guard low < terms.count else { continue }
                if terms[low] == alt.text {
                    best = min(best, alt.exactRank)
                } else if alt.matchesPrefix, terms[low].utf8.starts(with: alt.text.utf8) {
                    best = min(best, alt.prefixRank)
                }
            }
            worst = max(worst, best)
            if worst == SearchRank.none { break }
        }
        return worst
    }
}
