import Foundation

/// A reference entry prepared for type-ahead search: its code and folded names.
struct ReferenceSearchKey: Sendable {
    /// Lower case.
    let code: String
    /// Folded by `ReferenceSearch.fold`: English first, then French.
    let names: [String]
    /// Folded; they rank like names but only the best match of an entry counts.
    let aliases: [String]
    let common: Bool

    init(code: String, names: [String], aliases: [String], common: Bool) {
        self.code = code.lowercased()
        self.names = names.map(ReferenceSearch.fold)
        self.aliases = aliases.map(ReferenceSearch.fold)
        self.common = common
    }
}

/// Type-ahead matching over country and language names.
enum ReferenceSearch {
    /// How well a name matched; lower is better.
    private enum Rank: Int, Comparable {
        case exactName = 0, namePrefix, exactCode, wordPrefix, substring, none

        static func < (a: Rank, b: Rank) -> Bool { a.rawValue < b.rawValue }
    }

    /// Queries shorter than this match names only at the start of a word (`gn` is not in `Espagne`).
    static let minimumSubstringLength = 3

    /// Indices of the keys matching `query`, best first, at most `limit`; none for a blank query.
    static func matches(_ query: String, in keys: [ReferenceSearchKey], limit: Int) -> [Int] {
        let q = fold(query)
        guard !q.isEmpty, limit > 0 else { return [] }
        let spacedQuery = " " + q
        let substrings = q.count >= minimumSubstringLength
        var found: [(best: Rank, other: Rank, common: Bool, name: String, index: Int)] = []
        for (index, key) in keys.enumerated() {
            let r = { rank(of: $0, query: q, spacedQuery: spacedQuery, substrings: substrings) }
            let nameRanks = key.names.map(r).sorted()
            let aliasRank = key.aliases.map(r).min() ?? .none
            let codeRank: Rank = key.code == q ? .exactCode : .none
            let best = min(nameRanks.first ?? .none, aliasRank, codeRank)
            guard best != .none else { continue }
            let other = nameRanks.count > 1 ? nameRanks[1] : .none
            found.append((best, other, key.common, key.names.first ?? "", index))
        }
        found.sort { a, b in
            if a.best != b.best { return a.best < b.best }
            if a.other != b.other { return a.other < b.other }
            if a.common != b.common { return a.common }
            if a.name != b.name { return a.name < b.name }
            return a.index < b.index
        }
        return found.prefix(limit).map(\.index)
    }

    private static func rank(of name: String, query: String, spacedQuery: String, substrings: Bool) -> Rank {
        if name == query { return .exactName }
        if name.hasPrefix(query) { return .namePrefix }
        if name.contains(spacedQuery) { return .wordPrefix }
        if substrings, name.contains(query) { return .substring }
        return .none
    }

    /// Lower case without accents, with every run of spaces and punctuation (hyphens,
    /// apostrophes, parentheses, commas) as one space, trimmed: `Côte d'Ivoire` → `cote d ivoire`.
    static func fold(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            let properties = scalar.properties
            if properties.generalCategory == .nonspacingMark { continue }
            guard properties.isAlphabetic || properties.numericType != nil else {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace {
                out.append(" ")
                pendingSpace = false
            }
            switch scalar {
            case "œ": out.append(contentsOf: "oe".unicodeScalars)
            case "æ": out.append(contentsOf: "ae".unicodeScalars)
            case "ß": out.append(contentsOf: "ss".unicodeScalars)
            case "ø": out.append("o")
            case "ł": out.append("l")
            case "đ": out.append("d")
            default: out.append(scalar)
            }
        }
        return String(out)
    }
}
