import Foundation
import FrontDeskDomain
import FrontDeskResources
import FrontDeskUI

/// The shipped data files, loaded and checked, with a clear message when one is missing.
enum ShippedData {
    static func required(_ name: String) throws -> Data {
        guard let data = FrontDeskResources.data(named: name) else {
            throw UserError(key: "cli.error.missingResource", name)
        }
        return data
    }

    /// The countries and languages with their search index. - Throws: `UserError` when a list
    /// was not shipped or an entry breaks `ReferenceData`'s rules (a bad or repeated code).
    static func reference() throws -> ReferenceData {
        do {
            return try ReferenceData(countries: try countryList(), languages: try languageList())
        } catch let e as UserError { throw e } catch {
            throw UserError(key: "cli.error.damagedReference", "\(error)")
        }
    }

    /// The countries by alpha-2 code, without the search index `reference()` builds (folding
    /// every name in both languages): what a report needs to name nationalities. The first
    /// entry of a code wins, as `ReferenceData` would refuse the list.
    static func countries() throws -> [String: Country] {
        Dictionary(try countryList().map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The languages by ISO 639 code, without the search index `reference()` builds.
    static func languages() throws -> [String: Language] {
        Dictionary(try languageList().map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// `countries.json`'s entries in file order (compiled in: `FrontDeskResources.referenceEntries`).
    private static func countryList() throws -> [Country] {
        guard let entries = FrontDeskResources.referenceEntries("countries") else { throw UserError(key: "cli.error.missingResource", "countries.json") }
        return entries.map {
            Country(code: $0.code, nameEn: $0.nameEn, nameFr: $0.nameFr, nameAr: $0.nameAr, common: $0.common,
                    otherCodes: $0.otherCodes, aliases: $0.aliases)
        }
    }

    /// `languages.json`'s entries in file order.
    private static func languageList() throws -> [Language] {
        guard let entries = FrontDeskResources.referenceEntries("languages") else { throw UserError(key: "cli.error.missingResource", "languages.json") }
        return entries.map {
            Language(code: $0.code, nameEn: $0.nameEn, nameFr: $0.nameFr, nameAr: $0.nameAr, common: $0.common,
                     otherCodes: $0.otherCodes, aliases: $0.aliases)
        }
    }

    static func services() throws -> [Service] {
        do { return try Catalog.decodeServices(from: try required("services.json")) } catch let e as UserError { throw e } catch {
            throw UserError(key: "cli.error.damagedCatalog", "\(error)")
        }
    }

    /// The UI's strings in `language`, English behind them for a key the table lacks. The
    /// tables are compiled in (`FrontDeskResources.stringTable`), checked when the binary was
    /// built. - Throws: `UserError` when the language's table was not shipped.
    static func strings(_ language: UILanguage) throws -> Localizer {
        guard let table = FrontDeskResources.stringTable(language.rawValue) else {
            throw UserError(key: "cli.error.missingResource", "strings/\(language.rawValue).json")
        }
        // English is the fallback table: the same table twice for English would only cost time.
        return Localizer(language: language, table: table,
                         fallback: language == .en ? [:] : FrontDeskResources.stringTable("en") ?? [:])
    }
}
