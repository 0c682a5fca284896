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

    static func reference() throws -> ReferenceData {
        do {
            return try ReferenceData(countriesJSON: try required("countries.json"), languagesJSON: try required("languages.json"))
        } catch let e as UserError { throw e } catch {
            throw UserError(key: "cli.error.damagedReference", "\(error)")
        }
    }

    /// The countries by alpha-2 code, without the search index `reference()` builds (folding
    /// every name in both languages): what a report needs to name nationalities.
    static func countries() throws -> [String: Country] {
        do {
            // JSONSerialization, not JSONDecoder: see `Localizer.init(language:json:fallbackJSON:)`.
            guard let list = try JSONSerialization.jsonObject(with: try required("countries.json")) as? [[String: Any]] else {
                throw UserError(key: "cli.error.damagedReference", "countries.json")
            }
            var out: [String: Country] = [:]
            for item in list {
                guard let code = item["code"] as? String, let en = item["nameEn"] as? String, let fr = item["nameFr"] as? String else {
                    throw UserError(key: "cli.error.damagedReference", "countries.json")
                }
                if out[code] == nil {
                    out[code] = Country(code: code, nameEn: en, nameFr: fr, nameAr: item["nameAr"] as? String ?? "", common: item["common"] as? Bool ?? false,
                                        otherCodes: item["otherCodes"] as? [String] ?? [], aliases: item["aliases"] as? [String] ?? [])
                }
            }
            return out
        } catch let e as UserError { throw e } catch {
            throw UserError(key: "cli.error.damagedReference", "\(error)")
        }
    }

    /// The languages by ISO 639 code, without the search index `reference()` builds.
    static func languages() throws -> [String: Language] {
        do {
            let list = try JSONDecoder().decode([Language].self, from: try required("languages.json"))
            return Dictionary(list.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        } catch let e as UserError { throw e } catch {
            throw UserError(key: "cli.error.damagedReference", "\(error)")
        }
    }

    static func services() throws -> [Service] {
        do { return try Catalog.decodeServices(from: try required("services.json")) } catch let e as UserError { throw e } catch {
            throw UserError(key: "cli.error.damagedCatalog", "\(error)")
        }
    }

    static func strings(_ language: UILanguage) throws -> Localizer {
        do {
            // English is the fallback table: reading it twice for English would only cost time.
            return try Localizer(language: language, json: try required("strings/\(language.rawValue).json"),
                                 fallbackJSON: language == .en ? nil : FrontDeskResources.data(named: "strings/en.json"))
        } catch let e as UserError { throw e } catch {
            throw UserError("damaged strings file for \(language.rawValue): \(error)")
        }
    }
}
