import Foundation
import Testing
import FrontDeskDomain
import FrontDeskResources

// The string tables and reference lists are compiled into the binary from the JSON files
// (`embed-resources`), which stay the source. These tests hold the two the same, entry by entry,
// so that a mistake in the tool's escaping or a skipped field cannot go unnoticed.

@Test(arguments: ["en", "fr"])
func compiledStringTableIsTheJSONFile(language: String) throws {
    let data = try #require(FrontDeskResources.data(named: "strings/\(language).json"))
    let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: String])
    let compiled = try #require(FrontDeskResources.stringTable(language))
    #expect(compiled.count == json.count)
    for (key, text) in json { #expect(compiled[key] == text, "\(key)") }
}

@Test func theTablesHoldWhatALiteralMustEscape() throws {
    // What the comparison above covers: line feeds and quotes (English), « » and no-break
    // spaces (French), Arabic script (both).
    let all = try ["en", "fr"].flatMap { try #require(FrontDeskResources.stringTable($0)).values }
    #expect(all.contains { $0.contains("\n") })
    #expect(all.contains { $0.contains("\"") })
    #expect(all.contains { $0.contains("«") })
}

@Test func noTableForALanguageNotShipped() {
    #expect(FrontDeskResources.stringTable("de") == nil)
    #expect(FrontDeskResources.stringTable("") == nil)
    #expect(FrontDeskResources.referenceEntries("cities") == nil)
}

@Test func compiledReferenceListsAreTheJSONFiles() throws {
    let decoded = try ReferenceData(countriesJSON: try #require(FrontDeskResources.data(named: "countries.json")),
                                    languagesJSON: try #require(FrontDeskResources.data(named: "languages.json")))
    let countries = try #require(FrontDeskResources.referenceEntries("countries")).map {
        Country(code: $0.code, nameEn: $0.nameEn, nameFr: $0.nameFr, nameAr: $0.nameAr, common: $0.common, otherCodes: $0.otherCodes, aliases: $0.aliases)
    }
    let languages = try #require(FrontDeskResources.referenceEntries("languages")).map {
        Language(code: $0.code, nameEn: $0.nameEn, nameFr: $0.nameFr, nameAr: $0.nameAr, common: $0.common, otherCodes: $0.otherCodes, aliases: $0.aliases)
    }
    #expect(countries == decoded.countries)
    #expect(languages == decoded.languages)
    // Every optional field is carried: some entries have each, some do not.
    #expect(countries.contains { $0.common } && countries.contains { !$0.common })
    #expect(countries.contains { !$0.aliases.isEmpty } && countries.contains { !$0.otherCodes.isEmpty })
    #expect(languages.contains { $0.common } && languages.contains { !$0.aliases.isEmpty })
    #expect(countries.first { $0.code == "MA" }?.nameAr == "المغرب")
}
