import Foundation

/// Which counselors suit a visitor, and in what order they are offered: the rule behind the
/// free slots (`SlotFinder`, the booking screen, `frontdesk slots`) and behind the counselor the
/// store chooses when none is named (`CounselorChoice.anyFree`, `BookingRules.chooseCounselor`).
///
/// The rule (issue 11, "Booking that cannot double"):
/// 1. Only active counselors who deliver the service.
/// 2. Unless an interpreter is chosen, counselors who speak one of the visitor's languages
///    ("speakers") come first and the others after; with `LanguagePolicy.require` the others
///    are left out. With an interpreter, languages play no part: the interpreter bridges.
/// 3. Among speakers, one who speaks an earlier (more preferred) of the visitor's languages
///    ranks higher.
/// 4. Then by name, then by id, so the order is stable.
///
/// For free slots, rule 2 is a tier: every slot of a speaker comes before any slot of the
/// others, even a later one (an Arabic-only visitor is first offered an Arabic speaker, not the
/// earliest counselor); rules 3 and 4 order slots that start at the same time.
public struct CounselorRanking: Hashable, Sendable {
    /// Where a suitable counselor stands; smaller is offered first.
    public struct Rank: Comparable, Hashable, Sendable {
        /// 0 for a speaker (or when languages play no part), 1 for the others.
        public var tier: Int
        /// The position in the visitor's languages of the first one the counselor speaks; the
        /// number of languages when none (or when languages play no part: 0).
        public var language: Int

        public init(tier: Int, language: Int) {
            self.tier = tier
            self.language = language
        }

        public static func < (a: Rank, b: Rank) -> Bool { (a.tier, a.language) < (b.tier, b.language) }
    }

    /// The visitor's languages, ISO 639, most preferred first.
    public var languages: [String]
    public var policy: LanguagePolicy
    /// An interpreter's language: when set, languages play no part.
    public var interpreterLanguage: String?

    public init(languages: [String], policy: LanguagePolicy = .rank, interpreterLanguage: String? = nil) {
        self.languages = languages
        self.policy = policy
        self.interpreterLanguage = interpreterLanguage
    }

    /// The ranking a slot query asks for.
    public init(_ query: SlotQuery) {
        self.init(languages: query.languages, policy: query.languagePolicy, interpreterLanguage: query.interpreterLanguage)
    }

    /// True when the visitor's languages order (or filter) counselors: some are given and no
    /// interpreter is chosen.
    public var usesLanguages: Bool { interpreterLanguage == nil && !languages.isEmpty }

    /// The counselor's rank and the language they share with the visitor (the first of the
    /// visitor's they speak; nil when none or when languages play no part). Nil when the
    /// counselor does not suit: `.require` and they speak none of the languages. Activity and
    /// services are not looked at here (`candidates(_:for:preferring:)` does).
    public func rank(of counselor: Counselor) -> (rank: Rank, language: String?)? {
        guard usesLanguages else { return (Rank(tier: 0, language: 0), nil) }
        if let spoken = counselor.firstSpoken(of: languages) { return (Rank(tier: 0, language: spoken.rank), spoken.language) }
        if policy == .require { return nil }
        return (Rank(tier: 1, language: languages.count), nil)
    }

    /// The counselors who suit, best first (rules 1–4); `preferring`, when it suits, goes first
    /// whatever its rank (the counselor of the slot the desk chose).
    public func candidates(_ counselors: [Counselor], for service: Service, preferring: Int64? = nil) -> [Counselor] {
        counselors
            .filter { $0.active && $0.delivers(service.id) }
            .compactMap { c in rank(of: c).map { (counselor: c, rank: $0.rank) } }
            .sorted { a, b in
                let pa = a.counselor.id == preferring ? 0 : 1, pb = b.counselor.id == preferring ? 0 : 1
                return (pa, a.rank.tier, a.rank.language, a.counselor.name, a.counselor.id)
                    < (pb, b.rank.tier, b.rank.language, b.counselor.name, b.counselor.id)
            }
            .map(\.counselor)
    }

    /// The counselors who suit, grouped by tier in order (speakers, then the others; a single
    /// group when languages play no part), each group in input order. Empty groups are left out.
    public func tiers(_ counselors: [Counselor]) -> [[Counselor]] {
        var groups: [Int: [Counselor]] = [:]
        for c in counselors {
            if let r = rank(of: c) { groups[r.rank.tier, default: []].append(c) }
        }
        return groups.keys.sorted().compactMap { groups[$0] }
    }
}
