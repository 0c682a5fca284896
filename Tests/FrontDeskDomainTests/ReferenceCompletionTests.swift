import Foundation
import Testing
import FrontDeskDomain
import FrontDeskResources

private func shipped() throws -> ReferenceData {
    let countries = try #require(FrontDeskResources.data(named: "countries.json"))
    let languages = try #require(FrontDeskResources.data(named: "languages.json"))
    return try ReferenceData(countriesJSON: countries, languagesJSON: languages)
}

/// The completion rule of nationality and language codes (issue 12, item 4), on the shipped
/// data: what the new-visitor form and `visitors add` store for what a receptionist types.
struct ReferenceCompletionTests {
    /// `ti` is how the app shows Tigrinya: it completes to Tigrinya (ISO 639-1 `ti`), never to
    /// Tigre (`tig`); `tir` is Tigrinya's ISO 639-2/3 code.
    @Test(arguments: ["ti", "TI", " ti ", "tir", "TIR", "tigrinya", "tigrigna", "tigr", "التغرينية", "تغرينيه", "ትግርኛ"])
    func tigrinyaIsNeverTigre(typed: String) throws {
        #expect(try shipped().language(typed: typed)?.code == "ti")
    }

    @Test func tigreKeepsItsOwnCodeAndName() throws {
        let data = try shipped()
        #expect(data.language(typed: "tig")?.code == "tig")
        #expect(data.language(typed: "tigre")?.code == "tig")
        #expect(data.languages(matching: "tigr", limit: 5).map(\.code).prefix(2) == ["ti", "tig"], "common first")
    }

    /// An exact code wins over any name match, in both lists and with every standard code.
    @Test(arguments: [("ma", "MA"), ("MAR", "MA"), ("civ", "CI"), ("sdn", "SD"), ("ssd", "SS"), ("cod", "CD"), ("cog", "CG"),
                      ("se", "SE"), ("sen", "SN")])
    func anExactCountryCodeWins(typed: String, code: String) throws {
        #expect(try shipped().country(typed: typed)?.code == code)
    }

    @Test(arguments: [("ar", "ar"), ("ara", "ar"), ("fr", "fr"), ("fre", "fr"), ("fra", "fr"), ("am", "am"), ("amh", "am"),
                      ("ful", "ff"), ("wol", "wo"), ("bam", "bm"), ("lin", "ln"), ("eng", "en")])
    func anExactLanguageCodeWins(typed: String, code: String) throws {
        #expect(try shipped().language(typed: typed)?.code == code)
    }

    /// A name the query completes whole beats a longer name that starts with the same word:
    /// `soud` → Soudan (Sudan), then Soudan du Sud.
    @Test(arguments: ["soud", "sou", "soudan", "sudan", "sud", "سودان", "السودان", "السّودان"])
    func sudanComesBeforeSouthSudan(typed: String) throws {
        let codes = try shipped().countries(matching: typed, limit: 10).map(\.code)
        #expect(codes.first == "SD", "\(codes)")
        if let south = codes.firstIndex(of: "SS") { #expect(south > 0) }
    }

    /// The center's common nationalities come first among equal matches.
    @Test(arguments: [("mar", "MA"), ("maro", "MA"), ("cam", "CM"), ("gui", "GN"), ("eryth", "ER"), ("ni", "NI"), ("nig", "NE"),
                      ("tch", "TD")])
    func commonNationalitiesComeFirst(typed: String, code: String) throws {
        #expect(try shipped().country(typed: typed)?.code == code)
    }

    @Test func marOffersMoroccoBeforeMartiniqueAndTheMarshallIslands() throws {
        let codes = try shipped().countries(matching: "mar", limit: 5).map(\.code)
        #expect(codes.first == "MA")
        #expect(codes.contains("MQ") && codes.contains("MH"))
        // Without a code, the shipped common list alone puts Morocco first.
        #expect(try shipped().countries(matching: "maro", limit: 3).first?.code == "MA")
        #expect(try shipped().countries(matching: "mar", limit: 3).map(\.code) == ["MA", "MQ", "MH"])
    }

    /// `congo`: the Republic of the Congo's name is "Congo" (ISO 3166's short name), an exact
    /// match; the DRC, a start-of-name match of "Congo-Kinshasa", comes second. Each is reached
    /// directly by its own words.
    @Test func congoIsTheRepublicOfTheCongoFirstThenTheDRC() throws {
        let data = try shipped()
        #expect(data.countries(matching: "congo", limit: 5).map(\.code).prefix(2) == ["CG", "CD"])
        #expect(data.countries(matching: "الكونغو", limit: 5).map(\.code).prefix(2) == ["CG", "CD"])
        for typed in ["rdc", "drc", "kinshasa", "rd congo", "congo kin", "republique democratique"] {
            #expect(data.country(typed: typed)?.code == "CD", "\(typed)")
        }
        for typed in ["brazzaville", "congo braz", "republique du congo", "republic of the congo"] {
            #expect(data.country(typed: typed)?.code == "CG", "\(typed)")
        }
    }

    @Test(arguments: ["civ", "CIV", "ivory", "ivoire", "côte", "cote", "Côte d'Iv", "rci", "ساحل العاج", "ساحل", "كوت ديفوار"])
    func coteDIvoireByAliasCodeOrArabicName(typed: String) throws {
        #expect(try shipped().country(typed: typed)?.code == "CI")
    }

    /// Arabic names, typed with or without the article, hamza, vowel marks or tatweel, and with
    /// Persian letter forms, find the country or language.
    @Test(arguments: [("المغرب", "MA"), ("مغرب", "MA"), ("سوريا", "SY"), ("اليمن", "YE"), ("إريتريا", "ER"), ("اريتريا", "ER"),
                      ("إثيوبيا", "ET"), ("السنغال", "SN"), ("غينيا", "GN"), ("الكاميرون", "CM"), ("مالي", "ML"), ("نيجيريا", "NG"),
                      ("جنوب السودان", "SS"), ("جنوب", "SS"), ("فلسطين", "PS"), ("الجزائر", "DZ"), ("تشاد", "TD"), ("ألمانيا", "DE"),
                      ("المانيا", "DE"), ("السعودیة", "SA"), ("الـمـغـرب", "MA"), ("المَغْرِب", "MA"), ("ኤርትራ", "ER")])
    func arabicCountryNamesMatch(typed: String, code: String) throws {
        #expect(try shipped().country(typed: typed)?.code == code)
    }

    @Test(arguments: [("العربية", "ar"), ("عربية", "ar"), ("الفرنسية", "fr"), ("الدارجة", "ary"), ("الأمهرية", "am"), ("امهريه", "am"),
                      ("الولوفية", "wo"), ("البامبارا", "bm"), ("اللينغالا", "ln"), ("الفولانية", "ff"), ("الإنجليزية", "en"),
                      ("አማርኛ", "am")])
    func arabicLanguageNamesMatch(typed: String, code: String) throws {
        #expect(try shipped().language(typed: typed)?.code == code)
    }

    /// Every shipped entry has an Arabic name (in Arabic script) and its standard other codes.
    @Test func everyShippedEntryHasAnArabicNameAndItsCodes() throws {
        let data = try shipped()
        let isArabic: (String) -> Bool = { $0.unicodeScalars.contains { (0x0600...0x06FF).contains($0.value) } }
        for c in data.countries {
            #expect(isArabic(c.nameAr), "\(c.code)")
            #expect(c.otherCodes.count == 1, "\(c.code): its ISO 3166-1 alpha-3 code")
            #expect(data.country(typed: c.nameAr)?.code == c.code, "\(c.code) \(c.nameAr)")
        }
        for l in data.languages {
            #expect(isArabic(l.nameAr), "\(l.code)")
            #expect(data.language(typed: l.nameAr)?.code == l.code, "\(l.code) \(l.nameAr)")
            for other in l.otherCodes { #expect(data.language(typed: other)?.code == l.code, "\(other)") }
        }
        #expect(data.language(code: "ti")?.otherCodes == ["tir"])
        #expect(data.language(code: "fr")?.otherCodes == ["fra", "fre"])
        #expect(data.country(code: "CI")?.otherCodes == ["CIV"])
    }

    /// The shipped common lists: the nationalities and languages the center sees most.
    @Test func theCentersCommonEntriesAreShipped() throws {
        let data = try shipped()
        let countries = Set(data.countries.filter(\.common).map(\.code))
        #expect(Set(["MA", "SN", "GN", "CI", "CM", "ML", "CD", "CG", "NG", "SD", "SS", "SY", "YE", "ER", "ET"]).isSubset(of: countries))
        #expect(!countries.contains("MQ") && !countries.contains("MH"))
        let languages = Set(data.commonLanguages.map(\.code))
        #expect(Set(["ar", "ary", "fr", "en", "wo", "bm", "ti", "am", "ln", "ff"]).isSubset(of: languages))
        #expect(!languages.contains("tig"))
    }

    /// A code, main or other, that names two entries would make a typed code ambiguous.
    @Test func aCodeNamingTwoEntriesIsRefused() {
        let fr = Language(code: "fr", nameEn: "French", nameFr: "Français", otherCodes: ["fra"])
        let tigre = Language(code: "tig", nameEn: "Tigre", nameFr: "Tigré")
        let tigrinya = Language(code: "ti", nameEn: "Tigrinya", nameFr: "Tigrigna", otherCodes: ["tig"])
        let morocco = Country(code: "MA", nameEn: "Morocco", nameFr: "Maroc", otherCodes: ["MAR"])
        #expect(throws: ReferenceDataError.duplicateCode(file: "languages.json", code: "tig")) {
            try ReferenceData(countries: [morocco], languages: [fr, tigre, tigrinya])
        }
        #expect(throws: ReferenceDataError.invalidCode(file: "countries.json", code: "mar")) {
            try ReferenceData(countries: [Country(code: "MA", nameEn: "Morocco", nameFr: "Maroc", otherCodes: ["mar"])], languages: [fr])
        }
        #expect(throws: ReferenceDataError.invalidCode(file: "languages.json", code: "FRA")) {
            try ReferenceData(countries: [morocco], languages: [Language(code: "fr", nameEn: "French", nameFr: "Français", otherCodes: ["FRA"])])
        }
    }

    /// The rule on a small list built in code: each step of the ranking decides one pair.
    @Test func eachStepOfTheRuleDecides() throws {
        let data = try ReferenceData(countries: [
            Country(code: "AA", nameEn: "Alpha Land", nameFr: "Pays Alpha"),
            Country(code: "AB", nameEn: "Alphabet", nameFr: "Alphabet", common: true),
            Country(code: "AC", nameEn: "Alpha", nameFr: "Alpha"),
            Country(code: "AD", nameEn: "Big Alpha", nameFr: "Grand Alpha", common: true),
            Country(code: "AE", nameEn: "Alphaville", nameFr: "Alphaville", otherCodes: ["ALP"]),
        ], languages: [Language(code: "fr", nameEn: "French", nameFr: "Français")])
        // An exact code; then starts of names: the common one, then the name with fewest words
        // left over; then a later word.
        #expect(data.countries(matching: "alp", limit: 5).map(\.code) == ["AE", "AB", "AC", "AA", "AD"])
        // The whole name; a start of name that ends a word; starts cut short (the common one
        // first); a later word.
        #expect(data.countries(matching: "alpha", limit: 5).map(\.code) == ["AC", "AA", "AB", "AE", "AD"])
        #expect(data.countries(matching: "alpha l", limit: 5).map(\.code) == ["AA"])
    }
}
