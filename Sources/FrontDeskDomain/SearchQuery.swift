/// How well a visitor matched a query: lower is better. The tiers of the desk's ranking by name
/// (issue 12): the typed script exactly, then transliteration across scripts, then sound-alikes.
public enum SearchRank {
    /// A query word equal to a name word, or an exact code.
    public static let exact = 0
    /// A query word that starts a name word; a code prefix; phone digits.
    public static let prefix = 1
    /// A query word that meets a name word written in another script through the consonant
    /// skeleton: a transliteration (`moh` → محمد, `محمد` → Mohamed).
    public static let transliteration = 2
    /// A Latin word being typed whose only consonant is its first letter (`sou`, `you`) meeting
    /// a name of another script that starts with that consonant (سفيان, يوسف): a transliteration
    /// too, but a weak one, after those that share more consonants.
    public static let transliterationByOnset = 3
    /// A query word that meets a name word of its own script only through the consonant
    /// skeleton: a sound-alike (`mohamed` → Mahmoud). Left out of a result once three letters
    /// are typed and better matches exist (`SearchQuery.dropsSoundAlikes`).
    public static let soundAlike = 4
    /// A word that meets nothing.
    public static let none = 9
}

/// One way a query token can match an index term.
public struct SearchAlternative: Hashable, Sendable {
    public var kind: SearchTermKind
    /// Folded text to compare with terms of `kind`.
    public var text: String
    /// Whether terms that merely start with `text` match (else only equal terms).
    public var matchesPrefix: Bool
    /// Rank when a term equals `text`.
    public var exactRank: Int
    /// Rank when a term only starts with `text` (used when `matchesPrefix`).
    public var prefixRank: Int

    public init(kind: SearchTermKind, text: String, matchesPrefix: Bool, exactRank: Int, prefixRank: Int) {
        self.kind = kind
        self.text = text
        self.matchesPrefix = matchesPrefix
        self.exactRank = exactRank
        self.prefixRank = prefixRank
    }
}

/// One typed word: a visitor matches it when any alternative matches any of their terms.
public struct SearchToken: Hashable, Sendable {
    public var alternatives: [SearchAlternative]

    public init(alternatives: [SearchAlternative]) {
        self.alternatives = alternatives
    }
}

/// A typed search, parsed into tokens that every matching visitor satisfies (AND).
///
/// - `V-2026-00042`, `v2026-42`, `2026-00042`, `2026-0004` (while typing): a code (prefix);
///   without the `V`, the year must look like one (`20YY`), else it is read as phone digits.
/// - Digits with spaces, `+ - . ( )`: phone digits (3 or more: contained in the number; a whole
///   number in any form, `06 10 02 03 04` or `00212 6…`, as its international digits) and code
///   numbers (`00042` and `42` both find `V-2026-00042`; `0004` finds 00040…00049).
/// - Digits may be typed in Arabic-Indic or Extended Arabic-Indic forms (`٢٠٢٦-٠٠٢٠٣`).
/// - Anything else: name words, each matched as a prefix of a folded name word or, failing
///   that, by consonant skeleton (see `SearchText`); a word of digits inside such a query is a
///   phone or code-number token.
public struct SearchQuery: Hashable, Sendable {
    public var tokens: [SearchToken]

    public init(tokens: [SearchToken], letterCount: Int = 0, typedInOtherScript: Bool? = nil) {
        self.tokens = tokens
        self.letterCount = letterCount
        self.typedInOtherScript = typedInOtherScript
    }

    /// Parses what was typed; an empty or blank query has no tokens (and matches nothing).
    /// Characters of a query that are read; the rest of a longer paste is ignored.
    public static let maxLength = 200

    public init(parsing text: String) {
        self.init(parsingTokens: text)
        let typed = String(text.prefix(Self.maxLength))
        letterCount = typed.unicodeScalars.filter { $0.properties.isAlphabetic }.count
        let scripts = SearchText.scripts(of: typed)
        typedInOtherScript = scripts.count == 1 ? scripts.first == .other : nil
        typedOnset = SearchText.onset(of: typed)
    }

    /// How the first typed word starts (`SearchText.onset(of:)`); nil without letters.
    public var typedOnset: SearchText.Onset?

    private init(parsingTokens text: String) {
        // Digits in any script (Arabic-Indic `٢٠٢٦`, Extended `۲۰۲۶`) are read as ASCII digits.
        let typed = String(text.prefix(Self.maxLength)).trimmingCharacters(in: .whitespacesAndNewlines)
        let t = PhoneNumber.normalized(typed).lowercased()
        if t.isEmpty {
            self.init(tokens: [])
        } else if let code = Self.codeToken(t) {
            self.init(tokens: [code])
        } else if t.unicodeScalars.contains(where: { $0.properties.numericType == .decimal }),
                  t.unicodeScalars.allSatisfy({ $0.properties.numericType == .decimal || " +-.()".unicodeScalars.contains($0) }) {
            let token = Self.digitsToken(PhoneNumber.queryDigits(t), phoneDigits: PhoneNumber.phoneQueryDigits(t))
            self.init(tokens: token.map { [$0] } ?? [])
        } else {
            var tokens: [SearchToken] = []
            for position in SearchText.positions(t).flatMap({ $0.split() }) {
                let variants = position.variants
                if variants.count == 1, let w = variants.first, w.unicodeScalars.allSatisfy({ $0.properties.numericType == .decimal }) {
                    if let token = Self.digitsToken(PhoneNumber.digits(w)) { tokens.append(token) }
                    continue
                }
                var alternatives: [SearchAlternative] = []
                // Skeletons of the other script are transliterations; of the typed one, sound-alikes.
                let across = SearchTermKind.skeleton(transliterated: !position.transliterated)
                let within = SearchTermKind.skeleton(transliterated: position.transliterated)
                for v in variants {
                    alternatives.append(SearchAlternative(kind: .word, text: v, matchesPrefix: true,
                                                          exactRank: SearchRank.exact, prefixRank: SearchRank.prefix))
                    for s in SearchText.skeletons(of: v) {
                        // Latin typed for another script: a word that starts with its only
                        // consonant (`sou`, `you`, `hou`) may be the start of any name that
                        // starts with it there (سفيان, يوسف, هدى: Arabic writes no short vowel).
                        let onlyOnset = !position.transliterated && s.count == 1 && SearchText.skeleton(of: v).count == 1
                            && v.count >= 2 && v.unicodeScalars.first == s.unicodeScalars.first
                        if onlyOnset {
                            alternatives.append(SearchAlternative(kind: across, text: s, matchesPrefix: true,
                                                                  exactRank: SearchRank.transliteration, prefixRank: SearchRank.transliterationByOnset))
                        }
                        let prefix = Self.skeletonMatchesPrefix(s, of: v)
                        alternatives.append(SearchAlternative(kind: across, text: s, matchesPrefix: prefix,
                                                              exactRank: SearchRank.transliteration, prefixRank: SearchRank.transliteration))
                        alternatives.append(SearchAlternative(kind: within, text: s, matchesPrefix: prefix,
                                                              exactRank: SearchRank.soundAlike, prefixRank: SearchRank.soundAlike))
                    }
                    // A word being typed that ends in `c` may be the start of `ch` (ش): `rac` is
                    // also the start of the skeleton `rsh` (Rachid, رشيد), not only of `rk`.
                    if !position.transliterated, v.count >= 2, v.hasSuffix("c"), let s = SearchText.skeletons(of: v + "h").last, s.count >= 2 {
                        alternatives.append(SearchAlternative(kind: across, text: s, matchesPrefix: true,
                                                              exactRank: SearchRank.transliteration, prefixRank: SearchRank.transliteration))
                    }
                    // Latin typed for a name in another script that starts with a vowel (`ada` → آدم).
                    if !position.transliterated, let s = SearchText.vowelSkeleton(of: v) {
                        alternatives.append(SearchAlternative(kind: .scriptSkeleton, text: s, matchesPrefix: Self.skeletonMatchesPrefix(s, of: v),
                                                              exactRank: SearchRank.transliteration, prefixRank: SearchRank.transliteration))
                    }
                }
                tokens.append(SearchToken(alternatives: Self.unique(alternatives)))
            }
            self.init(tokens: tokens)
        }
    }

    /// Whether a word's skeleton also finds names whose skeleton starts with it (a word still
    /// being typed: `moh` → `mh` finds محمد), or only names with that very skeleton. Prefixes
    /// need at least two consonants that keep half the typed letters or more: a whole name with
    /// few consonants (`aissatou` → `st`) would otherwise bring every `st…` name (Estelle,
    /// Assitan) after the real matches; whole, it still finds Astou.
    static func skeletonMatchesPrefix(_ skeleton: String, of word: String) -> Bool {
        let letters = word.unicodeScalars.filter { $0.properties.isAlphabetic }.count
        return skeleton.count >= 2 && skeleton.count * 2 >= letters
    }

    /// Whether the query can match nothing (no tokens).
    public var isEmpty: Bool { tokens.isEmpty }

    /// Whether the query's words were typed in another script than Latin (Arabic, Ge'ez): true
    /// or false when all its words are of one kind, nil for a mixed query or one without words.
    public var typedInOtherScript: Bool?

    /// The rank of a match counted in the typed script: typed in Arabic or Ge'ez, a name with no
    /// word in such a script meets the query only by chance of the folding (`عما` folds to `ma`,
    /// ʿayn and the long vowel lost, and starts Latin "Mariam"), so an exact or prefix match of
    /// it ranks as a weak transliteration (`SearchRank.transliterationByOnset`). Typed in Latin,
    /// ranks are kept: a folded Arabic name is its transliteration spelled out (`ahm` → أحمد).
    /// - Parameters: rank: the rank found in the index; givenName, familyName: the visitor's names.
    public func rankInTypedScript(_ rank: Int, givenName: String, familyName: String) -> Int {
        guard rank < SearchRank.transliteration, typedInOtherScript == true else { return rank }
        return rankInTypedScript(rank, nameScripts: SearchText.scripts(of: givenName + " " + familyName))
    }

    /// `rankInTypedScript(_:givenName:familyName:)` with the name's scripts already known
    /// (`SearchText.scripts(of:)`).
    public func rankInTypedScript(_ rank: Int, nameScripts scripts: Set<SearchText.Script>) -> Int {
        // Typed in Latin, a name of another script matched by its letters keeps its rank: the
        // letters are its transliteration spelled out (`ahm` → أحمد, `ahmd`).
        guard rank < SearchRank.transliteration, typedInOtherScript == true else { return rank }
        return scripts.contains(.other) || scripts.isEmpty ? rank : SearchRank.transliterationByOnset
    }

    /// Letters typed before sound-alikes are left out of a result that has better matches.
    public static let soundAlikeLetters = 3

    /// Whether sound-alike matches (`SearchRank.soundAlike`) are left out of a result holding
    /// better ones: once `soundAlikeLetters` letters are typed (`ais` no longer lists "Che",
    /// whose skeleton `s` it shares, when Aïssatou matches). Fewer letters keep them: `mo`
    /// may be the start of any spelling.
    public var dropsSoundAlikes: Bool { letterCount >= Self.soundAlikeLetters }

    /// The query without its sound-alike alternatives (`SearchRank.soundAlike`), to look for
    /// the better matches alone; nil when a word would be left with none (it meets names only
    /// as a sound-alike).
    public var withoutSoundAlikeAlternatives: SearchQuery? {
        var copy = self
        copy.tokens = tokens.map { SearchToken(alternatives: $0.alternatives.filter { $0.exactRank < SearchRank.soundAlike }) }
        return copy.tokens.contains(where: { $0.alternatives.isEmpty }) ? nil : copy
    }

    /// Letters typed (alphabetic scalars; digits and spaces not counted).
    public var letterCount: Int

    /// Leaves out sound-alikes when `dropsSoundAlikes` and some rank is better.
    /// - Parameter ranked: visitors (or anything) with their `SearchRank`, best first or not.
    public func withoutSoundAlikes<T>(_ ranked: [(T, Int)]) -> [(T, Int)] {
        guard dropsSoundAlikes, ranked.contains(where: { $0.1 < SearchRank.soundAlike }) else { return ranked }
        return ranked.filter { $0.1 < SearchRank.soundAlike }
    }

    /// `v`, `v-`, then `YYYY-` and digits: a code or the start of one.
    private static func codeToken(_ t: String) -> SearchToken? {
        var rest = Substring(t)
        var hadLetter = false
        if rest.first == "v" {
            hadLetter = true
            rest = rest.dropFirst()
            if rest.first == "-" || rest.first == " " { rest = rest.dropFirst() }
        }
        let isDigit: (Character) -> Bool = { $0.isASCII && $0.isNumber }
        let year = rest.prefix(while: isDigit)
        let afterYear = rest.dropFirst(year.count)
        if hadLetter, !rest.isEmpty, afterYear.isEmpty, year.count <= 4 {
            // `v2026` or `v-20`: the start of a code.
            return SearchToken(alternatives: [SearchAlternative(kind: .code, text: String(year), matchesPrefix: true,
                                                                exactRank: SearchRank.prefix, prefixRank: SearchRank.prefix)])
        }
        guard year.count == 4, year.hasPrefix("20"), afterYear.first == "-" else { return nil }
        let number = afterYear.dropFirst()
        guard number.allSatisfy(isDigit) else { return nil }
        let typed = "\(year)-\(number)"
        var alternatives = [SearchAlternative(kind: .code, text: typed, matchesPrefix: true,
                                              exactRank: SearchRank.exact, prefixRank: SearchRank.prefix)]
        if let n = Int(number), n > 0, number.count < 5 {
            alternatives.append(SearchAlternative(kind: .code, text: VisitorCode(year: Int(year) ?? 0, number: n).searchForm,
                                                  matchesPrefix: false, exactRank: SearchRank.exact, prefixRank: SearchRank.exact))
        }
        return SearchToken(alternatives: alternatives)
    }

    /// Digits typed alone or as a word: code numbers, and phone digits from 3 digits on.
    /// `phoneDigits`, when given, are also looked for among phones: a whole number in its
    /// international form (`0610020304` → `212610020304`), while the digits as typed still find
    /// the numbers that contain them.
    private static func digitsToken(_ digits: String, phoneDigits: String? = nil) -> SearchToken? {
        if digits.isEmpty { return nil }
        var alternatives = [SearchAlternative(kind: .code, text: digits, matchesPrefix: true,
                                              exactRank: SearchRank.exact, prefixRank: SearchRank.prefix)]
        if digits.count < 5, let n = Int(digits), n > 0 {
            alternatives.append(SearchAlternative(kind: .code, text: VisitorCode(year: 0, number: n).numberForm,
                                                  matchesPrefix: false, exactRank: SearchRank.exact, prefixRank: SearchRank.exact))
        }
        for phone in [phoneDigits ?? digits, digits] where phone.count >= PhoneNumber.minimumSearchDigits {
            alternatives.append(SearchAlternative(kind: .phone, text: phone, matchesPrefix: true,
                                                  exactRank: SearchRank.prefix, prefixRank: SearchRank.prefix))
        }
        return SearchToken(alternatives: unique(alternatives))
    }

    private static func unique(_ alternatives: [SearchAlternative]) -> [SearchAlternative] {
        var seen: Set<SearchAlternative> = []
        return alternatives.filter { seen.insert($0).inserted }
    }
}

extension VisitorCode {
    /// The number part as searched, five digits or more: `00042`.
    public var numberForm: String {
        let digits = String(number)
        return digits.count >= 5 ? digits : String(repeating: "0", count: 5 - digits.count) + digits
    }

    /// The code without its letter, as searched: `2026-00042`.
    public var searchForm: String { "\(year)-\(numberForm)" }
}
