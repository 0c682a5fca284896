import Foundation

/// What an index term of a visitor stands for.
public enum SearchTermKind: Int, Sendable, CaseIterable, Codable {
    /// A folded name word (`aissatou`, `diallo`, `ywsf`), or two adjacent words joined (`diallondiaye`).
    case word = 0
    /// The consonant skeleton of a word written in Latin script (`mhmd` of Mohamed): where a Latin
    /// query meets a sound-alike, and an Arabic or Ge'ez query meets its transliteration.
    case skeleton = 1
    /// A run of the phone number's digits (every suffix of 3 digits or more).
    case phone = 2
    /// The public code, as `2026-00042` and as `00042`.
    case code = 3
    /// The first one to `SearchText.pairPrefixLength` letters of a name word, `_`, and a later
    /// word whole (`moh_adam`, `ma_ouattara`): "given-name prefix, space, family-name prefix", as
    /// a receptionist types, answered by one index range instead of two large ones intersected.
    case pairPrefix = 5
    /// The consonant skeleton of a word written in another script (Arabic, Ge'ez: `mhmd` of
    /// محمد): where a Latin query meets its transliteration (`moh` → محمد). Kept apart from
    /// `skeleton` so that a search can rank a spelling across scripts before a sound-alike in the
    /// typed script (Mahmoud for `mohamed`).
    case scriptSkeleton = 4
    /// Two words of a Latin name at the skeleton level: the first one or two consonants of a
    /// word's skeleton, `_` (or `=` when they are the whole skeleton), and a later word's
    /// skeleton (`s_bzd` and `sm_bzd` of Samira Bouzid, `l=bzd` of Ali Bouzid):
    /// where two words typed in Arabic or Ge'ez meet a Latin name (`سم بوز`) in one index range.
    case skeletonPair = 6
    /// The same for a name with a word in another script (`f_bdlh` of فاطمة عبد الله): where
    /// two Latin words meet it as a transliteration (`fa ab`), in one index range. Also a first
    /// word's two letters without consonant, `~`, a later skeleton (`ay~l` of إيمان العلوي).
    case scriptSkeletonPair = 7

    /// The skeleton kind of a word: `scriptSkeleton` when it was written in a non-Latin script.
    public static func skeleton(transliterated: Bool) -> SearchTermKind {
        transliterated ? .scriptSkeleton : .skeleton
    }
}

/// A visitor's name terms and sort keys (`SearchText.sortKey` of each name).
public struct NameIndex: Hashable, Sendable {
    public var terms: Set<SearchTerm>
    public var givenKey: String
    public var familyKey: String
}

/// One index term: searched by prefix, so terms are stored already folded.
public struct SearchTerm: Hashable, Sendable {
    public var kind: SearchTermKind
    public var text: String

    public init(_ kind: SearchTermKind, _ text: String) {
        self.kind = kind
        self.text = text
    }
}

/// Folding of names for search: the same function runs on stored names (at write time) and on
/// what the receptionist types, so both meet in one space of keys.
///
/// **Folding** (`words`): text is cut into words at anything that is not a letter or a digit
/// (spaces, hyphens, apostrophes, punctuation); each word in a non-Latin script is transliterated
/// to Latin with ICU (`محمد` → `mḥmd`, `ሳምራዊት` → `sāmǝrāwit`), then case, accents and width are
/// folded (`mhmd`, `samrawit`). Leftovers that folding keeps are mapped by hand (`ł`→`l`, `ø`→`o`,
/// `æ`→`ae`, `ɛ`→`e`, `ɔ`→`o`, `ŋ`→`n`, hooked `ɓ ɗ ƙ ƴ`), the Ge'ez sixth-order vowel `ǝ` and the
/// transliteration marks `ʿ ʾ ʻ` are dropped, and the Arabic ta marbuta (`ة`, `ẗ`) becomes `a`, as
/// Latin spellings write it (Fatima, Khadija).
///
/// **Arabic article**: an Arabic word starting with `ال` is also indexed without it, and `al` and
/// `el` are indexed on their own (without skeleton), so `المهاجر` is found by `mouhajir` and by
/// `el mouhajir`.
///
/// **Joined pairs**: two adjacent words of the full name (given then family) are also indexed
/// joined (`diallondiaye`, `abdallah` from `عبد الله`, `aissatoudiallo`), so a name written in
/// one or two words is found either way, and a two-word query can be answered by one range.
///
/// **Skeleton** (`skeleton(of:)`): Arabic script writes few vowels, so a Latin query is also matched
/// on consonants only. Skeletons of words written in Arabic or Ge'ez script are stored as
/// `scriptSkeleton`, those of Latin words as `skeleton`: across scripts a shared skeleton is how a
/// name is transliterated (`moh` → محمد), within one script it only makes a sound-alike
/// (Mahmoud for `mohamed`), and a search ranks the first before the second. On a folded word: a leading `ou` before a vowel is `w` (Ouafae = وفاء);
/// `ch`→`sh`, `ck`→`k`, `c` before `e i y` → `s`, other `c`→`k`, `ph`→`f`, `dj`→`j`, `q`→`k`;
/// then the vowels `a e i o u` are dropped, and so are `y` and `w` except as the first letter
/// (they write Arabic long vowels: يوسف `ywsf` and Youssef both give `ysf`); then repeated letters
/// collapse (`mhmmd`→`mhmd`; repeated digits stay). `h` is kept (محمد and Mohamed meet at `mhmd`); a final `h` is
/// dropped in a second variant, so Sarah meets سارة (`sr`) and Abdallah meets عبد الله (`bdlh`, `bdl`).
///
/// Known limits: the skeleton also joins names that differ only in vowels (Mohamed and Mahmoud
/// are both `mhmd`), so skeleton matches rank after direct matches; Egyptian `g` for ج (Gamal,
/// جمال `jml`) and French `k`/`c` for ق (Kacem works, Caid does not meet قائد) are not bridged;
/// a query word whose skeleton has one letter (`ali`, علي → `l`) matches only that exact skeleton.
public enum SearchText {
    // MARK: Folding

    /// The folded words of a text, in order (`"Aïssatou Diallo-Ndiaye"` → `["aissatou", "diallo", "ndiaye"]`).
    public static func words(_ text: String) -> [String] {
        positions(text).flatMap { $0.words }
    }

    /// The folded words joined by single spaces: a sort key for names (`"Traoré"` → `"traore"`).
    public static func sortKey(_ text: String) -> String {
        words(text).joined(separator: " ")
    }

    // MARK: Index terms

    /// Every term under which a visitor's names are found: folded words (with Arabic-article
    /// variants), adjacent pairs joined (also across given and family name), and the skeletons
    /// of all of them.
    public static func nameTerms(givenName: String, familyName: String) -> Set<SearchTerm> {
        nameIndex(givenName: givenName, familyName: familyName).terms
    }

    /// The name terms and the sort keys of a visitor, folding each name once.
    public static func nameIndex(givenName: String, familyName: String) -> NameIndex {
        let given = positions(givenName)
        let family = positions(familyName)
        // Each word with whether it was written in another script than Latin (its skeleton is
        // then a `scriptSkeleton`); a pair is in another script when either word is.
        var words: [String: Bool] = [:]
        // The Arabic article as a word of its own, `al` and `el` (`el mouhajir`), without a skeleton: its `l`
        // would make every name with that skeleton (Ali, Leila) a transliteration.
        var article = false
        func add(_ word: String, _ transliterated: Bool) {
            words[word] = (words[word] ?? false) || transliterated
        }
        // Given then family name, as a receptionist types them: the pair across the two fields
        // (`aissatoudiallo`) lets "aissatou d" be answered by one index range.
        let all = (given + family).flatMap { $0.split() }
        for (i, p) in all.enumerated() {
            for v in p.variants { add(v, p.transliterated) }
            if p.hasArticle { article = true }
            if i + 1 < all.count {
                for second in all[i + 1].variants {
                    add(p.variants[0] + second, p.transliterated || all[i + 1].transliterated)
                }
            }
        }
        var terms: Set<SearchTerm> = []
        // Prefix pairs: each word with each later one (`fatima zahra bennani`: `fat_bennani`),
        // every variant of the second, which is also joined with the word after it
        // (`fa_elamrani`: "el amrani" typed as one word). A query typed the other way round
        // (family name first) looks them up with its words swapped.
        let paired = all.indices.prefix(pairedWords)
        let pairs = paired.flatMap { i in paired.dropFirst(i + 1).map { (i, $0) } }
        for (i, j) in pairs {
            guard let head = all[i].variants.first else { continue }
            let seconds = all[j].variants + (j + 1 < all.count ? all[j + 1].variants.map { all[j].variants[0] + $0 } : [])
            for k in 1...min(pairPrefixLength, head.count) {
                for second in seconds { terms.insert(SearchTerm(.pairPrefix, String(head.prefix(k)) + "_" + second)) }
            }
        }
        // The same pairs at the skeleton level (a Latin pair as `skeletonPair`, one with a word of
        // another script as `scriptSkeletonPair`): two words typed across scripts. The first
        // skeleton's start is followed by `_`, or by `=` when it is the whole skeleton (`m=l`):
        // a query word whose skeleton matches only whole (`im` → `m`) reads only those. The later
        // word is also joined with the one after it, as in the prefix pairs (`al halabi` → `lhlb`,
        // the skeleton of `alhalabi`: `عب لحل` meets Bassel Al-Halabi). A first word met in
        // another script whose first two letters hold no consonant (`ayman` of إيمان) is also
        // stored under those letters, `~`, the later skeleton (`ay~l`): typed in Latin, `ay` has
        // no skeleton to look it up by (`ay ol` → إيمان العلوي).
        for (i, j) in pairs {
            let (a, b) = (all[i], all[j])
            let kind: SearchTermKind = a.transliterated || b.transliterated ? .scriptSkeletonPair : .skeletonPair
            var seconds = skeletonForms(b)
            if j + 1 < all.count, let joined = b.variants.first {
                for next in all[j + 1].variants {
                    for s in skeletons(of: joined + next) where !s.isEmpty && !seconds.contains(s) { seconds.append(s) }
                }
            }
            for head in skeletonForms(a) {
                for k in 1...min(skeletonPairPrefixLength, head.count) {
                    let start = String(head.prefix(k)) + (k == head.count ? "=" : "_")
                    for second in seconds { terms.insert(SearchTerm(kind, start + second)) }
                }
            }
            if kind == .scriptSkeletonPair {
                for head in a.variants.compactMap(vowelHead) {
                    for second in seconds { terms.insert(SearchTerm(kind, head + "~" + second)) }
                }
            }
        }
        if article {
            for a in ["al", "el"] where words[a] == nil { terms.insert(SearchTerm(.word, a)) }
        }
        for (w, transliterated) in words {
            terms.insert(SearchTerm(.word, w))
            for s in skeletons(of: w) { terms.insert(SearchTerm(.skeleton(transliterated: transliterated), s)) }
        }
        // A word of another script that starts with a vowel (آدم `adm`, إبراهيم `ibrahym`) is also
        // found by its skeleton with that vowel (`adm`, `abrhm`): `ada` and `ibr` find them.
        // A word that starts with ع (ʿayn, dropped by folding) is spelled with a vowel in Latin
        // (عمر Omar, العمراني El Amrani): its vowel skeleton starts `a` too.
        for p in all where p.transliterated {
            for s in vowelForms(p) { terms.insert(SearchTerm(.scriptSkeleton, s)) }
        }
        return NameIndex(terms: terms,
                         givenKey: given.flatMap(\.words).joined(separator: " "),
                         familyKey: family.flatMap(\.words).joined(separator: " "))
    }

    /// The terms of the first word of a given name alone (its folded forms, skeletons and vowel
    /// skeletons, as `nameTerms` makes them): the word a receptionist types first. Empty for a
    /// name without letters. Used by the desk's search to put people whose name starts with
    /// the typed word before those met by a later word (`mar`: Mariam before Jean-Marc).
    public static func leadTerms(givenName: String) -> Set<SearchTerm> {
        guard let first = chunks(givenName).first else { return [] }
        return nameIndex(givenName: String(first), familyName: "").terms
    }

    /// How a name or a typed word starts, to tell whether a typed word can be the start of a
    /// name (`startsLike`): with a consonant, or with a vowel, of a known quality when the letter
    /// writes one. Arabic writes a name's first vowel: alef with hamza below (إ) writes `i` (إيمان
    /// Imane, Eman), alef with hamza above (أ) or madda (آ) writes `a`, `o` or `u` (أمل Amal,
    /// أسامة Oussama, آدم Adam); a bare alef (اسماعيل) or ʿayn (عمر Omar, عيسى Issa) is a vowel
    /// of any quality, as are Latin `e` and Ge'ez አ and ዐ.
    public enum Onset: Hashable, Sendable {
        case consonant
        /// A vowel; `front` is true for `i`, false for `a`/`o`/`u`, nil for any.
        case vowel(front: Bool?)
    }

    /// The `Onset` of the first letter of `text` (Latin, Arabic or Ge'ez); nil without letters.
    public static func onset(of text: String) -> Onset? {
        guard let first = text.unicodeScalars.first(where: { $0.properties.isAlphabetic }) else { return nil }
        switch first.value {
        case 0x0625: return .vowel(front: true)
        case 0x0623, 0x0622: return .vowel(front: false)
        case 0x0627, 0x0639, 0x12A0...0x12A7, 0x12D0...0x12D7: return .vowel(front: nil)
        default: break
        }
        let folded = String(first).lowercased().folding(options: .diacriticInsensitive, locale: nil)
        switch folded {
        case "i": return .vowel(front: true)
        case "a", "o", "u": return .vowel(front: false)
        case "e": return .vowel(front: nil)
        default: return .consonant
        }
    }

    /// Whether a word typed with onset `typed` can start a name with onset `written`: both
    /// consonants, or both vowels of the same quality where both say one (`saw` cannot start
    /// أسماء, `ima` cannot start أمل, `eman` can start إيمان).
    public static func startsLike(typed: Onset, written: Onset) -> Bool {
        switch (typed, written) {
        case (.consonant, .consonant): return true
        case let (.vowel(a), .vowel(b)): return a == nil || b == nil || a == b
        default: return false
        }
    }

    /// The code terms of a visitor: `2026-00042` and `00042`.
    public static func codeTerms(_ code: VisitorCode) -> Set<SearchTerm> {
        [SearchTerm(.code, code.searchForm), SearchTerm(.code, code.numberForm)]
    }

    /// The phone terms of a stored phone text (none when it has no digits).
    public static func phoneTerms(_ phone: String?) -> Set<SearchTerm> {
        guard let phone else { return [] }
        return Set(PhoneNumber.searchTerms(digits: PhoneNumber.digits(phone)).map { SearchTerm(.phone, $0) })
    }

    /// All index terms of a visitor record.
    public static func terms(givenName: String, familyName: String, phone: String?, code: VisitorCode) -> Set<SearchTerm> {
        nameTerms(givenName: givenName, familyName: familyName)
            .union(codeTerms(code))
            .union(phoneTerms(phone))
    }

    /// Letters of the first word kept in a `pairPrefix` term (`moh_adam`): a desk types three.
    public static let pairPrefixLength = 3

    /// Words of a name whose pairs are indexed (the first ones): a longer name's later words are
    /// still found one by one.
    public static let pairedWords = 6

    /// Consonants of the first word's skeleton kept in a skeleton pair term (`mh_dm`).
    public static let skeletonPairPrefixLength = 2

    /// The vowel skeletons of a word written in another script (`adm` of آدم, `amr` of عمر): a
    /// word that starts with a vowel, or with ع (ʿayn, dropped by folding but spelled with a
    /// vowel in Latin: Omar, El Amrani), is also found by its skeleton with that vowel. The
    /// article form of a word (`alamrani`) has none; its form without the article does.
    static func vowelForms(_ p: Position) -> [String] {
        guard p.transliterated else { return [] }
        var out: [String] = []
        for (i, v) in p.variants.enumerated() where !(p.hasArticle && i == 0) {
            let ayn = i == 0 ? p.aynOnset : p.aynOnsetWithoutArticle
            let s = ayn ? (skeleton(of: v).isEmpty ? nil : "a" + skeleton(of: v)) : vowelSkeleton(of: v)
            if let s, !out.contains(s) { out.append(s) }
        }
        return out
    }

    /// The first two letters of a folded word when they hold no consonant (`ay` of `ayman`,
    /// `ou` of `ousmane`), else nil: the start of a `scriptSkeletonPair` term stored for a word
    /// that a query word without consonant (`ay`) meets by its letters.
    public static func vowelHead(_ word: String) -> String? {
        let head = String(word.prefix(2))
        return head.count == 2 && skeleton(of: head).isEmpty ? head : nil
    }

    /// Every skeleton a word position is found by (`skeletons(of:)` of each variant, then its
    /// `vowelForms`), without repeats; empty skeletons left out.
    static func skeletonForms(_ p: Position) -> [String] {
        var out: [String] = []
        for s in p.variants.flatMap({ skeletons(of: $0) }) + vowelForms(p) where !s.isEmpty && !out.contains(s) { out.append(s) }
        return out
    }

    // MARK: Skeleton

    /// The consonant skeleton of a folded word (see the type's documentation); may be empty.
    public static func skeleton(of word: String) -> String {
        let s = Array(word.unicodeScalars)
        var spelled: [Unicode.Scalar] = []
        spelled.reserveCapacity(s.count)
        var i = 0
        while i < s.count {
            let c = s[i]
            let next: Unicode.Scalar? = i + 1 < s.count ? s[i + 1] : nil
            switch (c, next) {
            case ("o", "u") where i == 0 && i + 2 < s.count && isVowel(s[i + 2]):
                spelled.append("w"); i += 2; continue
            case ("c", "h"):
                spelled += ["s", "h"]; i += 2; continue
            case ("c", "k"), ("q", _):
                spelled.append("k"); i += (c == "c" ? 2 : 1); continue
            case ("c", let n?) where n == "e" || n == "i" || n == "y":
                spelled.append("s")
            case ("c", _):
                spelled.append("k")
            case ("p", "h"):
                spelled.append("f"); i += 2; continue
            case ("d", "j"):
                spelled.append("j"); i += 2; continue
            default:
                spelled.append(c)
            }
            i += 1
        }
        var kept = String.UnicodeScalarView()
        for (k, c) in spelled.enumerated() {
            if isVowel(c) { continue }
            if (c == "y" || c == "w") && k > 0 { continue }
            if let last = kept.last, last == c, c.properties.numericType != .decimal { continue }
            kept.append(c)
        }
        return String(kept)
    }

    /// The skeleton of a word that starts with a vowel, that vowel written `a` in front
    /// (`ada` → `ad`, `ibrahim` → `abrhm`); nil for a word that starts with a consonant or has no
    /// consonant. Arabic writes a name's first vowel (an alef), so a Latin spelling meets an
    /// Arabic one on it from the first letters typed (`ada` → آدم), where the bare skeleton (`d`)
    /// is too short to be searched by prefix.
    public static func vowelSkeleton(of word: String) -> String? {
        guard let first = word.unicodeScalars.first, isVowel(first), !hasTripleLetter(word) else { return nil }
        let rest = skeleton(of: word)
        return rest.isEmpty ? nil : "a" + rest
    }

    /// The skeleton and, when it ends in `h`, the skeleton without that `h`; empty ones left out.
    /// A word with one letter three times in a row ("qqqq", "zzzz") is no name: it has none,
    /// else its collapsed skeleton (`k`, `z`) would match every name that starts so.
    public static func skeletons(of word: String) -> [String] {
        if hasTripleLetter(word) { return [] }
        let base = skeleton(of: word)
        if base.isEmpty { return [] }
        if base.count > 1, base.hasSuffix("h") { return [base, String(base.dropLast())] }
        return [base]
    }

    /// The kinds of script a name or a query is written in, for ranking.
    public enum Script: Hashable, Sendable {
        /// Latin letters (with accents and the extensions folding handles).
        case latin
        /// Any other script (Arabic, Ge'ez, …): words that are transliterated.
        case other
    }

    /// The scripts of the letters of a text (empty when it has no letter).
    public static func scripts(of text: String) -> Set<Script> {
        var out: Set<Script> = []
        for s in text.unicodeScalars {
            // ASCII first: most names are, and a property lookup per letter is not free.
            if s.isASCII {
                if (s >= "a" && s <= "z") || (s >= "A" && s <= "Z") { out.insert(.latin) }
                if out.count == 2 { break }
                continue
            }
            guard s.properties.isAlphabetic else { continue }
            out.insert(needsTransliteration(s) ? .other : .latin)
            if out.count == 2 { break }
        }
        return out
    }

    // MARK: Internals

    /// True when one letter comes three times in a row.
    static func hasTripleLetter(_ word: String) -> Bool {
        var last: Unicode.Scalar?
        var run = 0
        for c in word.unicodeScalars {
            run = c == last ? run + 1 : 1
            last = c
            if run >= 3 && c.properties.isAlphabetic { return true }
        }
        return false
    }

    /// One word position of a text: its folded word and, for an Arabic word with the article,
    /// the word without it.
    struct Position {
        var words: [String]
        var withoutArticle: [String]?
        /// Whether the words were transliterated from another script than Latin.
        var transliterated = false
        /// Whether the word, or the word without its article, starts with ع (ʿayn).
        var aynOnset = false
        var aynOnsetWithoutArticle = false

        var hasArticle: Bool { withoutArticle != nil }

        /// Variants when the position is one word (the common case): `[full, withoutArticle?]`.
        var variants: [String] {
            guard let w = words.first else { return [] }
            if let stripped = withoutArticle, stripped.count == 1, let s = stripped.first, s != w { return [w, s] }
            return [w]
        }

        /// A position that transliterated into several words (Han: `zhong wen`) becomes several
        /// plain positions.
        func split() -> [Position] {
            if words.count <= 1 { return words.isEmpty ? [] : [self] }
            return words.map { Position(words: [$0], withoutArticle: nil, transliterated: transliterated) }
        }
    }

    /// The word positions of a text: cut at non-letters, each piece folded.
    static func positions(_ text: String) -> [Position] {
        var out: [Position] = []
        for chunk in chunks(text) {
            let folded = fold(chunk)
            if folded.isEmpty { continue }
            var p = Position(words: folded, withoutArticle: nil,
                             transliterated: chunk.unicodeScalars.contains(where: needsTransliteration))
            p.aynOnset = chunk.first == "\u{0639}"
            if chunk.unicodeScalars.count >= 4, chunk.hasPrefix("\u{0627}\u{0644}") {
                let rest = fold(chunk.dropFirst(2))
                if !rest.isEmpty { p.withoutArticle = rest }
                p.aynOnsetWithoutArticle = chunk.dropFirst(2).first == "\u{0639}"
            }
            out.append(p)
        }
        return out
    }

    /// Pieces of the original text between separators (anything but letters, digits, marks and
    /// the transliteration marks `ʿ ʾ ʻ`).
    static func chunks(_ text: String) -> [Substring] {
        text.split(whereSeparator: { ch in
            !ch.unicodeScalars.contains(where: { isWordScalar($0) })
        })
    }

    private static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x02BB, 0x02BE, 0x02BF: return true // ʻ ʾ ʿ: letters in transliterations, dropped by fold
        case 0x02BC: return false // ʼ: typed as an apostrophe
        default: break
        }
        let p = s.properties
        return p.isAlphabetic || p.numericType == .decimal
    }

    /// Folds one piece of text into lower-case Latin words.
    static func fold<S: StringProtocol>(_ piece: S) -> [String] {
        var text = withoutArabicVowelMarks(String(piece))
        if text.unicodeScalars.contains(where: needsTransliteration) {
            text = text.applyingTransform(.toLatin, reverse: false) ?? text
            text = text.replacingOccurrences(of: "\u{1E97}", with: "a") // ẗ: ta marbuta
                .replacingOccurrences(of: "t\u{308}", with: "a")
        }
        text = text.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
        var words: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if let mapped = leftover[scalar] {
                current.append(contentsOf: mapped.unicodeScalars)
            } else if isDropped(scalar) {
                continue
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType == .decimal {
                current.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            } else if !current.isEmpty {
                words.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { words.append(String(current)) }
        return words
    }

    /// Arabic written with its optional vowel marks (ḥarakāt, U+064B–U+065F, superscript alef
    /// U+0670), tatweel (U+0640) and alef wasla (U+0671, written as plain alef U+0627) is folded
    /// as the same name written without them, as people type it: "مُحَمَّد" is "محمد".
    static func withoutArabicVowelMarks(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { (0x0640...0x0671).contains($0.value) }) else { return text }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            switch s.value {
            case 0x064B...0x065F, 0x0670, 0x0640: continue
            case 0x0671: out.append("\u{0627}")
            default: out.append(s)
            }
        }
        return String(out)
    }

    /// Letters that folding keeps but that Latin spellings write otherwise.
    private static let leftover: [Unicode.Scalar: String] = [
        "ł": "l", "ø": "o", "æ": "ae", "œ": "oe", "đ": "d", "ð": "d", "þ": "th", "ħ": "h", "ı": "i",
        "ŋ": "n", "ə": "e", "ɛ": "e", "ɔ": "o", "ɓ": "b", "ɗ": "d", "ƙ": "k", "ƴ": "y", "ß": "ss",
        "\u{01DD}": "", // ǝ: Ge'ez sixth-order vowel, mostly silent (ሳምራዊት → samrawit)
    ]

    /// Scalars dropped inside a word: transliteration marks, combining marks and format
    /// characters (joiners, direction marks).
    private static func isDropped(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x02BB, 0x02BE, 0x02BF: return true
        default: break
        }
        switch s.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .format: return true
        default: return false
        }
    }

    /// Whether a scalar is a letter outside the Latin blocks (so the text needs transliterating).
    private static func needsTransliteration(_ s: Unicode.Scalar) -> Bool {
        guard s.properties.isAlphabetic else { return false }
        switch s.value {
        case 0x0000...0x02FF, 0x1D00...0x1DBF, 0x1E00...0x1EFF, 0x2C60...0x2C7F, 0xA720...0xA7FF,
             0xAB30...0xAB6F, 0xFF00...0xFFEF:
            return false
        default:
            return true
        }
    }

    private static func isVowel(_ c: Unicode.Scalar) -> Bool {
        c == "a" || c == "e" || c == "i" || c == "o" || c == "u"
    }
}
