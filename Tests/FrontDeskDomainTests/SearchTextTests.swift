import Foundation
import Testing
@testable import FrontDeskDomain

/// Whether some alternative of every token of `query` meets a term of `terms`, as the store does.
private func matches(_ query: String, _ terms: Set<SearchTerm>) -> Bool {
    let q = SearchQuery(parsing: query)
    guard !q.isEmpty else { return false }
    return q.tokens.allSatisfy { token in
        token.alternatives.contains { alt in
            terms.contains { term in
                term.kind == alt.kind && (alt.matchesPrefix ? term.text.hasPrefix(alt.text) : term.text == alt.text)
            }
        }
    }
}

private func nameTerms(_ given: String, _ family: String = "") -> Set<SearchTerm> {
    SearchText.nameTerms(givenName: given, familyName: family)
}

struct SearchTextTests {
    @Test(arguments: [
        ("Aïssatou", ["aissatou"]),
        ("Diallo-Ndiaye Traoré", ["diallo", "ndiaye", "traore"]),
        ("O'Brien", ["o", "brien"]),
        ("N’Dri", ["n", "dri"]),
        ("Łukasz", ["lukasz"]),
        ("محمد", ["mhmd"]),
        ("يوسف المهاجر", ["ywsf", "almhajr"]),
        ("ሳምራዊት ተስፋይ", ["samrawit", "tasfay"]),
        ("فاطمة", ["fatma"]),
        ("ＭＯＨＡＭＥＤ", ["mohamed"]),
        ("Øyvind Strauß", ["oyvind", "strauss"]),
        ("Ɗiallo Ŋgoné", ["diallo", "ngone"]),
        ("e\u{301}lise", ["elise"]),
        ("  ", []),
    ])
    func foldsIntoLatinWords(name: String, expected: [String]) {
        #expect(SearchText.words(name) == expected)
    }

    @Test(arguments: [
        ("mohamed", "mhmd"), ("muhammad", "mhmd"), ("mhmd", "mhmd"),
        ("youssef", "ysf"), ("yousef", "ysf"), ("ywsf", "ysf"),
        ("ahmed", "hmd"), ("ahmd", "hmd"),
        ("fatima", "ftm"), ("fatma", "ftm"),
        ("aicha", "sh"), ("kacem", "ksm"), ("qasm", "ksm"), ("djamila", "jml"),
        ("ouafae", "wf"), ("mustapha", "mstf"),
        ("", ""), ("aeiou", ""), ("n2500", "n2500"),
    ])
    func skeletonOfFoldedWord(word: String, expected: String) {
        #expect(SearchText.skeleton(of: word) == expected)
    }

    /// Real spelling pairs: a visitor stored under one spelling is found by typing the other,
    /// in both directions.
    @Test(arguments: [
        ("Mohamed", "محمد"), ("Muhammad", "محمد"), ("Mohammed", "مُحَمَّد"),
        ("Youssef", "يوسف"), ("Yousef", "يوسف"), ("Ahmed", "أحمد"), ("Fatima", "فاطمة"),
        ("Fatma", "فاطمة"), ("Khadija", "خديجة"), ("Aicha", "عائشة"), ("Aisha", "عائشة"),
        ("Omar", "عمر"), ("Ibrahim", "إبراهيم"), ("Rachid", "رشيد"), ("Rashid", "رشيد"),
        ("Mustapha", "مصطفى"), ("Hassan", "حسن"), ("Zineb", "زينب"), ("Zaynab", "زينب"),
        ("Karim", "كريم"), ("Idriss", "إدريس"), ("Younes", "يونس"), ("Walid", "وليد"),
        ("Tarik", "طارق"), ("Kacem", "قاسم"), ("Djamila", "جميلة"), ("Sarah", "سارة"),
        ("Maryam", "مريم"), ("Meryem", "مريم"), ("Hicham", "هشام"), ("Ouafae", "وفاء"),
        ("Mouhajir", "المهاجر"),
        ("Samrawit", "ሳምራዊት"), ("Tesfay", "ተስፋይ"), ("Tesfaye", "ተስፋዬ"), ("Yohannes", "ዮሐንስ"),
        ("Gebremedhin", "ገብረመድህን"), ("Berhane", "ብርሃነ"), ("Frehiwot", "ፍሬሕይወት"), ("Selam", "ሰላም"),
        ("Haile", "ኃይሌ"), ("Mikael", "ሚካኤል"),
        ("aissatou", "Aïssatou"), ("traore", "Traoré"),
    ])
    func spellingsMeet(latin: String, other: String) {
        #expect(matches(latin, nameTerms(other)), "\(latin) should find \(other)")
        #expect(matches(other, nameTerms(latin)), "\(other) should find \(latin)")
    }

    /// Arabic written with vowel marks, tatweel or alef wasla is found as typed without them,
    /// and the other way round.
    @Test(arguments: [
        ("محمد", "مُحَمَّد"), ("abdallah", "عَبْد ٱللَّٰه"), ("عبد الله", "عَبْد ٱللَّٰه"), ("mohamed", "مُحَمَّد"),
        ("فاطمة", "فـاطـمـة"),
    ])
    func vowelMarksDoNotMatter(typed: String, stored: String) {
        #expect(matches(typed, nameTerms(stored)), "\(typed) should find \(stored)")
    }

    /// A name stored in two words is found by typing it as one (adjacent words are also indexed
    /// joined). Documented limit: the reverse does not hold; typing `عبد الله` does not find
    /// "Abdallah" stored as one word.
    @Test(arguments: [
        ("Abdallah", "عبد الله"), ("Abderrahmane", "عبد الرحمن"), ("ndiaye", "Diallo-Ndiaye"),
        ("diallondiaye", "Diallo-Ndiaye"), ("elmouhajir", "المهاجر"), ("el mouhajir", "المهاجر"),
        ("obrien", "O'Brien"), ("ndri", "N’Dri"),
    ])
    func oneWordFindsTwoWords(typed: String, stored: String) {
        #expect(matches(typed, nameTerms(stored)))
    }

    @Test func twoWordsDoNotFindOneWord() {
        #expect(!matches("عبد الله", nameTerms("Abdallah")))
    }

    @Test(arguments: ["moh", "moham", "yous", "ahm", "fati"])
    func typingAPrefixAlreadyFindsTheArabicSpelling(prefix: String) {
        let arabic = ["محمد", "يوسف", "أحمد", "فاطمة"].map { nameTerms($0) }
        #expect(arabic.contains { matches(prefix, $0) })
    }

    @Test func everyWordOfTheQueryMustMatch() {
        let terms = nameTerms("Aïssatou", "Diallo-Ndiaye Traoré")
        #expect(matches("aissatou traore", terms))
        #expect(matches("trao aiss", terms))
        #expect(matches("diallondiaye", terms))
        #expect(!matches("aissatou mohamed", terms))
        #expect(!matches("", terms))
        #expect(!matches("   ", terms))
    }

    /// Two words typed as one index range: prefix pairs and skeleton pairs (of the script's
    /// kind) of each word with each later one, in name order (a query typed family name first
    /// looks them up with its words swapped).
    @Test func namePairsAreIndexedAcrossScripts() {
        let latin = nameTerms("Samira", "Bouzid")
        #expect(latin.contains(SearchTerm(.pairPrefix, "sa_bouzid")) && !latin.contains(SearchTerm(.pairPrefix, "bou_samira")))
        #expect(latin.contains(SearchTerm(.skeletonPair, "s_bzd")) && latin.contains(SearchTerm(.skeletonPair, "sm_bzd")))
        #expect(!latin.contains { $0.kind == .scriptSkeletonPair })
        let arabic = nameTerms("فاطمة", "عبد الله")
        // ع is dropped by folding: عبد is `bd`, and `abd` as the vowel form Latin writes (Abd).
        #expect(arabic.contains(SearchTerm(.scriptSkeletonPair, "f_bd")) && arabic.contains(SearchTerm(.scriptSkeletonPair, "ft_abd")))
        #expect(!arabic.contains { $0.kind == .skeletonPair })
        #expect(!arabic.contains(SearchTerm(.scriptSkeletonPair, "b_ftm")))
        // Each word with each later one, not only the next: "zahra amrani".
        let four = nameTerms("Fatima Zahra", "El Amrani")
        #expect(four.contains(SearchTerm(.pairPrefix, "za_amrani")) && four.contains(SearchTerm(.skeletonPair, "zh_mrn")))
        // A whole short skeleton is marked `=`: `im` (`m`, whole) does not read every `m…` name.
        #expect(nameTerms("Ali", "Bouzid").contains(SearchTerm(.skeletonPair, "l=bzd")))
        #expect(!nameTerms("Ali", "Bouzid").contains(SearchTerm(.skeletonPair, "l_bzd")))
    }

    @Test func directMatchesRankBeforeSkeletonMatches() throws {
        let q = SearchQuery(parsing: "mohamed")
        let token = try #require(q.tokens.first)
        let word = try #require(token.alternatives.first { $0.kind == .word })
        let skeleton = try #require(token.alternatives.first { $0.kind == .skeleton })
        #expect(word.exactRank < word.prefixRank)
        #expect(word.prefixRank < skeleton.prefixRank)
    }

    /// Documented limit: names that differ only in vowels share a skeleton.
    @Test func skeletonJoinsMahmoudAndMohamed() {
        #expect(matches("mohamed", nameTerms("Mahmoud")))
        #expect(!SearchQuery(parsing: "mohamed").tokens[0].alternatives.contains { $0.kind == .word && "mahmoud".hasPrefix($0.text) })
    }

    @Test(arguments: [
        ("V-2026-00042", true), ("v-2026-00042", true), ("2026-00042", true), ("00042", true), ("42", true),
        ("V-2026-42", true), ("2026-0004", true), ("V-2026", true),
        ("V-2025-00042", false), ("00043", false), ("2026-00043", false),
    ])
    func codesAreFound(query: String, found: Bool) {
        let terms = SearchText.codeTerms(VisitorCode(year: 2026, number: 42))
        #expect(matches(query, terms) == found)
    }

    @Test(arguments: [
        ("0612345678", true), ("06 12 34 56 78", true), ("612", true), ("5678", true), ("+212 6 12 34", true),
        ("00212612345678", true), ("345", true), ("61", false), ("999", false),
    ])
    func phoneDigitsAreFoundAnywhereInTheNumber(query: String, found: Bool) {
        let terms = SearchText.phoneTerms("06 12 34 56 78")
        #expect(matches(query, terms) == found)
    }

    @Test func internationalFormFindsNationalNumber() {
        #expect(matches("0612345678", SearchText.phoneTerms("+212 6 12 34 56 78")))
        #expect(matches("+212612345678", SearchText.phoneTerms("06.12.34.56.78")))
    }

    @Test(arguments: [
        ("+212 (0)6-12", "2120612"), ("٠٦١٢", "0612"), ("abc", ""), ("06 12", "0612"),
    ])
    func phoneDigits(text: String, digits: String) {
        #expect(PhoneNumber.digits(text) == digits)
    }

    @Test func phoneTermsAreSuffixesOfThreeDigitsOrMore() {
        #expect(PhoneNumber.searchTerms(digits: "12345") == ["12345", "2345", "345"])
        #expect(PhoneNumber.searchTerms(digits: "12").isEmpty)
    }

    /// Keyboard mashing has no skeleton, so it finds nobody by sound; real names keep theirs.
    @Test func repeatedLettersHaveNoSkeleton() {
        #expect(SearchText.skeletons(of: "qqqq").isEmpty)
        #expect(SearchText.skeletons(of: "zzzzqqq").isEmpty)
        #expect(SearchText.skeletons(of: "aaa").isEmpty)
        #expect(!SearchText.skeletons(of: "ali").isEmpty)
        #expect(!SearchText.skeletons(of: "mohammed").isEmpty)
        #expect(!SearchText.skeletons(of: "hassan").isEmpty)
    }

    /// How a name and a typed word start: Arabic writes a name's first vowel, and its quality
    /// where the alef carries a hamza; a typed word starting with a consonant starts no name
    /// that begins with a vowel.
    @Test func onsetsTellWhetherATypedWordCanStartAName() {
        let cases: [(typed: String, name: String, starts: Bool)] = [
            ("ima", "إيمان", true), ("eman", "إيمان", true), ("ima", "أمل", false), ("ama", "أمل", true),
            ("oss", "أسامة", true), ("ada", "آدم", true), ("ism", "اسماعيل", true), ("oma", "عمر", true),
            ("ima", "عماد", true), ("saw", "أسماء", false), ("saw", "سوسن", true), ("moh", "محمد", true),
            ("mar", "عمار", false), ("sam", "ሳምራዊት", true), ("aba", "አበበ", true), ("ais", "Aïssatou", true),
            ("ism", "Amal", false), ("you", "يوسف", true), ("Ïmane", "Imane", true),
        ]
        for c in cases {
            let typed = SearchText.onset(of: c.typed), written = SearchText.onset(of: c.name)
            #expect(typed.flatMap { t in written.map { SearchText.startsLike(typed: t, written: $0) } } == c.starts, "\(c)")
        }
        #expect(SearchText.onset(of: "") == nil && SearchText.onset(of: "42") == nil)
    }
}
