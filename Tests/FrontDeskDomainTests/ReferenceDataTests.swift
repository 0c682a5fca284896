import Foundation
import Testing
import FrontDeskDomain
import FrontDeskResources

private func shippedReferenceData() throws -> ReferenceData {
    let countries = try #require(FrontDeskResources.data(named: "countries.json"))
    let languages = try #require(FrontDeskResources.data(named: "languages.json"))
    return try ReferenceData(countriesJSON: countries, languagesJSON: languages)
}

@Test func everyISOCountryIsListed() throws {
    let data = try shippedReferenceData()
    #expect(data.countries.count == 249)
    #expect(data.countryCodes.count == 249)
    #expect(data.country(code: "MA")?.nameFr == "Maroc")
    #expect(data.country(code: "ma")?.nameEn == "Morocco")
    #expect(data.country(code: "CI")?.nameFr == "Côte d'Ivoire")
    #expect(data.country(code: "CD")?.nameFr == "République démocratique du Congo")
    #expect(data.country(code: "XX") == nil)
    for country in data.countries { #expect(country.nameFr.first?.isUppercase == true, "\(country.code)") }
}

@Test(arguments: ["cote", "Cote", "CÔTE", "côte d'iv", "cote d ivoire", "ivoire", "ivory"])
func typingFindsCoteDIvoireFirst(query: String) throws {
    #expect(try shippedReferenceData().countries(matching: query, limit: 5).first?.code == "CI")
}

@Test func guinRanksNamesThatStartWithItFirst() throws {
    let codes = try shippedReferenceData().countries(matching: "guin", limit: 10).map(\.code)
    #expect(codes == ["GN", "GW", "GQ", "PG"])
}

@Test func anExactCodeMatches() throws {
    let data = try shippedReferenceData()
    #expect(data.countries(matching: "GN", limit: 5).map(\.code) == ["GN"])
    #expect(data.countries(matching: "gn", limit: 5).map(\.code) == ["GN"])
    #expect(data.countries(matching: "ma", limit: 20).map(\.code).contains("MA"))
}

@Test func shortQueriesDoNotMatchInsideWords() throws {
    let data = try shippedReferenceData()
    #expect(!data.countries(matching: "gn", limit: 50).contains { $0.code == "ES" })
    #expect(data.countries(matching: "agn", limit: 50).contains { $0.code == "ES" }, "Espagne")
}

@Test(arguments: [("RDC", "CD"), ("drc", "CD"), ("congo kinshasa", "CD"), ("brazzaville", "CG"), ("turkey", "TR"),
                  ("ivory coast", "CI"), ("centrafrique", "CF")])
func commonAliasesFindTheCountry(query: String, code: String) throws {
    #expect(try shippedReferenceData().countries(matching: query, limit: 3).first?.code == code)
}

@Test(arguments: [("maroc", "MA"), ("morocco", "MA"), ("senegal", "SN"), ("sénégal", "SN"), ("soudan", "SD"),
                  ("syrie", "SY"), ("syria", "SY"), ("cameroun", "CM"), ("erythree", "ER"), ("yemen", "YE"), ("niger", "NE")])
func frenchAndEnglishNamesBothMatch(query: String, code: String) throws {
    #expect(try shippedReferenceData().countries(matching: query, limit: 3).first?.code == code)
}

@Test func congoFindsBothCongos() throws {
    let codes = try shippedReferenceData().countries(matching: "congo", limit: 5).map(\.code)
    #expect(Set(codes) == ["CD", "CG"])
}

@Test func searchRespectsLimitAndIgnoresBlankQueries() throws {
    let data = try shippedReferenceData()
    #expect(data.countries(matching: "a", limit: 7).count == 7)
    #expect(data.countries(matching: "  ", limit: 7).isEmpty)
    #expect(data.countries(matching: "-'", limit: 7).isEmpty)
    #expect(data.countries(matching: "guin", limit: 0).isEmpty)
    #expect(data.countries(matching: "zzzz", limit: 7).isEmpty)
}

@Test func theDesksLanguagesAreListed() throws {
    let data = try shippedReferenceData()
    let needed: Set = ["fr", "ar", "ary", "en", "es", "wo", "bm", "ln", "ff", "sus", "mnk", "dyu", "ha", "yo", "ig",
                       "sw", "am", "ti", "so", "tzm", "zgh", "pt"]
    #expect(needed.isSubset(of: data.languageCodes))
    #expect((40...60).contains(data.languages.count))
    #expect(data.language(code: "ARY")?.nameFr.hasPrefix("Darija") == true)
    let common = data.commonLanguages.map(\.code)
    #expect(Set(["fr", "ar", "ary", "wo", "bm", "ln"]).isSubset(of: common))
    let leading = data.languages.prefix(common.count).filter { !$0.common }
    #expect(leading.isEmpty, "common languages come first")
}

@Test(arguments: [("darija", "ary"), ("ary", "ary"), ("peul", "ff"), ("pular", "ff"), ("wolof", "wo"),
                  ("soussou", "sus"), ("tigrigna", "ti"), ("tigrinya", "ti"), ("arabe", "ar"), ("AR", "ar"),
                  ("francais", "fr"), ("lingala", "ln"), ("pulaar", "ff"), ("chleuh", "shi"), ("kiswahili", "sw")])
func languagesAreFoundByNameOrCode(query: String, code: String) throws {
    #expect(try shippedReferenceData().languages(matching: query, limit: 5).first?.code == code)
}

@Test func commonLanguagesComeFirstAmongEqualMatches() throws {
    let codes = try shippedReferenceData().languages(matching: "arab", limit: 10).map(\.code)
    #expect(codes.first == "ar")
    #expect(codes.contains("ary") && codes.contains("apd"))
    let amazigh = try shippedReferenceData().languages(matching: "amazigh", limit: 5).map(\.code)
    #expect(Set(amazigh.prefix(2)) == ["zgh", "tzm"])
}

@Test func badReferenceFilesAreRefused() {
    let languages = Data(#"[{"code":"fr","nameEn":"French","nameFr":"Français"}]"#.utf8)
    let twice = Data(#"[{"code":"MA","nameEn":"Morocco","nameFr":"Maroc"},{"code":"MA","nameEn":"Morocco","nameFr":"Maroc"}]"#.utf8)
    #expect(throws: ReferenceDataError.duplicateCode(file: "countries.json", code: "MA")) {
        try ReferenceData(countriesJSON: twice, languagesJSON: languages)
    }
    let lower = Data(#"[{"code":"ma","nameEn":"Morocco","nameFr":"Maroc"}]"#.utf8)
    #expect(throws: ReferenceDataError.invalidCode(file: "countries.json", code: "ma")) {
        try ReferenceData(countriesJSON: lower, languagesJSON: languages)
    }
    let unnamed = Data(#"[{"code":"MA","nameEn":"","nameFr":"Maroc"}]"#.utf8)
    #expect(throws: ReferenceDataError.nameMissing(file: "countries.json", code: "MA")) {
        try ReferenceData(countriesJSON: unnamed, languagesJSON: languages)
    }
    #expect(throws: ReferenceDataError.self) {
        try ReferenceData(countriesJSON: Data("{}".utf8), languagesJSON: languages)
    }
}
