import Foundation

/// A reference entry prepared for type-ahead search: its codes and folded names.
struct ReferenceSearchKey: Sendable {
    /// Lower case: the main code first, then the other codes (`ti`, `tir`).
    let codes: [String]
    /// Folded by `ReferenceSearch.fold`: English, French, then Arabic (empty when missing).
    let names: [String]
    /// Folded; they rank like names but only the best match of an entry counts.
    let aliases: [String]
    let common: Bool

    init(codes: [String], names: [String], aliases: [String], common: Bool) {
        self.codes = codes.map { $0.lowercased() }
        self.names = names.map(ReferenceSearch.fold)
        self.aliases = aliases.map(ReferenceSearch.fold)
        self.common = common
    }
}

/// Type-ahead completion over country and language names: the one rule of the new-visitor
/// form and of `visitors add`, so that what a receptionist types cannot pick a wrong code.
///
/// Entries are ranked by, in order:
/// 1. **An exact code**: the query is the entry's code or one of its other codes (`ti` and
///    `tir` → Tigrinya; `ma`, `mar` → Morocco; `civ` → Côte d'Ivoire). The app shows codes
///    next to names (`Tigrigna (ti)`), so a code typed back means that entry.
/// 2. **Where the query meets a name** (its best name or alias): the whole name (`soudan`,
///    `congo` as the Republic of the Congo's alias), the start of the name, the start of a later
///    word (`ivoire`), then, from three letters on, inside a word.
/// 3. **A whole word before a word cut short**: the query ends where a word of the name ends.
/// 4. **The center's common entries** (`common` in the shipped files): `mar` → Maroc before
///    Martinique, `tigr` → Tigrinya before Tigre. This only orders equal matches: it never lifts
///    a worse match above a better one, so `congo` gives the Republic of the Congo (whose name is
///    "Congo") before the DRC (reached with `rdc`, `drc`, `kinshasa` or PgDn).
/// 5. **The name the query covers most**: fewer words of the name left over (`soud` → Soudan
///    before Soudan du Sud).
/// 6. How well the entry's other name matches, then the English name.
///
/// Folding (`fold`) ignores case, accents, punctuation and, in Arabic script, vowel marks,
/// tatweel, hamza carriers, the forms of yeh, kaf and teh marbuta, and the article `ال`, so that
/// `سودان` meets `السودان`.
enum ReferenceSearch {
    /// Where the query met a name; lower is better.
    enum Place: Int, Comparable {
        case wholeName = 0, nameStart, wordStart, insideWord

        static func < (a: Place, b: Place) -> Bool { a.rawValue < b.rawValue }
    }

    /// How the query met one name.
    struct NameMatch: Comparable {
        var place: Place
        /// The query ends at the end of a word of the name.
        var endsWord: Bool
        /// Words of the name that the query's words do not account for.
        var extraWords: Int

        static func < (a: NameMatch, b: NameMatch) -> Bool {
            if a.place != b.place { return a.place < b.place }
            if a.endsWord != b.endsWord { return a.endsWord }
            return a.extraWords < b.extraWords
        }
    }

    /// Queries shorter than this match names only at the start of a word (`gn` is not in `Espagne`).
    static let minimumSubstringLength = 3

    /// Indices of the keys matching `query`, best first (see the type's rule), at most `limit`;
    /// none for a blank query.
    static func matches(_ query: String, in keys: [ReferenceSearchKey], limit: Int) -> [Int] {
        let q = fold(query)
        guard !q.isEmpty, limit > 0 else { return [] }
        let queryWords = q.split(separator: " ").count
        let substrings = q.count >= minimumSubstringLength
        let codeQuery = query.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        struct Found {
            var exactCode: Bool
            var best: NameMatch?
            var common: Bool
            var other: Place?
            var name: String
            var index: Int
        }
        var found: [Found] = []
        for (index, key) in keys.enumerated() {
            let match = { (name: String) in Self.match(name, query: q, queryWords: queryWords, substrings: substrings) }
            let nameMatches = key.names.compactMap(match).sorted()
            let best = (nameMatches + key.aliases.compactMap(match)).min()
            let exactCode = key.codes.contains(codeQuery)
            guard exactCode || best != nil else { continue }
            let other = nameMatches.count > 1 ? nameMatches[1].place : nil
            found.append(Found(exactCode: exactCode, best: best, common: key.common, other: other,
                               name: key.names.first ?? "", index: index))
        }
        found.sort { a, b in
            if a.exactCode != b.exactCode { return a.exactCode }
            switch (a.best, b.best) {
            case let (x?, y?):
                if x.place != y.place { return x.place < y.place }
                if x.endsWord != y.endsWord { return x.endsWord }
                if a.common != b.common { return a.common }
                if x.extraWords != y.extraWords { return x.extraWords < y.extraWords }
            case (_?, nil): return true
            case (nil, _?): return false
            case (nil, nil): break
            }
            if a.other != b.other { return (a.other?.rawValue ?? 9) < (b.other?.rawValue ?? 9) }
            if a.name != b.name { return a.name < b.name }
            return a.index < b.index
        }
        return found.prefix(limit).map(\.index)
    }

    /// How a folded query meets a folded name; nil when it does not.
    static func match(_ name: String, query: String, queryWords: Int, substrings: Bool) -> NameMatch? {
        guard !name.isEmpty else { return nil }
        let extra = max(0, name.split(separator: " ").count - queryWords)
        if name == query { return NameMatch(place: .wholeName, endsWord: true, extraWords: extra) }
        func endsWord(_ range: Range<String.Index>) -> Bool {
            range.upperBound == name.endIndex || name[range.upperBound] == " "
        }
        if name.hasPrefix(query) {
            let range = name.startIndex..<name.index(name.startIndex, offsetBy: query.count)
            return NameMatch(place: .nameStart, endsWord: endsWord(range), extraWords: extra)
        }
        // The best later word start: one where the query ends a word, if any.
        var best: NameMatch?
        var searchFrom = name.startIndex
        while let r = name.range(of: " " + query, range: searchFrom..<name.endIndex) {
            let m = NameMatch(place: .wordStart, endsWord: endsWord(r), extraWords: extra)
            if best.map({ m < $0 }) ?? true { best = m }
            searchFrom = name.index(after: r.lowerBound)
        }
        if let best { return best }
        if substrings, let r = name.range(of: query) {
            return NameMatch(place: .insideWord, endsWord: endsWord(r), extraWords: extra)
        }
        return nil
    }

    /// Lower case without accents, with every run of spaces and punctuation (hyphens,
    /// apostrophes, parentheses, commas) as one space, trimmed: `Côte d'Ivoire` → `cote d ivoire`.
    ///
    /// Arabic script is folded as people type it on any keyboard: vowel marks (ḥarakāt, shadda,
    /// superscript alef) and tatweel are dropped; hamza carriers `أ إ آ ٱ` are `ا`, `ؤ` is `و`,
    /// `ئ ى ی` are `ي`, `ک` is `ك`, and teh marbuta `ة` is `ه`; a word's article `ال` is
    /// dropped when letters follow it (`السودان` → `سودان`, `الس` → `س`).
    static func fold(_ text: String) -> String {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        func endWord() {
            guard !current.isEmpty else { return }
            words.append(withoutArabicArticle(String(current)))
            current = String.UnicodeScalarView()
        }
        for scalar in text.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            let properties = scalar.properties
            if properties.generalCategory == .nonspacingMark || scalar.value == 0x0640 { continue } // marks, tatweel
            guard properties.isAlphabetic || properties.numericType != nil else {
                endWord()
                continue
            }
            switch scalar {
            case "œ": current.append(contentsOf: "oe".unicodeScalars)
            case "æ": current.append(contentsOf: "ae".unicodeScalars)
            case "ß": current.append(contentsOf: "ss".unicodeScalars)
            case "ø": current.append("o")
            case "ł": current.append("l")
            case "đ": current.append("d")
            case "\u{0671}": current.append("\u{0627}") // alef wasla → alef
            case "\u{0649}", "\u{06CC}": current.append("\u{064A}") // alef maksura, Persian yeh → yeh
            case "\u{06A9}": current.append("\u{0643}") // keheh → kaf
            case "\u{0629}", "\u{06C1}", "\u{06D5}": current.append("\u{0647}") // teh marbuta, heh forms → heh
            default: current.append(scalar)
            }
        }
        endWord()
        return words.joined(separator: " ")
    }

    /// An Arabic word without its article `ال` when letters follow it.
    private static func withoutArabicArticle(_ word: String) -> String {
        let scalars = word.unicodeScalars
        guard scalars.count > 2, scalars.first == "\u{0627}", scalars.dropFirst().first == "\u{0644}" else { return word }
        return String(String.UnicodeScalarView(scalars.dropFirst(2)))
    }
}
